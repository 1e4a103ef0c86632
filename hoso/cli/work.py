"""The pipeline part of `hoso backlog`: files and pages in flight, failed (with why) and retried."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from storage.uow import SqlStore


def work_json(store: SqlStore, units: Collection[str]) -> dict[str, Any]:
    """`work` of `hoso backlog --json`: per unit files/pages per state, and failures with reasons."""
    from storage.work_status import work_status

    rows, failures = work_status(store.engine, units)
    return {"units": [r.to_json() for r in rows], "failures": [f.to_json() for f in failures]}


def print_work(work: dict[str, Any]) -> None:
    """Two small tables after the backlog: work per unit (when any), then failures."""
    console = Console(highlight=False, width=max(160, Console().width))
    if work["units"]:
        table = Table(title="Đang xử lý (tệp / trang)", title_justify="left")
        for col in ("Đơn vị", "Chờ", "Đang đọc", "Xong", "Lỗi", "Trang đọc lại", "Lâu nhất (giây)"):
            table.add_column(col)
        for u in work["units"]:
            f, p = u["files"], u["pages"]
            cells = [f"{f[s]} / {p[s]}" for s in ("queued", "processing", "done", "failed")]
            table.add_row(u["unit"], *cells, str(u["retried_pages"]), str(u["oldest_in_flight_s"] or "—"))
        console.print(table)
    if work["failures"]:
        table = Table(title="Lỗi xử lý (hoso retry để chạy lại)", title_justify="left")
        for col in ("Hồ sơ", "Tệp", "Trang", "Lần thử", "Lý do"):
            table.add_column(col, overflow="fold")
        for x in work["failures"]:
            table.add_row(x["dossier"], x["path"], str(x["page"] or "—"), str(x["attempts"]), x["error"])
        console.print(table)
