"""Addresses: prefixes folded, and an old xã/huyện/tỉnh address equal to its 2025 two-tier form."""

from __future__ import annotations

import re

from hoso.normalize import fold_address
from hoso.normalize.text import fold_ascii
from matching.comparison import Comparison, differs, same, similarity
from matching.geography import merged, same_province
from matching.names import compare_marks

# Hyphenated province names that fold_address would split at " - ".
_JOINED = re.compile(r"(Bà\s+Rịa|Thừa\s+Thiên)\s*[-–]\s*(Vũng\s+Tàu|Huế)", re.IGNORECASE)
# A form's hint in brackets read along with the value ("(xã, tp):"); addresses carry no brackets.
_HINT = re.compile(r"\([^()]*\)\s*:?")
# "T. Long An": the one-letter abbreviation of "Tỉnh", which fold_address leaves alone.
_TINH = re.compile(r"(^|,)\s*T\.\s*(?=[^\W\d_])")


def address_parts(raw: str) -> list[str]:
    """Folded parts, most specific first: "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An" → [tân phú, …]."""
    text = _JOINED.sub(r"\1 \2", _HINT.sub(" ", raw))
    folded = fold_address(_TINH.sub(r"\1 Tỉnh ", text))
    return [p for p in folded.split(", ") if p]


def compare_address(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Equal after folding; provinces merged in 2025 equal; huyện dropped against a two-part new address."""
    pa, ea = address_parts(paper), address_parts(electronic)
    if pa == ea:
        return same()
    if not pa or not ea:
        return differs("address differs")
    province = same_province(pa[-1], ea[-1])
    if province is False:
        return differs(f"province differs: {pa[-1]} vs {ea[-1]}", similarity(", ".join(pa), ", ".join(ea)))
    if province is None:
        return _parts(pa, ea, confidence, threshold, "equal")
    low_p, low_e = pa[:-1], ea[:-1]
    note = "equal after the 2025 province merger" if merged(pa[-1], ea[-1]) else "equal"
    if len(low_p) == len(low_e) + 1 and low_e:
        low_p = low_p[:-1] if len(low_p) > 1 else low_p
        note = f"{note}; district not compared (2025 two-tier address)"
    elif len(low_e) == len(low_p) + 1 and low_p:
        low_e = low_e[:-1]
        note = f"{note}; district not compared (2025 two-tier address)"
    return _parts(low_p, low_e, confidence, threshold, note)


def _parts(pa: list[str], ea: list[str], confidence: float, threshold: float, note: str) -> Comparison:
    if pa == ea:
        return same(note, 1.0 if note == "equal" else 0.95)
    a, b = ", ".join(pa), ", ".join(ea)
    if len(pa) == len(ea):
        for x, y in zip(pa, ea, strict=True):
            if x != y and fold_ascii(x) == fold_ascii(y):
                marks = compare_marks(x.title(), y.title(), confidence, threshold)
                if marks is not None:
                    return marks
    return differs(f"address differs: {a} vs {b}", similarity(fold_ascii(a), fold_ascii(b)))
