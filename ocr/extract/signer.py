"""The signer's name on a seal-marked signature line: which words are the name, which are seal."""

from __future__ import annotations

from ocr.extract.anchors import fold
from ocr.model import Word


def _is_letter(c: str) -> bool:
    """A letter of the Vietnamese alphabet, marks and all (not "Œ", "ß", "Ø" a ring arc reads as)."""
    return c.isalpha() and fold(c).isascii()


def trim_marks(text: str) -> str:
    """A word without the quote, tick or dot that a seal's ring or a scribble left at its edges."""
    return text.strip("\"'`‘’“”;:.,-_~¬|()[]{}")


def is_name_word(text: str) -> bool:
    """A capitalised word of letters only ("Nguyễn"), once seal marks are trimmed off its edges."""
    t = trim_marks(text)
    return bool(t) and all(_is_letter(c) for c in t) and t[:1].isupper() and t[1:] == t[1:].lower()


def name_run(words: list[Word]) -> list[Word]:
    """The trailing 2–6 capitalised words of a line: the name, without the seal junk left of it.

    Junk is marks without letters (a ring arc read as "⁄", "¬", "Œ"); a damaged word with letters
    in it may be the name's first word, so then the line is no name rather than half of one.
    """
    cut = len(words)
    while cut > 0 and is_name_word(words[cut - 1].text):
        cut -= 1
    run = words[cut:]
    if any(_is_letter(c) for w in words[:cut] for c in w.text):
        return []
    return run if 2 <= len(run) <= 6 else []
