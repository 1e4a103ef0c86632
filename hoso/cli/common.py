"""What every database command shares: one HosoError → stderr + exit code handler, the store, the actor."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from hoso.errors import HosoError, StorageUnavailable, ValidationError

if TYPE_CHECKING:  # SQLAlchemy and Alembic load only for the commands that open the database
    from storage.uow import SqlStore

USER_ENV = "HOSO_USER"
USER_HELP = f"Who is acting (default: ${USER_ENV})"


class HosoGroup(TyperGroup):
    """The command group: a HosoError anywhere becomes `hoso: <message>` on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command, translating hoso's errors in this one place."""
        try:
            return super().invoke(ctx)
        except HosoError as exc:
            typer.echo(f"hoso: {exc.message}", err=True)
            raise typer.Exit(int(exc.exit_code)) from exc


def acting_user(user: str | None) -> str:
    """--user, else $HOSO_USER; ValidationError when neither names anyone."""
    who = user or os.environ.get(USER_ENV, "").strip()
    if not who:
        raise ValidationError(f"who is acting? pass --user or set {USER_ENV}")
    return who


@contextmanager
def open_store() -> Iterator[SqlStore]:
    """The migrated database of HOSO_DATABASE_URL / HOSO_DATA_DIR; a clear error before `hoso init`."""
    from sqlalchemy import inspect

    from storage.db import database_url
    from storage.uow import SqlStore

    url = database_url()
    store = SqlStore.from_url(url)
    try:
        try:
            # Alembic's own table, read without importing Alembic (it costs a third of a second per command)
            migrated = inspect(store.engine).has_table("alembic_version")
        except Exception as exc:  # noqa: BLE001 - any driver error means the database is unusable
            raise StorageUnavailable(f"cannot open the database: {exc}") from exc
        if not migrated:
            raise StorageUnavailable(f"no hoso database at {url}: run `hoso init` first")
        yield store
    finally:
        store.dispose()
