"""Words an agency header is made of, to settle unclear OCR readings of its diacritics.

OCR often swaps marks on capitals (TỈNH → TÍNH, NGUYỄN → NGUYÊN). In a header the word is
one of a small, known set; a low-confidence reading that folds to a known word takes its
spelling. A high-confidence reading is never changed (the paper itself may be wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import TypeVar

from hoso.catalog import CCCD_PROVINCES
from ocr.extract.anchors import fold
from ocr.model import Word

T = TypeVar("T", bound=Hashable)
K = TypeVar("K", bound=Hashable)

_ADMIN = (
    "ỦY BAN NHÂN DÂN UBND TỈNH HUYỆN QUẬN THỊ XÃ THÀNH PHỐ PHƯỜNG TRẤN SỞ NỘI VỤ TÀI CHÍNH "
    "XÂY DỰNG Y TẾ GIÁO DỤC VÀ ĐÀO TẠO BỆNH VIỆN TRƯỜNG TRUNG TÂM HỌC PHỔ THÔNG CƠ SỞ BAN "
    "PHÒNG CỤC BỘ CHI KẾ HOẠCH ĐẦU TƯ NÔNG NGHIỆP PHÁT TRIỂN THÔN TƯ PHÁP CÔNG THƯƠNG "
    "KHOA CÔNG NGHỆ VĂN HÓA THỂ THAO DU LỊCH LAO ĐỘNG THƯƠNG BINH XÃ HỘI GIAO THÔNG VẬN TẢI "
    "TÀI NGUYÊN MÔI TRƯỜNG THANH TRA VĂN PHÒNG ĐẢNG TỔ CHỨC CÁN BỘ CHÍNH TRỊ HỘI ĐỒNG"
)


def unambiguous(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """Each key → its item, where exactly one distinct item has that key (a shared fold settles nothing)."""
    seen: dict[K, set[T]] = {}
    for item in items:
        seen.setdefault(key(item), set()).add(item)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@cache
def _words() -> dict[str, str]:
    """Folded → canonical upper-case word; administrative words win over place names."""
    places = unambiguous(" ".join(CCCD_PROVINCES.values()).upper().replace("-", " ").split(), fold)
    return places | unambiguous(_ADMIN.replace("-", " ").split(), fold)


def settle_header_word(word: Word, sure: float = 0.95) -> str:
    """The lexicon spelling of an unsure upper-case header word, else the word as read."""
    text = word.text
    if word.conf >= sure or not text.isupper():
        return text
    return _words().get(fold(text), text)


_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh "
    "Đoàn Lâm Lương Tạ Hà Vương Cao Quách Tô Triệu Thái Châu Chu Lưu Tăng Kiều Từ Khổng Lục Mạc "
    "Nghiêm Ninh Phùng Tống La Lã Giang Diệp Hứa Thân Trương Nông Âu Doãn Khúc Kim Lò Quan Tôn "
    "Đàm Ưng Vi Viên Cù Cấn Bạch Bế Lại Hầu Đồng Đống Phí Phó Sầm Trình Tiêu Thạch Hàn Lữ Mã "
    "Mông Nhan Thiều Uông Ông Âu Giáp Hoa Khương Lạc Luân Nhâm Quản Tiết Văn Vòng Xa Yên"
)


@cache
def _surnames() -> tuple[frozenset[str], dict[str, str]]:
    """Known surnames, and folded → surname where the fold is unambiguous."""
    names = _SURNAMES.split()
    return frozenset(names), unambiguous(names, fold)


def settle_surname(name: str, conf: float, sure: float = 0.95) -> str:
    """An unsure first syllable that is no surname but folds to exactly one takes its spelling.

    "Hưỳnh" (not even a Vietnamese syllable) → "Huỳnh"; "Trân" read at 0.6 → "Trần". A surname
    read with high confidence, or already a known one, is left alone.
    """
    parts = name.split(" ", 1)
    known, by_fold = _surnames()
    if conf >= sure or not parts[0] or parts[0] in known:
        return name
    fixed = by_fold.get(fold(parts[0]))
    return name if fixed is None else " ".join([fixed, *parts[1:]])
