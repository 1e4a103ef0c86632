"""Dossier list and screen (documents, fields, flags, history), approval, and page images."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from hoso.domain import services
from hoso.domain.access import Action
from hoso.errors import ApprovalRefused, InvalidTransition, NotFound
from review_ui import labels
from review_ui.auth import current_scope
from review_ui.dossier_view import load_dossier, scoped_dossier
from review_ui.pages import view_image
from review_ui.queries import D, dossiers, page_of
from review_ui.scope import Scope
from review_ui.web import flash, redirect, render

router = APIRouter()
ScopeDep = Annotated[Scope, Depends(current_scope)]


@router.get("/dossiers")
def dossier_list(
    request: Request, scope: ScopeDep, unit: str = "", state: str = "", q: str = "", page: int = 1
) -> Response:
    """Dossiers of the scope, newest first; the dashboard's drill-down lands here."""
    store, size = request.app.state.store, request.app.state.settings.page_size
    stmt = dossiers(scope, unit.strip(), state.strip(), q.strip())
    with store.uow() as uow:
        result = page_of(uow.connection(), stmt, [D.c.received_at.desc(), D.c.id.desc()], page, size)
    query = urlencode({k: v for k, v in (("unit", unit), ("state", state), ("q", q)) if v})
    return render(
        request,
        "dossiers.html",
        result=result,
        unit=unit,
        state=state,
        q=q,
        query=query,
        units=scope.unit_choices(),
        states=labels.STATES,
    )


@router.get("/dossiers/{dossier_id}")
def dossier_screen(request: Request, dossier_id: str, scope: ScopeDep) -> Response:
    """Documents, pages, fields, cảnh báo open and resolved, history; approval while none is open."""
    view = load_dossier(request.app.state.store, request.app.state.objects, scope, dossier_id)
    can_approve = scope.can(Action.APPROVE, view.dossier.unit_code)
    return render(request, "dossier.html", view=view, can_approve=can_approve)


@router.post("/dossiers/{dossier_id}/approve")
def approve(
    request: Request, dossier_id: str, scope: ScopeDep, note: Annotated[str, Form()] = ""
) -> Response:
    """Approve; the service refuses while a blocking cảnh báo is open (the button is disabled then too)."""
    store = request.app.state.store
    scoped_dossier(store, scope, dossier_id)
    try:
        services.approve(store.uow(), dossier_id, scope.user.username, note=note.strip())
    except ApprovalRefused as exc:
        flash(request, f"Không thể phê duyệt: còn {len(exc.open_flags)} cảnh báo chưa xử lý.", "error")
    except InvalidTransition:
        flash(request, "Không thể phê duyệt hồ sơ ở trạng thái hiện tại.", "error")
    else:
        flash(request, "Đã phê duyệt hồ sơ.")
    return redirect(f"/dossiers/{dossier_id}")


@router.get("/dossiers/{dossier_id}/documents/{index}/pages/{number}.png")
def page_image(request: Request, dossier_id: str, index: int, number: int, scope: ScopeDep) -> Response:
    """A page's view image (150 dpi), rendered from the original on first view; 404 outside the scope."""
    store, objects = request.app.state.store, request.app.state.objects
    scoped_dossier(store, scope, dossier_id)
    with store.uow() as uow:
        dossier = uow.dossiers.get(dossier_id)
    doc = next((d for d in dossier.documents if d.index == index), None)
    if doc is None or number < 1:
        raise NotFound("trang không tồn tại")
    stored = next((p.image_key for p in doc.pages if p.number == number), None)
    data = view_image(objects, doc.sha256, number, stored)
    headers = {"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"}
    return Response(data, media_type="image/png", headers=headers)
