"""The last stages of a file, shared by both runners: identify the officer, compare, store dossier and flags.

Both the in-process ingest and the Celery finish task end here, so a file gives the same dossier, the same
documents and the same cảnh báo whichever way it was read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from hoso.domain import services
from hoso.domain.access import Action, authorize
from hoso.domain.model import DocumentRef, Dossier, Flag, PageRef, new_id
from hoso.records_import import comparison_view
from hoso.result import Document, FileResult
from matching.compare import compare_document
from matching.comparison import Settlement, Witness
from matching.config import MatchConfig
from matching.identify import Identification, OfficerIndex
from storage.objects import ObjectStore, content_key, page_key
from storage.uow import SqlStore

OFFICER_FIELD = "officer"  # the flag field when the dossier's officer cannot be identified
READ_FIELD = "file"  # the flag field when pages could not be read
SETTLED_NOTE = "đọc lại ô này: khớp hồ sơ điện tử"  # a difference the second look settled for the record


@dataclass(slots=True)
class Outcome:
    """What happened to one file: ingested, resumed, already_stored, queued or failed."""

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
            "path": self.path,
            "sha256": self.sha256,
            "status": self.status,
            "dossier": self.dossier_id,
            "state": self.state,
            "officer": self.officer_id,
            "flags": [f.id for f in self.flags],
            "errors": self.errors,
        }


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
    result: FileResult,
    dossier_id: str,
    index: OfficerIndex,
    config: MatchConfig,
    at: datetime,
    witness: Witness | None = None,
) -> tuple[str | None, list[Flag]]:
    """The identified officer (None: a flag says why) and the dossier's cảnh báo.

    With a `witness` (hoso.second_look), an unsure small difference is read again; one settled in the
    record's favour leaves a non-blocking flag saying how, so the note stays on the field for good.
    """
    flags: list[Flag] = []

    def flag(field_: str, paper: str | None, electronic: str | None, reason: str, **kw: Any) -> None:
        flags.append(
            Flag(new_id(), dossier_id, field_, paper, electronic, kw.pop("score", 0.0), reason, at, **kw)
        )

    for error in result.errors:
        flag(READ_FIELD, None, None, f"không đọc được: {error}")
    doc = _identity_doc(result)
    ident = (
        index.identify_fields(doc.fields)
        if doc
        else Identification("not_found", None, 0.0, "none", "no name or CCCD read on paper")
    )
    if not ident.matched or ident.record is None:
        paper = None
        if doc is not None:
            paper = " / ".join(doc.fields[k].value for k in ("ho_ten", "so_cccd") if k in doc.fields)
        reason = f"không xác định được cán bộ ({ident.status}): {ident.reason}"
        if ident.candidates:
            reason += f"; candidates {', '.join(ident.candidates)}"
        flag(OFFICER_FIELD, paper, None, reason, score=ident.score)
        return None, flags
    settled: list[Settlement] = []
    for i, document in enumerate(result.documents):
        found = compare_document(
            document, ident.record, index=i, config=config, witness=witness, settled=settled
        )
        for f in found:
            bbox = (f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]) if f.bbox and len(f.bbox) == 4 else None
            flag(
                f.field,
                f.paper,
                f.electronic,
                f.reason,
                score=f.score,
                document_index=f.document,
                page=f.page,
                bbox=bbox,
            )
    for s in settled:
        note = f"{SETTLED_NOTE}: {s.how}"
        flag(s.field, s.paper, s.electronic, note, document_index=s.document, page=s.page, bbox=s.bbox,
             blocking=False)  # fmt: skip
    return str(ident.record["so_cccd"]), flags


@dataclass(frozen=True, slots=True)
class Upload:
    """Who uploaded which file into which unit, and the dossier id it gets."""

    dossier_id: str
    sha256: str
    display_path: str
    unit: str
    user: str


def record_result(
    store: SqlStore,
    upload: Upload,
    resumed: bool,
    result: FileResult,
    index: OfficerIndex,
    config: MatchConfig,
    objects: ObjectStore | None = None,
    witness: Witness | None = None,
) -> Outcome:
    """Receive the dossier (unless resuming one) and store its flags: two short transactions.

    With `objects`, the extraction result is kept too (under result_key), for the review UI's screens;
    `witness` gives unsure small differences a second look (see `compare`).
    """
    at = datetime.now(UTC)
    if objects is not None:
        data = json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8")
        objects.put(result_key(upload.sha256), data, "application/json")
    officer_id, flags = compare(result, upload.dossier_id, index, config, at, witness)
    if not resumed:
        docs = [
            DocumentRef(
                i, d.type, upload.sha256, tuple(PageRef(n, page_key(upload.sha256, n)) for n in d.pages)
            )
            for i, d in enumerate(result.documents)
        ]  # page images are rendered from the original on first view and kept under image_key
        dossier = Dossier(
            upload.dossier_id,
            upload.unit,
            upload.user,
            at,
            officer_id=officer_id,
            documents=docs or [DocumentRef(0, "khac", upload.sha256)],
        )
        services.receive(store.uow(), dossier, now=at)
    state = services.record_extraction(store.uow(), upload.dossier_id, flags, now=at)
    status = "resumed" if resumed else "ingested"
    return Outcome(
        upload.display_path,
        upload.sha256,
        status,
        upload.dossier_id,
        state.value,
        officer_id,
        flags,
        list(result.errors),
    )
