"""Enum kinds: gioi_tinh variants → "Nam"/"Nữ"; dân tộc, tôn giáo, nhóm máu as written."""

from __future__ import annotations

import re

from hoso.normalize.text import clean, fold_ascii

LOAI_QUYET_DINH = frozenset(
    {
        "tuyen_dung",
        "bo_nhiem_ngach",
        "bo_nhiem",
        "bo_nhiem_lai",
        "dieu_dong",
        "luan_chuyen",
        "biet_phai",
        "nang_luong",
        "nang_luong_truoc_han",
        "phu_cap_vuot_khung",
        "chuyen_ngach",
        "nang_ngach",
        "thang_hang",
        "khen_thuong",
        "ky_luat",
        "danh_gia_xep_loai",
        "cu_di_hoc",
        "nghi_huu",
        "thoi_viec",
        "khac",
    }
)
# Folded spellings, including OCR damage ("rn" read for "m", "ii"/"u" for "ư").
_MALE = frozenset({"nam", "narn", "nain"})
_FEMALE = frozenset({"nu", "nuu", "nii"})
_WORD = re.compile(r"[a-z]+")


def normalize_enum(raw: str, key: str = "") -> str | None:
    """The enum value for key; other keys keep the text as written with a capital first letter."""
    text = clean(raw)
    if not text:
        return None
    if key == "gioi_tinh":
        return _gender(text)
    if key == "loai_quyet_dinh":
        return text.lower() if text.lower() in LOAI_QUYET_DINH else text
    return text[0].upper() + text[1:]


def _gender(text: str) -> str | None:
    words = set(_WORD.findall(fold_ascii(text)))
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    if male == female:  # neither, or the unfilled hint "(nam, nữ)"
        return None
    return "Nam" if male else "Nữ"
