"""Bootstrap of the database engine from one setting: SQLite file by default, PostgreSQL by URL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from hoso.errors import ConfigError

DATABASE_URL_ENV = "HOSO_DATABASE_URL"
DATA_DIR_ENV = "HOSO_DATA_DIR"
DEFAULT_DATA_DIR = "./var"
SQLITE_BUSY_TIMEOUT_S = 30  # a waiting writer blocks this long on BEGIN IMMEDIATE before giving up
PG_LOCK_TIMEOUT_MS = 30_000  # the same bound for a row lock on PostgreSQL


def data_dir() -> Path:
    """Where the embedded database and object store live (HOSO_DATA_DIR, default ./var)."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)


def database_url() -> str:
    """HOSO_DATABASE_URL, else the embedded SQLite file under the data directory."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{(data_dir() / 'hoso.db').resolve()}"


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine for `url` (default: from the environment); SQLite gets WAL, foreign keys and IMMEDIATE."""
    url = url or database_url()
    if url.startswith("sqlite"):
        return _sqlite_engine(url, **kwargs)
    if url.startswith("postgresql"):
        kwargs.setdefault("pool_pre_ping", True)
        # A lock held by a stuck transaction fails the waiter (Conflict, retryable) instead of hanging it.
        connect_args = {"options": f"-c lock_timeout={PG_LOCK_TIMEOUT_MS}", **kwargs.pop("connect_args", {})}
        return create_engine(url, connect_args=connect_args, **kwargs)
    raise ConfigError(f"{DATABASE_URL_ENV}: unsupported database URL {url!r} (sqlite:/// or postgresql+psycopg://)")


def _sqlite_engine(url: str, **kwargs: Any) -> Engine:
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_S, **kwargs.pop("connect_args", {})}
    engine = create_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver must not open transactions itself: the "begin" hook below does it, IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers serialize here rather than failing later with "database is locked" on upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """True for the embedded database."""
    return engine.dialect.name == "sqlite"
