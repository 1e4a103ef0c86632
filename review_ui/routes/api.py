"""JSON API under /api/: the same scope and roles as the pages; 401 without a session.

Unsafe requests carry the session's CSRF token in the `X-CSRF-Token` header (GET /api/me returns it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from hoso.domain import services
from hoso.domain.model import Flag, Role
from review_ui.auth import csrf_token, current_scope, require_roles
from review_ui.dashboard import unit_rows
from review_ui.dossier_view import DossierView, flag_due, load_dossier, scoped_dossier, scoped_flag
from review_ui.queries import D, F, QueueFilter, dossiers, open_flags, page_of
from review_ui.routes.review import audit_listed
from review_ui.routes.upload import receive_upload
from review_ui.scope import Scope
from review_ui.uploads import upload_json, visible_uploads

router = APIRouter(tags=["hoso"])
ScopeDep = Annotated[Scope, Depends(current_scope)]
STAFF = Depends(require_roles(Role.ADMIN, Role.SUPERVISOR, Role.REVIEWER, Role.CLERK))


class ResolveBody(BaseModel):
    """How the cảnh báo is settled: paper | electronic | ocr, a required note, the value for ocr."""

    kind: str = Field(examples=["paper"])
    note: str = Field(min_length=1)
    value: str | None = None


class ApproveBody(BaseModel):
    """An optional remark kept with the approval."""

    note: str = ""


def flag_json(f: Flag) -> dict[str, Any]:
    """A cảnh báo as the API returns it."""
    res = f.resolution
    return {
        **f.summary(),
        "bbox": list(f.bbox) if f.bbox else None,
        "blocking": f.blocking,
        "due": flag_due(f.created_at).isoformat(),
        "resolution": None
        if res is None
        else {
            "kind": res.kind.value,
            "note": res.note,
            "user": res.user,
            "at": res.at.isoformat(),
            "value": res.value,
        },
    }


def dossier_json(v: DossierView) -> dict[str, Any]:
    """A dossier with documents, fields and flags."""
    d = v.dossier
    return {
        "id": d.id,
        "unit": d.unit_code,
        "unit_name": v.unit_name,
        "officer": d.officer_id,
        "officer_name": v.officer_name,
        "state": d.state.value,
        "clerk": d.clerk,
        "received_at": d.received_at.isoformat(),
        "open_flags": [f.id for f in v.open_flags],
        "documents": [
            {
                "index": doc.ref.index,
                "type": doc.ref.doc_type,
                "sha256": doc.ref.sha256,
                "pages": [p.number for p in doc.ref.pages],
                "fields": {
                    p.key: {
                        "value": p.value,
                        "confidence": p.confidence,
                        "page": p.page,
                        "bbox": list(p.bbox) if p.bbox else None,
                    }
                    for p in doc.fields
                },
            }
            for doc in v.documents
        ],
        "flags": [flag_json(f) for f in v.flags],
        "approvals": [{"user": a.user, "at": a.at.isoformat(), "note": a.note} for a in v.approvals],
        "history": [
            {"from": t.old.value, "to": t.new.value, "user": t.user, "at": t.at.isoformat()}
            for t in d.transitions
        ],
    }


@router.get("/me")
def me(request: Request, scope: ScopeDep) -> dict[str, Any]:
    """Who is signed in, and the CSRF token for unsafe requests."""
    u = scope.user
    return {
        "username": u.username,
        "role": u.role.value,
        "unit": u.unit_code,
        "officer": u.officer_id,
        "csrf_token": csrf_token(request),
    }


@router.get("/dossiers")
def list_dossiers(
    request: Request, scope: ScopeDep, unit: str = "", state: str = "", q: str = "", page: int = 1
) -> dict[str, Any]:
    """Dossiers in scope, newest first, 50 a page."""
    with request.app.state.store.uow() as uow:
        result = page_of(
            uow.connection(),
            dossiers(scope, unit, state, q),
            [D.c.received_at.desc(), D.c.id.desc()],
            page,
            request.app.state.settings.page_size,
        )
    items = [
        {
            "id": r.id,
            "unit": r.unit_code,
            "state": r.state,
            "officer": r.officer_id,
            "officer_name": r.ho_ten,
            "received_at": r.received_at.isoformat(),
            "open_flags": r.open_flags,
        }
        for r in result.rows
    ]
    return {"items": items, "total": result.total, "page": result.page, "pages": result.pages}


@router.get("/dossiers/{dossier_id}")
def get_dossier(request: Request, dossier_id: str, scope: ScopeDep) -> dict[str, Any]:
    """One dossier (404 outside the scope); the read is audited."""
    return dossier_json(load_dossier(request.app.state.store, request.app.state.objects, scope, dossier_id))


@router.post("/dossiers/{dossier_id}/approve", dependencies=[STAFF])
def approve(request: Request, dossier_id: str, body: ApproveBody, scope: ScopeDep) -> dict[str, Any]:
    """Approve; 409 with the open flag ids while any blocking cảnh báo is open."""
    store = request.app.state.store
    scoped_dossier(store, scope, dossier_id)
    approval = services.approve(store.uow(), dossier_id, scope.user.username, note=body.note)
    return {
        "dossier": dossier_id,
        "approval": approval.id,
        "user": approval.user,
        "at": approval.at.isoformat(),
    }


@router.get("/flags")
def list_flags(
    request: Request, scope: ScopeDep, unit: str = "", field: str = "", reason: str = "", page: int = 1
) -> dict[str, Any]:
    """Open cảnh báo in scope, most urgent first."""
    with request.app.state.store.uow() as uow:
        result = page_of(
            uow.connection(),
            open_flags(scope, QueueFilter(unit, field, reason)),
            [F.c.created_at, F.c.id],
            page,
            request.app.state.settings.page_size,
        )
    audit_listed(request, {r.dossier_id for r in result.rows})
    items = [
        {
            "id": r.id,
            "dossier": r.dossier_id,
            "unit": r.unit_code,
            "field": r.field,
            "paper": r.paper_value,
            "electronic": r.electronic_value,
            "score": r.score,
            "reason": r.reason,
            "officer_name": r.ho_ten,
            "due": flag_due(r.created_at).isoformat(),
        }
        for r in result.rows
    ]
    return {"items": items, "total": result.total, "page": result.page, "pages": result.pages}


@router.get("/flags/{flag_id}")
def get_flag(request: Request, flag_id: str, scope: ScopeDep) -> dict[str, Any]:
    """One cảnh báo (404 outside the scope)."""
    store = request.app.state.store
    row = scoped_flag(store, scope, flag_id)
    _dossier, flags = services.read_dossier(store.uow(), row.dossier_id, scope.user.username)
    return flag_json(next(f for f in flags if f.id == flag_id))


@router.post("/flags/{flag_id}/resolve", dependencies=[STAFF])
def resolve(request: Request, flag_id: str, body: ResolveBody, scope: ScopeDep) -> dict[str, Any]:
    """Close a cảnh báo: kind paper | electronic | ocr, with a note (and the value, for ocr)."""
    store = request.app.state.store
    scoped_flag(store, scope, flag_id)
    res = services.resolve(store.uow(), flag_id, body.kind, body.note, scope.user.username, value=body.value)
    return {
        "flag": flag_id,
        "kind": res.kind.value,
        "user": res.user,
        "at": res.at.isoformat(),
        "giai_trinh": res.needs_giai_trinh,
    }


@router.post("/uploads", dependencies=[STAFF])
async def create_upload(request: Request, scope: ScopeDep) -> dict[str, Any]:
    """Multipart `files` (+ `unit`, optional `officer`): staged and queued; the rows of the batch."""
    batch = await receive_upload(request, scope)
    rows = visible_uploads(request.app.state.store, scope, batch)
    return {"batch": batch, "items": [upload_json(r) for r in rows]}


@router.get("/uploads", dependencies=[STAFF])
def list_uploads(request: Request, scope: ScopeDep, batch: str = "") -> dict[str, Any]:
    """Uploads in the user's units (one batch if given) with their processing state."""
    return {"items": [upload_json(r) for r in visible_uploads(request.app.state.store, scope, batch)]}


@router.get("/dashboard", dependencies=[Depends(require_roles(Role.ADMIN, Role.SUPERVISOR))])
def dashboard(request: Request, scope: ScopeDep, unit: str = "") -> dict[str, Any]:
    """Per-unit figures of the user's subtree (see the dashboard page)."""
    data = unit_rows(request.app.state.store, scope, unit, datetime.now(UTC).date())
    return {
        "date": data.today.isoformat(),
        "units": [r.to_json() for r in data.rows],
        "total": data.total.to_json(),
    }
