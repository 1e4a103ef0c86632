"""The signer's name on a seal-marked signature line: which words are the name, which are seal."""

from __future__ import annotations

from ocr.extract.anchors import is_letter
from ocr.model import Word


def trim_marks(text: str) -> str:
    """A word without the quote, tick or dot that a seal's ring or a scribble left at its edges."""
    return text.strip("\"'`‘’“”;:.,-_~¬|()[]{}")


def is_name_word(text: str) -> bool:
    """A capitalised word of letters only ("Nguyễn"), once seal marks are trimmed off its edges."""
    t = trim_marks(text)
    return bool(t) and all(is_letter(c) for c in t) and t[:1].isupper() and t[1:] == t[1:].lower()


SPECK_CONF = 0.3  # a lone lower-case letter read below this inside a name is a speck of the ring


NAME_INITIALS = "HY"  # one-letter syllables of Ê Đê and Jrai names ("H Ngơm Byă", "Y Moan Ênuôl")


def _is_speck(w: Word) -> bool:
    """A lone letter read unsurely inside a name: no Vietnamese syllable is one letter but H and Y."""
    t = trim_marks(w.text)
    return w.conf < SPECK_CONF and len(t) == 1 and t not in NAME_INITIALS


def _name_tail(w: Word) -> Word | None:
    """The name word at the end of a word the ring's junk is glued to ("ZY;-Đương" → "Đương")."""
    cut = max((i for i, c in enumerate(w.text) if not is_letter(c)), default=-1)
    tail = w.text[cut + 1 :]
    return Word(tail, w.bbox, w.conf) if cut >= 0 and len(tail) >= 2 and is_name_word(tail) else None


def name_run(words: list[Word]) -> list[Word]:
    """The trailing 2–6 capitalised words of a line: the name, without the seal junk left of it.

    Junk is marks without letters (a ring arc read as "⁄", "¬", "Œ"), a lone lower-case speck
    inside the name ("Ngô Công l Phong"), or signs glued before the first word ("ZY;-Đương"); a
    damaged word with letters in it may be the name's first word, so then the line is no name
    rather than half of one.
    """
    cut = len(words)
    run: list[Word] = []
    while cut > 0 and (is_name_word(words[cut - 1].text) or (run and _is_speck(words[cut - 1]))):
        if not _is_speck(words[cut - 1]):
            run.insert(0, words[cut - 1])
        cut -= 1
    if cut > 0 and run and (tail := _name_tail(words[cut - 1])) is not None:
        run.insert(0, tail)
        cut -= 1
    if any(is_letter(c) for w in words[:cut] for c in w.text):
        return []
    return run if 2 <= len(run) <= 6 else []
