"""`hoso records import FILE`: load the electronic records the paper is checked against."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hoso.cli.common import USER_ENV, USER_HELP, open_store
from hoso.records_import import import_records

records_app = typer.Typer(help="Hồ sơ điện tử: the electronic records.", no_args_is_help=True)


@records_app.command("import")
def records_import(
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or JSON (a list of objects)", exists=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Counts and rejected rows as JSON")] = False,
    user: Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help=USER_HELP)] = None,
) -> None:
    """Validate every row and upsert the good ones by so_cccd; changes keep who/when/old/new.

    Exit status: 0 all rows imported, 1 some rows rejected (the others are imported),
    3 the file itself is refused (unknown column, unreadable format): nothing imported.
    """
    with open_store() as store:
        report = import_records(store.uow, file, user or "import")
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console = Console(highlight=False, soft_wrap=True)
        console.print(
            f"Đã nhập {file.name}: {report.created} mới, {report.updated} cập nhật, "
            f"{report.unchanged} không đổi, {len(report.rejected)} dòng bị từ chối"
        )
        if report.rejected:
            table = Table(title="Dòng bị từ chối", title_justify="left")
            for col in ("Dòng", "Số CCCD", "Lý do"):
                table.add_column(col)
            for r in report.rejected:
                table.add_row(str(r.line), r.so_cccd or "—", "; ".join(r.reasons))
            console.print(table)
    raise typer.Exit(1 if report.rejected else 0)


def register(app: typer.Typer) -> None:
    """Add `hoso records` to the app."""
    app.add_typer(records_app, name="records")
