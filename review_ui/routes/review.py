"""The reviewer's screens: the queue of open cảnh báo and the flag screen with the scan beside the values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from hoso.domain import services
from hoso.domain.access import Action
from hoso.errors import HosoError
from review_ui import labels
from review_ui.auth import current_scope
from review_ui.dossier_view import flag_due, load_dossier, overdue_days, scoped_flag
from review_ui.extraction import neighbours
from review_ui.pages import VIEW_SCALE
from review_ui.queries import F, QueueFilter, neighbour_flag, open_flags, page_of
from review_ui.scope import Scope
from review_ui.web import flash, redirect, render

router = APIRouter()
ScopeDep = Annotated[Scope, Depends(current_scope)]


def _filter(unit: str = "", field: str = "", reason: str = "") -> QueueFilter:
    return QueueFilter(unit.strip(), field.strip(), reason.strip())


FilterDep = Annotated[QueueFilter, Depends(_filter)]


def audit_listed(request: Request, dossier_ids: set[str]) -> None:
    """Values of these dossiers were shown: one audited read each (tài liệu mật regime)."""
    from hoso.domain.audit import AuditEvent

    if not dossier_ids:
        return
    at, user = datetime.now(UTC), request.state.user.username
    after = {"flags": "listed"}
    events = [AuditEvent(0, at, user, "read", "dossier", d, None, after) for d in sorted(dossier_ids)]
    with request.app.state.store.uow() as uow:
        uow.audit.append_all(events)
        uow.commit()


@router.get("/flags")
def queue(request: Request, scope: ScopeDep, flt: FilterDep, page: int = 1) -> Response:
    """Open cảnh báo in the user's scope, most urgent first, 50 a page."""
    store, size = request.app.state.store, request.app.state.settings.page_size
    with store.uow() as uow:
        result = page_of(uow.connection(), open_flags(scope, flt), [F.c.created_at, F.c.id], page, size)
    audit_listed(request, {r.dossier_id for r in result.rows})
    today = datetime.now(UTC).date()
    rows = [(r, flag_due(r.created_at), overdue_days(flag_due(r.created_at), today)) for r in result.rows]
    names = {c: n for c, n in scope.unit_choices()}
    return render(
        request,
        "queue.html",
        rows=rows,
        result=result,
        flt=flt,
        units=scope.unit_choices(),
        unit_names=names,
        fields=labels.field_keys(),
        query=urlencode(flt.query()),
    )


@router.get("/flags/{flag_id}")
def flag_screen(request: Request, flag_id: str, scope: ScopeDep, flt: FilterDep) -> Response:
    """The scan with the field's box, paper vs electronic value, score, reason and the resolve form."""
    store, objects = request.app.state.store, request.app.state.objects
    row = scoped_flag(store, scope, flag_id)
    view = load_dossier(store, objects, scope, row.dossier_id)  # audits the read
    flag = next(f for f in view.flags if f.id == flag_id)
    doc = next((d for d in view.documents if d.ref.index == flag.document_index), None)
    with store.uow() as uow:
        stmt = open_flags(scope, flt)
        nxt = neighbour_flag(uow.connection(), stmt, flag.created_at, flag.id, forward=True)
        prev = neighbour_flag(uow.connection(), stmt, flag.created_at, flag.id, forward=False)
    near = neighbours(doc.fields, flag.field, flag.page) if doc else []
    can_resolve = scope.can(Action.RESOLVE, view.dossier.unit_code)
    return render(
        request,
        "flag.html",
        flag=flag,
        view=view,
        doc=doc,
        near=near,
        next_id=nxt,
        prev_id=prev,
        query=urlencode(flt.query()),
        can_resolve=can_resolve,
        scale=VIEW_SCALE,
        due=flag_due(flag.created_at),
        kinds=labels.KINDS,
    )


@router.post("/flags/{flag_id}/resolve")
def resolve(
    request: Request,
    flag_id: str,
    scope: ScopeDep,
    kind: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
    unit: Annotated[str, Form()] = "",
    field: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Close the cảnh báo, then go to the next open one in the queue (or back to the dossier)."""
    store = request.app.state.store
    row = scoped_flag(store, scope, flag_id)
    flt = _filter(unit, field, reason)
    query = urlencode(flt.query())
    try:
        res = services.resolve(store.uow(), flag_id, kind, note, scope.user.username, value=value or None)
    except HosoError as exc:
        if exc.code not in ("validation_error", "invalid_transition"):
            raise
        flash(request, f"Chưa xử lý được cảnh báo: {_vi(exc.message)}", "error")
        return redirect(f"/flags/{flag_id}" + (f"?{query}" if query else ""))
    extra = " — cần văn bản giải trình" if res.needs_giai_trinh else ""
    flash(
        request, f"Đã xử lý cảnh báo {labels.field_label(row.field)}: {labels.KINDS[res.kind.value]}{extra}."
    )
    if back == "dossier":
        return redirect(f"/dossiers/{row.dossier_id}")
    with store.uow() as uow:
        nxt = (
            uow.connection().execute(open_flags(scope, flt).order_by(F.c.created_at, F.c.id).limit(1)).first()
        )
    target: Any = f"/flags/{nxt.id}" if nxt else "/flags"
    return redirect(target + (f"?{query}" if query else ""))


def _vi(message: str) -> str:
    """The domain's English validation messages, said in Vietnamese where the UI knows them."""
    if "needs a note" in message:
        return "cần ghi chú lý do."
    if "needs the value read by hand" in message:
        return "chọn 'Đọc máy sai' thì phải nhập giá trị đúng trên giấy."
    if "already resolved" in message:
        return "cảnh báo này đã được xử lý."
    return message
