"""Templates and the request context every page shares: the user, the CSRF token, flash messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from review_ui import labels
from review_ui.auth import csrf_token

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html
env = templates.env
env.filters.update(
    dt=labels.vn_datetime,
    d=labels.vn_date,
    field=labels.field_label,
    state=lambda s: labels.STATES.get(s, s),
    role=lambda r: labels.ROLES.get(r, r),
    kind=lambda k: labels.KINDS.get(k, k),
    upload_state=lambda s: labels.UPLOAD_STATES.get(s, s),
    doc_type=lambda t: labels.DOC_TYPES.get(t, t),
)


def flash(request: Request, message: str, kind: str = "info") -> None:
    """A message shown once on the next page (kept in the signed session cookie)."""
    request.session.setdefault("flash", []).append([kind, message])


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page with the shared context; values are escaped by Jinja's autoescape."""
    messages = request.session.pop("flash", [])
    base = {"user": getattr(request.state, "user", None), "csrf": csrf_token(request), "messages": messages}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def redirect(url: str) -> RedirectResponse:
    """303 See Other: after a POST the browser GETs the next page."""
    return RedirectResponse(url, status_code=303)
