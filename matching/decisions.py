"""Find the record's quyet_dinh entry for a decision on paper: by so_ky_hieu, fuzzily for OCR slips."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from hoso.normalize import parse_date
from hoso.normalize.text import clean, fold_ascii
from hoso.result import ExtractedField


@dataclass(frozen=True, slots=True)
class DecisionMatch:
    """The record entry a paper decision belongs to (None when there is none) and how it was found."""

    entry: dict[str, Any] | None
    score: float
    how: str  # "exact", "fuzzy", "date_and_type", "none"


def number_key(so_ky_hieu: str) -> str:
    """Comparison form of a number: no spaces, Đ→D, upper case ("25 / 2015/QĐ-UBND" → "25/2015/QD-UBND")."""
    return fold_ascii(clean(so_ky_hieu).replace(" ", "").replace("–", "-")).upper()


def find_decision(
    paper: Mapping[str, ExtractedField], entries: list[dict[str, Any]], cutoff: float = 0.85
) -> DecisionMatch:
    """The entry with the same so_ky_hieu; else the closest one above cutoff whose date agrees."""
    entries = [e for e in entries if isinstance(e, dict)]
    so = paper.get("so_ky_hieu")
    if so is None:
        return _by_date_and_type(paper, entries)
    key = number_key(so.value)
    for entry in entries:
        if number_key(str(entry.get("so_ky_hieu") or "")) == key:
            return DecisionMatch(entry, 1.0, "exact")
    paper_date = _date(paper.get("ngay_ban_hanh"))
    best: tuple[float, dict[str, Any]] | None = None
    for entry in entries:
        score = fuzz.ratio(key, number_key(str(entry.get("so_ky_hieu") or ""))) / 100.0
        entry_date = parse_date(str(entry.get("ngay_ban_hanh") or ""))
        if score < cutoff or (paper_date and entry_date and paper_date != entry_date):
            continue  # numbers restart yearly: a near number with another date is another decision
        if best is None or score > best[0]:
            best = (score, entry)
    if best is None:
        return DecisionMatch(None, 0.0, "none")
    return DecisionMatch(best[1], round(best[0], 3), "fuzzy")


def _by_date_and_type(paper: Mapping[str, ExtractedField], entries: list[dict[str, Any]]) -> DecisionMatch:
    """Number unreadable: the only entry with the same issue date and type, if exactly one."""
    day = _date(paper.get("ngay_ban_hanh"))
    kind = paper.get("loai_quyet_dinh")
    if day is None:
        return DecisionMatch(None, 0.0, "none")
    hits = [
        e
        for e in entries
        if parse_date(str(e.get("ngay_ban_hanh") or "")) == day
        and (kind is None or str(e.get("loai_quyet_dinh") or "") == kind.value)
    ]
    if len(hits) == 1:
        return DecisionMatch(hits[0], 0.5, "date_and_type")
    return DecisionMatch(None, 0.0, "none")


def _date(f: ExtractedField | None) -> str | None:
    return parse_date(f.value) if f is not None else None
