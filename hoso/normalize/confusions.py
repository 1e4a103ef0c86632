"""The one table of OCR confusions (`spec/confusions.csv`): which glyph stands for which character where.

A glyph misread for a digit is only a digit in a slot that holds digits, and which misreadings are
safe depends on the slot: a day may be "oq" (a fax breaks an 0 into U or Q), a whole int may be
a lone "b)" for 8, a code's letters must stay letters. So each row names the reading contexts it
holds in, and every part of hoso that reads look-alikes asks this table for its context — a new
confusion is a row and its test, not another copy of a translate table.

Contexts: `run` (a digit group inside text), `int`, `day` (a day or month slot), `year`, `so` (the
số of a document number), `decimal`, `ma_ngach`, `measure` (a height or weight), `compare`
(matching's tolerance of an unsure look-alike), `marked_six` (an o with a mark beside digits),
`roman` (a hạng numeral: I–IV).
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

TABLE = "spec/confusions.csv"


@cache
def _rows() -> tuple[tuple[str, str, frozenset[str]], ...]:
    text = resources.files("hoso").joinpath(TABLE).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((r["seen"], r["meant"], frozenset(r["contexts"].split())) for r in csv.DictReader(lines))


@cache
def readings(context: str) -> dict[str, str]:
    """Seen glyph → what it stands for, in one reading context."""
    found = {seen: meant for seen, meant, contexts in _rows() if context in contexts}
    if not found:
        raise KeyError(f"no confusion holds in context {context!r}")
    return found


@cache
def look_alikes(context: str) -> dict[int, str]:
    """A str.translate table for one reading context."""
    return str.maketrans(readings(context))


def glyphs(context: str) -> str:
    """The glyphs read as something else in one context, as a string (for a regex class)."""
    return "".join(readings(context))
