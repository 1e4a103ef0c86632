"""Import electronic records from CSV, XLSX or JSON: every row checked, a bad row never half-imported."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hoso.domain.audit import AuditEvent
from hoso.domain.model import Decision, ElectronicRecord, Officer, OfficerStatus
from hoso.domain.ports import UnitOfWork
from hoso.errors import NotFound, ValidationError
from hoso.fields import field_specs
from hoso.normalize import normalize_decimal, parse_date
from hoso.normalize.enums import LOAI_QUYET_DINH
from hoso.normalize.text import clean, fold_ascii
from hoso.records_files import DECISIONS, DOC, cell, read_rows

REQUIRED = ("so_cccd", "ho_ten", "unit")
NOT_IN_RECORD = frozenset({"unit", "trang_thai"})  # kept on the officer row, not in the record fields
BATCH = 500  # rows per transaction
_CCCD, _CMND, _DIGITS = re.compile(r"\d{12}"), re.compile(r"\d{9}"), re.compile(r"\d+")


def _kind(doc_type: str, key: str) -> str:
    spec = field_specs().get((doc_type, key))
    if key in ("ngay_cap_cmnd_cu",):
        return "date"
    return spec.kind if spec else "text"


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row left out, where the user finds it (`line` of the file, or item number in JSON), and why."""

    line: int
    so_cccd: str
    reasons: list[str]

    def to_json(self) -> dict[str, Any]:
        """The `--json` form."""
        return {"line": self.line, "so_cccd": self.so_cccd, "reasons": self.reasons}


