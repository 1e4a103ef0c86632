"""`hoso ingest PATH... --unit CODE`: bulk upload with a progress bar, resumable by file hash."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hoso.cli.common import USER_ENV, USER_HELP, acting_user, open_store

if TYPE_CHECKING:  # the extraction pipeline loads only when `hoso ingest` runs
    from hoso.intake import Outcome

_STATUS = {
    "ingested": "đã nhận",
    "resumed": "đã nhận (tiếp tục)",
    "already_stored": "đã lưu trước đó (already stored)",
    "failed": "lỗi",
    "queued": "đã xếp hàng xử lý",
}


def _line(o: Outcome) -> str:
    text = f"{o.path}: {_STATUS.get(o.status, o.status)}"
    if o.dossier_id:
        text += f" — hồ sơ {o.dossier_id} ({o.state})"
    if o.status in ("ingested", "resumed"):
        text += f", {len(o.flags)} cảnh báo" + ("" if o.officer_id else ", chưa xác định cán bộ")
    return text + "".join(f"\n  lỗi: {e}" for e in o.errors)


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="PDF, PNG, JPEG, TIFF files, ZIPs or folders")],
    unit: Annotated[str, typer.Option("--unit", help="Unit code the dossiers belong to")],
    user: Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help=USER_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON line per file")] = False,
    wait: Annotated[
        float, typer.Option("--wait", help="HOSO_TASKS=celery: wait SECONDS for the workers, then report")
    ] = 0.0,
) -> None:
    """Store each original, read it, find its officer, compare with the record and raise cảnh báo.

    One file = one dossier. A file already stored (same SHA-256) is skipped, so an interrupted run is
    finished by running it again. Exit status: 0, or 1 when a file could not be read.
    With HOSO_TASKS=celery the files are stored and queued for the workers (status "queued").
    """
    from hoso.tasks.settings import CELERY, TaskSettings

    if TaskSettings.from_env().mode == CELERY:
        from hoso.cli.submit import submit_command

        submit_command(paths, unit, acting_user(user), as_json, wait)
        return
    from hoso.intake import ingest
    from storage.objects import default_object_store

    clerk = acting_user(user)
    err = Console(stderr=True)
    failed = False
    with open_store() as store, closing(default_object_store()) as objects, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, disable=not sys.stderr.isatty(), transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task("Đang nhận hồ sơ", total=None)

        def plan(total: int) -> None:
            bar.update(task, total=total)

        outcomes = ingest(store, objects, paths, unit, clerk, on_plan=plan)
        with closing(outcomes):  # Ctrl-C: workers and temporary files go now, the re-run resumes
            for outcome in outcomes:
                bar.update(task, advance=1, description=outcome.path[-40:])
                failed = failed or outcome.status == "failed" or bool(outcome.errors)
                show(outcome, as_json)
    raise typer.Exit(1 if failed else 0)


def show(outcome: Outcome, as_json: bool) -> None:
    """One line per file: JSON, or Vietnamese text."""
    if as_json:
        sys.stdout.write(json.dumps(outcome.to_json(), ensure_ascii=False) + "\n")
    else:
        typer.echo(_line(outcome))
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add `hoso ingest` to the app."""
    app.command("ingest")(ingest_command)
