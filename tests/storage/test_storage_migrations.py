"""The Alembic migration builds exactly the schema of storage/orm.py, on both databases."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from storage.db import make_engine
from storage.migrate import current_revision, downgrade, head_revision, upgrade
from storage.orm import Base

TABLES = {
    "units", "users", "officers", "records", "record_history", "dossiers", "dossier_transitions",
    "documents", "pages", "flags", "resolutions", "approvals", "audit_events", "alembic_version",
    "user_credentials", "uploads",  # review UI (0002)
    "ingest_files", "ingest_pages",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def migrated_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_autogenerate_finds_no_difference_between_migration_and_models(migrated_url):
    engine = make_engine(migrated_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert set(inspect(conn).get_table_names()) == TABLES
    finally:
        engine.dispose()


def test_upgrade_is_idempotent_and_reaches_head(migrated_url):
    upgrade(migrated_url)
    engine = make_engine(migrated_url)
    try:
        assert current_revision(engine) == head_revision() is not None
    finally:
        engine.dispose()


def test_upgrade_from_empty_and_downgrade_to_base(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh' / 'hoso.db'}"
    upgrade(url)
    downgrade(url, "base")
    engine = make_engine(url)
    try:
        assert current_revision(engine) is None
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    upgrade(url)
