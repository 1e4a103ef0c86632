"""Bulk ingest of dossier files: original stored first, then read, identified, compared and flagged.

Resumable by content: a file whose SHA-256 already belongs to a dossier past `received` is skipped; one
left at `received` (interrupted between its two commits) is finished, never duplicated.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hoso.config import ExtractSettings
from hoso.domain import services
from hoso.domain.access import Action, authorize
from hoso.domain.model import DocumentRef, Dossier, DossierState, Flag, PageRef, new_id
from hoso.pipeline import PageProgress, extract
from hoso.records_import import comparison_view
from hoso.result import Document, FileResult
from ingest.model import SourceFile
from ingest.sources import expand
from matching.compare import compare_document
from matching.config import MatchConfig
from matching.identify import Identification, OfficerIndex
from storage.objects import ObjectStore, content_key, page_key
from storage.orm import DocumentRow, DossierRow
from storage.uow import SqlStore

OFFICER_FIELD = "officer"  # the flag field when the dossier's officer cannot be identified
READ_FIELD = "file"  # the flag field when pages could not be read


@dataclass(slots=True)
class Outcome:
    """What happened to one file: ingested, resumed, already_stored or failed."""

    path: str
    sha256: str
    status: str
    dossier_id: str | None = None
    state: str | None = None
    officer_id: str | None = None
    flags: list[Flag] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """One `hoso ingest --json` line."""
        return {
            "path": self.path, "sha256": self.sha256, "status": self.status, "dossier": self.dossier_id,
            "state": self.state, "officer": self.officer_id, "flags": [f.id for f in self.flags],
            "errors": self.errors,
        }  # fmt: skip


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


def result_key(sha256: str) -> str:
    """Where the extraction result (fields with page and bbox) of an original is kept, for the review UI."""
    return f"{content_key('ocr', sha256)}/result.json"


def officer_index(store: SqlStore, unit: str, user: str, only: str | None = None) -> OfficerIndex:
    """The records of every officer in the unit's subtree (or just `only`), once the user may ingest there."""
    with store.uow() as uow:
        units = uow.units.tree()
        authorize(uow.users.get(user), Action.INGEST, unit, units)
        officers = uow.officers.list_in_units(units.subtree(unit))
        if only is not None:  # the clerk named the officer: the paper must match that record
            officers = [o for o in officers if o.so_dinh_danh == only]
        views = []
        for officer in officers:
            view = comparison_view(uow.records.get(officer.so_dinh_danh))
            view.setdefault("so_cccd", officer.so_dinh_danh)
            views.append(view)
    return OfficerIndex(views)


def _identity_doc(result: FileResult) -> Document | None:
    """The document that says who the dossier belongs to: the Sơ yếu lý lịch, else a decision."""
    docs = sorted(result.documents, key=lambda d: d.type != "so_yeu_ly_lich")
    return next((d for d in docs if "ho_ten" in d.fields or "so_cccd" in d.fields), None)


def compare(
    result: FileResult, dossier_id: str, index: OfficerIndex, config: MatchConfig, at: datetime
) -> tuple[str | None, list[Flag]]:
    """The identified officer (None: a flag says why) and the dossier's cảnh báo."""
    flags: list[Flag] = []

    def flag(field_: str, paper: str | None, electronic: str | None, reason: str, **kw: Any) -> None:
        flags.append(Flag(new_id(), dossier_id, field_, paper, electronic, kw.pop("score", 0.0), reason, at,
                          **kw))  # fmt: skip

    for error in result.errors:
        flag(READ_FIELD, None, None, f"không đọc được: {error}")
    doc = _identity_doc(result)
    ident = index.identify_fields(doc.fields) if doc else Identification(
        "not_found", None, 0.0, "none", "no name or CCCD read on paper"
    )  # fmt: skip
    if not ident.matched or ident.record is None:
        paper = None
        if doc is not None:
            paper = " / ".join(doc.fields[k].value for k in ("ho_ten", "so_cccd") if k in doc.fields)
        reason = f"không xác định được cán bộ ({ident.status}): {ident.reason}"
        if ident.candidates:
            reason += f"; candidates {', '.join(ident.candidates)}"
        flag(OFFICER_FIELD, paper, None, reason, score=ident.score)
        return None, flags
    for i, document in enumerate(result.documents):
        for f in compare_document(document, ident.record, index=i, config=config):
            bbox = (f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]) if f.bbox and len(f.bbox) == 4 else None
            flag(f.field, f.paper, f.electronic, f.reason, score=f.score, document_index=f.document,
                 page=f.page, bbox=bbox)  # fmt: skip
    return str(ident.record["so_cccd"]), flags


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
    """One Outcome per file: skipped and unreadable ones first, then each new file (one dossier) in order."""
    config = config or MatchConfig.from_env()
    index = officer_index(store, unit, user, officer)
    with tempfile.TemporaryDirectory(prefix="hoso-ingest-") as tmp:
        sources = list(expand(list(paths), Path(tmp)))
        stored = stored_dossiers(store, [s.sha256 for s in sources if s.sha256])
        todo: list[tuple[SourceFile, str | None]] = []
        seen: set[str] = set()
        if on_plan is not None:
            on_plan(len(sources))
        for src in sources:
            if src.errors or src.path is None:
                yield Outcome(src.display_path, src.sha256, "failed", errors=list(src.errors))
            elif src.sha256 in seen or (
                src.sha256 in stored and stored[src.sha256][1] != DossierState.RECEIVED.value
            ):
                dossier_id, state = stored.get(src.sha256, (None, None))
                yield Outcome(src.display_path, src.sha256, "already_stored", dossier_id, state)
            else:
                seen.add(src.sha256)
                key = content_key("originals", src.sha256, src.path.suffix.lower())
                with src.path.open("rb") as stream:  # the original is kept before anything else happens
                    objects.put(key, stream)
                todo.append((src, stored.get(src.sha256, (None, ""))[0]))
        if not todo:
            return
        paths_todo = [str(s.path) for s, _ in todo]
        # closing(): an interrupted ingest (Ctrl-C) must shut the page workers and temp files now, not at GC
        results = extract(paths_todo, settings or ExtractSettings.from_env(), on_page=on_page)
        with closing(results):
            for (src, resumed), result in zip(todo, results, strict=True):
                data = json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
                objects.put(result_key(src.sha256), data, "application/json")
                yield _record(store, src, resumed, result, unit, user, index, config)


def _record(
    store: SqlStore, src: SourceFile, resumed: str | None, result: FileResult, unit: str, user: str,
    index: OfficerIndex, config: MatchConfig,
) -> Outcome:  # fmt: skip
    """Receive the dossier (unless resuming one) and store its flags: two short transactions."""
    at = datetime.now(UTC)
    dossier_id = resumed or new_id()
    officer_id, flags = compare(result, dossier_id, index, config, at)
    if resumed is None:
        docs = [
            DocumentRef(i, d.type, src.sha256, tuple(PageRef(n, page_key(src.sha256, n)) for n in d.pages))
            for i, d in enumerate(result.documents)
        ]  # page images are rendered from the original on first view and kept under image_key
        dossier = Dossier(dossier_id, unit, user, at, officer_id=officer_id,
                          documents=docs or [DocumentRef(0, "khac", src.sha256)])  # fmt: skip
        services.receive(store.uow(), dossier, now=at)
    state = services.record_extraction(store.uow(), dossier_id, flags, now=at)
    status = "resumed" if resumed else "ingested"
    return Outcome(src.display_path, src.sha256, status, dossier_id, state.value, officer_id, flags,
                   list(result.errors))  # fmt: skip
