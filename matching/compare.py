"""`hoso verify`'s core: compare each document of a file with the officer's electronic record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hoso.fields import field_specs
from hoso.normalize import normalize_digits
from hoso.result import Document, ExtractedField, FileResult
from matching.comparison import Settlement, Witness
from matching.config import MatchConfig
from matching.decisions import find_decision
from matching.fields import compare_field, electronic_text
from matching.layouts import LAYOUT_PRINTS, printed_core_keys

MISSING = "missing from the electronic record"
UNREADABLE = "unreadable"
NOT_IN_RECORD = "not in the electronic record"
# Officer facts a decision repeats; when its record entry lacks them, the officer's own are used.
_OFFICER_FALLBACK = ("ho_ten", "ngay_sinh")
_READ_AS_DIGITS = frozenset({"digits", "code", "int", "decimal"})


@dataclass(frozen=True, slots=True)
class Flag:
    """One discrepancy between paper and record, shaped as a CONTRACT.md `hoso verify` flag."""

    document: int
    field: str
    paper: str | None
    electronic: str | None
    score: float
    reason: str
    page: int | None
    bbox: list[int] | None

    def to_json(self) -> dict[str, Any]:
        """Contract form, keys in the documented order."""
        return {
            "document": self.document,
            "field": self.field,
            "paper": self.paper,
            "electronic": self.electronic,
            "score": self.score,
            "reason": self.reason,
            "page": self.page,
            "bbox": self.bbox,
        }


def compare_document(
    doc: Document,
    record: Mapping[str, Any],
    layout_prints: Mapping[str, frozenset[str]] | None = None,
    *,
    index: int = 0,
    config: MatchConfig | None = None,
    witness: Witness | None = None,
    settled: list[Settlement] | None = None,
) -> list[Flag]:
    """Flags for one document: differing values, core fields missing from the record, unreadable ones.

    `witness` gives an unsure small difference a second reading; those it settles in the record's
    favour raise no flag and are appended to `settled` instead.
    """
    config = config or MatchConfig()
    if doc.type == "quyet_dinh":
        entries = record.get("quyet_dinh") or []
        match = find_decision(doc.fields, list(entries), config.decision_number_cutoff)
        if match.entry is None:
            so = doc.fields.get("so_ky_hieu")
            return [_flag(doc, index, "so_ky_hieu", so, None, 0.0, NOT_IN_RECORD)]
        target: Mapping[str, Any] = {
            **{k: record[k] for k in _OFFICER_FALLBACK if k in record},
            **match.entry,
        }
    elif doc.type == "so_yeu_ly_lich":
        target = record
    else:
        return []
    view, optional = _record_view(doc, target)
    flags = _compare_fields(doc, view, optional, index, config, witness, settled)
    return flags + _unreadable(doc, view, index, layout_prints)


def verify(
    result: FileResult,
    record: Mapping[str, Any],
    config: MatchConfig | None = None,
    witness: Witness | None = None,
) -> dict[str, Any]:
    """The CONTRACT.md `hoso verify` object; approvable only with no flag and every page read.

    With a `witness`, differences it settled are listed under `settled`, each with how (the key
    is there only when something was settled: the contract's object is otherwise exactly its own).
    """
    config = config or MatchConfig.from_env()
    flags: list[Flag] = []
    settled: list[Settlement] = []
    for i, doc in enumerate(result.documents):
        flags.extend(compare_document(doc, record, index=i, config=config, witness=witness, settled=settled))
    out: dict[str, Any] = {
        "path": result.path,
        "flags": [f.to_json() for f in flags],
        "approvable": not flags and not result.errors,
    }
    if settled:
        out["settled"] = [s.to_json() for s in settled]
    return out


def document_agreement(doc: Document, record: Mapping[str, Any], config: MatchConfig | None = None) -> float:
    """Weighted mean score (MatchConfig weights) over the fields both sides hold: for ranking reviews."""
    config = config or MatchConfig()
    total = weight_sum = 0.0
    for key, f in doc.fields.items():
        value = record.get(key)
        if (doc.type, key) in field_specs() and not _blank(value):
            weight = config.rule(key).weight
            total += weight * compare_field(key, f.value, value, f.confidence, config).score
            weight_sum += weight
    return round(total / weight_sum, 3) if weight_sum else 0.0


def _compare_fields(
    doc: Document,
    view: Mapping[str, Any],
    optional: frozenset[str],
    index: int,
    config: MatchConfig,
    witness: Witness | None = None,
    settled: list[Settlement] | None = None,
) -> list[Flag]:
    specs = field_specs()
    flags: list[Flag] = []
    for key, f in doc.fields.items():
        spec = specs.get((doc.type, key))
        if spec is None or not (spec.core or config.compare_non_core):
            continue
        electronic = view.get(key)
        if _blank(electronic):
            if spec.core and key not in optional:
                flags.append(_flag(doc, index, key, f, None, 0.0, MISSING))
            continue
        verdict = compare_field(key, f.value, electronic, f.confidence, config)
        if not verdict.equal and spec.kind in _READ_AS_DIGITS and f.raw and f.raw != f.value:
            # normalization may have dropped a look-alike letter ("S" for 5): judge the raw reading too
            raw = compare_field(key, f.raw, electronic, f.confidence, config)
            verdict = raw if raw.equal and "look-alike" in raw.reason else verdict
        if verdict.equal and not (verdict.tolerated and witness is not None):
            continue
        if _ocr_noise(spec.core, spec.kind, f, verdict.score, config.threshold(key), config):
            continue
        reason, other = verdict.reason, electronic_text(electronic)
        look = witness(spec.kind, key, f, other) if witness is not None else None
        if verdict.tolerated:
            if look is None:  # no box to read again: the matcher's tolerance stands
                continue
            reason = f"differs in a look-alike character read unsurely (confidence {f.confidence:.2f})"
        if look is not None and look.record:
            if settled is not None:
                x0, y0, x1, y1 = f.bbox
                settled.append(Settlement(index, key, f.value, other, look.note, f.page, (x0, y0, x1, y1)))
            continue
        if look is not None:
            reason += f"; second reading: {look.note}"
        flags.append(_flag(doc, index, key, f, other, verdict.score, reason))
    return flags


def _ocr_noise(
    core: bool, kind: str, f: ExtractedField, score: float, threshold: float, config: MatchConfig
) -> bool:
    """A long non-core free text read unsurely and nearly equal differs by OCR noise, not in substance."""
    return (
        not core
        and kind == "text"
        and f.confidence < threshold
        and len(f.value) >= 20
        and score >= config.text_noise_tolerance
    )


def _record_view(doc: Document, target: Mapping[str, Any]) -> tuple[Mapping[str, Any], frozenset[str]]:
    """The record as this paper sees it: an old 9-digit CMND (and its issue date) against cmnd_cu only.

    Returns the view and the keys that raise nothing when the record lacks them.
    """
    so = doc.fields.get("so_cccd")
    paper = normalize_digits(so.value) or "" if so else ""
    record = normalize_digits(electronic_text(target.get("so_cccd"))) or ""
    if len(paper) != 9 or len(record) == 9:
        return target, frozenset()
    view = {**target, "so_cccd": target.get("cmnd_cu"), "ngay_cap_cccd": target.get("ngay_cap_cmnd_cu")}
    return view, frozenset({"so_cccd", "ngay_cap_cccd"})


def _unreadable(
    doc: Document, target: Mapping[str, Any], index: int, layout_prints: Mapping[str, frozenset[str]] | None
) -> list[Flag]:
    """Core fields the layout prints and the record holds, but that were not read on paper."""
    paper_keys = frozenset(doc.fields)
    kind = doc.fields.get("loai_quyet_dinh")
    if layout_prints is not None and doc.type == "so_yeu_ly_lich":
        printed = layout_prints.get(doc.layout or "", printed_core_keys(doc.type, None))
    else:
        printed = printed_core_keys(doc.type, doc.layout, paper_keys, kind.value if kind else "")
    order = [key for (doc_type, key) in field_specs() if doc_type == doc.type]
    return [
        _flag(doc, index, key, None, electronic_text(target.get(key)), 0.0, UNREADABLE)
        for key in order
        if key in printed and key not in paper_keys and not _blank(target.get(key))
    ]


def _flag(
    doc: Document,
    index: int,
    key: str,
    f: ExtractedField | None,
    electronic: str | None,
    score: float,
    reason: str,
) -> Flag:
    """A flag located at the paper value, or at the document's first page when nothing was read."""
    if f is None:
        page = doc.pages[0] if doc.pages else None
        return Flag(index, key, None, electronic, score, reason, page, None)
    return Flag(index, key, f.value, electronic, score, reason, f.page, list(f.bbox))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


__all__ = ["LAYOUT_PRINTS", "Flag", "compare_document", "document_agreement", "verify"]
