"""Bulk ingest of dossier files, in-process: original stored first, then read, identified, compared, flagged.

Resumable by content: a file whose SHA-256 already belongs to a dossier past `received` is skipped; one
left at `received` (interrupted between its two commits) is finished, never duplicated. Every file's and
page's work is kept in ingest_files / ingest_pages, as the Celery runner keeps it (storage.progress).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Generator, Sequence
from contextlib import closing, suppress
from pathlib import Path

from sqlalchemy import select

from hoso.config import ExtractSettings
from hoso.domain.model import DossierState, new_id
from hoso.errors import HosoError
from hoso.originals import store_original
from hoso.pipeline import PageProgress, extract
from hoso.recording import Outcome, Upload, officer_index, record_result
from hoso.result import FileResult
from hoso.second_look import witness_for
from ingest.model import SourceFile
from ingest.sources import expand
from matching.comparison import Witness
from matching.config import MatchConfig
from matching.identify import OfficerIndex
from storage import progress
from storage.objects import ObjectStore
from storage.orm import DocumentRow, DossierRow
from storage.uow import SqlStore

__all__ = ["Outcome", "ingest", "stored_dossiers"]
_PAGE_ERROR = re.compile(r"page (\d+):")


def stored_dossiers(store: SqlStore, hashes: Sequence[str]) -> dict[str, tuple[str, str]]:
    """sha256 → (dossier id, state) for the files already held by a dossier."""
    out: dict[str, tuple[str, str]] = {}
    d, r = DocumentRow, DossierRow
    with store.engine.connect() as conn:
        for i in range(0, len(hashes), 500):
            stmt = (
                select(d.sha256, r.id, r.state).join(r, r.id == d.dossier_id)
                .where(d.sha256.in_(hashes[i : i + 500])).order_by(r.received_at)
            )  # fmt: skip
            for sha, dossier_id, state in conn.execute(stmt):
                out.setdefault(sha, (dossier_id, state))
    return out


def ingest(
    store: SqlStore,
    objects: ObjectStore,
    paths: Sequence[str],
    unit: str,
    user: str,
    *,
    settings: ExtractSettings | None = None,
    config: MatchConfig | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_page: PageProgress | None = None,
    officer: str | None = None,
) -> Generator[Outcome, None, None]:
    """One Outcome per file: skipped and unreadable ones first, then each new file (one dossier) in order.

    `officer` (a số định danh): the clerk named the officer, so the paper is compared with that record only.
    """
    config = config or MatchConfig.from_env()
    index = officer_index(store, unit, user, officer)
    with tempfile.TemporaryDirectory(prefix="hoso-ingest-") as tmp:
        sources = list(expand(list(paths), Path(tmp)))
        stored = stored_dossiers(store, [s.sha256 for s in sources if s.sha256])
        todo: list[tuple[SourceFile, Upload, bool]] = []
        if on_plan is not None:
            on_plan(len(sources))
        for src in sources:
            skip = skipped(src, stored, {u.sha256 for _, u, _ in todo})
            if skip is not None:
                yield skip
                continue
            resumed = stored.get(src.sha256, (None, ""))[0]
            todo.append((src, queue(store, objects, src, resumed, unit, user), resumed is not None))
        if not todo:
            return
        paths_todo = [str(s.path) for s, _, _ in todo]
        settings = settings or ExtractSettings.from_env()
        # closing(): an interrupted ingest (Ctrl-C) must shut the page workers and temp files now, not at GC
        results = extract(paths_todo, settings, on_page=on_page)
        with closing(results):
            for (src, upload, resumed_), result in zip(todo, results, strict=True):
                witness = witness_for(str(src.path), settings)
                yield finish(store, upload, resumed_, result, index, config, objects, witness)


def skipped(src: SourceFile, stored: dict[str, tuple[str, str]], queued: set[str]) -> Outcome | None:
    """The outcome of a file that needs no work (unreadable, or stored before), else None."""
    if src.errors or src.path is None:
        return Outcome(src.display_path, src.sha256, "failed", errors=list(src.errors))
    done_before = src.sha256 in stored and stored[src.sha256][1] != DossierState.RECEIVED.value
    if src.sha256 in queued or done_before:
        dossier_id, state = stored.get(src.sha256, (None, None))
        return Outcome(src.display_path, src.sha256, "already_stored", dossier_id, state)
    return None


def queue(store: SqlStore, objects: ObjectStore, src: SourceFile, resumed: str | None, unit: str,
          user: str) -> Upload:  # fmt: skip
    """Keep the original (before anything else happens) and register its work, fixing the dossier id."""
    key = store_original(objects, src)
    work = progress.FileWork(resumed or new_id(), src.sha256, src.display_path, key, src.kind, unit, user)
    work = progress.queue_file(store.engine, work)
    return Upload(resumed or work.dossier_id, src.sha256, src.display_path, unit, user)


def finish(store: SqlStore, upload: Upload, resumed: bool, result: FileResult, index: OfficerIndex,
           config: MatchConfig, objects: ObjectStore | None = None,
           witness: Witness | None = None) -> Outcome:  # fmt: skip
    """Book the pages read, record the dossier and its flags, and close the file's work."""
    problems = [e for e in result.errors if not _PAGE_ERROR.match(e)]
    page_errors: dict[int, str] = {}
    for e in result.errors:
        if m := _PAGE_ERROR.match(e):
            page_errors.setdefault(int(m.group(1)), e)
    pages = [(n, page_errors.get(n)) for n in range(1, result.pages + 1)]
    try:
        progress.record_read(store.engine, upload.dossier_id, pages, problems)
        outcome = record_result(store, upload, resumed, result, index, config, objects, witness)
        progress.finish_file(store.engine, upload.dossier_id)
    except HosoError as exc:
        _fail_quietly(store, upload.dossier_id, f"{exc.code}: {exc.message}")
        raise
    return outcome


def _fail_quietly(store: SqlStore, dossier_id: str, reason: str) -> None:
    """Best effort: when the database itself is down, the failure cannot be written either."""
    with suppress(HosoError):
        progress.fail_file(store.engine, dossier_id, reason)
