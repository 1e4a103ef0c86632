"""Text clean-up shared by every kind: NFC, leaders, spaces, tone-mark placement, OCR digits."""

from __future__ import annotations

import re
import unicodedata

from hoso.normalize.confusions import glyphs, look_alikes

# Dotted leaders on blank forms: "……", "....", ". . . .", "_____" (two or more dots, any ellipsis).
_LEADERS = re.compile(r"…+|\.(?:\s*\.)+|_{2,}")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = ",;:."
# Tone marks in NFD (grave, acute, tilde, hook above, dot below).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old placement in an open syllable: the tone on the o/u of "oa", "oe", "uy" ("hoà", "khoẻ", "thuý").
_OPEN_GLIDE = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])(?![^\W\d_]|[\u0300-\u036f])")
_RUN = re.escape(glyphs("run"))
_OCR_DIGIT_RUN = re.compile(rf"(?<![^\W\d_])[0-9{_RUN}]*[0-9][0-9{_RUN}]*(?![^\W\d_])")
_OCR_DIGITS = look_alikes("run")


def strip_leaders(s: str) -> str:
    """Remove dotted leaders ("……", "....", ". . .", "___") anywhere and collapse spaces."""
    return collapse_spaces(_LEADERS.sub(" ", s))


def collapse_spaces(s: str) -> str:
    """Single spaces, no leading or trailing blank."""
    return _SPACES.sub(" ", s).strip()


def nfc(s: str) -> str:
    """NFC with the Icelandic eth "Ð" (U+00D0), often typed for "Đ", mapped to "Đ"."""
    return unicodedata.normalize("NFC", s).replace("\u00d0", "Đ").replace("\u00f0", "đ")


def canonical_tone_marks(s: str) -> str:
    """Move old-style tones in open "oa/oe/uy" syllables to the first vowel: "Hoà" → "Hòa"."""
    decomposed = unicodedata.normalize("NFD", s)
    moved = _OPEN_GLIDE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", moved)


def _move_tone(m: re.Match[str]) -> str:
    pair, tone = m.group(1), m.group(2)
    return pair[0] + tone + pair[1]


def strip_edge_punct(s: str) -> str:
    """Drop ",;:." and blanks at both ends ("Kinh." → "Kinh", "./." end marks included)."""
    return s.strip().strip(_EDGE_PUNCT + "/ ").strip()


def clean(s: str, *, tones: bool = True) -> str:
    """NFC, "Ð" → "Đ", canonical tones (`tones`), no leaders, single spaces, no end punctuation."""
    text = strip_leaders(nfc(s))
    return strip_edge_punct(canonical_tone_marks(text) if tones else text)


def same_but_tone_placement(a: str, b: str) -> bool:
    """Two spellings of one word that differ only in where the tone sits ("UỶ" / "ỦY", "Hoà" / "Hòa")."""
    return a != b and canonical_tone_marks(a).casefold() == canonical_tone_marks(b).casefold()


def fix_ocr_digits(s: str) -> str:
    """Read O as 0 and l/I/| as 1 inside a digit group ("l985" → "1985"), never inside a word."""
    return _OCR_DIGIT_RUN.sub(lambda m: m.group(0).translate(_OCR_DIGITS), s)


def fold_ascii(s: str) -> str:
    """Lower case without diacritics ("Tháng" → "thang", "Đ" → "d") for keyword matching."""
    decomposed = unicodedata.normalize("NFD", nfc(s).replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_CEFR_READ_AS_LETTER = re.compile(r"\b([ABC])[Il|]$")


def fix_language_level(text: str) -> str:
    """A CEFR level at the end of a foreign-language value keeps its digit: "Tiếng Anh BI" → "B1".

    Levels are A1–C2; a capital I, small l or bar after A/B/C there can only be a misread 1.
    """
    return _CEFR_READ_AS_LETTER.sub(r"\g<1>1", text)
