"""The review screens' SQL: scoped, paginated and index-backed, so a page stays fast at 100,000 flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from review_ui.scope import Scope
from storage.orm import DossierRow, FlagRow, OfficerRow, ResolutionRow, UnitRow

# Short table aliases, so the statements read like the SQL they build.
F, D, R, O, U = (t.__table__ for t in (FlagRow, DossierRow, ResolutionRow, OfficerRow, UnitRow))  # noqa: E741


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """The reviewer's filters: a unit subtree of their scope, a field key, words of the reason."""

    unit: str = ""
    field: str = ""
    reason: str = ""

    def query(self) -> dict[str, str]:
        """Non-empty filters, for links that keep them."""
        return {k: v for k, v in (("unit", self.unit), ("field", self.field), ("reason", self.reason)) if v}


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows with the total, for the pager."""

    rows: list[Any]
    total: int
    page: int
    size: int
    capped: bool = False  # more than COUNT_CAP rows: `total` is a lower bound

    @property
    def pages(self) -> int:
        """How many pages in all (at least one); past the cap, at least one more than this one."""
        if self.capped:
            return max(self.page + (len(self.rows) == self.size), -(-self.total // self.size))
        return max(1, -(-self.total // self.size))


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def open_flags(scope: Scope, flt: QueueFilter) -> Select[Any]:
    """Open cảnh báo the user may see, oldest first (the due date follows the creation date)."""
    cols = [
        F.c.id,
        F.c.dossier_id,
        F.c.field,
        F.c.paper_value,
        F.c.electronic_value,
        F.c.score,
        F.c.reason,
        F.c.created_at,
        F.c.page,
        F.c.blocking,
        D.c.unit_code,
        D.c.officer_id,
        O.c.ho_ten,
    ]
    joined = (
        F.join(D, D.c.id == F.c.dossier_id)
        .outerjoin(R, R.c.flag_id == F.c.id)
        .outerjoin(O, O.c.so_dinh_danh == D.c.officer_id)
    )
    stmt = select(*cols).select_from(joined).where(R.c.flag_id.is_(None), scope.dossier_filter())
    if flt.unit:
        inside = flt.unit in scope.units and scope.can_see_unit(flt.unit)
        stmt = stmt.where(D.c.unit_code.in_(scope.units.subtree(flt.unit) if inside else []))
    if flt.field:
        stmt = stmt.where(F.c.field == flt.field)
    if flt.reason:
        stmt = stmt.where(F.c.reason.ilike(_like(flt.reason), escape="\\"))
    return stmt


COUNT_CAP = 1000  # counting 50,000 open flags costs more than the page itself: "more than 1000" will do


def page_of(conn: Connection, stmt: Select[Any], order: list[Any], page: int, size: int) -> Page:
    """Rows of page `page` (1-based) and the count, counted only up to COUNT_CAP (LIMIT inside COUNT)."""
    bounded = stmt.order_by(None).limit(COUNT_CAP + 1).subquery()  # unordered: the planner picks the index
    total = int(conn.execute(select(func.count()).select_from(bounded)).scalar_one())
    capped = total > COUNT_CAP
    page = max(1, page) if capped else min(max(1, page), max(1, -(-total // size)))
    rows = list(conn.execute(stmt.order_by(*order).limit(size).offset((page - 1) * size)))
    return Page(rows, min(total, COUNT_CAP), page, size, capped)


def neighbour_flag(
    conn: Connection, stmt: Select[Any], created_at: datetime, flag_id: str, forward: bool
) -> str | None:
    """The next (or previous) open flag in queue order after the given one: keyset, no offset."""
    if forward:
        after = or_(F.c.created_at > created_at, and_(F.c.created_at == created_at, F.c.id > flag_id))
        order: list[Any] = [F.c.created_at, F.c.id]
    else:
        after = or_(F.c.created_at < created_at, and_(F.c.created_at == created_at, F.c.id < flag_id))
        order = [F.c.created_at.desc(), F.c.id.desc()]
    row = conn.execute(stmt.where(after).order_by(*order).limit(1)).first()
    return None if row is None else str(row.id)


def flag_row(conn: Connection, flag_id: str) -> Any:
    """One flag with its dossier's unit and officer, and its resolution if any (None if unknown)."""
    stmt = (
        select(
            F,
            D.c.unit_code,
            D.c.officer_id,
            D.c.state,
            O.c.ho_ten,
            R.c.kind,
            R.c.note,
            R.c.user.label("res_user"),
            R.c.at.label("res_at"),
            R.c.value.label("res_value"),
        )
        .select_from(
            F.join(D, D.c.id == F.c.dossier_id)
            .outerjoin(R, R.c.flag_id == F.c.id)
            .outerjoin(O, O.c.so_dinh_danh == D.c.officer_id)
        )
        .where(F.c.id == flag_id)
    )
    return conn.execute(stmt).first()


def dossier_row(conn: Connection, dossier_id: str) -> Any:
    """One dossier's row with its officer's name (None if unknown)."""
    stmt = (
        select(D, O.c.ho_ten)
        .select_from(D.outerjoin(O, O.c.so_dinh_danh == D.c.officer_id))
        .where(D.c.id == dossier_id)
    )
    return conn.execute(stmt).first()


def dossiers(scope: Scope, unit: str = "", state: str = "", officer: str = "") -> Select[Any]:
    """Dossiers in scope (optionally one unit's subtree, one state, an officer name) with open-flag counts."""
    open_count = (
        select(func.count())
        .select_from(F.outerjoin(R, R.c.flag_id == F.c.id))
        .where(F.c.dossier_id == D.c.id, R.c.flag_id.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(
            D.c.id,
            D.c.unit_code,
            D.c.state,
            D.c.received_at,
            D.c.officer_id,
            D.c.clerk,
            O.c.ho_ten,
            U.c.name.label("unit_name"),
            open_count.label("open_flags"),
        )
        .select_from(D.outerjoin(O, O.c.so_dinh_danh == D.c.officer_id).join(U, U.c.code == D.c.unit_code))
        .where(scope.dossier_filter())
    )
    if unit:
        inside = unit in scope.units and scope.can_see_unit(unit)
        stmt = stmt.where(D.c.unit_code.in_(scope.units.subtree(unit) if inside else []))
    if state:
        stmt = stmt.where(D.c.state == state)
    if officer:
        stmt = stmt.where(or_(O.c.ho_ten.ilike(_like(officer), escape="\\"), D.c.officer_id == officer))
    return stmt
