"""`hoso extract`: read files and print their documents and fields (JSON Lines with --json)."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hoso.config import ExtractSettings
from hoso.pipeline import extract
from hoso.result import FileResult


def _print_table(console: Console, result: FileResult) -> None:
    """A readable view of one file for a person at a terminal."""
    console.print(f"[bold]{result.path}[/bold]  {result.pages} trang  sha256 {result.sha256[:12]}…")
    for i, doc in enumerate(result.documents, 1):
        title = f"Tài liệu {i}: {doc.type}" + (f" ({doc.layout})" if doc.layout else "")
        table = Table(title=f"{title} — trang {', '.join(map(str, doc.pages))}", title_justify="left")
        for col in ("Trường", "Giá trị", "Đọc được", "Tin cậy", "Trang"):
            table.add_column(col)
        for key, f in doc.fields.items():
            table.add_row(key, f.value, f.raw, f"{doc.reported_confidence(key):.2f}", str(f.page))
        console.print(table)
    for err in result.errors:
        console.print(f"[red]Lỗi:[/red] {err}")


def extract_command(
    paths: Annotated[list[str], typer.Argument(help="PDF, PNG, JPEG, TIFF files, ZIPs or folders")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines per CONTRACT.md")] = False,
    workers: Annotated[int | None, typer.Option(help="Pages read in parallel")] = None,
    ocr_timeout: Annotated[float | None, typer.Option(help="Seconds per page")] = None,
) -> None:
    """Read each file and print what the paper says, field by field."""
    settings = ExtractSettings.from_env()
    if workers is not None:
        settings = replace(settings, workers=max(1, workers))
    if ocr_timeout is not None:
        settings = replace(settings, ocr_timeout=ocr_timeout)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True)
    failed = False
    show_bar = sys.stderr.isatty() and len(paths) > 0
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show_bar,
        transient=True,
    ) as bar:
        task = bar.add_task("Đang đọc", total=None)
        with closing(extract(paths, settings)) as results:  # Ctrl-C shuts the workers at once
            for result in results:
                bar.update(task, advance=1, description=result.path[-40:])
                failed = failed or bool(result.errors)
                if as_json:
                    sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                else:
                    _print_table(out, result)
    raise typer.Exit(1 if failed else 0)
