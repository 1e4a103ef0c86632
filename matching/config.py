"""Per-field matching settings (comparator, weight, OCR threshold), overridable without code changes.

Defaults come from the kinds in fields.csv. Override from a dict, or a TOML/JSON file
named by the environment variable HOSO_MATCH_CONFIG:

    ocr_threshold = 0.80            # below this paper confidence, a mark may be an OCR misread
    decision_number_cutoff = 0.85   # fuzzy so_ky_hieu lookup (rapidfuzz ratio, 0–1)
    compare_non_core = true         # also compare non-core fields present on both sides
    text_noise_tolerance = 0.90     # non-core free text ≥ 20 chars, read unsurely, this similar: OCR noise
    [fields.ho_ten]
    comparator = "name"
    weight = 3.0
    threshold = 0.90
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hoso.fields import field_specs

COMPARATORS = frozenset(
    {
        "name", "text", "address", "date", "int", "decimal", "digits", "code", "enum",
        "gender", "ethnicity", "religion", "qualification", "politics", "issuer", "blood_type",
    }
)  # fmt: skip

# Keys whose comparison needs more than their fields.csv kind.
_SPECIAL: dict[str, str] = {
    "gioi_tinh": "gender",
    "dan_toc": "ethnicity",
    "ton_giao": "religion",
    "nhom_mau": "blood_type",
    "trinh_do_chuyen_mon": "qualification",
    "hoc_ham": "qualification",
    "ly_luan_chinh_tri": "politics",
    "co_quan_ban_hanh": "issuer",
}
# Identity fields weigh more in a document score; the rest weigh 1.
_WEIGHTS: dict[str, float] = {"ho_ten": 3.0, "ngay_sinh": 3.0, "so_cccd": 3.0, "so_ky_hieu": 3.0}


@dataclass(frozen=True, slots=True)
class FieldRule:
    """How one field key is compared."""

    comparator: str
    weight: float = 1.0
    threshold: float | None = None  # OCR confidence threshold; None = the config's default


def _default_rules() -> dict[str, FieldRule]:
    rules: dict[str, FieldRule] = {}
    for spec in field_specs().values():
        comparator = _SPECIAL.get(spec.key, spec.kind)
        rules.setdefault(spec.key, FieldRule(comparator, _WEIGHTS.get(spec.key, 1.0)))
    return rules


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Thresholds and per-field rules for `verify` and the comparators."""

    ocr_threshold: float = 0.80
    decision_number_cutoff: float = 0.85
    compare_non_core: bool = True
    text_noise_tolerance: float = 0.90
    fields: dict[str, FieldRule] = field(default_factory=_default_rules)

    def rule(self, key: str) -> FieldRule:
        """The rule of a key; unknown keys are compared as text."""
        return self.fields.get(key) or FieldRule("text")

    def threshold(self, key: str) -> float:
        """The OCR confidence threshold of a key."""
        own = self.rule(key).threshold
        return self.ocr_threshold if own is None else own

    @classmethod
    def from_mapping(cls, data: dict[str, Any], base: MatchConfig | None = None) -> MatchConfig:
        """Defaults (or base) overridden by a parsed TOML/JSON mapping."""
        config = base or cls()
        config = replace(
            config,
            ocr_threshold=float(data.get("ocr_threshold", config.ocr_threshold)),
            decision_number_cutoff=float(data.get("decision_number_cutoff", config.decision_number_cutoff)),
            text_noise_tolerance=float(data.get("text_noise_tolerance", config.text_noise_tolerance)),
        )
        if "compare_non_core" in data:
            config = replace(config, compare_non_core=bool(data["compare_non_core"]))
        rules = dict(config.fields)
        for key, spec in (data.get("fields") or {}).items():
            rules[key] = _rule(rules.get(key) or FieldRule("text"), key, spec)
        return replace(config, fields=rules)

    @classmethod
    def from_file(cls, path: str | Path) -> MatchConfig:
        """Defaults overridden by a .toml or .json file."""
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text) if str(path).endswith(".json") else tomllib.loads(text)
        return cls.from_mapping(data)

    @classmethod
    def from_env(cls) -> MatchConfig:
        """Defaults, or the file named by HOSO_MATCH_CONFIG."""
        path = os.environ.get("HOSO_MATCH_CONFIG", "").strip()
        return cls.from_file(path) if path else cls()


def _rule(old: FieldRule, key: str, spec: dict[str, Any]) -> FieldRule:
    comparator = str(spec.get("comparator", old.comparator))
    if comparator not in COMPARATORS:
        raise ValueError(f"fields.{key}.comparator: unknown comparator {comparator!r}")
    threshold = spec.get("threshold", old.threshold)
    return FieldRule(
        comparator,
        float(spec.get("weight", old.weight)),
        None if threshold is None else float(threshold),
    )
