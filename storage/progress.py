"""Work state of every uploaded file and page (tables ingest_files / ingest_pages), one transaction a call.

The database, not the broker, is the source of truth about work: a message lost with a restarted Redis is
found here (a page dispatched long ago and never finished) and sent again. Every transition is idempotent,
so a redelivered task that finds its page done changes nothing. File states: queued → processing → done |
failed; `stage` says which step a file is at (split → read → finish → done).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update
from sqlalchemy import exc as sa_exc

from hoso.errors import NotFound
from storage.orm import IngestFileRow, IngestPageRow
from storage.uow import translate

F, P = IngestFileRow.__table__, IngestPageRow.__table__
QUEUED, PROCESSING, DONE, FAILED = "queued", "processing", "done", "failed"
SPLIT, READ, FINISH = "split", "read", "finish"

_P = ParamSpec("_P")
_R = TypeVar("_R")


def translated(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """SQLAlchemy errors leave as hoso errors (StorageUnavailable is retryable), like the unit of work's."""

    @wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except sa_exc.SQLAlchemyError as error:
            raise translate(error) from error

    return wrapper


def now_utc(now: datetime | None = None) -> datetime:
    """The given time or the current UTC time."""
    return now or datetime.now(UTC)


@contextmanager
def locked_file(engine: Engine, dossier_id: str) -> Iterator[tuple[Connection, Any]]:
    """A transaction holding the file row (FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE locks everything)."""
    with engine.begin() as conn:
        row = conn.execute(select(F).where(F.c.dossier_id == dossier_id).with_for_update()).first()
        if row is None:
            raise NotFound(f"no queued file for dossier {dossier_id!r}")
        yield conn, row


@dataclass(frozen=True, slots=True)
class FileWork:
    """One file's work row, as the stages need it."""

    dossier_id: str
    sha256: str
    display_path: str
    object_key: str
    kind: str
    unit_code: str
    clerk: str
    state: str = QUEUED
    stage: str = SPLIT
    pages: int | None = None
    problems: list[str] = field(default_factory=list)
    attempts: int = 0
    error: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> FileWork:
        """From a row of ingest_files."""
        return cls(
            row.dossier_id,
            row.sha256,
            row.display_path,
            row.object_key,
            row.kind,
            row.unit_code,
            row.clerk,
            row.state,
            row.stage,
            row.pages,
            list(row.problems or []),
            row.attempts,
            row.error,
        )


@translated
def queue_file(engine: Engine, work: FileWork, now: datetime | None = None) -> FileWork:
    """Register a stored original; a file already registered (same SHA-256) keeps its row and dossier id."""
    at = now_utc(now)
    with engine.begin() as conn:
        row = conn.execute(select(F).where(F.c.sha256 == work.sha256).with_for_update()).first()
        if row is not None:
            return FileWork.from_row(row)
        conn.execute(
            insert(F).values(
                dossier_id=work.dossier_id,
                sha256=work.sha256,
                display_path=work.display_path,
                object_key=work.object_key,
                kind=work.kind,
                unit_code=work.unit_code,
                clerk=work.clerk,
                state=QUEUED,
                stage=SPLIT,
                pages=None,
                problems=[],
                attempts=0,
                error=None,
                claimed_by=None,
                queued_at=at,
                started_at=None,
                finished_at=None,
                updated_at=at,
            )
        )
    return work


@translated
def get_file(engine: Engine, dossier_id: str) -> FileWork:
    """The work row of a file; NotFound when none was queued under that dossier id."""
    with engine.connect() as conn:
        row = conn.execute(select(F).where(F.c.dossier_id == dossier_id)).first()
    if row is None:
        raise NotFound(f"no queued file for dossier {dossier_id!r}")
    return FileWork.from_row(row)


@translated
def start_split(engine: Engine, dossier_id: str, now: datetime | None = None) -> FileWork | None:
    """Mark the split attempt; None when the file is past splitting (a redelivered message)."""
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, row):
        if row.stage != SPLIT or row.state == DONE:
            return None
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(
                state=PROCESSING, attempts=row.attempts + 1, started_at=row.started_at or at, updated_at=at
            )
        )
        return FileWork.from_row(row)


@translated
def add_pages(
    engine: Engine, dossier_id: str, count: int, problems: Sequence[str], now: datetime | None = None
) -> str:
    """Queue pages 1..count (those not queued yet) and move the file on; returns the file's new stage."""
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, row):
        have = set(conn.execute(select(P.c.number).where(P.c.dossier_id == dossier_id)).scalars())
        new = [n for n in range(1, count + 1) if n not in have]
        if new:
            conn.execute(
                insert(P),
                [
                    {
                        "dossier_id": dossier_id,
                        "number": n,
                        "unit_code": row.unit_code,
                        "state": QUEUED,
                        "attempts": 0,
                        "error": None,
                        "worker": None,
                        "result_key": None,
                        "seconds": None,
                        "queued_at": at,
                        "dispatched_at": None,
                        "started_at": None,
                        "finished_at": None,
                        "updated_at": at,
                    }
                    for n in new
                ],
            )
        stage = READ if count else FINISH
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(stage=stage, pages=count, problems=list(problems), updated_at=at)
        )
        return stage


@translated
def begin_page(
    engine: Engine, dossier_id: str, number: int, worker: str, now: datetime | None = None
) -> FileWork | None:
    """Mark a page being read and return its file; None when the page is done already (a redelivery)."""
    at = now_utc(now)
    key = and_(P.c.dossier_id == dossier_id, P.c.number == number)
    with engine.begin() as conn:
        row = conn.execute(select(P).where(key).with_for_update()).first()
        if row is None:
            raise NotFound(f"no queued page {number} of dossier {dossier_id!r}")
        if row.state == DONE:
            return None
        conn.execute(
            update(P)
            .where(key)
            .values(
                state=PROCESSING,
                attempts=row.attempts + 1,
                worker=worker,
                started_at=at,
                dispatched_at=row.dispatched_at or at,
                updated_at=at,
            )
        )
        return FileWork.from_row(conn.execute(select(F).where(F.c.dossier_id == dossier_id)).one())


@translated
def end_page(
    engine: Engine,
    dossier_id: str,
    number: int,
    result_key: str | None,
    seconds: float | None,
    error: str | None,
    now: datetime | None = None,
) -> bool:
    """Mark a page done (an unreadable page is done too, its reason kept); True when the file can finish.

    The fan-in: the file row is locked, so of two pages finishing at once exactly one sees the last page
    done. A redelivered page message finding everything done answers True again (finishing is idempotent).
    """
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, row):
        key = and_(P.c.dossier_id == dossier_id, P.c.number == number)
        conn.execute(
            update(P)
            .where(key, P.c.state != DONE)
            .values(
                state=DONE, result_key=result_key, seconds=seconds, error=error, finished_at=at, updated_at=at
            )
        )
        left = conn.execute(
            select(func.count()).select_from(P).where(P.c.dossier_id == dossier_id, P.c.state != DONE)
        ).scalar_one()
        if left or row.state == DONE:
            return False
        if row.stage == READ:
            conn.execute(update(F).where(F.c.dossier_id == dossier_id).values(stage=FINISH, updated_at=at))
        return True


@translated
def fail_page(engine: Engine, dossier_id: str, number: int, reason: str, now: datetime | None = None) -> None:
    """A page that could not be processed (retries used up): the page and its file are failed, with why."""
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, _row):
        conn.execute(
            update(P)
            .where(P.c.dossier_id == dossier_id, P.c.number == number, P.c.state != DONE)
            .values(state=FAILED, error=reason, updated_at=at)
        )
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(state=FAILED, error=f"page {number}: {reason}", updated_at=at)
        )


@translated
def claim_finish(
    engine: Engine, dossier_id: str, token: str, stale_before: datetime, now: datetime | None = None
) -> FileWork | None:
    """Take the file's last stage for `token` (a task id); None when it is done or held by a live task.

    A redelivered message carries the same task id, so it takes its own claim back; a claim not touched
    since `stale_before` belonged to a task that is gone.
    """
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, row):
        if row.stage != FINISH or row.state == DONE:
            return None
        if row.claimed_by not in (None, token) and row.updated_at > stale_before:
            return None
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(state=PROCESSING, claimed_by=token, attempts=row.attempts + 1, updated_at=at)
        )
        return FileWork.from_row(row)


@translated
def finish_file(engine: Engine, dossier_id: str, now: datetime | None = None) -> None:
    """The dossier is recorded: the file's work is done."""
    at = now_utc(now)
    with engine.begin() as conn:
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(state=DONE, stage="done", error=None, claimed_by=None, finished_at=at, updated_at=at)
        )


@translated
def fail_file(engine: Engine, dossier_id: str, reason: str, now: datetime | None = None) -> None:
    """The file's current stage failed for good (until `hoso retry`): keep why."""
    at = now_utc(now)
    with engine.begin() as conn:
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id, F.c.state != DONE)
            .values(state=FAILED, error=reason, claimed_by=None, updated_at=at)
        )


@translated
def record_read(
    engine: Engine,
    dossier_id: str,
    pages: Sequence[tuple[int, str | None]],
    problems: Sequence[str],
    now: datetime | None = None,
) -> None:
    """The in-process path's bookkeeping: every page read (with its error, if any) in one transaction."""
    at = now_utc(now)
    with locked_file(engine, dossier_id) as (conn, row):
        conn.execute(P.delete().where(P.c.dossier_id == dossier_id))
        if pages:
            conn.execute(
                insert(P),
                [
                    {
                        "dossier_id": dossier_id,
                        "number": n,
                        "unit_code": row.unit_code,
                        "state": DONE,
                        "attempts": 1,
                        "error": err,
                        "worker": "inprocess",
                        "result_key": None,
                        "seconds": None,
                        "queued_at": row.queued_at,
                        "dispatched_at": row.queued_at,
                        "started_at": row.started_at or at,
                        "finished_at": at,
                        "updated_at": at,
                    }
                    for n, err in pages
                ],
            )
        conn.execute(
            update(F)
            .where(F.c.dossier_id == dossier_id)
            .values(
                state=PROCESSING,
                stage=FINISH,
                pages=len(pages),
                problems=list(problems),
                attempts=row.attempts + 1,
                started_at=row.started_at or at,
                updated_at=at,
            )
        )


def page_filter(dossier_id: str | None) -> Any:
    """WHERE clause for the pages of one dossier, or of all."""
    return P.c.dossier_id == dossier_id if dossier_id else P.c.dossier_id.is_not(None)


def file_filter(dossier_id: str | None) -> Any:
    """WHERE clause for one file, or all."""
    return F.c.dossier_id == dossier_id if dossier_id else F.c.dossier_id.is_not(None)


def in_flight() -> Any:
    """Pages a worker holds or that wait in the broker."""
    return or_(P.c.state == PROCESSING, and_(P.c.state == QUEUED, P.c.dispatched_at.is_not(None)))
