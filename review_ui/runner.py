"""The in-process upload worker of the embedded default: one thread runs `ingest` over queued uploads.

State lives in the uploads table, so the page a clerk reloads (or another browser) shows the same
progress; a server stopped mid-file requeues it on start, and ingest resumes by hash. A Celery runner
(issue 5) can take the same rows.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from hoso.intake import Outcome, ingest
from hoso.result import FileResult
from review_ui.settings import UiSettings
from review_ui.uploads import claim_next, message_vi, requeue_interrupted, set_state
from storage.objects import ObjectStore
from storage.uow import SqlStore

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0  # also picks up rows queued by another process
PROGRESS_EVERY = 0.5  # seconds between page-progress writes


class UploadRunner:
    """Processes queued uploads one file at a time in a background thread; wake() after queuing."""

    def __init__(self, store: SqlStore, objects: ObjectStore, settings: UiSettings) -> None:
        self.store, self.objects, self.settings = store, objects, settings
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Requeue interrupted rows and start the worker thread."""
        requeue_interrupted(self.store)
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="hoso-uploads", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """New rows were queued."""
        self._wake.set()

    def stop(self) -> None:
        """Finish the current file's step and stop (joins the thread)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()
            while not self._stop.is_set() and self.run_one():
                pass

    def run_one(self) -> bool:
        """Process the oldest queued upload; False when there was none."""
        row = claim_next(self.store)
        if row is None:
            return False
        try:
            self._process(row)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the worker
            log.exception("upload %s failed", row.id)
            set_state(self.store, row.id, state="error", message=message_vi(str(exc)))
        finally:
            if row.staged_path:
                Path(row.staged_path).unlink(missing_ok=True)
        return True

    def _process(self, row: Any) -> None:
        last = [0.0]

        def on_page(result: FileResult, done: int) -> None:
            if done == result.pages or time.monotonic() - last[0] >= PROGRESS_EVERY:
                last[0] = time.monotonic()
                set_state(self.store, row.id, pages_done=done, pages_total=result.pages)

        outcomes = ingest(
            self.store,
            self.objects,
            [row.staged_path],
            row.unit_code,
            row.clerk,
            on_page=on_page,
            officer=row.officer_id,
        )
        with closing(outcomes):
            for outcome in outcomes:
                set_state(self.store, row.id, **_final(outcome))

    def drain(self, timeout: float = 60.0) -> None:
        """Process everything queued now, in this thread (tests, `hoso serve --no-worker` tools)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.run_one():
            pass


def _final(o: Outcome) -> dict[str, Any]:
    """Row values for an ingest outcome."""
    if o.status == "already_stored":
        return {
            "state": "duplicate",
            "dossier_id": o.dossier_id,
            "message": "Tệp này đã được lưu trước đó (trùng mã băm SHA-256), không lưu lần hai.",
        }
    if o.status == "failed":
        return {"state": "error", "message": message_vi("; ".join(o.errors) or "unreadable")}
    parts = [f"{len(o.flags)} cảnh báo"]
    if o.officer_id is None:
        parts.append("chưa xác định được cán bộ")
    if o.errors:
        parts.append("một số trang không đọc được: " + "; ".join(o.errors))
    return {"state": "done", "dossier_id": o.dossier_id, "message": ", ".join(parts)}
