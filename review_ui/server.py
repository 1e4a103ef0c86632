"""`hoso serve`: the app on the embedded default (SQLite + local object store) or HOSO_DATABASE_URL."""

from __future__ import annotations

import ipaddress

import uvicorn
from fastapi import FastAPI

from review_ui.app import create_app
from review_ui.settings import UiSettings
from storage.db import data_dir
from storage.objects import default_object_store
from storage.uow import SqlStore


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: plain HTTP there is acceptable for cookies."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_from_env(host: str = "127.0.0.1") -> FastAPI:
    """The app over the configured database and object store (the database must be migrated)."""
    settings = UiSettings.from_env(data_dir(), cookie_secure_default=not is_loopback(host))
    return create_app(SqlStore.from_url(), default_object_store(), settings)


def run(host: str, port: int) -> None:
    """Serve until interrupted."""
    app = app_from_env(host)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True)
    finally:
        app.state.store.dispose()
