"""Supervisor figures per unit of a subtree, aggregated in SQL (GROUP BY), so 20,000 dossiers stay fast."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from hoso.domain.backlog import UnitBacklog, total
from hoso.domain.workflow import OPEN_STATES
from hoso.errors import NotFound
from review_ui.dossier_view import dossier_due_on, flag_due_on, overdue_days
from review_ui.queries import D, F, R
from review_ui.scope import Scope
from storage.orm import PageRow
from storage.uow import SqlStore

P = PageRow.__table__
WEEKS = 12


@dataclass(slots=True)
class Dashboard:
    """Rows per unit (own work, parents first), their total, and pages digitized per week."""

    root: str
    today: date
    rows: list[UnitBacklog]
    total: UnitBacklog
    weeks: list[tuple[date, int]] = field(default_factory=list)


def local_day(conn: Connection, column: Any) -> ColumnElement[Any]:
    """The Vietnamese calendar day (UTC+7) of a stored UTC timestamp, in the dialect at hand."""
    if conn.dialect.name == "postgresql":
        return func.date(func.timezone("Asia/Ho_Chi_Minh", column))
    return func.date(column, "+7 hours")


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def roots_for(scope: Scope, unit: str) -> list[str]:
    """The subtree roots to show: the asked unit when in scope, else the user's own (all, for admin)."""
    if unit:
        if unit not in scope.units or not scope.can_see_unit(unit):
            raise NotFound("đơn vị không tồn tại")
        return [unit]
    codes = scope.codes
    if codes is None:
        return scope.units.roots()
    return codes[:1]


CACHE_SECONDS = 60.0  # the province-wide aggregate scans every flag: supervisors see it at most a minute old
_cache: dict[tuple[str, tuple[str, ...], date], tuple[float, Dashboard]] = {}
_cache_lock = threading.Lock()


def unit_rows(store: SqlStore, scope: Scope, unit: str, today: date, *, fresh: bool = False) -> Dashboard:
    """Counts by state, open and overdue items per unit, pages per week, for the chosen subtree (cached)."""
    roots = roots_for(scope, unit)
    key = (str(store.engine.url), tuple(roots), today)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None and not fresh and time.monotonic() - hit[0] < CACHE_SECONDS:
        return hit[1]
    data = _compute(store, scope, roots, today)
    with _cache_lock:
        _cache[key] = (time.monotonic(), data)
    return data


def _compute(store: SqlStore, scope: Scope, roots: list[str], today: date) -> Dashboard:
    codes = [c for r in roots for c in scope.units.subtree(r)]
    rows = {c: UnitBacklog(c, scope.units.get(c).name) for c in codes}
    with store.uow() as uow:
        conn = uow.connection()
        in_units = D.c.unit_code.in_(codes)
        for code, state, n in conn.execute(
            select(D.c.unit_code, D.c.state, func.count()).where(in_units).group_by(D.c.unit_code, D.c.state)
        ):
            rows[code].states[state] = rows[code].states.get(state, 0) + n
        _overdue_dossiers(conn, rows, in_units, today)
        _open_flags(conn, rows, in_units, today)
        weeks = _pages_per_week(conn, in_units, today)
    ordered = list(rows.values())
    return Dashboard(
        roots[0] if len(roots) == 1 else "", today, ordered, total(ordered, "*", "Tổng cộng"), weeks
    )


def _overdue_dossiers(conn: Connection, rows: dict[str, UnitBacklog], where: Any, today: date) -> None:
    trigger = func.coalesce(D.c.trigger_on, local_day(conn, D.c.received_at))
    stmt = (
        select(D.c.unit_code, trigger.label("day"), func.count())
        .where(where, D.c.state.in_([s.value for s in OPEN_STATES]))
        .group_by(D.c.unit_code, trigger)
    )
    for code, day, n in conn.execute(stmt):
        late = overdue_days(dossier_due_on(_day(day)), today)
        if late:
            rows[code].overdue_dossiers += n
            rows[code].max_days_overdue = max(rows[code].max_days_overdue, late)


def _open_flags(conn: Connection, rows: dict[str, UnitBacklog], where: Any, today: date) -> None:
    day = local_day(conn, F.c.created_at)
    stmt = (
        select(D.c.unit_code, day.label("day"), func.count())
        .select_from(F.join(D, D.c.id == F.c.dossier_id).outerjoin(R, R.c.flag_id == F.c.id))
        .where(where, R.c.flag_id.is_(None))
        .group_by(D.c.unit_code, day)
    )
    for code, raised, n in conn.execute(stmt):
        rows[code].open_flags += n
        late = overdue_days(flag_due_on(_day(raised)), today)
        if late:
            rows[code].overdue_flags += n
            rows[code].max_days_overdue = max(rows[code].max_days_overdue, late)


def _pages_per_week(conn: Connection, where: Any, today: date) -> list[tuple[date, int]]:
    """Pages of dossiers received in each of the last WEEKS weeks (Monday of the week, count)."""
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=WEEKS - 1)
    since = datetime(start.year, start.month, start.day) - timedelta(hours=7)
    day = local_day(conn, D.c.received_at)
    stmt = (
        select(day.label("day"), func.count())
        .select_from(P.join(D, D.c.id == P.c.dossier_id))
        .where(where, D.c.received_at >= since)
        .group_by(day)
    )
    per_week: dict[date, int] = defaultdict(int)
    for raw, n in conn.execute(stmt):
        d = _day(raw)
        per_week[d - timedelta(days=d.weekday())] += n
    return [(start + timedelta(weeks=i), per_week.get(start + timedelta(weeks=i), 0)) for i in range(WEEKS)]
