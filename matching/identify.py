"""Find the officer a dossier belongs to: CCCD first, else name + birth date, blocked to stay fast."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from hoso.normalize import normalize_digits, parse_date
from hoso.normalize.text import fold_ascii
from hoso.result import ExtractedField
from matching.names import name_key


@dataclass(frozen=True, slots=True)
class Identification:
    """Who the dossier belongs to: status "matched", "ambiguous" or "not_found", with a reason."""

    status: str
    record: Mapping[str, Any] | None
    score: float
    method: str  # "cccd", "name_birth", "name_only" (a decision without birth date), "none"
    reason: str
    candidates: list[str] = field(default_factory=list)  # ma_can_bo of close candidates

    @property
    def matched(self) -> bool:
        """True when exactly one officer was found."""
        return self.status == "matched"


# Least similarity of the diacritic-free names for a candidate to count at all.
_MIN_SKELETON = 0.9
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso(value: Any) -> str | None:
    text = str(value or "")
    return text if _ISO.fullmatch(text) else parse_date(text)


@lru_cache(maxsize=262_144)
def _name_forms(name: str) -> tuple[str, str]:
    """The exact comparison form of a name and its diacritic-free skeleton (names repeat a lot)."""
    exact = name_key(name)
    return exact, fold_ascii(exact)


def _blocking_key(folded: str) -> str:
    """Blocking key robust to diacritic noise: folded surname + folded given name ("nguyen|loan")."""
    words = folded.split()
    return f"{words[0]}|{words[-1]}" if words else ""


class OfficerIndex:
    """An in-memory index of records by CCCD/CMND, birth date and folded surname + given name."""

    def __init__(self, records: Iterable[Mapping[str, Any]], min_score: float = 0.85, margin: float = 0.04):
        """Index the records; min_score and margin decide between a match, a tie and nothing."""
        self.records: list[Mapping[str, Any]] = list(records)
        self.min_score, self.margin = min_score, margin
        self._by_id: dict[str, list[int]] = defaultdict(list)
        self._by_birth: dict[str, list[int]] = defaultdict(list)
        self._by_name: dict[str, list[int]] = defaultdict(list)
        self._names: list[tuple[str, str]] = []
        self._births: list[str | None] = []
        for i, rec in enumerate(self.records):
            for key in ("so_cccd", "cmnd_cu"):
                text = str(rec.get(key) or "")
                digits = text if text.isdigit() else normalize_digits(text)
                if digits:
                    self._by_id[digits].append(i)
            birth = _iso(rec.get("ngay_sinh"))
            self._births.append(birth)
            if birth:
                self._by_birth[birth].append(i)
            exact, folded = _name_forms(str(rec.get("ho_ten") or ""))
            self._by_name[_blocking_key(folded)].append(i)
            self._names.append((exact, folded))

    def identify(
        self, so_cccd: str | None = None, ho_ten: str | None = None, ngay_sinh: str | None = None
    ) -> Identification:
        """The officer for these paper values: CCCD exact, else the best name + birth-date candidate."""
        digits = normalize_digits(so_cccd or "") or ""
        hits = self._by_id.get(digits, []) if len(digits) in (9, 12) else []
        if len(set(hits)) == 1:
            same_name = not ho_ten or fuzz.ratio(_name_forms(ho_ten)[1], self._names[hits[0]][1]) >= 90
            reason = "same CCCD/CMND number" + (
                "" if same_name else "; the name differs: verify will flag it"
            )
            return Identification("matched", self.records[hits[0]], 1.0, "cccd", reason)
        if not ho_ten:
            return Identification("not_found", None, 0.0, "none", "no CCCD match and no name on paper")
        return self._by_name_and_birth(ho_ten, parse_date(ngay_sinh or ""))

    def identify_fields(self, fields: Mapping[str, ExtractedField]) -> Identification:
        """The officer for a document's extracted fields (so_cccd, ho_ten, ngay_sinh)."""
        values = {k: f.value for k, f in fields.items() if k in ("so_cccd", "ho_ten", "ngay_sinh")}
        return self.identify(values.get("so_cccd"), values.get("ho_ten"), values.get("ngay_sinh"))

    def _by_name_and_birth(self, ho_ten: str, birth: str | None) -> Identification:
        exact, folded = _name_forms(ho_ten)
        pool = set(self._by_name.get(_blocking_key(folded), []))
        if birth:
            pool.update(self._by_birth.get(birth, []))
        scored = sorted(((self._score(i, exact, folded, birth), i) for i in pool), reverse=True)
        if not scored or scored[0][0] < self.min_score:
            return Identification(
                "not_found", None, scored[0][0] if scored else 0.0, "none", "no officer close enough"
            )
        best_score, best = scored[0]
        close = [i for s, i in scored if best_score - s < self.margin]
        ids = [str(self.records[i].get("ma_can_bo", i)) for i in close]
        if len(close) > 1:
            return Identification(
                "ambiguous", None, best_score, "name_birth", f"{len(close)} officers equally close", ids
            )
        if birth is None and self._names[best][0] == exact:
            # a decision often names the officer without a birth date: the only record in scope
            # with exactly this name (every mark equal) is the officer; a namesake makes it a tie above
            return Identification(
                "matched", self.records[best], best_score, "name_only",
                "the only officer in scope with exactly this name; the paper gives no birth date", ids,
            )  # fmt: skip
        if self._births[best] != birth:
            # a misread birth date: probably this officer, but common names make it a guess
            return Identification(
                "ambiguous", None, best_score, "name_birth", "birth date differs: review", ids
            )
        return Identification(
            "matched", self.records[best], best_score, "name_birth", "name and birth date", ids
        )

    def _score(self, i: int, exact: str, folded: str, birth: str | None) -> float:
        """Name similarity (diacritic-free and exact halves) weighted with birth-date agreement."""
        rec_exact, rec_folded = self._names[i]
        skeleton = fuzz.ratio(folded, rec_folded) / 100
        if skeleton < _MIN_SKELETON:
            return 0.0  # OCR damages marks, rarely whole letters: another name is another person
        name = 0.5 * skeleton + 0.5 * fuzz.ratio(exact, rec_exact) / 100
        return round(0.7 * name + 0.3 * _date_agreement(birth, self._births[i]), 4)


def _date_agreement(paper: str | None, record: str | None) -> float:
    """1 for the same date, 0.8 for one misread digit or day/month swapped, 0.5 when unknown, else 0."""
    if paper is None or record is None:
        return 0.5
    if paper == record:
        return 1.0
    if len(paper) != len(record):
        return 0.0
    slips = sum(a != b for a, b in zip(paper, record, strict=True))
    swapped = (
        len(paper) == 10
        and paper[:4] == record[:4]
        and paper[5:7] == record[8:10]
        and paper[8:10] == record[5:7]
    )
    return 0.8 if slips == 1 or swapped else 0.0
