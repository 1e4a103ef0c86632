"""The review UI as a FastAPI app: built by create_app() from a store, an object store and settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from review_ui import errors
from review_ui.auth import current_user, require_csrf
from review_ui.limits import BodyLimit
from review_ui.routes import api, auth, dashboard, dossiers, me, review, upload
from review_ui.runner import UploadRunner
from review_ui.settings import UiSettings
from review_ui.web import HERE
from storage.objects import ObjectStore
from storage.uow import SqlStore


def create_app(
    store: SqlStore, objects: ObjectStore, settings: UiSettings, *, run_uploads: bool = True
) -> FastAPI:
    """The app; with run_uploads the in-process upload worker starts and stops with it."""
    runner = UploadRunner(store, objects, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if run_uploads:
            runner.start()
        try:
            yield
        finally:
            runner.stop()

    app = FastAPI(
        title="hoso — giao diện đối chiếu hồ sơ",
        lifespan=lifespan,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.store, app.state.objects, app.state.settings, app.state.runner = (
        store,
        objects,
        settings,
        runner,
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="hoso_session",
        max_age=settings.session_hours * 3600,
        same_site="lax",
        https_only=settings.cookie_secure,
    )
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(auth.router, dependencies=[Depends(require_csrf)])
    signed_in = [Depends(current_user), Depends(require_csrf)]
    for module in (review, dossiers, upload, dashboard, me):
        app.include_router(module.router, dependencies=signed_in)
    app.include_router(api.router, prefix="/api", dependencies=signed_in)
    return app
