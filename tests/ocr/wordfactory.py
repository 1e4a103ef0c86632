"""Build Word lists from plain text lines, as a text layer would give them (test helper)."""

from __future__ import annotations

from ocr.layout.lines import Line, group_lines
from ocr.model import Word

CHAR_W = 22
LINE_H = 60


def words_from_text(rows: list[str], *, x0: int = 200, y0: int = 200, conf: float = 1.0,
                    column_x: dict[int, int] | None = None) -> list[Word]:
    """One Word per space-separated token, laid left to right, one row per line."""
    words: list[Word] = []
    for r, row in enumerate(rows):
        y = y0 + r * LINE_H
        x = (column_x or {}).get(r, x0)
        for segment in row.split("   "):  # three spaces = a column gap
            for tok in segment.split():
                w = len(tok) * CHAR_W
                words.append(Word(tok, (x, y, x + w, y + 45), conf))
                x += w + CHAR_W
            x += 1000
    return words


def lines_from_text(rows: list[str], page: int = 1, **kw: object) -> list[Line]:
    """Rows → grouped lines, the same way real pages are grouped."""
    return group_lines(words_from_text(rows, **kw), page)  # type: ignore[arg-type]
