"""Normalized field values per kind (CONTRACT.md "Normalized value per kind") and scoring folds.

Tone marks: the canonical placement in open "oa/oe/uy" syllables is on the first vowel
("Hòa", "Thúy", "Khỏe", "CỘNG HÒA"), as in the contract's examples and the Quốc hiệu of
NĐ 30/2020; "Hoà", "Thuý", "Khoẻ" are mapped to it for names, text, addresses and enums, except
in the header lines a document prints and the contract asks for as printed (`AS_PRINTED`: an
agency of the 1990s is "UỶ BAN NHÂN DÂN"). Comparison folds the placement either way.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from hoso.fields import FieldKind
from hoso.normalize.address import fold_address, normalize_address, normalize_address_parts
from hoso.normalize.dates import expand_year, parse_date
from hoso.normalize.enums import LOAI_QUYET_DINH, normalize_enum
from hoso.normalize.names import normalize_name, title_case
from hoso.normalize.numbers import (
    normalize_code,
    normalize_decimal,
    normalize_digits,
    normalize_int,
    normalize_measure,
)
from hoso.normalize.text import canonical_tone_marks, clean, fix_language_level, fix_ocr_digits, strip_leaders

__all__ = [
    "LOAI_QUYET_DINH",
    "MEASURES",
    "canonical_tone_marks",
    "expand_year",
    "fix_language_level",
    "fix_ocr_digits",
    "fold_address",
    "fold_for_compare",
    "known_kind",
    "normalize",
    "normalize_address",
    "normalize_address_parts",
    "normalize_code",
    "normalize_decimal",
    "normalize_digits",
    "normalize_enum",
    "normalize_int",
    "normalize_measure",
    "normalize_name",
    "normalize_text",
    "parse_date",
    "strip_leaders",
    "title_case",
]


AS_PRINTED = frozenset({"co_quan_ban_hanh", "chuc_vu_nguoi_ky", "trich_yeu"})
MEASURES = frozenset({"chieu_cao", "can_nang"})  # text in fields.csv, but a number beside a printed unit


def normalize_text(raw: str, *, tones: bool = True) -> str | None:
    """NFC, single spaces, as written, without leaders or end punctuation; None when blank."""
    return clean(raw, tones=tones) or None


def normalize(kind: FieldKind, raw: str, *, key: str = "", today: date | None = None) -> str | None:
    """The normalized value of raw for its kind, or None when raw holds no value."""
    if kind == "date":
        return parse_date(raw, today)
    if kind == "enum":
        return normalize_enum(raw, key)
    if kind == "name":
        return normalize_name(raw)
    if kind == "address":
        return normalize_address(raw)
    if kind == "int":
        return normalize_int(raw)
    if kind == "decimal":
        return normalize_decimal(raw)
    if kind == "digits":
        return normalize_digits(raw)
    if kind == "code":
        return normalize_code(raw)
    if key in MEASURES:
        return normalize_measure(raw) or normalize_text(raw)
    if key == "ngoai_ngu":
        return normalize_text(fix_language_level(clean(raw)))
    return normalize_text(raw, tones=key not in AS_PRINTED)


def fold_for_compare(kind: str, value: str, *, key: str = "") -> str:
    """The form two values are compared in: normalized, names case-folded, addresses prefix-folded."""
    text = str(value)
    if kind == "address":
        return fold_address(text)
    normalized = normalize(known_kind(kind), text, key=key)
    if normalized is None:
        return ""
    normalized = canonical_tone_marks(normalized)  # "UỶ BAN" as printed is the record's "ỦY BAN"
    return normalized.casefold() if kind == "name" else normalized


_KINDS = frozenset({"name", "text", "address", "date", "int", "decimal", "digits", "code", "enum"})


def known_kind(kind: str) -> FieldKind:
    """A fields.csv kind the normalizers know; any other is read as free text."""
    return cast(FieldKind, kind if kind in _KINDS else "text")
