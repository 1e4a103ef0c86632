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


SAME_ROW = 0.8  # vertical overlap at which words whose boxes cross (garbled small print) share a row


def _overlap(a: Word, b: Word) -> float:
    """Vertical overlap of two words relative to the shorter one."""
    top, bottom = max(a.bbox[1], b.bbox[1]), min(a.bbox[3], b.bbox[3])
    shorter = max(1, min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]))
    return max(0, bottom - top) / shorter


def _is_mark(w: Word, band: int) -> bool:
    """A comma, dot or quote: much shorter than a letter, often sitting on or under the baseline."""
    return w.bbox[3] - w.bbox[1] < 0.5 * band


def _row_score(row: list[Word], w: Word, band: int) -> float:
    """How well `w` continues `row`, measured against the row's last real word, not a trailing mark.

    Overlap relative to the shorter box lets a comma hanging below the baseline join its line; a word
    joining a row made only of marks scores low, so "quan" follows "Cơ", not the comma before it.
    """
    ref = next((x for x in reversed(row) if not _is_mark(x, band)), row[-1])
    if _is_mark(w, band) and not _is_mark(ref, band):
        h = ref.bbox[3] - ref.bbox[1]
        below = Word(ref.text, (ref.bbox[0], ref.bbox[1], ref.bbox[2], ref.bbox[3] + int(0.35 * h)), ref.conf)
        return _overlap(below, w)
    score = _overlap(ref, w)
    return 0.5 * score if _is_mark(ref, band) and not _is_mark(w, band) else score


def group_lines(words: list[Word], page: int = 1) -> list[Line]:
    """Chain each word to the line whose rightmost word it sits beside, then order lines.

    Comparing a word with its left neighbour (not with the line's average height) follows a
    slightly skewed baseline, so two close lines of a bold header never interleave.
    """
    if not words:
        return []
    rows: list[list[Word]] = []
    band = max(8, int(sorted(w.bbox[3] - w.bbox[1] for w in words)[len(words) // 2]))
    buckets: dict[int, set[int]] = {}  # row index by the band its last word's centre is in

    def centre(w: Word) -> int:
        return (w.bbox[1] + w.bbox[3]) // 2 // band

    for w in sorted(words, key=lambda w: (w.bbox[0], w.bbox[1])):
        best, best_score = -1, 0.5
        c = centre(w)
        for i in buckets.get(c - 1, set()) | buckets.get(c, set()) | buckets.get(c + 1, set()):
            last = rows[i][-1]
            if last.bbox[2] > w.bbox[0] + 0.5 * (w.bbox[2] - w.bbox[0]) and _overlap(last, w) < SAME_ROW:
                continue  # that row already reaches past this word: not its neighbour, unless level with it
            score = _row_score(rows[i], w, band)
            if score > best_score or score == best_score and i < best:
                best, best_score = i, score
        if best < 0:
            rows.append([w])
            buckets.setdefault(c, set()).add(len(rows) - 1)
        else:
            buckets[centre(rows[best][-1])].discard(best)
            rows[best].append(w)
            buckets.setdefault(c, set()).add(best)
    lines = [Line(r, page) for r in rows]
    lines.sort(key=lambda ln: (ln.top + ln.bbox[3]) / 2)
    return _merge_tiny(lines)


def _merge_tiny(lines: list[Line]) -> list[Line]:
    """Fold stray marks (a detached dot, an accent) into the line they overlap."""
    out: list[Line] = []
    for ln in lines:
        host = next((o for o in reversed(out[-3:]) if len(ln.words) == 1
                     and not any(c.isalnum() for c in ln.words[0].text)
                     and _overlap(o.words[0], ln.words[0]) >= 0.5), None)
        if host is None:
            out.append(ln)
        else:
            idx = out.index(host)
            out[idx] = Line(sorted(host.words + ln.words, key=lambda w: w.bbox[0]), host.page)
    return out


def split_columns(line: Line, gap: int) -> list[Line]:
    """Split a line where two words are further apart than `gap` px (two-column headers).

    The gap is measured from the rightmost ink so far: a speck read inside a word's box ("l" in
    "Công") opens no gap after it.
    """
    segments: list[list[Word]] = [[line.words[0]]]
    right = line.words[0].bbox[2]
    for w in line.words[1:]:
        if w.bbox[0] - right > gap:
            segments.append([w])
            right = w.bbox[2]
        else:
            segments[-1].append(w)
            right = max(right, w.bbox[2])
    return [Line(s, line.page) for s in segments]
