"""Uploaded files and their processing state in the database: staged on disk, one row per file."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, insert, select, update

from hoso.domain.model import new_id
from hoso.intake import stored_dossiers
from ingest.sources import expand
from review_ui.scope import Scope
from storage.orm import DossierRow, UploadRow
from storage.uow import SqlStore

T = UploadRow.__table__
LIVE = ("queued", "processing", "done")  # states that hold a hash: a second copy is a duplicate
_UNSAFE = re.compile(r"[^\w.\-]+")
NOT_A_DOCUMENT = "Không phải tệp tài liệu hồ sơ (chỉ nhận PDF, PNG, JPEG, TIFF hoặc ZIP)"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One file of the form: its name as the clerk sent it and its stream."""

    filename: str
    stream: BinaryIO


def message_vi(reason: str) -> str:
    """Intake's reasons in Vietnamese for the clerk (the original text follows in brackets)."""
    checks = [
        ("not a supported document", NOT_A_DOCUMENT),
        ("unsupported", NOT_A_DOCUMENT),
        ("suspicious archive", "Tệp ZIP đáng ngờ (giải nén quá lớn — ZIP bomb), đã bỏ qua"),
        ("expands to more than", "Tệp ZIP giải nén vượt quá 2 GB, đã bỏ qua"),
        ("archive member too large", "Tệp trong ZIP quá lớn, đã bỏ qua"),
        ("unsafe archive member", "Tệp trong ZIP có đường dẫn không an toàn, đã bỏ qua"),
        ("nested archive", "ZIP lồng trong ZIP không được hỗ trợ"),
        ("corrupt ZIP", "Tệp ZIP bị hỏng"),
        ("empty", "Tệp rỗng"),
        ("encrypted", "Tệp PDF có mật khẩu, không mở được"),
    ]
    for needle, vi in checks:
        if needle.lower() in reason.lower():
            return f"{vi} ({reason})"
    return f"Không đọc được tệp ({reason})"


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    return (_UNSAFE.sub("_", base).strip("._") or "tep")[:120]


def stage(
    store: SqlStore,
    staging: Path,
    files: Iterable[Incoming],
    unit: str,
    clerk: str,
    officer: str | None = None,
) -> str:
    """Save the files, open ZIPs (safely), and record one row per document file; returns the batch id."""
    batch = new_id()
    folder = staging / batch
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for i, incoming in enumerate(files):
        path = folder / f"{i:04d}-{_safe_name(incoming.filename)}"
        with path.open("wb") as out:
            shutil.copyfileobj(incoming.stream, out, 1 << 20)
        names[str(path)] = Path(incoming.filename.replace("\\", "/")).name or "tep"
    sources = list(expand(list(names), folder / "unpacked"))
    now = datetime.now(UTC)
    held = stored_dossiers(store, [s.sha256 for s in sources if s.sha256])  # before our write transaction
    queued: set[str] = set()
    with store.uow() as uow:
        conn = uow.connection()
        live = _live_hashes(conn, [s.sha256 for s in sources if s.sha256])
        rows = []
        for src in sources:
            display = _display(src.display_path, names)
            row = _row(batch, unit, clerk, officer, display, src.sha256 or None, src.size, now)
            if src.errors or src.path is None:
                row.update(state="error", message=message_vi("; ".join(src.errors) or "unreadable"))
            elif src.sha256 in held or src.sha256 in live:
                dossier = held.get(src.sha256, (live.get(src.sha256), ""))[0]
                row.update(
                    state="duplicate",
                    dossier_id=dossier,
                    message="Tệp này đã được tải lên trước đó (trùng mã băm SHA-256), không lưu lần hai.",
                )
            else:
                row.update(state="queued", staged_path=str(src.path))
                live[src.sha256] = None
                queued.add(str(src.path))
            rows.append(row)
        if rows:
            conn.execute(insert(T), rows)
        uow.commit()
    for staged in names:  # ZIPs (their members were unpacked) and refused files are not kept
        if staged not in queued:
            Path(staged).unlink(missing_ok=True)
    return batch


def _display(path: str, names: dict[str, str]) -> str:
    for staged, original in names.items():
        if path == staged or path.startswith(staged + "/"):
            return original + path[len(staged) :]
    return Path(path).name


def _row(
    batch: str,
    unit: str,
    clerk: str,
    officer: str | None,
    name: str,
    sha: str | None,
    size: int,
    now: datetime,
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "batch_id": batch,
        "unit_code": unit,
        "clerk": clerk,
        "officer_id": officer,
        "filename": name,
        "sha256": sha,
        "size": size,
        "state": "queued",
        "pages_done": 0,
        "pages_total": 0,
        "dossier_id": None,
        "message": "",
        "staged_path": None,
        "created_at": now,
        "updated_at": now,
    }


def _live_hashes(conn: Connection, hashes: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for i in range(0, len(hashes), 500):
        stmt = select(T.c.sha256, T.c.dossier_id).where(
            T.c.sha256.in_(hashes[i : i + 500]), T.c.state.in_(LIVE)
        )
        for sha, dossier in conn.execute(stmt):
            out.setdefault(sha, dossier)
    return out


def set_state(store: SqlStore, upload_id: str, **values: Any) -> None:
    """Update one row (state, pages, message, dossier) and its timestamp, in its own short transaction."""
    with store.uow() as uow:
        stmt = update(T).where(T.c.id == upload_id).values(**values, updated_at=datetime.now(UTC))
        uow.connection().execute(stmt)
        uow.commit()


def claim_next(store: SqlStore) -> Any:
    """The oldest queued row, now marked processing (None when the queue is empty)."""
    with store.uow() as uow:
        conn = uow.connection()
        row = conn.execute(
            select(T).where(T.c.state == "queued").order_by(T.c.created_at, T.c.id).limit(1)
        ).first()
        if row is None:
            return None
        claimed = conn.execute(
            update(T)
            .where(T.c.id == row.id, T.c.state == "queued")
            .values(state="processing", updated_at=datetime.now(UTC))
        )
        uow.commit()
        return row if claimed.rowcount == 1 else claim_next(store)


def requeue_interrupted(store: SqlStore) -> int:
    """Rows left `processing` by a stopped server go back to the queue (ingest resumes by hash)."""
    with store.uow() as uow:
        result = uow.connection().execute(
            update(T).where(T.c.state == "processing").values(state="queued", pages_done=0)
        )
        uow.commit()
        return int(result.rowcount)


def visible_uploads(store: SqlStore, scope: Scope, batch: str = "", limit: int = 200) -> list[Any]:
    """Recent uploads in the user's units (a batch only, if given), newest first."""
    stmt = select(T, DossierRow.state.label("dossier_state")).outerjoin(
        DossierRow, DossierRow.id == T.c.dossier_id
    )
    codes = scope.codes
    if codes is not None:
        stmt = stmt.where(T.c.unit_code.in_(codes))
    if batch:
        stmt = stmt.where(T.c.batch_id == batch)
    with store.uow() as uow:
        return list(uow.connection().execute(stmt.order_by(T.c.created_at.desc(), T.c.filename).limit(limit)))


def upload_json(row: Any) -> dict[str, Any]:
    """The API form of one upload row."""
    return {
        "id": row.id,
        "batch": row.batch_id,
        "file": row.filename,
        "unit": row.unit_code,
        "state": row.state,
        "pages_done": row.pages_done,
        "pages_total": row.pages_total,
        "dossier": row.dossier_id,
        "message": row.message,
        "sha256": row.sha256,
        "size": row.size,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }
