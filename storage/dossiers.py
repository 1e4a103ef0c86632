"""SQL repositories of dossiers and flags, the rows the approval gate locks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import insert, select

from hoso.domain.model import (
    DocumentRef,
    Dossier,
    Flag,
    PageRef,
    Resolution,
    ResolutionKind,
    StateChange,
)
from hoso.domain.model import DossierState as S
from hoso.errors import Conflict
from storage.orm import DocumentRow, DossierRow, FlagRow, PageRow, ResolutionRow, TransitionRow
from storage.repositories import ConnectionSource, chunks, count, one, upsert


class SqlDossierRepository:
    """Upload batches; transitions and documents only ever grow."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, dossier: Dossier) -> None:
        conn = self._conn()
        values = {
            "id": dossier.id,
            "unit_code": dossier.unit_code,
            "clerk": dossier.clerk,
            "received_at": dossier.received_at,
            "officer_id": dossier.officer_id,
            "state": dossier.state.value,
            "trigger_on": dossier.trigger_on,
        }
        stored = count(conn, TransitionRow.__table__, dossier_id=dossier.id)
        if stored > len(dossier.transitions):  # a stale copy would silently undo a state change
            raise Conflict(f"dossier {dossier.id} changed meanwhile ({stored} transitions stored)")
        upsert(conn, DossierRow.__table__, values, ["id"])
        moves = [_move_values(dossier.id, i, c) for i, c in enumerate(dossier.transitions, 1) if i > stored]
        if moves:
            conn.execute(insert(TransitionRow.__table__), moves)
        for doc in dossier.documents:
            row = {"dossier_id": dossier.id, "index": doc.index, "doc_type": doc.doc_type}
            upsert(conn, DocumentRow.__table__, {**row, "sha256": doc.sha256}, ["dossier_id", "index"])
            for page in doc.pages:
                key = {"dossier_id": dossier.id, "document_index": doc.index, "number": page.number}
                upsert(conn, PageRow.__table__, {**key, "image_key": page.image_key}, list(key))

    def get(self, dossier_id: str, *, for_update: bool = False) -> Dossier:
        stmt = select(DossierRow.__table__).where(DossierRow.id == dossier_id)
        row = one(self._conn(), stmt, f"dossier {dossier_id!r}", for_update)
        return self._load([row])[0]

    def list_in_units(self, unit_codes: Collection[str]) -> list[Dossier]:
        rows: list[Any] = []
        for part in chunks(unit_codes):
            stmt = select(DossierRow.__table__).where(DossierRow.unit_code.in_(part))
            rows.extend(self._conn().execute(stmt))
        return self._load(sorted(rows, key=lambda r: (r.received_at, r.id)))

    def _load(self, rows: list[Any]) -> list[Dossier]:
        """Dossiers with their transitions, documents and pages: three queries per chunk of ids."""
        conn = self._conn()
        moves: dict[str, list[StateChange]] = defaultdict(list)
        docs: dict[str, list[Any]] = defaultdict(list)
        pages: dict[tuple[str, int], list[PageRef]] = defaultdict(list)
        t, d, p = TransitionRow, DocumentRow, PageRow
        for part in chunks([r.id for r in rows]):
            for m in conn.execute(select(t.__table__).where(t.dossier_id.in_(part)).order_by(t.seq)):
                moves[m.dossier_id].append(StateChange(S(m.old), S(m.new), m.user, m.at))
            for doc in conn.execute(select(d.__table__).where(d.dossier_id.in_(part)).order_by(d.index)):
                docs[doc.dossier_id].append(doc)
            for pg in conn.execute(select(p.__table__).where(p.dossier_id.in_(part)).order_by(p.number)):
                pages[(pg.dossier_id, pg.document_index)].append(PageRef(pg.number, pg.image_key))

        def documents(dossier_id: str) -> list[DocumentRef]:
            return [
                DocumentRef(x.index, x.doc_type, x.sha256, tuple(pages[(dossier_id, x.index)]))
                for x in docs[dossier_id]
            ]

        return [
            Dossier(r.id, r.unit_code, r.clerk, r.received_at, r.officer_id, S(r.state), documents(r.id),
                    moves[r.id], r.trigger_on)
            for r in rows
        ]


