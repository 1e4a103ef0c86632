"""Pure scoring for bench_verify: which flags hit the planted field, which come from misreads.

A flag *hits* when a discrepancy case's changed field is flagged on the document that
carries the change. Every other flag is a false positive, and it is *extraction-caused*
when the paper value behind it is not the truth (misread, unread, or read from a wrongly
split document), else *matching-caused* (the paper was read right; the matcher erred).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from verify_cases import CLEAN, DISCREPANCY, EQUIVALENT, Case

PLANTED, EXTRACTION, MATCHING = "planted", "extraction", "matching"
RECALL_TARGET = 0.99
PRECISION_TARGET = 0.97

Fold = Callable[[str, str, str], str]  # (kind, value, key) → comparison form
Kinds = Mapping[tuple[str, str], str]  # (doc type, key) → kind


@dataclass(frozen=True, slots=True)
class FlagOutcome:
    """One flag raised on one case, with its cause."""

    document: int
    field: str
    paper: str | None
    electronic: str | None
    reason: str
    cause: str  # planted | extraction | matching
    on_changed_field: bool


@dataclass(slots=True)
class CaseOutcome:
    """A case, the flags `verify` raised on it, and the paper value of its changed field."""

    case: Case
    flags: list[FlagOutcome] = field(default_factory=list)
    paper: str | None = None  # extracted value of the changed field (None: not read)
    paper_ok: bool = False  # that value equals the truth

    @property
    def hit(self) -> bool:
        """True when the planted discrepancy was flagged."""
        return any(f.cause == PLANTED for f in self.flags)


@dataclass(frozen=True, slots=True)
class FileContext:
    """What scoring needs of one file: its truth documents, the extracted ones, the pairing."""

    truth_docs: list[dict[str, Any]]
    out_docs: list[dict[str, Any]]  # contract JSON of each extracted document
    mapping: list[int | None]  # truth document index → extracted document index

    def truth_of(self, out_index: int) -> dict[str, Any] | None:
        """The truth document paired with an extracted document, if any."""
        for ti, oi in enumerate(self.mapping):
            if oi == out_index:
                return self.truth_docs[ti]
        return None

    def paper_value(self, truth_index: int, key: str) -> str | None:
        """The extracted value of key in the document paired with a truth document."""
        oi = self.mapping[truth_index] if truth_index < len(self.mapping) else None
        if oi is None:
            return None
        entry = (self.out_docs[oi].get("fields") or {}).get(key)
        return None if entry is None else entry.get("value")


def values_equal(kinds: Kinds, fold: Fold, doc_type: str, key: str, paper: str | None, truth: Any) -> bool:
    """The paper value equals the truth after the kind's comparison fold."""
    if paper is None or truth is None:
        return False
    kind = kinds.get((doc_type, key), "text")
    try:
        return fold(kind, str(paper), key) == fold(kind, str(truth), key)
    except Exception:  # noqa: BLE001 - a fold that chokes on OCR garbage means "not equal"
        return False


def classify_flag(
    flag: dict[str, Any], case: Case, ctx: FileContext, kinds: Kinds, fold: Fold
) -> FlagOutcome:
    """The cause of one contract flag raised on a case."""
    doc, key = int(flag["document"]), str(flag["field"])
    on_field = (
        case.field == key and case.doc is not None and ctx.mapping[case.doc] is not None
    ) and ctx.mapping[case.doc] == doc
    if on_field and case.group == DISCREPANCY:
        cause = PLANTED
    else:
        truth = ctx.truth_of(doc)
        read_right = truth is not None and values_equal(
            kinds, fold, truth.get("type", ""), key, flag.get("paper"), (truth.get("fields") or {}).get(key)
        )
        cause = MATCHING if read_right else EXTRACTION
    return FlagOutcome(
        doc, key, flag.get("paper"), flag.get("electronic"), str(flag.get("reason", "")), cause, on_field
    )


def score_case(
    case: Case, flags: Iterable[dict[str, Any]], ctx: FileContext, kinds: Kinds, fold: Fold
) -> CaseOutcome:
    """Classify every flag of a case and note how the changed field was read."""
    outcome = CaseOutcome(case, [classify_flag(f, case, ctx, kinds, fold) for f in flags])
    if case.doc is not None and case.field:
        tdoc = ctx.truth_docs[case.doc]
        outcome.paper = ctx.paper_value(case.doc, case.field)
        outcome.paper_ok = values_equal(
            kinds, fold, tdoc.get("type", ""), case.field, outcome.paper, case.before
        )
    return outcome


