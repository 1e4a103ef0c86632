"""`hoso init`, `hoso units import`, `hoso users add`, `hoso audit verify`: setting a province up."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hoso.cli.common import USER_ENV, USER_HELP, open_store
from hoso.domain.audit import AuditEvent, verify_chain
from hoso.domain.model import Role, User
from hoso.domain.units import Unit
from hoso.errors import IntegrityError, ValidationError

if TYPE_CHECKING:
    from storage.uow import SqlStore

units_app = typer.Typer(help="Đơn vị: the organisation tree.", no_args_is_help=True)
users_app = typer.Typer(help="Người dùng: accounts, roles and unit scope.", no_args_is_help=True)
audit_app = typer.Typer(help="Nhật ký: the hash-chained audit log.", no_args_is_help=True)
UNIT_COLUMNS = ("code", "name", "parent_code")
AUDIT_PAGE = 10_000


def init_command() -> None:
    """Create the data folder, migrate the database to the newest schema, create the object store."""
    from storage.db import data_dir, database_url
    from storage.migrate import current_revision, upgrade
    from storage.objects import default_object_store
    from storage.uow import SqlStore

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    upgrade()
    objects = default_object_store()
    try:
        location = objects.prepare()  # the folder, or the MinIO bucket
    finally:
        objects.close()
    store = SqlStore.from_url()
    try:
        revision = current_revision(store.engine)
    finally:
        store.dispose()
    typer.echo(f"Đã khởi tạo: database {database_url()} (revision {revision}), objects {location}")


def _unit_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line or item, row) from a CSV or a JSON list; unknown columns refuse the file."""
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
            raise ValidationError(f"{path}: a units JSON file holds a list of objects")
        rows = [(i, {k: str(v or "") for k, v in d.items()}) for i, d in enumerate(data, 1)]
    else:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            rows = [(reader.line_num, {k: v or "" for k, v in r.items() if k is not None}) for r in reader]
    unknown = sorted({k for _, r in rows for k in r if k not in UNIT_COLUMNS})
    if unknown:
        raise ValidationError(f"{path}: unknown column(s) {unknown}; expected {', '.join(UNIT_COLUMNS)}")
    return rows


@units_app.command("import")
def units_import(
    file: Annotated[Path, typer.Argument(help="CSV or JSON with code,name,parent_code", exists=True)],
    user: Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help=USER_HELP)] = None,
) -> None:
    """Add or rename units; a row whose parent is unknown is refused (exit status 1)."""
    rows = _unit_rows(file)
    at, actor = datetime.now(UTC), user or "system"
    with open_store() as store, store.uow() as uow:
        known = {u.code for u in uow.units.tree()} | {r.get("code", "").strip() for _, r in rows}
        rejected = 0
        for line, row in rows:
            code, name, parent = (row.get(k, "").strip() for k in UNIT_COLUMNS)
            problem = (
                "code and name are required" if not (code and name)
                else f"parent {parent!r} is unknown" if parent and parent not in known
                else "a unit cannot be its own parent" if parent == code else ""
            )  # fmt: skip
            if problem:
                rejected += 1
                typer.echo(f"dòng {line}: {problem}", err=True)
                continue
            uow.units.add(Unit(code, name, parent or None))
            after = {"name": name, "parent": parent or None}
            uow.audit.append(AuditEvent(0, at, actor, "import", "unit", code, None, after))
        uow.commit()
    typer.echo(f"Đơn vị: {len(rows) - rejected} đã nhập, {rejected} bị từ chối")
    raise typer.Exit(1 if rejected else 0)


@users_app.command("add")
def users_add(
    username: Annotated[str, typer.Argument(help="Login name")],
    role: Annotated[str, typer.Option("--role", help="admin, supervisor, reviewer, clerk or officer")],
    unit: Annotated[str | None, typer.Option("--unit", help="Unit code bounding what the user sees")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Full name (kept in the audit log)")] = None,
    officer: Annotated[str | None, typer.Option("--officer", help="Own số định danh (role officer)")] = None,
    user: Annotated[str | None, typer.Option("--user", envvar=USER_ENV, help=USER_HELP)] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the web login password from the first stdin line")
    ] = False,
) -> None:
    """Add or update an account (an upsert by username); --password-stdin sets its web password."""
    try:
        who = Role(role)
    except ValueError:
        raise ValidationError(f"role {role!r}: one of {', '.join(r.value for r in Role)}") from None
    if who not in (Role.ADMIN, Role.OFFICER) and not unit:
        raise ValidationError(f"a {who.value} needs --unit")
    if who is Role.OFFICER and not officer:
        raise ValidationError("an officer account needs --officer SO_DINH_DANH")
    with open_store() as store, store.uow() as uow:
        if unit:
            uow.units.get(unit)  # NotFound names the unknown unit
        uow.users.add(User(username, who, unit, officer))
        after: dict[str, Any] = {"role": who.value, "unit": unit, "name": name, "officer": officer}
        uow.audit.append(AuditEvent(0, datetime.now(UTC), user or "system", "create", "user", username,
                                    None, after))  # fmt: skip
        uow.commit()
        if password_stdin:
            _set_password(store, username, user or "system")
    typer.echo(f"Người dùng {username}: {who.value}" + (f", đơn vị {unit}" if unit else "")
               + (", đã đặt mật khẩu" if password_stdin else ""))  # fmt: skip


def _set_password(store: SqlStore, username: str, actor: str) -> None:
    """The first line of stdin (a pipe, or typed at the terminal) as the web password (argon2-hashed)."""
    import sys

    from review_ui.accounts import set_password

    password = sys.stdin.readline().rstrip("\r\n")
    set_password(store, username, password, actor)


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the hash chain of the whole audit log; exit status 9 when it was tampered with."""
    checked, problems = 0, []
    with open_store() as store, store.uow() as uow:
        anchor = None
        while page := uow.audit.events(after_seq=anchor.seq if anchor else 0, limit=AUDIT_PAGE):
            problems += verify_chain(page, anchor)
            checked, anchor = checked + len(page), page[-1]
    if problems:
        for p in problems[:50]:
            typer.echo(p, err=True)
        raise IntegrityError(f"audit chain broken: {len(problems)} problem(s) in {checked} events")
    typer.echo(f"Nhật ký toàn vẹn: {checked} sự kiện, chuỗi băm OK")


def register(app: typer.Typer) -> None:
    """Add these commands to the `hoso` app."""
    app.command("init")(init_command)
    app.add_typer(units_app, name="units")
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
