"""What `hoso backlog` and the UI show of the pipeline: files and pages per state, failures with reasons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from storage.progress import DONE, FAILED, PROCESSING, QUEUED, F, P, in_flight, now_utc, translated

STATES = (QUEUED, PROCESSING, DONE, FAILED)


def _zero() -> dict[str, int]:
    return dict.fromkeys(STATES, 0)


@dataclass(slots=True)
class UnitWork:
    """One unit's files and pages per state, pages read more than once, and the oldest page in flight."""

    unit_code: str
    files: dict[str, int] = field(default_factory=_zero)
    pages: dict[str, int] = field(default_factory=_zero)
    retried_pages: int = 0
    oldest_in_flight_s: float | None = None

    def to_json(self) -> dict[str, Any]:
        """The `work.units[]` item of `hoso backlog --json`."""
        return {
            "unit": self.unit_code,
            "files": dict(self.files),
            "pages": dict(self.pages),
            "retried_pages": self.retried_pages,
            "oldest_in_flight_s": self.oldest_in_flight_s,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed file or page and why; `hoso retry` sends it again."""

    dossier_id: str
    path: str
    unit_code: str
    page: int | None
    attempts: int
    error: str

    def to_json(self) -> dict[str, Any]:
        """The `work.failures[]` item of `hoso backlog --json`."""
        return {
            "dossier": self.dossier_id,
            "path": self.path,
            "unit": self.unit_code,
            "page": self.page,
            "attempts": self.attempts,
            "error": self.error,
        }


@translated
def work_status(
    engine: Engine, units: Collection[str] | None = None, now: datetime | None = None, limit: int = 100
) -> tuple[list[UnitWork], list[Failure]]:
    """Per-unit work figures (units with any work, or those in `units`) and up to `limit` failures."""
    at = now_utc(now)
    rows: dict[str, UnitWork] = {}

    def row(unit: str) -> UnitWork:
        return rows.setdefault(unit, UnitWork(unit))

    def scoped(stmt: Any, column: Any) -> Any:
        return stmt if units is None else stmt.where(column.in_(list(units)))

    with engine.connect() as conn:
        for unit, state, n in conn.execute(
            scoped(
                select(F.c.unit_code, F.c.state, func.count()).group_by(F.c.unit_code, F.c.state),
                F.c.unit_code,
            )
        ):
            row(unit).files[state] = n
        for unit, state, n, retried in conn.execute(
            scoped(
                select(
                    P.c.unit_code, P.c.state, func.count(), func.count().filter(P.c.attempts > 1)
                ).group_by(P.c.unit_code, P.c.state),
                P.c.unit_code,
            )
        ):
            row(unit).pages[state] = n
            row(unit).retried_pages += retried
        oldest = scoped(
            select(P.c.unit_code, func.min(P.c.updated_at)).where(in_flight()).group_by(P.c.unit_code),
            P.c.unit_code,
        )
        for unit, since in conn.execute(oldest):
            if since is not None:
                row(unit).oldest_in_flight_s = round((at - _aware(since)).total_seconds(), 1)
        failures = _failures(conn, scoped, limit)
    return sorted(rows.values(), key=lambda r: r.unit_code), failures


def _failures(conn: Any, scoped: Any, limit: int) -> list[Failure]:
    out: list[Failure] = []
    pages: dict[str, list[Any]] = defaultdict(list)
    stmt = scoped(
        select(P).where(P.c.state == FAILED).order_by(P.c.dossier_id, P.c.number).limit(limit), P.c.unit_code
    )
    for p in conn.execute(stmt):
        pages[p.dossier_id].append(p)
    files = scoped(select(F).where(F.c.state == FAILED).order_by(F.c.queued_at).limit(limit), F.c.unit_code)
    for f in conn.execute(files):
        out.append(Failure(f.dossier_id, f.display_path, f.unit_code, None, f.attempts, f.error or ""))
        out += [
            Failure(f.dossier_id, f.display_path, f.unit_code, p.number, p.attempts, p.error or "")
            for p in pages.get(f.dossier_id, [])
        ]
    return out[:limit]


def _aware(ts: datetime) -> datetime:
    """Timestamps from a raw aggregate bypass UtcDateTime on SQLite and come back naive."""
    from datetime import UTC

    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts
