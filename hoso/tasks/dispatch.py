"""Sending work to the Celery workers: files submitted, the fair page window topped up, failed work retried.

The producer side, used by the CLI (`hoso ingest` with HOSO_TASKS=celery, `hoso retry`) and by the tasks
themselves (each finished page tops the window up). Originals are stored here, before any message is sent:
a worker never sees a file that is not in the object store.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from hoso.domain.model import new_id
from hoso.errors import HosoError, StorageUnavailable
from hoso.intake import skipped, stored_dossiers
from hoso.originals import store_original
from hoso.recording import Outcome, officer_index
from hoso.tasks.app import FINISH_TASK, LIGHT_QUEUE, OCR_QUEUE, READ_TASK, SPLIT_TASK
from ingest.sources import expand
from storage import progress, work_queue
from storage.objects import ObjectStore
from storage.uow import SqlStore

log = logging.getLogger(__name__)


class Sender(Protocol):
    """Puts one message on a queue; raises when the broker cannot take it."""

    def send(self, task: str, args: Sequence[Any], queue: str) -> None: ...


class CelerySender:
    """Sends through a Celery app (send_task by name: the producer need not import the task code)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def send(self, task: str, args: Sequence[Any], queue: str) -> None:
        """Publish, translating broker errors into StorageUnavailable (retryable)."""
        try:
            self.app.send_task(
                task,
                args=list(args),
                queue=queue,
                retry=True,
                retry_policy={"max_retries": 3, "interval_start": 0.2, "interval_step": 0.5},
            )
        except HosoError:
            raise
        except Exception as exc:  # noqa: BLE001 - kombu/redis raise many kinds for an unreachable broker
            raise StorageUnavailable(f"broker unavailable: {exc}") from exc


def send_split(sender: Sender, dossier_id: str) -> None:
    """Queue the first stage of a file."""
    sender.send(SPLIT_TASK, [dossier_id], LIGHT_QUEUE)


def send_finish(sender: Sender, dossier_id: str) -> None:
    """Queue the last stage of a file (the fan-in, once its last page is read)."""
    sender.send(FINISH_TASK, [dossier_id], LIGHT_QUEUE)


def pump(store: SqlStore, sender: Sender, window: int) -> int:
    """Send the pages that fit in the window, fairly across units; returns how many were sent.

    A page whose message cannot be sent goes back to waiting; the next pump (any finished page, a retry or
    the sweep) sends it.
    """
    picked = work_queue.claim_window(store.engine, window)
    for i, (dossier_id, number) in enumerate(picked):
        try:
            sender.send(READ_TASK, [dossier_id, number], OCR_QUEUE)
        except StorageUnavailable:
            work_queue.unclaim(store.engine, picked[i:])
            raise
    return len(picked)


def submit(
    store: SqlStore, objects: ObjectStore, sender: Sender, paths: Sequence[str], unit: str, user: str
) -> Generator[Outcome, None, None]:
    """Store each new file's original, register its work and queue it: one Outcome per file ("queued")."""
    officer_index(store, unit, user)  # refuses a user who may not ingest into the unit, before any upload
    with tempfile.TemporaryDirectory(prefix="hoso-submit-") as tmp:
        sources = list(expand(list(paths), Path(tmp)))
        stored = stored_dossiers(store, [s.sha256 for s in sources if s.sha256])
        seen: set[str] = set()
        for src in sources:
            skip = skipped(src, stored, seen)
            if skip is not None:
                yield skip
                continue
            seen.add(src.sha256)
            key = store_original(objects, src)
            resumed = stored.get(src.sha256, (None, ""))[0]
            new = progress.FileWork(
                resumed or new_id(), src.sha256, src.display_path, key, src.kind, unit, user
            )
            work = progress.queue_file(store.engine, new)
            if work.state != progress.DONE:
                send_split(sender, work.dossier_id)
            yield Outcome(src.display_path, src.sha256, "queued", work.dossier_id, work.state)


@dataclass(frozen=True, slots=True)
class RetryReport:
    """What `hoso retry` did: work found lost, files sent again, pages sent."""

    lost: int
    files: int
    pages: int

    def to_json(self) -> dict[str, int]:
        """The `hoso retry --json` object."""
        return {"lost": self.lost, "files": self.files, "pages": self.pages}


def retry_failed(
    store: SqlStore,
    sender: Sender,
    window: int,
    dossier_id: str | None = None,
    stale_after: float | None = None,
) -> RetryReport:
    """Mark lost work failed (untouched for `stale_after` s), then send every failed file and page again."""
    lost = 0
    if stale_after is not None:
        lost = work_queue.sweep_stale(store.engine, datetime.now(UTC) - timedelta(seconds=stale_after))
    files = work_queue.reset_failed(store.engine, dossier_id)
    for work in files:
        (send_split if work.stage == progress.SPLIT else send_finish)(sender, work.dossier_id)
    return RetryReport(lost, len(files), pump(store, sender, window))


def wait(
    store: SqlStore, dossier_ids: Sequence[str], timeout: float, poll: float = 0.5
) -> list[progress.FileWork]:
    """Poll until every file is done or failed (or the timeout passes); their last known work rows."""
    deadline = time.monotonic() + timeout
    while True:
        rows = [progress.get_file(store.engine, d) for d in dossier_ids]
        if all(r.state in (progress.DONE, progress.FAILED) for r in rows) or time.monotonic() > deadline:
            return rows
        time.sleep(poll)


def settled(store: SqlStore, rows: Sequence[progress.FileWork]) -> list[Outcome]:
    """The outcome of each waited-for file, as the in-process ingest reports it."""
    out: list[Outcome] = []
    with store.uow() as uow:
        for w in rows:
            if w.state != progress.DONE:
                reason = [w.error or w.state]
                out.append(Outcome(w.display_path, w.sha256, w.state, w.dossier_id, None, errors=reason))
                continue
            dossier = uow.dossiers.get(w.dossier_id)
            flags = uow.flags.for_dossiers([w.dossier_id])
            out.append(Outcome(w.display_path, w.sha256, "ingested", w.dossier_id, dossier.state.value,
                               dossier.officer_id, flags, list(w.problems)))  # fmt: skip
    return out
