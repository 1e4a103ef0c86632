"""Addresses: parts as written joined by ", ", and the prefix-folding used to score them."""

from __future__ import annotations

import re

from hoso.normalize.text import clean

_PART_SEP = re.compile(r"\s*,\s*")
# Administrative prefixes, longest first; the abbreviations need their dot ("P.5", "TP.HCM").
_PREFIX = re.compile(
    r"(?<![^\s,])(?:(?:thị\s+trấn|thị\s+xã|thành\s+phố|đặc\s+khu|xã|phường|huyện|quận|tỉnh|tp)(?=[\s,]|$)"
    r"|(?:tp|tx|tt|x|p|h|q)\.)",
    re.IGNORECASE,
)
_DASH_SEP = re.compile(r"\s+[-–]\s+")


def normalize_address(raw: str) -> str | None:
    """One address string: parts as written, separated by ", "."""
    return normalize_address_parts(_PART_SEP.split(raw))


def normalize_address_parts(parts: list[str]) -> str | None:
    """Boxes or comma-separated parts (xã, huyện, tỉnh order kept) joined by ", "; None if all blank."""
    cleaned = [clean(p) for p in parts]
    joined = ", ".join(p for p in cleaned if p)
    return ", ".join(clean(p) for p in _PART_SEP.split(joined) if clean(p)) or None


def fold_address(s: str) -> str:
    """Case- and prefix-folded address for scoring: "Xã Tân Phú, Huyện Đức Hòa" → "tân phú, đức hòa"."""
    text = _DASH_SEP.sub(", ", clean(s))
    text = _PREFIX.sub(",", text)
    parts = (clean(p) for p in _PART_SEP.split(text))
    return ", ".join(p for p in parts if p).casefold()
