"""Find printed labels in OCR'd lines fuzzily (OCR damages labels too) and read what follows."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from ocr.layout.lines import Line, is_leader
from ocr.model import Word


def fold_char(ch: str) -> str:
    """One char → its base letter, lower case; keeps string length so offsets map 1:1."""
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if base else ch


class _FoldTable(dict[int, str]):
    """str.translate table that learns each character's fold on first sight."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def is_letter(ch: str) -> bool:
    """A letter of the Vietnamese alphabet, marks and all (not "Œ", "ß", "ø" or the modifier "ˆ")."""
    return ch.isalpha() and fold_char(ch).isascii()


def fold(text: str) -> str:
    """Diacritic-free lower-case text of the same length."""
    return text.translate(_FOLD)


@dataclass(slots=True)
class KeyedLine:
    """A line's non-leader words as one folded string, with a map back to words."""

    line: Line
    words: list[Word]
    key: str
    owner: list[int]  # for each char of `key`: index into `words`, -1 for the joining space
    offset: list[int]  # for each char of `key`: offset inside its word

    @classmethod
    def build(cls, line: Line) -> KeyedLine:
        """Drop leaders, fold what is left, remember where each char came from."""
        words = [w for w in line.words if not is_leader(w.text)]
        key: list[str] = []
        owner: list[int] = []
        offset: list[int] = []
        for i, w in enumerate(words):
            if i and w.text not in (":", ";"):  # "Mã số :" keys as "ma so:", the way labels are written
                key.append(" ")
                owner.append(-1)
                offset.append(0)
            for j, ch in enumerate(fold(w.text)):
                key.append(":" if ch == ";" else ch)  # OCR reads a label's colon as ";" ("Mã số ;")
                owner.append(i)
                offset.append(j)
        return cls(line, words, "".join(key), owner, offset)


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a label was found: line index and the key span it covers."""

    line: int
    start: int
    end: int
    score: float


def threshold(label_key: str) -> float:
    """Short labels must match almost exactly; long ones may carry OCR damage."""
    n = len(label_key)
    if n < 8:
        return 90.0
    if n < 10:
        return 85.0
    return 80.0


def find_in_line(label_key: str, kl: KeyedLine, start: int = 0) -> Hit | None:
    """Best fuzzy occurrence of a folded label in a keyed line, at or after char `start`.

    A label's colon read as another sign ("hệ số." for "hệ số:") still ends it: short labels
    allow no other damage.
    """
    hit = _find(label_key, kl, start)
    if hit is None and label_key.endswith(":") and len(label_key) > 2:
        bare = _find(label_key[:-1], kl, start)
        if bare is not None and kl.key[bare.end : bare.end + 1] in (".", ";", ","):
            return Hit(bare.line, bare.start, bare.end + 1, bare.score)
    return hit


def _find(label_key: str, kl: KeyedLine, start: int) -> Hit | None:
    hay = kl.key[start:]
    if len(hay) < 0.8 * len(label_key):
        return None
    al = fuzz.partial_ratio_alignment(label_key, hay)
    if al is None or al.score < threshold(label_key):
        return None
    s, e = start + al.dest_start, start + al.dest_end
    # a label starts on a word boundary: reject hits inside another word, or (a label printed with a
    # leading "- " the OCR lost) move the start past the tail of the value word it swallowed
    if s > 0 and kl.key[s - 1].isalnum() and kl.key[s].isalnum():
        if label_key[0].isalnum():
            return None
        space = kl.key.find(" ", s, e)
        if space < 0:
            return None
        s = space + 1
    return Hit(-1, s, e, al.score)


def words_between(kl: KeyedLine, start: int, end: int, *, trim_end: bool = True) -> list[Word]:
    """Value words covering key chars [start, end); a word cut by a label keeps its tail."""
    out: list[Word] = []
    seen: set[int] = set()
    for pos in range(max(0, start), min(end, len(kl.key))):
        wi = kl.owner[pos]
        if wi < 0 or wi in seen:
            continue
        seen.add(wi)
        w = kl.words[wi]
        cut = kl.offset[pos]
        last = end - 1
        tail_end = len(w.text)
        if last < len(kl.key) and kl.owner[last] == wi:
            tail_end = kl.offset[last] + 1
        if cut or tail_end < len(w.text):
            w = _slice_word(w, cut, tail_end)
        out.append(w)
    return trim(out, end=trim_end)


def _inked(text: str) -> bool:
    """A letter, a digit, or "§" (a fax's 8: "Bậc lương: §")."""
    return any(c.isalnum() or c == "§" for c in text)


def trim(words: list[Word], *, end: bool = True) -> list[Word]:
    """Drop leading/trailing tokens with no letter or digit (OCR specks, stray colons)."""
    lo, hi = 0, len(words)
    while lo < hi and not _inked(words[lo].text):
        lo += 1
    while end and hi > lo and not _inked(words[hi - 1].text):
        hi -= 1
    # an unclosed "(…" at the end is the start of the next printed label, e.g. "(tỉnh, TP):"
    while hi > lo + 1 and words[hi - 1].text.startswith("(") and ")" not in words[hi - 1].text:
        hi -= 1
    out = words[lo:hi]
    if out:
        out[0] = _strip_junk(out[0])
        out[-1] = _strip_junk(out[-1])
    return out


_JUNK = "\"'“”‘’^ˆ~`´|_•*¬«»„"


def _strip_junk(w: Word) -> Word:
    """Quote marks and specks OCR glues to the first or last word of a value."""
    left = len(w.text) - len(w.text.lstrip(_JUNK))
    right = len(w.text.rstrip(_JUNK))
    if left == 0 and right == len(w.text) or right <= left:
        return w
    return _slice_word(w, left, right)


def _slice_word(w: Word, a: int, b: int) -> Word:
    """Part of a word, its box cut in proportion to the characters kept."""
    n = max(1, len(w.text))
    x0, y0, x1, y1 = w.bbox
    width = x1 - x0
    return Word(w.text[a:b], (x0 + width * a // n, y0, x0 + width * b // n, y1), w.conf)
