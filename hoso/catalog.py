"""Domain tables: mã ngạch / chức danh nghề nghiệp, salary hệ số, dân tộc, tôn giáo, CCCD codes."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

# Salary groups: (hệ số of bậc 1, step per bậc, number of bậc).
# NĐ 204/2004 Bảng 2 (A, B, C groups; C1–C3 from memory) and Bảng 4 (staff positions:
# lái xe, bảo vệ, phục vụ — grouping from memory, see DOMAIN.md §3).
SALARY_GROUPS: Final[dict[str, tuple[str, str, int]]] = {
    "A3.1": ("6.20", "0.36", 6),
    "A3.2": ("5.75", "0.36", 6),
    "A2.1": ("4.40", "0.34", 8),
    "A2.2": ("4.00", "0.34", 8),
    "A1": ("2.34", "0.33", 9),
    "A0": ("2.10", "0.31", 10),
    "B": ("1.86", "0.20", 12),
    "C1": ("1.65", "0.18", 12),
    "C2": ("1.50", "0.18", 12),
    "C3": ("1.35", "0.18", 12),
    "NV.LX": ("2.05", "0.18", 12),
    "NV.BV": ("1.50", "0.18", 12),
    "NV.PV": ("1.00", "0.18", 12),
}

# Công chức ngạch (TT 02/2021/TT-BNV and the sector circulars): code → (name, salary group).
# 06.032 Kế toán viên trung cấp as A0 and the 01.009–01.011 staff codes are [M].
NGACH_CONG_CHUC: Final[dict[str, tuple[str, str]]] = {
    "01.001": ("Chuyên viên cao cấp", "A3.1"),
    "01.002": ("Chuyên viên chính", "A2.1"),
    "01.003": ("Chuyên viên", "A1"),
    "01.004": ("Cán sự", "A0"),
    "01.005": ("Nhân viên", "B"),
    "01.009": ("Nhân viên phục vụ", "NV.PV"),
    "01.010": ("Lái xe cơ quan", "NV.LX"),
    "01.011": ("Nhân viên bảo vệ", "NV.BV"),
    "02.006": ("Văn thư viên chính", "A2.1"),
    "02.007": ("Văn thư viên", "A1"),
    "02.008": ("Văn thư viên trung cấp", "B"),
    "04.023": ("Thanh tra viên cao cấp", "A3.1"),
    "04.024": ("Thanh tra viên chính", "A2.1"),
    "04.025": ("Thanh tra viên", "A1"),
    "06.029": ("Kế toán viên cao cấp", "A3.1"),
    "06.030": ("Kế toán viên chính", "A2.1"),
    "06.031": ("Kế toán viên", "A1"),
    "06.032": ("Kế toán viên trung cấp", "A0"),
}

# Viên chức chức danh nghề nghiệp. Simplified rule by hạng: I → A3.1, II → A2.1, III → A1,
# IV → B; teachers (V.07.03/04/05) use their own rule I → A2.1, II → A2.2, III → A1 [M].
CDNN_VIEN_CHUC: Final[dict[str, tuple[str, str]]] = {
    "V.07.01.01": ("Giảng viên cao cấp (hạng I)", "A3.1"),
    "V.07.01.02": ("Giảng viên chính (hạng II)", "A2.1"),
    "V.07.01.03": ("Giảng viên (hạng III)", "A1"),
    "V.07.03.27": ("Giáo viên tiểu học hạng I", "A2.1"),
    "V.07.03.28": ("Giáo viên tiểu học hạng II", "A2.2"),
    "V.07.03.29": ("Giáo viên tiểu học hạng III", "A1"),
    "V.07.04.30": ("Giáo viên trung học cơ sở hạng I", "A2.1"),
    "V.07.04.31": ("Giáo viên trung học cơ sở hạng II", "A2.2"),
    "V.07.04.32": ("Giáo viên trung học cơ sở hạng III", "A1"),
    "V.07.05.13": ("Giáo viên trung học phổ thông hạng I", "A2.1"),
    "V.07.05.14": ("Giáo viên trung học phổ thông hạng II", "A2.2"),
    "V.07.05.15": ("Giáo viên trung học phổ thông hạng III", "A1"),
    "V.08.01.01": ("Bác sĩ cao cấp (hạng I)", "A3.1"),
    "V.08.01.02": ("Bác sĩ chính (hạng II)", "A2.1"),
    "V.08.01.03": ("Bác sĩ (hạng III)", "A1"),
    "V.08.05.11": ("Điều dưỡng hạng II", "A2.1"),
    "V.08.05.12": ("Điều dưỡng hạng III", "A1"),
    "V.08.05.13": ("Điều dưỡng hạng IV", "B"),
    "V11.06.12": ("Quản trị viên hệ thống hạng I", "A3.1"),
    "V11.06.13": ("Quản trị viên hệ thống hạng II", "A2.1"),
    "V11.06.14": ("Quản trị viên hệ thống hạng III", "A1"),
    "V11.06.15": ("Quản trị viên hệ thống hạng IV", "B"),
}

MA_NGACH: Final[dict[str, tuple[str, str]]] = {**NGACH_CONG_CHUC, **CDNN_VIEN_CHUC}

# GSO list of the 54 ethnic groups (QĐ 121-TCTK/PPCĐ), in code order 01–54.
DAN_TOC: Final[tuple[str, ...]] = (
    "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "Mông", "Dao", "Gia-rai",
    "Ngái", "Ê-đê", "Ba Na", "Xơ-đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê",
    "Mnông", "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ", "Giáy", "Cơ-tu", "Giẻ-Triêng",
    "Mạ", "Khơ-mú", "Co", "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu-ru", "Lào",
    "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn",
    "Cờ Lao", "Cống", "Bố Y", "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
)  # fmt: skip

DAN_TOC_ALIASES: Final[dict[str, str]] = {
    "Khmer": "Khơ-me", "HMông": "Mông", "H'Mông": "Mông", "Jrai": "Gia-rai",
    "K'Ho": "Cơ-ho", "M'Nông": "Mnông", "S'tiêng": "Xtiêng", "Co Lao": "Cờ Lao",
    "Ê đê": "Ê-đê", "Êđê": "Ê-đê",
}  # fmt: skip

# "Không" (none) as forms write it, then the 16 legally recognised religions.
TON_GIAO: Final[tuple[str, ...]] = (
    "Không", "Phật giáo", "Công giáo", "Tin lành", "Cao Đài", "Phật giáo Hòa Hảo",
    "Hồi giáo", "Tôn giáo Baha'i", "Tịnh độ Cư sĩ Phật hội Việt Nam", "Cơ đốc Phục lâm",
    "Phật giáo Tứ Ân Hiếu Nghĩa", "Bửu Sơn Kỳ Hương", "Minh Sư đạo",
    "Minh Lý đạo - Tam Tông Miếu", "Bà-la-môn giáo", "Mặc môn", "Phật giáo Hiếu Nghĩa Tà Lơn",
)  # fmt: skip

TON_GIAO_ALIASES: Final[dict[str, str]] = {
    "Thiên Chúa giáo": "Công giáo", "Đạo Phật": "Phật giáo", "Đạo Thiên Chúa": "Công giáo",
}  # fmt: skip

# The levels of lý luận chính trị the forms ask for (item 15.3: "Cao cấp, trung cấp, sơ cấp và
# tương đương"); "tương đương" values ("Cử nhân chính trị") are kept as written.
LY_LUAN_CHINH_TRI: Final[tuple[str, ...]] = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")

# Legacy 63-unit province codes used in the first three CCCD digits (unchanged by the 2025 merger).
CCCD_PROVINCES: Final[dict[str, str]] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

_CENT = Decimal("0.01")


def _table(group: str) -> tuple[Decimal, ...]:
    start, step, count = SALARY_GROUPS[group]
    return tuple((Decimal(start) + Decimal(step) * k).quantize(_CENT) for k in range(count))


HE_SO: Final[dict[str, tuple[Decimal, ...]]] = {g: _table(g) for g in SALARY_GROUPS}
_ALL_HE_SO: Final[frozenset[Decimal]] = frozenset(v for t in HE_SO.values() for v in t)


def code_key(ma_ngach: str) -> str:
    """A code compared spacing-, case- and Đ/D-insensitively."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", ma_ngach)).upper().replace("Đ", "D")


