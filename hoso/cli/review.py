"""`hoso flags`, `hoso resolve`, `hoso approve`, `hoso backlog`: the reviewer's and supervisor's work."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from hoso.cli.common import USER_ENV, USER_HELP, acting_user, open_store
from hoso.cli.work import print_work, work_json
from hoso.domain import services
from hoso.domain.backlog import UnitBacklog, total

UserOpt = Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help=USER_HELP)]


def flags_command(
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit and below")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list")] = False,
    user: UserOpt = None,
) -> None:
    """List the open cảnh báo in the user's scope."""
    with open_store() as store:
        flags = services.list_flags(store.uow(), acting_user(user), unit_code=unit)
    if as_json:
        typer.echo(json.dumps([f.summary() for f in flags], ensure_ascii=False))
        return
    table = Table(title=f"Cảnh báo đang mở ({len(flags)})", title_justify="left")
    for col in ("Mã cảnh báo", "Hồ sơ", "Trường", "Trên giấy", "Hồ sơ điện tử", "Lý do", "Trang"):
        table.add_column(col, overflow="fold")
    for f in flags:
        table.add_row(f.id, f.dossier_id, f.field, f.paper_value or "—", f.electronic_value or "—",
                      f.reason, str(f.page or "—"))  # fmt: skip
    Console(highlight=False, width=max(160, Console().width)).print(table)


def resolve_command(
    flag_id: Annotated[str, typer.Argument(help="The cảnh báo id (hoso flags)")],
    kind: Annotated[str, typer.Option("--as", help="paper | electronic | ocr: which side is right")],
    note: Annotated[str, typer.Option("--note", help="Why (required)")],
    value: Annotated[str | None, typer.Option("--value", help="The value read by hand (--as ocr)")] = None,
    user: UserOpt = None,
) -> None:
    """Close a cảnh báo; --as paper also updates the electronic record, keeping the old value."""
    with open_store() as store:
        res = services.resolve(store.uow(), flag_id, kind, note, acting_user(user), value=value)
    extra = " (cần văn bản giải trình)" if res.needs_giai_trinh else ""
    typer.echo(f"Đã xử lý cảnh báo {flag_id}: {res.kind.value}{extra}")


def approve_command(
    dossier_id: Annotated[str, typer.Argument(help="The dossier id")],
    note: Annotated[str, typer.Option("--note", help="Optional remark")] = "",
    user: UserOpt = None,
) -> None:
    """Approve a dossier; refused (exit status 7, naming them) while any cảnh báo is open."""
    with open_store() as store:
        approval = services.approve(store.uow(), dossier_id, acting_user(user), note=note)
    typer.echo(f"Đã phê duyệt hồ sơ {dossier_id} ({approval.user}, {approval.at:%Y-%m-%d %H:%M} UTC)")


def backlog_command(
    unit: Annotated[str | None, typer.Option("--unit", help="Subtree root (default: all)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON object with rows and total")] = False,
    user: Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help="Checks scope")] = None,
) -> None:
    """Dossiers per state, open and overdue items, per unit (overdue in working days, computed now)."""
    today = datetime.now(UTC).date()
    rows: list[UnitBacklog] = []
    with open_store() as store:
        with store.uow() as uow:
            scope = uow.users.get(user).unit_code if user else None
            roots = [unit] if unit else [scope] if scope else uow.units.tree().roots()
        for root in roots:
            rows += services.backlog(store.uow(), root, today, user=user)
        work = work_json(store, [r.unit_code for r in rows])
    summary = total(rows)
    if as_json:
        out = {"date": today.isoformat(), "units": [r.to_json() for r in rows], "total": summary.to_json()}
        out["work"] = work
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    table = Table(title=f"Tồn đọng ngày {today:%d/%m/%Y}", title_justify="left")
    states = ("received", "flagged", "verified", "approved")
    for col in ("Đơn vị", "Tên", *states, "Cảnh báo mở", "Quá hạn (hồ sơ)", "Quá hạn (cảnh báo)"):
        table.add_column(col)
    for r in [*rows, summary]:
        table.add_row(r.unit_code, r.unit_name, *(str(r.states.get(s, 0)) for s in states),
                      str(r.open_flags), str(r.overdue_dossiers), str(r.overdue_flags))  # fmt: skip
    Console(highlight=False, width=max(160, Console().width)).print(table)
    print_work(work)


def register(app: typer.Typer) -> None:
    """Add the review commands to the app."""
    app.command("flags")(flags_command)
    app.command("resolve")(resolve_command)
    app.command("approve")(approve_command)
    app.command("backlog")(backlog_command)
