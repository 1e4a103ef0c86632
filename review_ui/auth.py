"""Who is signed in (signed session cookie), CSRF tokens on every unsafe request, role guards."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Any

from fastapi import Request

from hoso.domain.model import Role, User
from hoso.errors import HosoError, NotFound
from review_ui.scope import Scope

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class NotAuthenticated(HosoError):
    """No valid session: pages redirect to the login form, the API answers 401."""

    code = "not_authenticated"


class CsrfRefused(HosoError):
    """An unsafe request without the session's CSRF token: answered 403, nothing changes."""

    code = "csrf_refused"


class Forbidden(HosoError):
    """The role may not use this screen at all (403); another unit's objects answer 404 instead."""

    code = "forbidden"


def csrf_token(request: Request) -> str:
    """The session's token, made on first use; forms carry it in a hidden field, scripts in a header."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


async def require_csrf(request: Request) -> None:
    """Refuse a POST/PUT/DELETE whose token (header or form field) does not match the session's."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent: object = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        sent = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, str(expected)):
        raise CsrfRefused("Yêu cầu không hợp lệ (thiếu mã CSRF) hoặc phiên đã hết hạn. Hãy tải lại trang.")


def current_user(request: Request) -> User:
    """The signed-in, still active user, loaded fresh (a deactivated account loses access at once)."""
    username = request.session.get("user")
    if not username:
        raise NotAuthenticated("Cần đăng nhập")
    with request.app.state.store.uow() as uow:
        try:
            user: User = uow.users.get(username)
        except NotFound:
            user = User(username, Role.OFFICER, active=False)
        if not user.active:
            request.session.clear()
            raise NotAuthenticated("Tài khoản không còn hiệu lực")
        request.state.user = user
        request.state.scope = Scope(user, uow.units.tree())
    return user


def current_scope(request: Request) -> Scope:
    """The signed-in user's scope (current_user must have run: it is a dependency of every router)."""
    if not hasattr(request.state, "scope"):
        current_user(request)
    scope: Scope = request.state.scope
    return scope


def require_roles(*roles: Role) -> Callable[[Request], Any]:
    """A dependency refusing (403) users of other roles."""

    def check(request: Request) -> None:
        user = current_user(request) if not hasattr(request.state, "user") else request.state.user
        if user.role not in roles:
            raise Forbidden("Vai trò của bạn không được dùng chức năng này.")

    return check