_BY_KEY: Final[dict[str, str]] = {code_key(code): code for code in MA_NGACH}


def canonical_code(ma_ngach: str) -> str | None:
    """The catalog spelling of a code (spacing/case-insensitive), or None if unknown."""
    return _BY_KEY.get(code_key(ma_ngach))


def ngach_name(ma_ngach: str) -> str | None:
    """Name of the ngạch or chức danh nghề nghiệp for a code."""
    code = canonical_code(ma_ngach)
    return MA_NGACH[code][0] if code else None


def salary_group(ma_ngach: str) -> str | None:
    """Salary group (A1, A2.1, B …) of a code."""
    code = canonical_code(ma_ngach)
    return MA_NGACH[code][1] if code else None


def max_bac(ma_ngach: str) -> int | None:
    """Number of bậc in the code's salary table."""
    group = salary_group(ma_ngach)
    return len(HE_SO[group]) if group else None


def he_so_for(ma_ngach: str, bac: int) -> Decimal | None:
    """Hệ số lương of a bậc in the code's table; None for an unknown code or bậc."""
    group = salary_group(ma_ngach)
    if group is None or not 1 <= bac <= len(HE_SO[group]):
        return None
    return HE_SO[group][bac - 1]


def is_known_he_so(value: Decimal | str | float) -> bool:
    """True when the value (decimal comma allowed) appears in some salary table."""
    try:
        number = Decimal(str(value).strip().replace(",", ".")).quantize(_CENT)
    except InvalidOperation:
        return False
    return number in _ALL_HE_SO


def cccd_consistent(cccd: str, birth_year: int, gioi_tinh: str) -> bool:
    """True when a 12-digit CCCD encodes a legacy province, this birth year and this sex."""
    if not re.fullmatch(r"\d{12}", cccd) or cccd[:3] not in CCCD_PROVINCES:
        return False
    d3 = int(cccd[3])
    year = 1900 + 100 * (d3 // 2) + int(cccd[4:6])
    sex = "Nam" if d3 % 2 == 0 else "Nữ"
    return year == birth_year and sex == unicodedata.normalize("NFC", gioi_tinh.strip())


def cccd_sex_century_digit(birth_year: int, gioi_tinh: str) -> int:
    """The fourth CCCD digit for a birth year and sex."""
    return 2 * ((birth_year - 1900) // 100) + (0 if gioi_tinh == "Nam" else 1)
