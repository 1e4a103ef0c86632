"""The officer's self-view: their own electronic record, its change history, and their dossiers' status."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from hoso.errors import NotFound
from review_ui.auth import current_scope
from review_ui.queries import D, dossiers, page_of
from review_ui.scope import Scope
from review_ui.web import redirect, render

router = APIRouter()
ScopeDep = Annotated[Scope, Depends(current_scope)]


@router.get("/me")
def me(request: Request, scope: ScopeDep) -> Response:
    """An officer's own record; other roles go to their home screen."""
    user = scope.user
    if not user.officer_id:
        return redirect("/")
    store = request.app.state.store
    with store.uow() as uow:
        try:
            officer, record = uow.officers.get(user.officer_id), uow.records.get(user.officer_id)
        except NotFound:
            officer = record = None
        mine = page_of(uow.connection(), dossiers(scope), [D.c.received_at.desc()], 1, 50)
    return render(request, "me.html", officer=officer, record=record, dossiers=mine.rows)