@dataclass(slots=True)
class ImportReport:
    """Counts of what the import did and the rows it refused."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `hoso records import --json` object."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [r.to_json() for r in self.rejected],
        }


@dataclass(frozen=True, slots=True)
class CleanRow:
    """A validated row: the officer, the record fields it sets (None: cleared) and its decisions."""

    line: int
    officer: Officer
    fields: dict[str, str | None]


def parse_status(text: str) -> OfficerStatus:
    """A status from its value or Vietnamese wording ("Đang công tác", "nghỉ hưu", …)."""
    key = re.sub(r"[\s-]+", "_", fold_ascii(clean(text)).lower())
    try:
        return OfficerStatus(key)
    except ValueError:
        raise ValidationError(
            f"trang_thai {text!r} is not one of {', '.join(s.value for s in OfficerStatus)}"
        ) from None


def _value(doc_type: str, key: str, raw: str) -> str:
    """The stored form of one value; ValueError with the reason for a bad one."""
    kind = _kind(doc_type, key)
    text = clean(raw)
    if kind == "date":
        iso = parse_date(text)
        if iso is None or not re.fullmatch(r"\d{4}(-\d{2}){0,2}", iso):
            raise ValueError(f"{key}: not a valid date: {raw!r}")
        return iso
    if kind == "int":
        if not _DIGITS.fullmatch(text):
            raise ValueError(f"{key}: not a whole number: {raw!r}")
        return str(int(text))
    if kind == "decimal":
        number = normalize_decimal(text)
        if number is None or not re.fullmatch(r"\d+([.,]\d+)?", text):
            raise ValueError(f"{key}: not a number: {raw!r}")
        return number
    if kind == "digits":
        digits = re.sub(r"[\s.]", "", text)
        if not _DIGITS.fullmatch(digits):
            raise ValueError(f"{key}: digits only: {raw!r}")
        return digits
    if key == "gioi_tinh":
        gender = {"nam": "Nam", "nữ": "Nữ"}.get(text.lower())
        if gender is None:
            raise ValueError(f"gioi_tinh: Nam or Nữ, not {raw!r}")
        return gender
    if key == "loai_quyet_dinh" and text not in LOAI_QUYET_DINH:
        raise ValueError(f"loai_quyet_dinh: unknown type {raw!r}")
    return text


def _decisions(raw: str) -> list[dict[str, str]]:
    """The quyet_dinh list (JSON), each entry with a so_ky_hieu and valid values."""
    try:
        entries = json.loads(raw)
    except ValueError:
        raise ValueError(f"quyet_dinh: not a JSON list: {raw[:60]!r}") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError("quyet_dinh: a list of objects")
    out = []
    for i, entry in enumerate(entries, 1):
        if not clean(str(entry.get("so_ky_hieu") or "")):
            raise ValueError(f"quyet_dinh[{i}]: so_ky_hieu is missing")
        values = {}
        for k, v in entry.items():
            if (DECISIONS, k) not in field_specs():
                raise ValueError(f"quyet_dinh[{i}]: unknown key {k!r}")
            if cell(v).strip():
                values[k] = _value(DECISIONS, k, cell(v))
        out.append(values)
    return out


def validate(line: int, row: Mapping[str, str], units: set[str]) -> CleanRow:
    """The clean row, or ValueError whose args are every reason the row is refused."""
    reasons: list[str] = []
    values: dict[str, str | None] = {}
    bad: set[str] = set()
    for key, raw in row.items():
        if not raw.strip():
            values[key] = None
            continue
        try:
            if key == DECISIONS:
                values[key] = json.dumps(_decisions(raw), ensure_ascii=False)
            else:
                values[key] = _value(DOC, key, raw)
        except ValueError as exc:
            reasons.append(str(exc))
            bad.add(key)
    reasons += [f"{k} is required" for k in REQUIRED if not values.get(k) and k not in bad]
    cccd, cmnd, unit = values.get("so_cccd"), values.get("cmnd_cu"), values.get("unit")
    if cccd and not _CCCD.fullmatch(cccd):
        reasons.append(f"so_cccd must be exactly 12 digits, got {len(cccd)}: {cccd!r}")
    if cmnd and not _CMND.fullmatch(cmnd):
        reasons.append(f"cmnd_cu must be 9 digits, got {cmnd!r}")
    if unit and unit not in units:
        reasons.append(f"unit {unit!r} does not exist (hoso units import first)")
    status = OfficerStatus.DANG_CONG_TAC
    if values.get("trang_thai"):
        try:
            status = parse_status(str(values["trang_thai"]))
        except ValidationError as exc:
            reasons.append(exc.message)
    if reasons:
        raise ValueError(*reasons)
    birth = values.get("ngay_sinh")
    officer = Officer(
        str(cccd), str(values["ho_ten"]), str(unit), values.get("ma_can_bo"), cmnd,
        date.fromisoformat(birth) if birth and len(birth) == 10 else None, status,
    )  # fmt: skip
    fields = {k: v for k, v in values.items() if k not in NOT_IN_RECORD}
    return CleanRow(line, officer, fields)


def _decision_objects(text: str | None) -> list[Decision]:
    def day(v: str | None) -> date | None:
        return date.fromisoformat(v) if v and len(v) == 10 else None

    return [
        Decision(e["so_ky_hieu"], e.get("loai_quyet_dinh", ""), day(e.get("ngay_ban_hanh")),
                 day(e.get("ngay_hieu_luc")), e.get("trich_yeu", ""))
        for e in json.loads(text or "[]")
    ]  # fmt: skip


def comparison_view(record: ElectronicRecord) -> dict[str, Any]:
    """The record as matching.compare reads it (CONTRACT.md RECORD.json): quyet_dinh as a list."""
    view: dict[str, Any] = dict(record.fields)
    view[DECISIONS] = json.loads(record.fields.get(DECISIONS) or "[]")
    return view


def _apply(uow: UnitOfWork, row: CleanRow, user: str, at: datetime, source: str) -> str:
    """Upsert one row; returns "created", "updated" or "unchanged"."""
    officer, reason = row.officer, f"import {source} line {row.line}"
    uow.officers.add(officer)
    try:
        record = uow.records.get(officer.so_dinh_danh, for_update=True)
    except NotFound:
        fields = {k: v for k, v in row.fields.items() if v is not None}
        record = ElectronicRecord(officer.so_dinh_danh, fields, _decision_objects(fields.get(DECISIONS)))
        uow.records.add(record)
        created = {"unit": officer.unit_code, "status": officer.status.value, "fields": len(fields)}
        uow.audit.append(AuditEvent(0, at, user, "import", "record", officer.so_dinh_danh, None, created))
        return "created"
    before: dict[str, str | None] = {}
    after: dict[str, str | None] = {}
    for key, value in row.fields.items():
        if record.fields.get(key) != value:
            change = record.set_field(key, value, user, at, reason)
            before[key], after[key] = change.old, change.new
    if DECISIONS in after:
        record.decisions = _decision_objects(record.fields.get(DECISIONS))
    if not after:
        return "unchanged"
    uow.records.add(record)
    uow.audit.append(AuditEvent(0, at, user, "import", "record", officer.so_dinh_danh, before, after))
    return "updated"


def import_records(uow_factory: Any, path: Path, user: str, *, now: datetime | None = None) -> ImportReport:
    """Validate every row of `path`, then upsert the good ones by so_cccd in batches."""
    at = now or datetime.now(UTC)
    report = ImportReport()
    with uow_factory() as uow:
        units = {u.code for u in uow.units.tree()}
    good: list[CleanRow] = []
    seen: dict[str, int] = {}
    for line, row, problems in read_rows(path):
        cccd = clean(row.get("so_cccd", ""))
        try:
            clean_row = validate(line, row, units)
        except ValueError as exc:
            report.rejected.append(Rejected(line, cccd, problems + [str(a) for a in exc.args]))
            continue
        if problems:
            report.rejected.append(Rejected(line, cccd, problems))
            continue
        if cccd in seen:
            report.rejected.append(Rejected(line, cccd, [f"so_cccd repeats line {seen[cccd]}"]))
            continue
        seen[cccd] = line
        good.append(clean_row)
    for start in range(0, len(good), BATCH):
        with uow_factory() as uow:
            for clean_row in good[start : start + BATCH]:
                outcome = _apply(uow, clean_row, user, at, path.name)
                setattr(report, outcome, getattr(report, outcome) + 1)
            uow.commit()
    return report
