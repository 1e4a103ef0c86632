"""The pipeline stages over ids (dossier id, page number), as plain functions any runner can call.

split → read (one call per page) → finish. Each reads its input from the database and the object store,
writes its output there, and is idempotent: run twice, it finds its own result and changes nothing. The
Celery tasks (hoso.tasks.pipeline) and `hoso retry` in-process are thin wrappers over these.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hoso import page_results
from hoso.config import ExtractSettings
from hoso.domain.model import DossierState
from hoso.errors import NotFound
from hoso.originals import OriginalCache
from hoso.page_reader import read_page
from hoso.pipeline import collect
from hoso.recording import Outcome, Upload, officer_index, record_result
from hoso.result import FileResult
from hoso.second_look import witness_for
from matching.config import MatchConfig
from matching.identify import OfficerIndex
from ocr.model import PageText
from storage import progress, work_queue
from storage.objects import ObjectStore
from storage.uow import SqlStore

INDEX_TTL_S = 60.0  # a worker reuses a unit's officer index this long (records change rarely)


@dataclass(slots=True)
class Runtime:
    """What a stage needs: database, object store, extraction settings, local originals, officer indexes."""

    store: SqlStore
    objects: ObjectStore
    settings: ExtractSettings
    match: MatchConfig
    originals: OriginalCache
    _indexes: dict[tuple[str, str], tuple[float, OfficerIndex]] = field(default_factory=dict)

    def index(self, unit: str, user: str) -> OfficerIndex:
        """The officer index of a unit's subtree, built at most once a minute per worker."""
        hit = self._indexes.get((unit, user))
        if hit is not None and time.monotonic() - hit[0] < INDEX_TTL_S:
            return hit[1]
        built = officer_index(self.store, unit, user)
        self._indexes[(unit, user)] = (time.monotonic(), built)
        return built

    def close(self) -> None:
        """Release the local originals and the database connections."""
        self.originals.close()
        self.store.dispose()


def split(rt: Runtime, dossier_id: str) -> str | None:
    """Count the file's pages and queue a row per page; returns the next stage (None: split before)."""
    work = progress.start_split(rt.store.engine, dossier_id)
    if work is None:
        return None
    jobs, problems = rt.originals.plan(work.object_key, work.sha256, work.kind, work.display_path)
    return progress.add_pages(rt.store.engine, dossier_id, len(jobs), problems)


def read(rt: Runtime, dossier_id: str, number: int, worker: str) -> bool:
    """Read one page into the object store; True when it was the file's last page (the file can finish).

    A page whose result is stored already (a redelivered message) is not read again.
    """
    engine = rt.store.engine
    work = progress.begin_page(engine, dossier_id, number, worker)
    if work is None:
        return progress.end_page(engine, dossier_id, number, None, None, None)
    key = page_results.page_result_key(work.sha256, number)
    started = time.perf_counter()
    if rt.objects.exists(key):
        page = page_results.load(rt.objects, work.sha256, number)
    else:
        page = read_one(rt, work, number)
        page_results.save(rt.objects, work.sha256, page)
    seconds = round(time.perf_counter() - started, 4)
    return progress.end_page(engine, dossier_id, number, key, seconds, "; ".join(page.errors) or None)


def read_one(rt: Runtime, work: progress.FileWork, number: int) -> PageText:
    """The page read exactly as the in-process pool reads it (hoso.page_reader.read_page)."""
    job = rt.originals.job(work.object_key, work.sha256, work.kind, number)
    return read_page(job, rt.settings)


def finish(rt: Runtime, dossier_id: str, token: str, stale_after_s: float) -> Outcome | None:
    """Assemble the documents, identify the officer, compare, store dossier and flags; None if not ours.

    The claim (storage.progress.claim_finish) keeps two deliveries from recording one file twice; a dossier
    already past `received` was recorded by an earlier delivery and is only closed.
    """
    stale = datetime.now(UTC) - timedelta(seconds=stale_after_s)
    work = progress.claim_finish(rt.store.engine, dossier_id, token, stale)
    if work is None:
        return None
    state = _dossier_state(rt.store, dossier_id)
    if state is not None and state != DossierState.RECEIVED.value:
        progress.finish_file(rt.store.engine, dossier_id)
        return Outcome(work.display_path, work.sha256, "already_stored", dossier_id, state)
    result = file_result(rt.objects, work)
    upload = Upload(dossier_id, work.sha256, work.display_path, work.unit_code, work.clerk)
    outcome = record_result(
        rt.store,
        upload,
        state is not None,
        result,
        rt.index(work.unit_code, work.clerk),
        rt.match,
        rt.objects,
        witness_for(lambda: str(rt.originals.path(work.object_key, work.sha256, work.kind)), rt.settings),
    )
    progress.finish_file(rt.store.engine, dossier_id)
    return outcome


def file_result(objects: ObjectStore, work: progress.FileWork) -> FileResult:
    """The file's result from its stored pages, built by the same code as the in-process run's."""
    result = FileResult(work.display_path, work.sha256, work.pages or 0, errors=list(work.problems))
    pages = ((n, page_results.load(objects, work.sha256, n)) for n in range(1, (work.pages or 0) + 1))
    return collect(result, pages)


def _dossier_state(store: SqlStore, dossier_id: str) -> str | None:
    with store.uow() as uow:
        try:
            return uow.dossiers.get(dossier_id).state.value
        except NotFound:
            return None


def run_file(rt: Runtime, dossier_id: str, worker: str = "inprocess") -> Outcome | None:
    """Every remaining stage of one file in this process: `hoso retry` without Celery."""
    work = progress.get_file(rt.store.engine, dossier_id)
    if work.stage == progress.SPLIT:
        split(rt, dossier_id)
        work = progress.get_file(rt.store.engine, dossier_id)
    for number in range(1, (work.pages or 0) + 1):
        read(rt, dossier_id, number, worker)
    return finish(rt, dossier_id, f"inprocess-{dossier_id}", 0.0)


def retry_here(rt: Runtime, dossier_id: str | None, stale_after: float | None) -> tuple[int, list[Outcome]]:
    """`hoso retry` in-process: lost work marked failed, then every unfinished file run to its end here."""
    lost = 0
    if stale_after is not None:
        lost = work_queue.sweep_stale(rt.store.engine, datetime.now(UTC) - timedelta(seconds=stale_after))
    work_queue.reset_failed(rt.store.engine, dossier_id)
    outcomes = [run_file(rt, d) for d in work_queue.unfinished(rt.store.engine, dossier_id)]
    return lost, [o for o in outcomes if o is not None]
