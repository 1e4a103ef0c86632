"""The Celery tasks: thin wrappers over hoso.stages, adding retries, failure bookkeeping and dispatch.

split_file (light) → read_page × pages (ocr, sent through the fair window) → finish_file (light, sent by
the page that completes the file: a fan-in counted in the database, see storage.progress.end_page).
Celery's chord is not used: it would need every page message sent at once (no fair window) and a result
backend whose counters a restarted Redis forgets; the database count survives both.

Transient errors (database or object store unavailable, a lost lock race, broker down) are retried with
exponential back-off; when retries run out, or on any other error, the page or file is marked failed with
the reason, for `hoso backlog` to show and `hoso retry` to send again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any, NoReturn

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_shutdown
from sqlalchemy import exc as sa_exc

from hoso.config import ExtractSettings
from hoso.errors import HosoError
from hoso.originals import OriginalCache
from hoso.stages import Runtime, finish, read, split
from hoso.tasks.app import FINISH_TASK, READ_TASK, SPLIT_TASK, SWEEP_TASK, app
from hoso.tasks.dispatch import CelerySender, pump, retry_failed, send_finish
from hoso.tasks.settings import TaskSettings
from matching.config import MatchConfig
from storage import progress
from storage.objects import default_object_store
from storage.uow import SqlStore

log = logging.getLogger(__name__)
SETTINGS: TaskSettings = app.conf.hoso
_runtime: tuple[int, Runtime] | None = None


def runtime() -> Runtime:
    """This worker process's database engine, object store and caches, built after the fork, once."""
    global _runtime
    if _runtime is None or _runtime[0] != os.getpid():
        objects = default_object_store()
        rt = Runtime(
            SqlStore.from_url(),
            objects,
            ExtractSettings.from_env(),
            MatchConfig.from_env(),
            OriginalCache(objects),
        )
        _runtime = (os.getpid(), rt)
    return _runtime[1]


@worker_process_shutdown.connect
def _close_runtime(**_: Any) -> None:
    if _runtime is not None and _runtime[0] == os.getpid():
        _runtime[1].close()


def transient(exc: BaseException) -> bool:
    """Worth retrying: a retryable hoso error (storage down, lock conflict) or a raw driver error."""
    if isinstance(exc, HosoError):
        return exc.retryable
    return isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError | ConnectionError | TimeoutError)


def _reason(exc: BaseException) -> str:
    return f"{exc.code}: {exc.message}" if isinstance(exc, HosoError) else f"{type(exc).__name__}: {exc}"


def handle(task: Task[Any, Any], exc: Exception, fail: Callable[[str], None]) -> NoReturn | None:
    """Retry a transient error with back-off; otherwise (or when retries run out) record the failure."""
    retries = task.request.retries
    if transient(exc) and retries < SETTINGS.max_retries:
        log.warning(
            "%s %s: %s; retry %d in %.0f s",
            task.name,
            task.request.args,
            exc,
            retries + 1,
            SETTINGS.backoff(retries),
        )
        raise task.retry(exc=exc, countdown=SETTINGS.backoff(retries), max_retries=SETTINGS.max_retries)
    log.error("%s %s failed: %s", task.name, task.request.args, exc, exc_info=not transient(exc))
    extra = f" (after {retries} retries)" if retries else ""
    try:
        fail(_reason(exc) + extra)
    except HosoError as again:  # the database is still down: the sweep will find the work lost
        log.error("cannot record the failure either: %s", again)
    return None


def top_up() -> None:
    """Send the pages that now fit in the window; a broker or database hiccup is left to the next pump."""
    try:
        pump(runtime().store, CelerySender(app), SETTINGS.window)
    except HosoError as exc:
        log.warning("window not topped up: %s", exc)


@app.task(bind=True, name=SPLIT_TASK)
def split_file(self: Task[Any, Any], dossier_id: str) -> None:
    """Count a file's pages and queue them (or go straight to finishing an unreadable file)."""
    try:
        stage = split(runtime(), dossier_id)
        if stage == progress.FINISH:
            send_finish(CelerySender(app), dossier_id)
    except Exception as exc:  # noqa: BLE001 - every failure is retried or recorded
        handle(self, exc, lambda why: progress.fail_file(runtime().store.engine, dossier_id, why))
        return
    top_up()


@app.task(bind=True, name=READ_TASK, time_limit=int(SETTINGS.page_time_limit),
          soft_time_limit=int(SETTINGS.soft_time_limit))  # fmt: skip
def read_page(self: Task[Any, Any], dossier_id: str, number: int) -> None:
    """Read one page; the page completing its file sends the file on to finish."""
    engine = runtime().store.engine
    try:
        if read(runtime(), dossier_id, number, self.request.hostname or "celery"):
            send_finish(CelerySender(app), dossier_id)
    except SoftTimeLimitExceeded:
        reason = f"time limit: reading the page took over {SETTINGS.soft_time_limit:g} s"
        handle(self, RuntimeError(reason), lambda why: progress.fail_page(engine, dossier_id, number, why))
    except Exception as exc:  # noqa: BLE001 - every failure is retried or recorded
        handle(self, exc, lambda why: progress.fail_page(engine, dossier_id, number, why))
    top_up()


@app.task(bind=True, name=FINISH_TASK)
def finish_file(self: Task[Any, Any], dossier_id: str) -> None:
    """Assemble, identify, compare and record the dossier (the file's pages are all read)."""
    try:
        finish(runtime(), dossier_id, self.request.id or dossier_id, SETTINGS.stale_after)
    except Exception as exc:  # noqa: BLE001 - every failure is retried or recorded
        handle(self, exc, lambda why: progress.fail_file(runtime().store.engine, dossier_id, why))


@app.task(name=SWEEP_TASK)
def sweep() -> None:
    """Periodic (celery beat): work untouched past the visibility timeout is lost; send it again."""
    report = retry_failed(
        runtime().store, CelerySender(app), SETTINGS.window, stale_after=SETTINGS.stale_after
    )
    if report.lost or report.files or report.pages:
        log.warning("sweep: %s", report.to_json())
