"""SQL implementations of the hoso.domain.ports repositories: rows in, plain domain dataclasses out."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Select, Table, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from hoso.domain.model import (
    Approval,
    Decision,
    ElectronicRecord,
    FieldChange,
    Officer,
    OfficerStatus,
    Role,
    SalaryStep,
    User,
)
from hoso.domain.units import Unit, UnitTree
from hoso.errors import Conflict, NotFound
from storage.orm import ApprovalRow, OfficerRow, RecordChangeRow, RecordRow, UnitRow, UserRow

ConnectionSource = Callable[[], Connection]
CHUNK = 500  # ids per IN (…): SQLite caps bound parameters, PostgreSQL plans large lists badly


def chunks(items: Collection[str], size: int = CHUNK) -> Iterator[list[str]]:
    """Sorted, de-duplicated slices of `items`, so big id sets stay under the parameter limits."""
    ordered = sorted(set(items))
    for i in range(0, len(ordered), size):
        yield ordered[i : i + size]


def upsert(conn: Connection, table: Table, values: Mapping[str, Any], keys: Sequence[str]) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE, in the dialect at hand (both speak it)."""
    conn.execute(_upsert_statement(conn.dialect.name, table, tuple(values), tuple(keys)), dict(values))


@lru_cache(maxsize=256)
def _upsert_statement(dialect: str, table: Table, columns: tuple[str, ...], keys: tuple[str, ...]) -> Any:
    # Built once per shape and executed with parameters: building `excluded` costs more than the INSERT.
    stmt = (postgresql if dialect == "postgresql" else sqlite).insert(table)
    changes = {k: stmt.excluded[k] for k in columns if k not in keys}
    if changes:
        return stmt.on_conflict_do_update(index_elements=list(keys), set_=changes)
    return stmt.on_conflict_do_nothing(index_elements=list(keys))


def one(conn: Connection, stmt: Select[Any], what: str, for_update: bool = False) -> Any:
    """The single row of `stmt`, locked when asked, or NotFound naming `what`."""
    row = conn.execute(stmt.with_for_update() if for_update else stmt).first()
    if row is None:
        raise NotFound(f"{what} not found")
    return row


class SqlUnitRepository:
    """The organisation tree."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, unit: Unit) -> None:
        upsert(
            self._conn(),
            UnitRow.__table__,
            {"code": unit.code, "name": unit.name, "parent_code": unit.parent_code},
            ["code"],
        )

    def get(self, code: str) -> Unit:
        row = one(self._conn(), select(UnitRow.__table__).where(UnitRow.code == code), f"unit {code!r}")
        return Unit(row.code, row.name, row.parent_code)

    def tree(self) -> UnitTree:
        rows = self._conn().execute(select(UnitRow.__table__).order_by(UnitRow.code))
        return UnitTree(Unit(r.code, r.name, r.parent_code) for r in rows)


class SqlUserRepository:
    """Accounts with role and unit scope."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, user: User) -> None:
        values = {
            "username": user.username,
            "role": user.role.value,
            "unit_code": user.unit_code,
            "officer_id": user.officer_id,
            "active": user.active,
        }
        upsert(self._conn(), UserRow.__table__, values, ["username"])

    def get(self, username: str) -> User:
        stmt = select(UserRow.__table__).where(UserRow.username == username)
        r = one(self._conn(), stmt, f"user {username!r}")
        return User(r.username, Role(r.role), r.unit_code, r.officer_id, r.active)


def _officer(r: Any) -> Officer:
    return Officer(
        r.so_dinh_danh, r.ho_ten, r.unit_code, r.ma_can_bo, r.cmnd_cu, r.ngay_sinh, OfficerStatus(r.status)
    )


