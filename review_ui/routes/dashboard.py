"""The supervisor's dashboard per unit subtree: figures, SVG charts, drill-down and the Excel report."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup

from hoso.domain.model import Role
from review_ui.auth import current_scope, require_roles
from review_ui.chart import state_bars, weekly_bars
from review_ui.dashboard import unit_rows
from review_ui.excel import report
from review_ui.scope import Scope
from review_ui.web import render

router = APIRouter(dependencies=[Depends(require_roles(Role.ADMIN, Role.SUPERVISOR))])
ScopeDep = Annotated[Scope, Depends(current_scope)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/dashboard")
def dashboard(request: Request, scope: ScopeDep, unit: str = "") -> Response:
    """Per unit: dossiers by state, open and overdue cảnh báo, pages per week; links drill down."""
    data = unit_rows(request.app.state.store, scope, unit, datetime.now(UTC).date())
    path = [scope.units.get(c) for c in reversed(scope.units.ancestors(data.root))] if data.root else []
    path = [u for u in path if scope.can_see_unit(u.code)]
    charts = {
        "states": Markup(state_bars(data.rows)),
        "weeks": Markup(weekly_bars(data.weeks)),
    }  # escaped inside
    return render(request, "dashboard.html", data=data, charts=charts, path=path, unit=unit)


@router.get("/dashboard/export.xlsx")
def export(request: Request, scope: ScopeDep, unit: str = "") -> Response:
    """The dashboard's table as a Sở Nội vụ style report."""
    data = unit_rows(request.app.state.store, scope, unit, datetime.now(UTC).date())
    top = scope.units.get(data.root or scope.units.roots()[0])
    body = report(data, top.name, scope.user.username)
    name = f"bao-cao-so-hoa-{data.root or 'toan-tinh'}-{data.today:%Y%m%d}.xlsx"
    return Response(
        body, media_type=XLSX, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    )
