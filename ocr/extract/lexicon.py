"""Words an agency header is made of, to settle unclear OCR readings of its diacritics.

OCR often swaps marks on capitals (TỈNH → TÍNH, NGUYỄN → NGUYÊN). In a header the word is
one of a small, known set; a low-confidence reading that folds to a known word takes its
spelling. A high-confidence reading is never changed (the paper itself may be wrong).
"""

from __future__ import annotations

from functools import cache

from hoso.catalog import CCCD_PROVINCES
from ocr.extract.anchors import fold
from ocr.model import Word

_ADMIN = (
    "ỦY BAN NHÂN DÂN UBND TỈNH HUYỆN QUẬN THỊ XÃ THÀNH PHỐ PHƯỜNG TRẤN SỞ NỘI VỤ TÀI CHÍNH "
    "XÂY DỰNG Y TẾ GIÁO DỤC VÀ ĐÀO TẠO BỆNH VIỆN TRƯỜNG TRUNG TÂM HỌC PHỔ THÔNG CƠ SỞ BAN "
    "PHÒNG CỤC BỘ CHI KẾ HOẠCH ĐẦU TƯ NÔNG NGHIỆP PHÁT TRIỂN THÔN TƯ PHÁP CÔNG THƯƠNG "
    "KHOA CÔNG NGHỆ VĂN HÓA THỂ THAO DU LỊCH LAO ĐỘNG THƯƠNG BINH XÃ HỘI GIAO THÔNG VẬN TẢI "
    "TÀI NGUYÊN MÔI TRƯỜNG THANH TRA VĂN PHÒNG ĐẢNG TỔ CHỨC CÁN BỘ CHÍNH TRỊ HỘI ĐỒNG"
)


@cache
def _words() -> dict[str, str]:
    """Folded → canonical upper-case word; administrative words win over place names."""
    out: dict[str, str] = {}
    for source in (_ADMIN, " ".join(CCCD_PROVINCES.values()).upper()):
        seen: dict[str, set[str]] = {}
        for word in source.replace("-", " ").split():
            seen.setdefault(fold(word), set()).add(word)
        for k, v in seen.items():
            if len(v) == 1 and k not in out:
                out[k] = next(iter(v))
    return out


def settle_header_word(word: Word, sure: float = 0.95) -> str:
    """The lexicon spelling of an unsure upper-case header word, else the word as read."""
    text = word.text
    if word.conf >= sure or not text.isupper():
        return text
    return _words().get(fold(text), text)
