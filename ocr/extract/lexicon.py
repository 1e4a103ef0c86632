"""Words an agency header is made of, to settle unclear OCR readings of its diacritics.

OCR often swaps marks on capitals (TỈNH → TÍNH, NGUYỄN → NGUYÊN). In a header the word is
one of a small, known set; a low-confidence reading that folds to a known word takes its
spelling. A high-confidence reading is never changed (the paper itself may be wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from rapidfuzz.distance import Hamming

from hoso.catalog import CCCD_PROVINCES
from hoso.normalize.text import same_but_tone_placement
from ocr.extract.anchors import fold
from ocr.model import Word

T = TypeVar("T", bound=Hashable)
K = TypeVar("K", bound=Hashable)

_ADMIN = (
    "ỦY BAN NHÂN DÂN UBND TỈNH HUYỆN QUẬN THỊ XÃ THÀNH PHỐ PHƯỜNG TRẤN SỞ NỘI VỤ TÀI CHÍNH "
    "XÂY DỰNG Y TẾ GIÁO DỤC VÀ ĐÀO TẠO BỆNH VIỆN TRƯỜNG TRUNG TÂM HỌC PHỔ THÔNG CƠ SỞ BAN "
    "PHÒNG CỤC BỘ CHI KẾ HOẠCH ĐẦU TƯ NÔNG NGHIỆP PHÁT TRIỂN THÔN TƯ PHÁP CÔNG THƯƠNG "
    "KHOA CÔNG NGHỆ VĂN HÓA THỂ THAO DU LỊCH LAO ĐỘNG THƯƠNG BINH XÃ HỘI GIAO THÔNG VẬN TẢI "
    "TÀI NGUYÊN MÔI TRƯỜNG THANH TRA VĂN PHÒNG ĐẢNG TỔ CHỨC CÁN BỘ CHÍNH TRỊ HỘI ĐỒNG CHỈ ĐẠO "
    "QUỐC PHÒNG CÔNG AN NGOẠI GIAO TIN TRUYỀN"
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
    known = _words().get(fold(text), text)
    return text if same_but_tone_placement(text, known) else known


_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh "
    "Đoàn Lâm Lương Tạ Hà Vương Cao Quách Tô Triệu Thái Châu Chu Lưu Tăng Kiều Từ Khổng Lục Mạc "
    "Nghiêm Ninh Phùng Tống La Lã Giang Diệp Hứa Thân Trương Nông Âu Doãn Khúc Kim Lò Quan Tôn "
    "Đàm Ưng Vi Viên Cù Cấn Bạch Bế Lại Hầu Đồng Đống Phí Phó Sầm Trình Tiêu Thạch Hàn Lữ Mã "
    "Mông Nhan Thiều Uông Ông Âu Giáp Hoa Khương Lạc Luân Nhâm Quản Tiết Văn Vòng Xa Yên Đậu Lỗ Cung "
    "Khâu Ung Mẫn Nhữ Phương"
)


@dataclass(frozen=True, slots=True)
class _Names:
    """One list of name syllables: the spellings, and folded → spelling where only one folds so."""

    known: frozenset[str]
    by_fold: dict[str, str]
    folds: frozenset[str]  # every fold, unique or shared (Văn/Vân)


@cache
def _names(block: str) -> _Names:
    names = block.split()
    return _Names(frozenset(names), unambiguous(names, fold), frozenset(map(fold, names)))


def _surnames() -> _Names:
    return _names(_SURNAMES)


# Middle and given-name syllables in everyday use (both of a pair that differ only in marks, such as
# Thủy/Thùy, Văn/Vân, Cẩm/Cầm, are listed, so that neither is ever "corrected" into the other).
_GIVEN = (
    "An Ân Anh Ánh Ảnh Bá Bách Bạch Bản Bằng Bảo Bắc Bế Bích Biên Biển Bình Bính Bội Bửu Ca Cả Cầm "
    "Cẩm Cần Cẩn Cao Cát Cầu Chánh Châm Chân Chấn Chi Chí Chiến Chinh Chính Chỉnh Châu Chu Chúc "
    "Chung Chương Chưởng Công Cúc Cung Cương Cường Danh Dân Dần Diễm Diệp Diệu Dinh Du Duẫn Dũng "
    "Dung Dụng Duy Duyên Dư Dương Đại Đan Đán Đào Đạo Đạt Đắc Đăng Đẳng Điềm Điền Điệp Đình Định "
    "Đoan Đô Đông Đồng Đức Được Gấm Gia Giang Giao Giáp Hà Hạ Hải Hàm Hân Hằng Hạnh Hào Hảo Hạo "
    "Hậu Hiền Hiển Hiến Hiệp Hiếu Hiểu Hinh Hòa Hoa Hóa Hoài Hoan Hoàn Hoán Hoàng Hoạt Học Hồi "
    "Hội Hồng Hợp Huân Huấn Huế Huệ Hùng Hưng Hưởng Hương Hường Hữu Huy Huyên Huyền Huỳnh Hy Kha "
    "Khả Khải Khang Khanh Khánh Khiêm Khoa Khôi Khuê Khương Khuyên Kiên Kiến Kiệt Kiều Kim Kính "
    "Kỳ Kỷ Lai Lam Lâm Lan Lành Lãm Lạc Lăng Lâu Lê Lễ Liên Liễu Linh Lĩnh Loan Lộc Lợi Long Lực "
    "Luân Luận Lương Lượng Lưu Ly Lý Mai Mạnh Mẫn Minh Mơ Mười My Mỹ Na Nam Năng Nga Ngà Ngân "
    "Nghi Nghị Nghĩa Ngọc Nguyên Nguyệt Nhã Nhàn Nhân Nhất Nhật Nhi Như Nhung Ninh Nông Nữ Nương "
    "Oanh Phát Phấn Phi Phong Phú Phúc Phụng Phùng Phước Phương Phượng Quân Quang Quảng Quế Quốc "
    "Quý Quyên Quyết Quyền Quỳnh Sa Sang Sáng Sâm Sơn Sương Tài Tâm Tân Tấn Tánh Tạo Thạch Thái "
    "Thanh Thành Thạnh Thảo Thao Thắm Thắng Thăng Thân Thẩm Thế Thi Thị Thìn Thiện Thịnh Thoa "
    "Thoại Thông Thu Thư Thuận Thục Thùy Thủy Thúy Thụy Thương Thường Thy Tiên Tiến Tiệp Tín Tình "
    "Tịnh Toàn Toản Toại Trà Trâm Trang Tráng Trí Triết Triều Trinh Trình Trọng Trúc Trung Trường "
    "Tú Tuấn Tùng Tường Tuyên Tuyền Tuyết Tư Từ Tửu Uyên Vân Văn Vi Việt Vinh Vĩnh Võ Vũ Vui Vy "
    "Xuân Yên Yến"
)


def _given() -> _Names:
    return _names(_GIVEN)


def surnames() -> frozenset[str]:
    """Every known surname."""
    return _surnames().known


def given_names() -> frozenset[str]:
    """Every known middle or given-name syllable."""
    return _given().known


def is_surname(word: str) -> bool:
    """A known Vietnamese surname, spelled exactly."""
    return word in _surnames().known


def is_name_syllable(word: str) -> bool:
    """A known middle or given-name syllable, spelled exactly."""
    return word in _given().known


def _one_letter_off(word: str, names: frozenset[str]) -> str | None:
    """The one known syllable with one letter read as another (folded: Ngục → Ngọc), if only one is.

    Only a letter swapped, never one dropped or added: "Ngọc" is not a damaged "Ngô".
    """
    key = fold(word)
    near = {n for n in names if len(fold(n)) == len(key) and Hamming.distance(fold(n), key) == 1}
    # names that fold alike (Thi, Thị), or a letter from it two ways (Thị, Chí): the one whose marks
    # are the ones read ("Lhị" → Thị); when several folds are near, only one with every mark as read
    ranked = sorted((Hamming.distance(n, word, pad=True), n) for n in near)
    if not ranked or len({fold(n) for n in near}) > 1 and ranked[0][0] != 1:
        return None
    return ranked[0][1] if len(ranked) == 1 or ranked[0][0] < ranked[1][0] else None


def _settle_syllable(word: str, names: _Names) -> str | None:
    """The one name syllable an unknown `word` is a misreading of, or None.

    It folds to exactly one (Xuần → Xuân), or — folding to none — has one letter swapped from
    exactly one (Ngục → Ngọc) or one letter read twice (Nguyêễn → Nguyễn). A fold two names share
    (Văn/Vân) settles nothing.
    """
    if word in names.known:
        return None
    key = fold(word)
    if key in names.folds:
        return names.by_fold.get(key)
    return _one_letter_off(word, names.known) or _undoubled(word, names.known)


def _undoubled(word: str, names: frozenset[str]) -> str | None:
    """The one name a letter read twice hides ("Nguyêễn" → Nguyễn, "Qưuỳnh" → Quỳnh)."""
    pairs = [i for i in range(1, len(word)) if fold(word[i]) == fold(word[i - 1])]
    found = {word[:j] + word[j + 1 :] for i in pairs for j in (i - 1, i)} & names
    return found.pop() if len(found) == 1 else None


def settle_name(name: str, conf: float, sure: float = 0.95) -> str:
    """An unsure name whose syllables are no name syllables takes the one known spelling of each.

    The surname as in settle_surname; a middle or given syllable that is no name ("Xuần", "Tháo",
    "Quynh") takes the one name syllable it folds to (Xuân, Thảo, Quỳnh), or the one a letter away
    ("Ngục" → Ngọc). A real name syllable is never changed into another (Thủy stays Thủy).
    """
    name = settle_surname(name, conf, sure)
    if conf >= sure:
        return name
    parts = name.split(" ")
    for i, part in enumerate(parts[1:], start=1):
        if part.isalpha() and (fixed := _settle_syllable(part, _given())) is not None:
            parts[i] = fixed
    return " ".join(parts)


def settle_surname(name: str, conf: float, sure: float = 0.95) -> str:
    """An unsure first syllable that is no surname takes the one it folds to, or is a letter from.

    "Hưỳnh" (not even a Vietnamese syllable) → "Huỳnh"; "Trân" read at 0.6 → "Trần". A surname
    read with high confidence, or already a known one, is left alone.
    """
    parts = name.split(" ", 1)
    if conf >= sure or not parts[0]:
        return name
    fixed = _settle_syllable(parts[0], _surnames())
    return name if fixed is None else " ".join([fixed, *parts[1:]])
