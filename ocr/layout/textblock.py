"""Several lines as one string, so regexes can run over text and still yield word boxes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ocr.layout.lines import Line, is_leader
from ocr.model import BBox, Word, union_bbox


@dataclass(slots=True)
class TextBlock:
    """Lines joined by newlines; `spans` maps char ranges back to (line, word)."""

    lines: list[Line]
    text: str = ""
    spans: list[tuple[int, int, int, Word]] = field(default_factory=list)  # start, end, page, w

    def __post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        for ln in self.lines:
            words = [w for w in ln.words if not is_leader(w.text)]
            for i, w in enumerate(words):
                if i:
                    parts.append(" ")
                    pos += 1
                self.spans.append((pos, pos + len(w.text), ln.page, w))
                parts.append(w.text)
                pos += len(w.text)
            parts.append("\n")
            pos += 1
        self.text = "".join(parts)

    def words_in(self, start: int, end: int) -> list[tuple[int, Word]]:
        """(page, word) pairs overlapping the char range."""
        return [(p, w) for s, e, p, w in self.spans if s < end and e > start]

    def locate(self, start: int, end: int) -> tuple[int, BBox, float] | None:
        """Page, union box (on the first page) and min confidence of a char range."""
        hits = self.words_in(start, end)
        if not hits:
            return None
        page = hits[0][0]
        words = [w for p, w in hits if p == page]
        return page, union_bbox([w.bbox for w in words]), min(w.conf for _, w in hits)
