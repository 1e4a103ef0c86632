"""One entry point for every field: the comparator named by the key's rule in MatchConfig."""

from __future__ import annotations

from collections.abc import Callable

from matching.addresses import compare_address
from matching.comparison import Comparison
from matching.config import MatchConfig
from matching.names import compare_name
from matching.scalars import compare_code, compare_date, compare_decimal, compare_digits, compare_int
from matching.vocab import (
    compare_enum,
    compare_ethnicity,
    compare_gender,
    compare_issuer,
    compare_religion,
    compare_text,
)

Comparator = Callable[[str, str, float, float], Comparison]

COMPARATORS: dict[str, Comparator] = {
    "name": compare_name,
    "address": compare_address,
    "date": compare_date,
    "int": compare_int,
    "decimal": compare_decimal,
    "digits": compare_digits,
    "code": compare_code,
    "enum": compare_enum,
    "blood_type": compare_enum,
    "gender": compare_gender,
    "ethnicity": compare_ethnicity,
    "religion": compare_religion,
    "issuer": compare_issuer,
    "text": compare_text,
    "qualification": compare_text,
}


def compare_field(
    key: str, paper: str, electronic: object, confidence: float = 1.0, config: MatchConfig | None = None
) -> Comparison:
    """Compare one paper value (with its OCR confidence) with the record's value for the same key."""
    config = config or MatchConfig()
    rule = config.rule(key)
    threshold = config.threshold(key)
    other = electronic_text(electronic)
    if rule.comparator == "politics":
        return compare_text(paper, other, confidence, threshold, key="ly_luan_chinh_tri")
    if rule.comparator in ("text", "qualification"):
        return compare_text(paper, other, confidence, threshold, key=key)
    return COMPARATORS.get(rule.comparator, compare_text)(paper, other, confidence, threshold)


def electronic_text(value: object) -> str:
    """A record value as text: numbers as written in JSON ("3.66", "4"), lists joined."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list):
        return ", ".join(electronic_text(v) for v in value)
    return "" if value is None else str(value)