class SqlOfficerRepository:
    """CBCCVC by số định danh; there is no delete."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, officer: Officer) -> None:
        values = {
            "so_dinh_danh": officer.so_dinh_danh,
            "ho_ten": officer.ho_ten,
            "unit_code": officer.unit_code,
            "ma_can_bo": officer.ma_can_bo,
            "cmnd_cu": officer.cmnd_cu,
            "ngay_sinh": officer.ngay_sinh,
            "status": officer.status.value,
        }
        upsert(self._conn(), OfficerRow.__table__, values, ["so_dinh_danh"])

    def get(self, so_dinh_danh: str) -> Officer:
        stmt = select(OfficerRow.__table__).where(OfficerRow.so_dinh_danh == so_dinh_danh)
        return _officer(one(self._conn(), stmt, f"officer {so_dinh_danh!r}"))

    def list_in_units(self, unit_codes: Collection[str]) -> list[Officer]:
        out: list[Officer] = []
        for part in chunks(unit_codes):
            stmt = select(OfficerRow.__table__).where(OfficerRow.unit_code.in_(part))
            out.extend(_officer(r) for r in self._conn().execute(stmt.order_by(OfficerRow.so_dinh_danh)))
        return out


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _decision_json(d: Decision) -> dict[str, Any]:
    return {
        "so_quyet_dinh": d.so_quyet_dinh,
        "loai": d.loai,
        "ngay_ky": _iso(d.ngay_ky),
        "ngay_hieu_luc": _iso(d.ngay_hieu_luc),
        "trich_yeu": d.trich_yeu,
    }


def _decision(j: Mapping[str, Any]) -> Decision:
    return Decision(
        j["so_quyet_dinh"], j["loai"], _day(j["ngay_ky"]), _day(j["ngay_hieu_luc"]), j["trich_yeu"]
    )


def _step_json(s: SalaryStep) -> dict[str, Any]:
    return {"tu_ngay": s.tu_ngay.isoformat(), "ma_ngach": s.ma_ngach, "bac": s.bac, "he_so": s.he_so}


def _step(j: Mapping[str, Any]) -> SalaryStep:
    return SalaryStep(date.fromisoformat(j["tu_ngay"]), j["ma_ngach"], j["bac"], j["he_so"])


class SqlRecordRepository:
    """Electronic records; history rows are appended, and a stale copy cannot overwrite a newer one."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, record: ElectronicRecord) -> None:
        conn = self._conn()
        stored = conn.execute(select(RecordRow.version).where(RecordRow.officer_id == record.officer_id))
        version = stored.scalar_one_or_none() or 0
        if version > record.version:
            raise Conflict(f"record of officer {record.officer_id} changed meanwhile (v{version})")
        values = {
            "officer_id": record.officer_id,
            "fields": dict(record.fields),
            "decisions": [_decision_json(d) for d in record.decisions],
            "salary_history": [_step_json(s) for s in record.salary_history],
            "version": record.version,
        }
        upsert(conn, RecordRow.__table__, values, ["officer_id"])
        new = [_change_row(c, record.officer_id) for c in record.history if c.version > version]
        if new:  # a concurrent writer of the same version fails on the primary key: Conflict, not a fork
            conn.execute(insert(RecordChangeRow.__table__), new)

    def get(self, officer_id: str, *, for_update: bool = False) -> ElectronicRecord:
        conn = self._conn()
        stmt = select(RecordRow.__table__).where(RecordRow.officer_id == officer_id)
        r = one(conn, stmt, f"record of officer {officer_id!r}", for_update)
        hist = select(RecordChangeRow.__table__).where(RecordChangeRow.officer_id == officer_id)
        history = [
            FieldChange(h.version, h.field, h.old, h.new, h.user, h.at, h.reason)
            for h in conn.execute(hist.order_by(RecordChangeRow.version))
        ]
        return ElectronicRecord(
            r.officer_id,
            dict(r.fields),
            [_decision(d) for d in r.decisions],
            [_step(s) for s in r.salary_history],
            history,
        )


def _change_row(c: FieldChange, officer_id: str) -> dict[str, Any]:
    """The history row of one field change."""
    return {
        "officer_id": officer_id,
        "version": c.version,
        "field": c.field,
        "old": c.old,
        "new": c.new,
        "user": c.user,
        "at": c.at,
        "reason": c.reason,
    }


class SqlApprovalRepository:
    """Sign-offs, one row per approval."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, approval: Approval) -> None:
        values = {
            "id": approval.id,
            "dossier_id": approval.dossier_id,
            "user": approval.user,
            "at": approval.at,
            "note": approval.note,
        }
        upsert(self._conn(), ApprovalRow.__table__, values, ["id"])

    def for_dossier(self, dossier_id: str) -> list[Approval]:
        stmt = select(ApprovalRow.__table__).where(ApprovalRow.dossier_id == dossier_id)
        rows = self._conn().execute(stmt.order_by(ApprovalRow.at, ApprovalRow.id))
        return [Approval(r.id, r.dossier_id, r.user, r.at, r.note) for r in rows]


def count(conn: Connection, table: Table, **where: Any) -> int:
    """Rows of `table` matching the equalities in `where`."""
    stmt = select(func.count()).select_from(table)
    for column, value in where.items():
        stmt = stmt.where(table.c[column] == value)
    return int(conn.execute(stmt).scalar_one())
