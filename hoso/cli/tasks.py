"""`hoso retry`: send failed and lost work again, to the Celery workers or through this process."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from hoso.cli.common import open_store

if TYPE_CHECKING:  # the database and the pipeline load only when the command runs
    from storage.uow import SqlStore


def retry_command(
    dossier: Annotated[str | None, typer.Option("--dossier", help="Only this dossier's file")] = None,
    stale_after: Annotated[
        float | None,
        typer.Option("--stale-after", help="Work untouched this many seconds is lost (default: the "
                     "visibility timeout)"),
    ] = None,  # fmt: skip
    as_json: Annotated[bool, typer.Option("--json", help="A JSON object")] = False,
) -> None:
    """Mark lost work failed, then run every failed file and page again (HOSO_TASKS picks where).

    With HOSO_TASKS=celery the work is queued for the workers; otherwise it runs here, to the end.
    """
    from hoso.tasks.settings import CELERY, TaskSettings
    from storage import progress

    settings = TaskSettings.from_env()
    stale = settings.stale_after if stale_after is None else stale_after
    with open_store() as store:
        if dossier:
            progress.get_file(store.engine, dossier)  # NotFound (exit 4) for an unknown dossier
        if settings.mode == CELERY:
            from hoso.tasks.app import app
            from hoso.tasks.dispatch import CelerySender, retry_failed

            try:
                report = retry_failed(store, CelerySender(app), settings.window, dossier, stale).to_json()
            finally:
                app.close()
            text = f"Đã gửi lại: {report['files']} tệp, {report['pages']} trang ({report['lost']} bị mất)"
        else:
            report = _retry_here(store, dossier, stale)
            text = f"Đã chạy lại: {report['files']} tệp ({report['lost']} bị mất)"
    typer.echo(json.dumps(report, ensure_ascii=False) if as_json else text)


def _retry_here(store: SqlStore, dossier: str | None, stale: float) -> dict[str, int]:
    from hoso.config import ExtractSettings
    from hoso.originals import OriginalCache
    from hoso.stages import Runtime, retry_here
    from matching.config import MatchConfig
    from storage.objects import default_object_store

    objects = default_object_store()
    with OriginalCache(objects) as cache:
        rt = Runtime(store, objects, ExtractSettings.from_env(), MatchConfig.from_env(), cache)
        lost, outcomes = retry_here(rt, dossier, stale)
    return {"lost": lost, "files": len(outcomes), "pages": 0}


def register(app: typer.Typer) -> None:
    """Add `hoso retry` to the app."""
    app.command("retry")(retry_command)
