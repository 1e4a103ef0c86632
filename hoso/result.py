"""The machine-readable result of `hoso extract`, shaped exactly as CONTRACT.md says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class ExtractedField:
    """One value read off the paper, with where it came from and how sure we are."""

    value: str
    raw: str
    confidence: float
    page: int
    bbox: tuple[int, int, int, int]

    def to_json(self) -> dict[str, Any]:
        """Contract form: bbox as a list, confidence rounded."""
        return {
            "value": self.value,
            "raw": self.raw,
            "confidence": round(self.confidence, 3),
            "page": self.page,
            "bbox": list(self.bbox),
        }


@dataclass(slots=True)
class Document:
    """One document found in a file (a Sơ yếu lý lịch, a Quyết định, or something else)."""

    type: str
    pages: list[int]
    fields: dict[str, ExtractedField] = field(default_factory=dict)
    layout: str | None = None
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Contract form; `layout` and `tables` are extra keys the contract allows."""
        out: dict[str, Any] = {
            "type": self.type,
            "pages": self.pages,
            "fields": {k: f.to_json() for k, f in self.fields.items()},
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
