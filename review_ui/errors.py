"""hoso errors → HTTP, in one place: pages get a Vietnamese error page, /api/ gets the error's JSON."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from hoso.errors import (
    ApprovalRefused,
    Conflict,
    HosoError,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    StorageUnavailable,
    ValidationError,
)
from review_ui.auth import CsrfRefused, Forbidden, NotAuthenticated
from review_ui.limits import BodyTooLarge

STATUS: list[tuple[type[HosoError], int]] = [
    (NotAuthenticated, 401),
    (CsrfRefused, 403),
    (Forbidden, 403),
    (PermissionDenied, 403),
    (NotFound, 404),
    (ValidationError, 422),
    (ApprovalRefused, 409),
    (InvalidTransition, 409),
    (Conflict, 409),
    (BodyTooLarge, 413),
    (StorageUnavailable, 503),
]
TITLES = {
    401: "Cần đăng nhập",
    403: "Không được phép",
    404: "Không tìm thấy",
    409: "Không thực hiện được",
    413: "Tệp quá lớn",
    422: "Dữ liệu không hợp lệ",
    503: "Hệ thống tạm thời không sẵn sàng",
}


def status_of(exc: HosoError) -> int:
    """The HTTP status for a hoso error (500 for an unexpected kind)."""
    return next((code for kind, code in STATUS if isinstance(exc, kind)), 500)


def wants_json(request: Request) -> bool:
    """The API, and scripts that ask for JSON, get JSON errors."""
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def _error_page(request: Request, status: int, message: str) -> Response:
    from review_ui.web import render

    title = TITLES.get(status, "Lỗi")
    return render(request, "error.html", status_code=status, title=title, message=message, status=status)


async def hoso_error(request: Request, exc: Exception) -> Response:
    """Translate a HosoError raised anywhere below a route."""
    assert isinstance(exc, HosoError)
    status = status_of(exc)
    if wants_json(request):
        return JSONResponse(exc.to_json(), status_code=status)
    if isinstance(exc, NotAuthenticated):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    return _error_page(request, status, exc.message)


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404/405 in the same look."""
    assert isinstance(exc, HTTPException)
    if wants_json(request):
        return JSONResponse({"code": "http_error", "message": str(exc.detail)}, status_code=exc.status_code)
    message = "Trang không tồn tại." if exc.status_code == 404 else str(exc.detail)
    return _error_page(request, exc.status_code, message)


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(HosoError, hoso_error)
    app.add_exception_handler(HTTPException, http_error)
