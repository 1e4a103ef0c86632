"""The dashboard as an Excel report in the layout a Sở Nội vụ progress report uses (openpyxl)."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from hoso.domain.backlog import UnitBacklog
from review_ui.dashboard import Dashboard

HEADERS = [
    "STT",
    "Đơn vị",
    "Tổng số hồ sơ",
    "Đã tiếp nhận",
    "Đang xử lý",
    "Có cảnh báo",
    "Đã đối chiếu",
    "Đã phê duyệt",
    "Cảnh báo chưa xử lý",
    "Hồ sơ quá hạn",
    "Cảnh báo quá hạn",
    "Quá hạn lâu nhất (ngày làm việc)",
]
WIDTHS = [6, 44, 12, 12, 12, 12, 12, 12, 14, 12, 12, 16]
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _figures(row: UnitBacklog) -> list[int]:
    states = row.states
    processing = states.get("processing", 0) + states.get("extracted", 0)
    return [
        sum(states.values()),
        states.get("received", 0),
        processing,
        states.get("flagged", 0),
        states.get("verified", 0),
        states.get("approved", 0) + states.get("transferred", 0),
        row.open_flags,
        row.overdue_dossiers,
        row.overdue_flags,
        row.max_days_overdue,
    ]


def report(data: Dashboard, province_unit: str, author: str) -> bytes:
    """An .xlsx: national header, title, date, one row per unit, the total, signature block."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Tiến độ số hóa"
    last = get_column_letter(len(HEADERS))
    bold = Font(name="Times New Roman", bold=True, size=12)
    plain = Font(name="Times New Roman", size=12)
    ws["A1"], ws["H1"] = province_unit.upper(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["H2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("A1:D1")
    ws.merge_cells(f"H1:{last}1")
    ws.merge_cells(f"H2:{last}2")
    ws["A4"] = "BÁO CÁO TIẾN ĐỘ SỐ HÓA HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"
    ws["A5"] = f"(Số liệu tính đến ngày {data.today:%d} tháng {data.today:%m} năm {data.today:%Y})"
    for cell in ("A4", "A5"):
        ws.merge_cells(f"{cell}:{last}{cell[1:]}")
    for cell in ("A1", "H1", "H2", "A4", "A5"):
        ws[cell].font, ws[cell].alignment = bold, Alignment(horizontal="center")
    ws["A5"].font = Font(name="Times New Roman", italic=True, size=12)
    header_row = 7
    for col, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = ws.cell(header_row, col, title)
        cell.font, cell.border = bold, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[header_row].height = 45
    r = header_row
    for i, row in enumerate(data.rows, 1):
        r += 1
        for col, value in enumerate([i, row.unit_name, *_figures(row)], 1):
            cell = ws.cell(r, col, value)
            cell.font, cell.border = plain, BOX
    r += 1
    for col, value in enumerate(["", "Tổng cộng", *_figures(data.total)], 1):
        cell = ws.cell(r, col, value)
        cell.font, cell.border = bold, BOX
    ws.cell(r + 2, 2, "NGƯỜI LẬP BIỂU").font = bold
    ws.cell(r + 3, 2, author).font = plain
    ws.cell(r + 2, 9, "THỦ TRƯỞNG ĐƠN VỊ").font = bold
    ws.cell(r + 3, 9, "(Ký, ghi rõ họ tên, đóng dấu)").font = Font(
        name="Times New Roman", italic=True, size=12
    )
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
