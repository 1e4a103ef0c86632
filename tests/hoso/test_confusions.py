"""The confusion table: every row is read in each of its contexts, and only there."""

from __future__ import annotations

import pytest

from hoso.normalize import normalize
from hoso.normalize.confusions import _rows, look_alikes, readings

CONTEXTS = sorted({c for _, _, contexts in _rows() for c in contexts})
ROWS = [(seen, meant, context) for seen, meant, contexts in _rows() for context in sorted(contexts)]


@pytest.mark.parametrize(("seen", "meant", "context"), ROWS)
def test_each_row_reads_its_glyph_in_its_context(seen: str, meant: str, context: str):
    assert seen.translate(look_alikes(context)) == meant


def test_a_glyph_means_one_thing_per_context():
    for context in CONTEXTS:
        pairs = [(seen, meant) for seen, meant, cs in _rows() if context in cs]
        assert len({s for s, _ in pairs}) == len(pairs), context


def test_a_glyph_outside_its_contexts_is_left_alone():
    assert "D" not in readings("day")  # a D in a date is no 0: only matching tolerates it
    assert "q" not in readings("so")  # a document number's q stays a letter
    with pytest.raises(KeyError):
        readings("nowhere")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("date", "ngày o9 tháng 07 năm 1985", "1985-07-09"),  # day: an o in a day slot is an 0
        ("date", "ngày 1ó tháng 11 năm 1995", "1995-11-16"),  # marked_six
        ("date", "27... tháng 08... năm 199G", "1996-08-27"),  # year: a 6 as a G
        ("int", "b)", "8"),  # int: a whole value that is one look-alike
        ("text", "5B kg", "58"),  # measure
    ],
)
def test_contexts_as_the_normalizers_use_them(kind: str, raw: str, expected: str):
    assert normalize(kind, raw, key="can_nang") == expected
