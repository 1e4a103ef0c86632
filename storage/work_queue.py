"""The dispatch window, lost-work sweep and retry reset over ingest_files / ingest_pages.

claim_window picks the pages to send (fair across units, hoso.tasks.fairness) and marks them dispatched in
the same transaction, so two dispatchers never send one page twice; sweep_stale turns work that nobody
finished in time into failures with a reason; reset_failed puts failed work back in the queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, func, select, text, update

from hoso.tasks.fairness import fair_order
from storage.progress import (
    DONE,
    FAILED,
    FINISH,
    PROCESSING,
    QUEUED,
    READ,
    SPLIT,
    F,
    FileWork,
    P,
    file_filter,
    in_flight,
    now_utc,
    page_filter,
    translated,
)

PageId = tuple[str, int]  # (dossier id, page number): all a page message carries
_PUMP_LOCK = 0x686F736F  # "hoso": one dispatcher at a time on PostgreSQL


@translated
def claim_window(engine: Engine, window: int, now: datetime | None = None) -> list[PageId]:
    """Pages to send now so that at most `window` are in flight, each marked dispatched."""
    at = now_utc(now)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # SQLite's IMMEDIATE transaction already serializes this
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PUMP_LOCK})
        flying = select(P.c.unit_code, func.count()).where(in_flight()).group_by(P.c.unit_code)
        counts: dict[str, int] = {unit: n for unit, n in conn.execute(flying)}
        free = window - sum(counts.values())
        if free <= 0:
            return []
        units = (
            conn.execute(
                select(F.c.unit_code, func.min(F.c.queued_at).label("first"))
                .where(F.c.stage == READ, F.c.state != DONE)
                .group_by(F.c.unit_code)
                .order_by("first", F.c.unit_code)
            )
            .scalars()
            .all()
        )
        waiting: dict[str, list[PageId]] = {}
        for unit in units:
            rows = conn.execute(
                select(P.c.dossier_id, P.c.number)
                .where(P.c.unit_code == unit, P.c.state == QUEUED, P.c.dispatched_at.is_(None))
                .order_by(P.c.queued_at, P.c.dossier_id, P.c.number)
                .limit(free)
            )
            waiting[unit] = [(r.dossier_id, r.number) for r in rows]
        picked = fair_order(counts, waiting, free)
        for dossier_id, number in picked:
            conn.execute(
                update(P)
                .where(P.c.dossier_id == dossier_id, P.c.number == number)
                .values(dispatched_at=at, updated_at=at)
            )
    return picked


@translated
def unclaim(engine: Engine, pages: Sequence[PageId]) -> None:
    """Pages whose message could not be sent go back to waiting (the next dispatch sends them)."""
    with engine.begin() as conn:
        for dossier_id, number in pages:
            conn.execute(
                update(P)
                .where(P.c.dossier_id == dossier_id, P.c.number == number, P.c.state == QUEUED)
                .values(dispatched_at=None)
            )


@translated
def sweep_stale(engine: Engine, before: datetime, now: datetime | None = None) -> int:
    """Work in flight untouched since `before` is lost (broker restarted, worker gone): failed, with why.

    `before` must be older than any honest wait: a page spends at most its time limit on a worker, and the
    dispatch window bounds how long it queues. Returns how many pages and files were marked.
    """
    at = now_utc(now)
    reason = (
        f"lost: nobody finished it since {before:%Y-%m-%d %H:%M:%S} UTC (broker restarted or worker gone)"
    )
    with engine.begin() as conn:
        stale = in_flight() & (P.c.updated_at < before)
        lost = conn.execute(select(P.c.dossier_id, P.c.number).where(stale)).all()
        conn.execute(update(P).where(stale).values(state=FAILED, error=reason, updated_at=at))
        for dossier_id in {r.dossier_id for r in lost}:
            conn.execute(
                update(F)
                .where(F.c.dossier_id == dossier_id, F.c.state != DONE)
                .values(state=FAILED, error=reason, updated_at=at)
            )
        files = and_(
            F.c.state.in_([QUEUED, PROCESSING]), F.c.stage.in_([SPLIT, FINISH]), F.c.updated_at < before
        )
        marked = conn.execute(
            update(F).where(files).values(state=FAILED, error=reason, claimed_by=None, updated_at=at)
        ).rowcount
    return len(lost) + (marked or 0)


@translated
def reset_failed(
    engine: Engine, dossier_id: str | None = None, now: datetime | None = None
) -> list[FileWork]:
    """Failed pages and files back to queued; returns the files whose stage needs a message (split, finish).

    Pages need none: the next dispatch window sends them. A file whose pages all finished meanwhile (a lost
    page that a slow worker completed after all) moves on to its last stage.
    """
    at = now_utc(now)
    with engine.begin() as conn:
        conn.execute(
            update(P)
            .where(page_filter(dossier_id), P.c.state == FAILED)
            .values(state=QUEUED, dispatched_at=None, updated_at=at)
        )
        rows = conn.execute(
            select(F).where(file_filter(dossier_id), F.c.state == FAILED).with_for_update()
        ).all()
        out: list[FileWork] = []
        for row in rows:
            stage = row.stage
            if stage == READ and not _pages_left(conn, row.dossier_id):
                stage = FINISH
            state = PROCESSING if stage == READ else QUEUED
            conn.execute(
                update(F)
                .where(F.c.dossier_id == row.dossier_id)
                .values(state=state, stage=stage, claimed_by=None, updated_at=at)
            )
            if stage != READ:
                out.append(replace(FileWork.from_row(row), stage=stage, state=state))
    return out


def _pages_left(conn: Any, dossier_id: str) -> int:
    stmt = select(func.count()).select_from(P).where(P.c.dossier_id == dossier_id, P.c.state != DONE)
    return int(conn.execute(stmt).scalar_one())


@translated
def unfinished(engine: Engine, dossier_id: str | None = None) -> list[str]:
    """Dossier ids of the files not done yet, oldest first."""
    with engine.connect() as conn:
        stmt = select(F.c.dossier_id).where(file_filter(dossier_id), F.c.state != DONE)
        return list(conn.execute(stmt.order_by(F.c.queued_at)).scalars())
