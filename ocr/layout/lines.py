"""Group words into text lines by geometry, so text-layer and OCR pages look the same."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ocr.model import BBox, Word, union_bbox

_LEADER = re.compile(r"^[.…·_\-:,;]*[.…_][.…·_\-:,;]*$")


def is_leader(text: str) -> bool:
    """A token made only of leader dots/ellipsis/underscores ("……", "....", ".:.")."""
    return len(text) >= 2 and bool(_LEADER.match(text)) or text in ("…", "_")


@dataclass(slots=True)
class Line:
    """Words on one visual line, left to right, with a text view that maps back to words."""

    words: list[Word]
    page: int = 1
    text: str = ""
    starts: list[int] = field(default_factory=list)  # char offset of each word in `text`

    def __post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        self.starts = []
        for w in self.words:
            self.starts.append(pos)
            parts.append(w.text)
            pos += len(w.text) + 1
        self.text = " ".join(parts)

    @property
    def bbox(self) -> BBox:
        """Box around the whole line."""
        return union_bbox([w.bbox for w in self.words])

    @property
    def top(self) -> int:
        """Upper edge, for ordering."""
        return min(w.bbox[1] for w in self.words)

    def word_range(self, start: int, end: int) -> list[Word]:
        """Words overlapping the character span [start, end) of `text`."""
        out = []
        for w, s in zip(self.words, self.starts, strict=True):
            if s < end and s + len(w.text) > start:
                out.append(w)
        return out


def group_lines(words: list[Word], page: int = 1) -> list[Line]:
    """Cluster words into lines by vertical overlap, then order lines top to bottom."""
    if not words:
        return []
    ordered = sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    rows: list[list[Word]] = []
    centers: list[float] = []
    heights: list[float] = []
    for w in ordered:
        cy = (w.bbox[1] + w.bbox[3]) / 2
        h = max(1, w.bbox[3] - w.bbox[1])
        if rows and abs(cy - centers[-1]) <= 0.5 * max(min(h, heights[-1]), 8):
            rows[-1].append(w)
            n = len(rows[-1])
            centers[-1] += (cy - centers[-1]) / n
            heights[-1] = max(heights[-1], h) if not is_leader(w.text) else heights[-1]
        else:
            rows.append([w])
            centers.append(cy)
            heights.append(h)
    lines = [Line(sorted(r, key=lambda w: w.bbox[0]), page) for r in rows]
    lines.sort(key=lambda ln: ln.top)
    return lines


def split_columns(line: Line, gap: int) -> list[Line]:
    """Split a line where two words are further apart than `gap` px (two-column headers)."""
    segments: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        if w.bbox[0] - prev.bbox[2] > gap:
            segments.append([w])
        else:
            segments[-1].append(w)
    return [Line(s, line.page) for s in segments]