def _move_values(dossier_id: str, seq: int, c: StateChange) -> dict[str, Any]:
    return {"dossier_id": dossier_id, "seq": seq, "old": c.old.value, "new": c.new.value, "user": c.user,
            "at": c.at}


def _flag_values(flag: Flag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "dossier_id": flag.dossier_id,
        "field": flag.field,
        "paper_value": flag.paper_value,
        "electronic_value": flag.electronic_value,
        "score": flag.score,
        "reason": flag.reason,
        "created_at": flag.created_at,
        "document_index": flag.document_index,
        "page": flag.page,
        "bbox": None if flag.bbox is None else list(flag.bbox),
        "blocking": flag.blocking,
    }


class SqlFlagRepository:
    """Cảnh báo; a resolution is written once and can never be taken back."""

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def add(self, flag: Flag) -> None:
        conn = self._conn()
        upsert(conn, FlagRow.__table__, _flag_values(flag), ["id"])
        stored = _resolution(conn.execute(self._select().where(FlagRow.id == flag.id)).one())
        if stored is None:
            if flag.resolution is not None:
                res = flag.resolution
                values = {"flag_id": flag.id, "kind": res.kind.value, "note": res.note, "user": res.user,
                          "at": res.at, "value": res.value}
                conn.execute(insert(ResolutionRow.__table__).values(**values))
        elif flag.resolution != stored:
            raise Conflict(f"flag {flag.id} was resolved meanwhile; a resolution cannot be changed")

    def get(self, flag_id: str, *, for_update: bool = False) -> Flag:
        stmt = self._select().where(FlagRow.id == flag_id)
        if for_update:  # lock the flag row only: the resolution side of the outer join may be missing
            stmt = stmt.with_for_update(of=FlagRow.__table__)
        return _flag(one(self._conn(), stmt, f"flag {flag_id!r}"))

    def for_dossiers(self, dossier_ids: Collection[str], *, for_update: bool = False) -> list[Flag]:
        out: list[Flag] = []
        for part in chunks(dossier_ids):
            # Lock in a fixed order (by id), so two lockers of overlapping flag sets cannot deadlock.
            stmt = self._select().where(FlagRow.dossier_id.in_(part)).order_by(FlagRow.id)
            if for_update:
                stmt = stmt.with_for_update(of=FlagRow.__table__)
            out.extend(_flag(r) for r in self._conn().execute(stmt))
        return sorted(out, key=lambda f: (f.created_at, f.id))

    @staticmethod
    def _select() -> Any:
        return _FLAG_SELECT


def _flag_select() -> Any:
    res = ResolutionRow.__table__
    cols = [res.c.kind, res.c.note, res.c.user.label("res_user"), res.c.at.label("res_at"), res.c.value]
    return select(FlagRow.__table__, *cols).outerjoin(res, res.c.flag_id == FlagRow.id)


_FLAG_SELECT = _flag_select()  # flags with their resolution, if any; built once


def _resolution(r: Any) -> Resolution | None:
    if r.kind is None:
        return None
    return Resolution(ResolutionKind(r.kind), r.note, r.res_user, r.res_at, r.value)


def _flag(r: Any) -> Flag:
    bbox = None if r.bbox is None else (int(r.bbox[0]), int(r.bbox[1]), int(r.bbox[2]), int(r.bbox[3]))
    return Flag(
        r.id,
        r.dossier_id,
        r.field,
        r.paper_value,
        r.electronic_value,
        r.score,
        r.reason,
        r.created_at,
        r.document_index,
        r.page,
        bbox,
        r.blocking,
        _resolution(r),
    )