def bucket(outcomes: Iterable[CaseOutcome]) -> dict[str, Any]:
    """Counts and rates over a set of cases."""
    counters = ("cases", "discrepancy_cases", "flagged", "flagged_paper_ok", "paper_ok", "flags",
                PLANTED, EXTRACTION, MATCHING, "changed_field_flagged", "cases_with_false_flag")  # fmt: skip
    b: dict[str, Any] = dict.fromkeys(counters, 0)
    for o in outcomes:
        b["cases"] += 1
        b["flags"] += len(o.flags)
        for f in o.flags:
            b[f.cause] += 1
        b["cases_with_false_flag"] += any(f.cause != PLANTED for f in o.flags)
        if o.case.group == EQUIVALENT:
            b["changed_field_flagged"] += any(f.on_changed_field for f in o.flags)
        if o.case.group == DISCREPANCY:
            b["discrepancy_cases"] += 1
            b["flagged"] += o.hit
            b["paper_ok"] += o.paper_ok
            b["flagged_paper_ok"] += o.hit and o.paper_ok
    b["recall"] = _ratio(b["flagged"], b["discrepancy_cases"])
    b["recall_paper_ok"] = _ratio(b["flagged_paper_ok"], b["paper_ok"])
    b["precision"] = _ratio(b[PLANTED], b["flags"])
    b["precision_matching_only"] = _ratio(b[PLANTED], b[PLANTED] + b[MATCHING])
    return b


def breakdown(outcomes: list[CaseOutcome], key: Callable[[CaseOutcome], str]) -> dict[str, dict[str, Any]]:
    """bucket() per key, keys in first-seen order."""
    groups: dict[str, list[CaseOutcome]] = {}
    for o in outcomes:
        groups.setdefault(key(o), []).append(o)
    return {k: bucket(v) for k, v in groups.items()}


def recall_misses(outcomes: Iterable[CaseOutcome]) -> list[dict[str, Any]]:
    """Discrepancy cases whose changed field was not flagged."""
    misses = []
    for o in outcomes:
        if o.case.group != DISCREPANCY or o.hit:
            continue
        c = o.case
        why = "no flag on the changed field"
        if o.paper is None:
            why += "; field not read on paper"
        elif not o.paper_ok:
            why += f"; paper misread (truth {c.before!r})"
        others = "; ".join(f"{f.field}: {f.reason}" for f in o.flags)
        misses.append({
            "what": "missed discrepancy", "case": c.case_id, "variant": c.variant, "kind": c.kind,
            "field": c.field, "paper": o.paper, "electronic": c.after, "truth": c.before,
            "reason": why + (f" (other flags: {others})" if others else ""), "count": 1,
        })  # fmt: skip
    return misses


def false_flags(outcomes: Iterable[CaseOutcome]) -> list[dict[str, Any]]:
    """Every false flag, one entry per file, document, field and paper value (and cause), with a count."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for o in outcomes:
        for f in o.flags:
            if f.cause == PLANTED:
                continue
            key = (o.case.file, f.document, f.field, f.paper, f.cause, f.on_changed_field)
            entry = seen.get(key)
            if entry is None:
                seen[key] = {
                    "what": f"false flag ({f.cause}-caused)", "case": o.case.case_id,
                    "variant": o.case.variant, "kind": o.case.kind, "field": f.field, "paper": f.paper,
                    "electronic": f.electronic, "reason": f.reason, "cause": f.cause,
                    "on_changed_field": f.on_changed_field, "count": 1,
                }  # fmt: skip
            else:
                entry["count"] += 1
    return list(seen.values())


def worst(misses: list[dict[str, Any]], flags: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Missed discrepancies first, then matching-caused false flags, then extraction-caused ones."""

    def rank(e: dict[str, Any]) -> tuple[int, int]:
        if e["what"] == "missed discrepancy":
            return (0, 0)
        order = 1 if e["cause"] == MATCHING and e["on_changed_field"] else 2 if e["cause"] == MATCHING else 3
        return (order, -e["count"])

    return sorted(misses + flags, key=rank)[:limit]


def targets(overall: dict[str, Any]) -> list[dict[str, Any]]:
    """Flag recall and precision against the issue's targets."""
    rows = [("flag recall (planted discrepancies)", overall["recall"], RECALL_TARGET),
            ("flag precision (all flags, all cases)", overall["precision"], PRECISION_TARGET)]  # fmt: skip
    out = []
    for name, value, goal in rows:
        status = "n/a" if value is None else ("PASS" if value >= goal else "FAIL")
        out.append({"name": name, "value": value, "target": goal, "status": status})
    return out


def group_of(o: CaseOutcome) -> str:
    """The case's group: discrepancy, equivalent or clean."""
    return o.case.group


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


__all__ = ["CLEAN", "DISCREPANCY", "EQUIVALENT", "CaseOutcome", "FileContext", "FlagOutcome"]
