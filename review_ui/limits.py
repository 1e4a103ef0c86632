"""A hard cap on request bodies, enforced while the upload streams in (not after it filled the disk)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hoso.errors import HosoError


class BodyTooLarge(HosoError):
    """The request body is over the upload limit; answered 413 with the limit in MB."""

    code = "too_large"


def too_large_message(limit: int) -> str:
    """The message a clerk sees for an oversized upload."""
    return (
        f"Tệp tải lên vượt quá giới hạn {limit // (1024 * 1024)} MB cho mỗi lần tải. "
        "Hãy chia nhỏ hồ sơ (ví dụ nhiều tệp ZIP) rồi tải lại."
    )


class BodyLimit:
    """Refuse at once when Content-Length is over `limit`; otherwise count bytes and stop at the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            scope.setdefault("state", {})["body_too_large"] = True
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            if scope.get("state", {}).get("body_too_large"):
                raise BodyTooLarge(too_large_message(self.limit))
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(too_large_message(self.limit))
            return message

        await self.app(scope, counted, send)
