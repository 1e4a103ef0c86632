"""The clerk's upload: many files or a ZIP by drag and drop, then per-file progress read from the DB."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from hoso.domain.access import Action
from hoso.domain.model import Role
from hoso.errors import ValidationError
from review_ui.auth import current_scope, require_roles
from review_ui.scope import Scope
from review_ui.uploads import Incoming, stage, visible_uploads
from review_ui.web import flash, redirect, render

router = APIRouter(
    dependencies=[Depends(require_roles(Role.CLERK, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN))]
)
ScopeDep = Annotated[Scope, Depends(current_scope)]


async def receive_upload(request: Request, scope: Scope) -> str:
    """Parse the form (size-capped by BodyLimit), check the unit, stage the files; the batch id."""
    form = await request.form()
    unit = str(form.get("unit") or scope.user.unit_code or "").strip()
    officer = str(form.get("officer") or "").strip() or None
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise ValidationError("Chưa chọn tệp nào để tải lên.")
    if unit not in scope.units or not scope.can(Action.INGEST, unit):
        raise ValidationError("Đơn vị không hợp lệ hoặc ngoài phạm vi của bạn.")
    if officer is not None and not (officer.isdigit() and len(officer) == 12):
        raise ValidationError("Số định danh cá nhân của cán bộ phải gồm 12 chữ số.")
    try:
        incoming = [Incoming(f.filename or "tep", f.file) for f in files]
        settings = request.app.state.settings
        batch = stage(
            request.app.state.store, settings.staging_dir, incoming, unit, scope.user.username, officer
        )
    finally:
        for f in files:
            await f.close()
    request.app.state.runner.wake()
    return batch


@router.get("/upload")
def upload_form(request: Request, scope: ScopeDep, batch: str = "") -> Response:
    """The drop zone and the recent uploads of the user's units with their state."""
    rows = visible_uploads(request.app.state.store, scope, batch)
    units = [(c, n) for c, n in scope.unit_choices() if scope.can(Action.INGEST, c)]
    limit_mb = request.app.state.settings.max_upload_bytes // (1024 * 1024)
    return render(request, "upload.html", rows=rows, units=units, batch=batch, limit_mb=limit_mb)


@router.post("/upload")
async def upload(request: Request, scope: ScopeDep) -> Response:
    """Stage the files and queue them; the page then follows their progress."""
    batch = await receive_upload(request, scope)
    flash(request, "Đã nhận tệp, đang xếp hàng xử lý.")
    return redirect(f"/upload?batch={batch}")
