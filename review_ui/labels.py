"""Vietnamese labels for states, roles, resolutions and fields, in one place for templates and exports."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from hoso.domain.deadlines import VN_TZ
from hoso.fields import field_specs

STATES = {
    "received": "Đã tiếp nhận",
    "processing": "Đang xử lý",
    "extracted": "Đã trích xuất",
    "flagged": "Có cảnh báo",
    "verified": "Đã đối chiếu",
    "approved": "Đã phê duyệt",
    "transferred": "Đã chuyển",
    "archived": "Lưu trữ",
}
ROLES = {
    "admin": "Quản trị (Sở Nội vụ)",
    "supervisor": "Lãnh đạo / giám sát",
    "reviewer": "Chuyên viên đối chiếu",
    "clerk": "Văn thư / nghiệp vụ",
    "officer": "Cán bộ, công chức",
}
KINDS = {
    "paper_is_right": "Bản giấy đúng",
    "electronic_is_right": "Hồ sơ điện tử đúng",
    "ocr_misread": "Đọc máy sai (OCR)",
}
UPLOAD_STATES = {
    "queued": "Đang chờ",
    "processing": "Đang xử lý",
    "done": "Hoàn tất",
    "error": "Lỗi",
    "duplicate": "Trùng lặp",
}
DOC_TYPES = {"so_yeu_ly_lich": "Sơ yếu lý lịch", "quyet_dinh": "Quyết định", "khac": "Tài liệu khác"}
EXTRA_FIELDS = {"officer": "Cán bộ (nhận dạng)", "file": "Tệp (không đọc được)"}


@cache
def _field_labels() -> dict[str, str]:
    out: dict[str, str] = {}
    for (_doc, key), spec in field_specs().items():
        out.setdefault(key, spec.label_vi)
    return {**out, **EXTRA_FIELDS}


def field_label(key: str) -> str:
    """The form's own label for a canonical key ("he_so_luong" → "Hệ số lương"), else the key."""
    return _field_labels().get(key, key)


def field_keys() -> list[tuple[str, str]]:
    """(key, label) of every known field, by label, for filters."""
    return sorted(_field_labels().items(), key=lambda kv: kv[1])


def vn_datetime(value: datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnamese time."""
    return "" if value is None else value.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(VN_TZ).date()
    return value.strftime("%d/%m/%Y")
