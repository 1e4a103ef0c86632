"""Schema upgrades through Alembic, for tests and `hoso init`: a database is never built by create_all."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from storage.db import database_url, make_engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at storage/migrations, independent of the working directory."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the database at `url` (default: from the environment) up to `revision`."""
    command.upgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    """The newest revision in storage/migrations."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine | None = None) -> str | None:
    """The revision the database is at, None when it was never migrated."""
    engine = engine or make_engine()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def downgrade(url: str | None = None, revision: str = "-1") -> None:
    """Step the database at `url` back to `revision` (for development; data in dropped tables is lost)."""
    command.downgrade(alembic_config(url), revision)
