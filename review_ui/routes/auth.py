"""Login, logout and the home redirect (each role lands on its own main screen)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from hoso.domain.model import Role
from review_ui.accounts import LockPolicy, LoginFailed, authenticate, log_logout
from review_ui.auth import NotAuthenticated, current_user
from review_ui.web import redirect, render

router = APIRouter()
HOME = {
    Role.ADMIN: "/dashboard",
    Role.SUPERVISOR: "/dashboard",
    Role.REVIEWER: "/flags",
    Role.CLERK: "/upload",
    Role.OFFICER: "/me",
}


def _safe_next(target: str | None) -> str:
    """Only a local path: `next` must never send the user to another site after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/")
def home(request: Request) -> Response:
    """The signed-in user's main screen."""
    try:
        user = current_user(request)
    except NotAuthenticated:
        return redirect("/login")
    return redirect(HOME[user.role])


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    """The login form."""
    return render(request, "login.html", next=_safe_next(next), username="")


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the password; a new session (new CSRF token) on success, a counted failure otherwise."""
    settings = request.app.state.settings
    policy = LockPolicy(settings.lockout_after, settings.lockout_minutes)
    try:
        user = authenticate(request.app.state.store, username.strip(), password, policy)
    except LoginFailed as exc:
        return render(
            request,
            "login.html",
            status_code=401 if not exc.locked else 423,
            error=exc.message,
            next=_safe_next(next),
            username=username,
        )
    request.session.clear()  # no fixation: a fresh session and token after login
    request.session.update(user=user.username, csrf=secrets.token_urlsafe(32))
    target = _safe_next(next)
    return redirect(HOME[user.role] if target == "/" else target)


@router.post("/logout")
def logout(request: Request) -> Response:
    """End the session."""
    username = request.session.get("user")
    request.session.clear()
    if username:
        log_logout(request.app.state.store, username)
    return redirect("/login")
