"""Personal names: NFC, canonical tone marks, title case per syllable, no "Ông"/"Bà" title."""

from __future__ import annotations

import re
import unicodedata

from hoso.normalize.text import clean

# "Ông", "Bà", "Ông (Bà)", "Ông/Bà", "Đồng chí", "Đ/c" before the name, with an optional colon.
_TITLE = re.compile(
    r"^(?:(?:ông|bà)\s*(?:\(\s*(?:ông|bà)\s*\)|/\s*(?:ông|bà))?|đồng chí|đ/c)\s*[:.]?(?:\s+|$)",
    re.IGNORECASE,
)
_SYLLABLE_START = re.compile(r"(^|[\s\-])(\w)")


def normalize_name(raw: str) -> str | None:
    """Title-cased name without a title ("NGUYỄN THỊ MINH KHAI" → "Nguyễn Thị Minh Khai"), or None."""
    text = clean(raw)
    text = clean(_TITLE.sub("", text, count=1))
    # a mark with no letter at either end ("… Tuyết ˆ") is a speck the OCR read, not a syllable
    words = text.split(" ")
    while words and not _has_letter(words[-1]):
        words.pop()
    while words and not _has_letter(words[0]):
        words.pop(0)
    return title_case(" ".join(words)) or None


def _has_letter(word: str) -> bool:
    """A cased letter: "ˆ" (a modifier letter) and "'" are no part of a name."""
    return any(unicodedata.category(c) in ("Lu", "Ll", "Lt") for c in word)


def title_case(s: str) -> str:
    """Upper-case the first letter of each syllable (also after "-"), lower-case the rest."""
    return _SYLLABLE_START.sub(lambda m: m.group(1) + m.group(2).upper(), s.lower())
