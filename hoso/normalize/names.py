"""Personal names: NFC, canonical tone marks, title case per syllable, no "Ông"/"Bà" title."""

from __future__ import annotations

import re

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
    return title_case(text) or None


def title_case(s: str) -> str:
    """Upper-case the first letter of each syllable (also after "-"), lower-case the rest."""
    return _SYLLABLE_START.sub(lambda m: m.group(1) + m.group(2).upper(), s.lower())
