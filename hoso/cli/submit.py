"""`hoso ingest` with HOSO_TASKS=celery: store the originals, queue the files, optionally wait for them."""

from __future__ import annotations

import typer

from hoso.cli.common import open_store
from hoso.cli.ingest import show


def submit_command(paths: list[str], unit: str, clerk: str, as_json: bool, wait: float) -> None:
    """Queue every new file; with `wait` > 0, report each file's result once the workers are done."""
    from hoso.tasks.app import app
    from hoso.tasks.dispatch import CelerySender, settled, submit
    from storage import progress
    from storage.objects import default_object_store

    failed, queued = False, []
    with open_store() as store:
        try:
            for outcome in submit(store, default_object_store(), CelerySender(app), paths, unit, clerk):
                failed = failed or outcome.status == "failed"
                if outcome.status == "queued" and outcome.dossier_id and wait > 0:
                    queued.append(outcome.dossier_id)
                else:
                    show(outcome, as_json)
        finally:
            app.close()
        if queued:
            from hoso.tasks.dispatch import wait as wait_for

            rows = wait_for(store, queued, wait)
            for outcome in settled(store, rows):
                failed = failed or outcome.status != "ingested" or bool(outcome.errors)
                show(outcome, as_json)
            failed = failed or any(r.state != progress.DONE for r in rows)
    raise typer.Exit(1 if failed else 0)
