"""Bootstrap from one setting, SQLite pragmas, and database errors translated into hoso's."""

from pathlib import Path

import pytest
from sqlalchemy import text

from hoso.errors import ConfigError, Conflict, StorageUnavailable
from storage.db import database_url, make_engine
from storage.uow import SqlStore


def test_default_is_a_sqlite_file_under_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("HOSO_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    assert database_url() == f"sqlite:///{tmp_path / 'data' / 'hoso.db'}"
    monkeypatch.delenv("HOSO_DATA_DIR")
    assert database_url() == f"sqlite:///{Path('var').resolve() / 'hoso.db'}"
    monkeypatch.setenv("HOSO_DATABASE_URL", "postgresql+psycopg://hoso@db/hoso")
    assert database_url() == "postgresql+psycopg://hoso@db/hoso"


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_immediate_transactions(sqlite_url):
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            # BEGIN IMMEDIATE took the write lock: a second writer times out instead of interleaving.
            other = make_engine(sqlite_url, connect_args={"timeout": 0.1})
            try:
                with pytest.raises(Conflict), SqlStore(other).uow() as uow:
                    uow.units.tree()
            finally:
                other.dispose()
    finally:
        engine.dispose()


def test_unsupported_url_is_a_config_error():
    with pytest.raises(ConfigError):
        make_engine("mysql://localhost/hoso")


def test_unreachable_postgresql_is_storage_unavailable():
    store = SqlStore.from_url("postgresql+psycopg://postgres@127.0.0.1:9/hoso?connect_timeout=2")
    with pytest.raises(StorageUnavailable) as err, store.uow():
        pass
    assert err.value.retryable
    store.dispose()


def test_repositories_are_unusable_outside_the_block(sqlite_url):
    uow = SqlStore.from_url(sqlite_url).uow()
    with pytest.raises(RuntimeError):
        uow.units.tree()
