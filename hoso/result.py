"""The machine-readable result of `hoso extract`, shaped exactly as CONTRACT.md says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hoso.calibration import calibrate
from hoso.fields import field_specs


@dataclass(slots=True)
class ExtractedField:
    """One value read off the paper, with where it came from and how sure we are."""

    value: str
    raw: str
    confidence: float
    page: int
    bbox: tuple[int, int, int, int]

    def to_json(self, kind: str | None = None) -> dict[str, Any]:
        """Contract form: bbox as a list, confidences rounded.

        `confidence` is the probability that the value is right (the engine's confidence through the
        calibration map of the field's kind); `raw_confidence`, an extra key, is the engine's own, the
        one extraction and matching thresholds are tuned on.
        """
        return {
            "value": self.value,
            "raw": self.raw,
            "confidence": round(calibrate(kind, self.confidence), 3),
            "page": self.page,
            "bbox": list(self.bbox),
            "raw_confidence": round(self.confidence, 3),
        }


def field_kind(doc_type: str, key: str) -> str | None:
    """The fields.csv kind of a key (None for a key the contract does not list)."""
    spec = field_specs().get((doc_type, key))
    return spec.kind if spec else None


@dataclass(slots=True)
class Document:
    """One document found in a file (a Sơ yếu lý lịch, a Quyết định, or something else)."""

    type: str
    pages: list[int]
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    layout: str | None = None
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def reported_confidence(self, key: str) -> float:
        """The confidence shown for one field: its raw confidence calibrated for its kind."""
        return calibrate(field_kind(self.type, key), self.fields[key].confidence)

    def to_json(self) -> dict[str, Any]:
        """Contract form; `layout` and `tables` are extra keys the contract allows."""
        out: dict[str, Any] = {
            "type": self.type,
            "pages": self.pages,
            "fields": {k: f.to_json(field_kind(self.type, k)) for k, f in self.fields.items()},
        }
        if self.layout:
            out["layout"] = self.layout
        if self.tables:
            out["tables"] = self.tables
        return out


@dataclass(slots=True)
class FileResult:
    """One JSON Lines object of `hoso extract --json`: one input file."""

    path: str
    sha256: str = ""
    pages: int = 0
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Contract form, keys in the documented order."""
        return {
            "path": self.path,
            "sha256": self.sha256,
            "pages": self.pages,
            "documents": [d.to_json() for d in self.documents],
            "errors": self.errors,
        }
