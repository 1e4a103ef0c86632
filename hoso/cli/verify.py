"""`hoso verify`: extract a file and compare it with the officer's electronic record (CONTRACT.md)."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from hoso.config import ExtractSettings
from hoso.pipeline import extract
from hoso.second_look import witness_for
from matching.compare import verify
from matching.config import MatchConfig


def _load_record(path: Path) -> dict[str, Any]:
    """The officer record; a list holding exactly one record is accepted too."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list) and len(data) == 1:
        data = data[0]
    if not isinstance(data, dict):
        raise ValueError("the record must be one JSON object (one officer)")
    return data


def _print_table(console: Console, out: dict[str, Any], errors: list[str]) -> None:
    """A readable view of the flags for a reviewer at a terminal."""
    console.print(f"[bold]{out['path']}[/bold]")
    if out["flags"]:
        table = Table(title=f"Cảnh báo ({len(out['flags'])})", title_justify="left")
        for col in ("Tài liệu", "Trường", "Trên giấy", "Hồ sơ điện tử", "Điểm", "Lý do", "Trang"):
            table.add_column(col)
        for f in out["flags"]:
            table.add_row(
                str(f["document"] + 1), f["field"], f["paper"] or "—", f["electronic"] or "—",
                f"{f['score']:.2f}", f["reason"], str(f["page"] or "—"),
            )  # fmt: skip
        console.print(table)
    for err in errors:
        console.print(f"[red]Lỗi:[/red] {err}")
    verdict = "[green]Có thể phê duyệt[/green]" if out["approvable"] else "[red]Chưa thể phê duyệt[/red]"
    console.print(f"{verdict}: {len(out['flags'])} cảnh báo")


def verify_command(
    path: Annotated[str, typer.Argument(help="PDF, PNG, JPEG or TIFF file of the dossier")],
    record: Annotated[Path, typer.Option("--record", help="The officer's electronic record (JSON)")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per CONTRACT.md")] = False,
) -> None:
    """Compare every field read on paper with the electronic record and list the discrepancies.

    Exit status: 0 when the file was read and compared (flags or not: see "approvable"),
    1 when the file could not be read completely, 2 when the record or HOSO_MATCH_CONFIG cannot be used.
    """
    try:
        officer = _load_record(record)
    except (OSError, ValueError) as exc:
        typer.echo(f"hoso verify: cannot use the record {record}: {exc}", err=True)
        raise typer.Exit(2) from exc
    try:
        config = MatchConfig.from_env()
    except (OSError, ValueError) as exc:
        typer.echo(f"hoso verify: cannot use HOSO_MATCH_CONFIG: {exc}", err=True)
        raise typer.Exit(2) from exc
    console = Console(highlight=False, soft_wrap=True)
    failed = False
    settings = ExtractSettings.from_env()
    with closing(extract([path], settings)) as results:
        for result in results:
            out = verify(result, officer, config, witness_for(result.path, settings))
            failed = failed or bool(result.errors)
            if as_json:
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                _print_table(console, out, result.errors)
    raise typer.Exit(1 if failed else 0)
