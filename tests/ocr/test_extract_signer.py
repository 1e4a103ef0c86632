"""Which words of a seal-marked signature line are the signer's name."""

from __future__ import annotations

import pytest

from ocr.extract.signer import name_run
from ocr.model import Word


def _run(line: str) -> str:
    words = [Word(t, (40 * i, 0, 40 * i + 30, 20), 0.9) for i, t in enumerate(line.split())]
    return " ".join(w.text for w in name_run(words))


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("¬ ⁄ Trần Thị Bích", "Trần Thị Bích"),  # ring arcs read as marks
        ("Œ Vũ Minh Bình", "Vũ Minh Bình"),  # … or as a letter no Vietnamese word has
        ("Vũ Minh Bìnß", ""),  # a name word with a foreign letter is damaged, not a name word
        ("Ngu»ễn Văn An", ""),  # a damaged first word: no name rather than half of one
        ("An", ""),  # one word is no full name
    ],
)
def test_the_name_is_the_trailing_run_of_capitalised_vietnamese_words(line: str, name: str):
    assert _run(line) == name


def test_a_speck_inside_the_name_and_junk_glued_before_it_are_no_part_of_it():
    speck = [Word("Ngô", (0, 0, 30, 20), 0.5), Word("Công", (40, 0, 80, 20), 0.5), Word("l", (50, 0, 52, 20), 0.0),
             Word("Phong", (90, 0, 130, 20), 0.96)]  # fmt: skip
    assert [w.text for w in name_run(speck)] == ["Ngô", "Công", "Phong"]
    glued = [Word("ZY;-Đương", (0, 0, 30, 20), 0.1), Word("Xuân", (40, 0, 80, 20), 0.94),
             Word("Nhung", (90, 0, 130, 20), 0.94)]  # fmt: skip
    assert [w.text for w in name_run(glued)] == ["Đương", "Xuân", "Nhung"]


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (["Đặng", "F", "Văn", "Minh"], ["Đặng", "Văn", "Minh"]),  # a capital speck: no syllable is "F"
        (["H", "Ngơm", "Byă"], ["H", "Ngơm", "Byă"]),  # an Ê Đê name keeps its one-letter syllable
    ],
)
def test_a_lone_unsure_letter_is_a_speck_unless_it_is_a_name_initial(texts: list[str], name: list[str]):
    words = [Word(t, (40 * i, 0, 40 * i + 30, 20), 0.0 if len(t) == 1 else 0.9) for i, t in enumerate(texts)]
    assert [w.text for w in name_run(words)] == name
