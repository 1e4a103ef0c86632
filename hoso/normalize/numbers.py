"""Numeric kinds: int ("bậc 4" → "4"), decimal ("3,66" → "3.66"), digits, and printed codes."""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources

from hoso.normalize.confusions import glyphs, look_alikes
from hoso.normalize.text import clean, fix_ocr_digits

_INT = re.compile(r"\d+")
# "3,66", "3.3", OCR "3, 33"; a bare "4" is "4.00".
_DECIMAL = re.compile(r"(?<![\d.,])(\d{1,6})(?:\s*[.,]\s*(\d+))?")
_CODE_JOINERS = re.compile(r"\s*([/.\-])\s*")
_CODE_PREFIX = re.compile(r"^(?:số|so)\s*[:.]?\s*(?=\d)", re.IGNORECASE)
_CENT = Decimal("0.01")


# "b)" for 8, "Š" for 5: the whole value is one look-alike
_LONE_LOOK_ALIKE = re.compile(rf"^\W*([{re.escape(glyphs('int'))}])\W*$")
_INT_LOOK_ALIKES = look_alikes("int")


def normalize_int(raw: str) -> str | None:
    """The first number, without leading zeros ("04" → "4", "4/9" → "4").

    A value that is nothing but one digit look-alike ("b)" for 8) is that digit: a word is longer.
    """
    text = fix_ocr_digits(clean(raw))
    if (lone := _LONE_LOOK_ALIKE.match(text)) is not None:
        text = lone.group(1).translate(_INT_LOOK_ALIKES)
    m = _INT.search(text)
    return str(int(m.group(0))) if m else None


def normalize_decimal(raw: str) -> str | None:
    """Dot separator, two decimals ("3,66" → "3.66", "4,0" → "4.00"); a date is no decimal."""
    text = fix_ocr_digits(clean(raw))
    if re.search(r"\d\s*/\s*\d", text):
        return None  # "1/10/2014" is the next field's date, not a hệ số
    m = _DECIMAL.search(text)
    if m is None:
        return None
    value = Decimal(f"{m.group(1)}.{m.group(2) or '0'}")
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))


@cache
def digit_lengths() -> dict[str, frozenset[int]]:
    """Field key → the digit counts its number may have (`hoso/spec/digit_lengths.csv`)."""
    text = resources.files("hoso").joinpath("spec/digit_lengths.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {r["key"]: frozenset(int(n) for n in r["digits"].split()) for r in csv.DictReader(lines)}


def plausible_length(key: str, digits: str) -> bool:
    """Whether a number field's value has a digit count it may have (any count for other keys)."""
    lengths = digit_lengths().get(key)
    return lengths is None or len(digits) in lengths


def normalize_digits(raw: str) -> str | None:
    """Digits only, leading zeros kept ("079 185 001 234" → "079185001234")."""
    digits = "".join(ch for ch in fix_ocr_digits(clean(raw)) if ch.isascii() and ch.isdigit())
    return digits or None


def normalize_code(raw: str) -> str | None:
    """As printed, without spaces around "/" "." "-" ("25 / 2015 / QĐ - UBND" → "25/2015/QĐ-UBND")."""
    text = clean(raw.replace("–", "-").replace("—", "-"))
    text = _CODE_JOINERS.sub(r"\1", _CODE_PREFIX.sub("", text))
    text = text.strip("-/ ")
    # a code typed inside the form's "(mã số: … )" keeps a stray bracket: drop unbalanced ones
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1].rstrip()
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].lstrip()
    return text.rstrip(".") or None  # the sentence's full stop after a code is not the code's


# A digit run whose last character may be a bracket or bar for a 1 ("6]", "1|0"); what follows is
# the unit the form prints ("56 kg", OCR "56 k ø").
_MEASURE = re.compile(rf"(?<![\w])(\d[\d{re.escape(glyphs('measure'))}]{{0,2}})(?:\s*[,.m]\s*(\d{{2}}))?")


def normalize_measure(raw: str) -> str | None:
    """A height or weight as its number: "56 kg" → "56", "6]" → "61", "1m65" / "1,65 m" → "165".

    The form prints the unit; OCR bends it ("k ø") and brackets a 1 ("6]"), none of which is the value.
    """
    m = _MEASURE.search(clean(raw))
    if m is None:
        return None
    whole = m.group(1).translate(look_alikes("measure"))
    if m.group(2) and len(whole) == 1:  # metres and centimetres
        whole += m.group(2)
    return str(int(whole)) if whole.isdigit() else None
