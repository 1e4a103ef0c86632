"""The canonical field keys per document type, loaded from the contract's fields.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

DocType = Literal["so_yeu_ly_lich", "quyet_dinh", "khac"]
FieldKind = Literal["name", "text", "address", "date", "int", "decimal", "digits", "code", "enum"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One row of fields.csv."""

    doc_type: str
    key: str
    label_vi: str
    kind: FieldKind
    core: bool


@cache
def field_specs() -> dict[tuple[str, str], FieldSpec]:
    """All field specs keyed by (doc_type, key), in file order."""
    text = resources.files("hoso").joinpath("spec/fields.csv").read_text(encoding="utf-8")
    specs: dict[tuple[str, str], FieldSpec] = {}
    for row in csv.DictReader(text.splitlines()):
        spec = FieldSpec(
            doc_type=row["doc_type"],
            key=row["key"],
            label_vi=row["label_vi"],
            kind=row["kind"],  # type: ignore[arg-type]
            core=row["core"] == "yes",
        )
        specs[(spec.doc_type, spec.key)] = spec
    return specs


def spec_for(doc_type: str, key: str) -> FieldSpec:
    """The spec of one field; KeyError for a key the contract does not know."""
    return field_specs()[(doc_type, key)]


def core_keys(doc_type: str) -> list[str]:
    """Keys every evaluation scores for this document type."""
    return [s.key for s in field_specs().values() if s.doc_type == doc_type and s.core]
