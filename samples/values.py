"""Seeded random officer generator: one consistent set of values per synthetic CBCCVC."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hoso import catalog
from samples import pools

TODAY = date(2026, 6, 30)


@dataclass
class Officer:
    """Everything a dossier of one officer prints (typed values, not paper strings)."""

    ho_ten: str
    gioi_tinh: str
    ngay_sinh: date
    so_cccd: str
    so_cmnd: str
    ngay_cap_cccd: date
    so_bhxh: str
    so_the_bhyt: str
    so_dien_thoai: str
    dan_toc: str
    ton_giao: str
    noi_sinh: tuple[str, str, str]
    que_quan: tuple[str, str, str]
    noi_o: str
    thanh_phan: str
    nghe_nghiep_truoc: str
    province: pools.Province
    sector: pools.Sector
    unit: str
    co_quan_su_dung: str
    co_quan_quan_ly: str
    so_hieu: str
    ngay_tuyen_dung: date
    co_quan_tuyen_dung: str
    ngay_vao_co_quan: date
    chuc_vu: str
    has_post: bool
    ngay_bo_nhiem: date | None
    cong_viec_chinh: str
    ma_ngach: str
    ngach: str
    ngay_bo_nhiem_ngach: date
    bac: int
    he_so: Decimal
    ngay_huong: date
    phu_cap_chuc_vu: Decimal | None
    trinh_do_pho_thong: str
    trinh_do_chuyen_mon: str
    ly_luan: str
    qlnn: str
    ngoai_ngu: str
    tin_hoc: str
    ngay_vao_dang: date | None
    ngay_chinh_thuc: date | None
    suc_khoe: str
    chieu_cao: str
    can_nang: str
    nhom_mau: str
    khen_thuong: str
    so_truong: str
    school: str
    work: list[tuple[str, str, str, str]] = field(default_factory=list)
    family: list[tuple[str, str, str, str]] = field(default_factory=list)


def rand_date(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random date in [start, end]."""
    span = max((end - start).days, 0)
    return date.fromordinal(start.toordinal() + rng.randint(0, span))


def add_years(d: date, years: int, months: int = 0) -> date:
    """D moved by whole years/months, clamped to day 28 for safety."""
    m = d.month - 1 + months
    return date(d.year + years + m // 12, m % 12 + 1, min(d.day, 28))


def degree_of(study: str) -> str:
    """The diploma word of a qualification: "Cử nhân Luật" → "Cử nhân"."""
    for prefix in ("Cử nhân", "Thạc sĩ", "Tiến sĩ", "Kỹ sư", "Kiến trúc sư", "Bác sĩ"):
        if study.startswith(prefix):
            return prefix
    return study.split(" ")[0]


def first_of_month(d: date) -> date:
    """The first day of d's month."""
    return d.replace(day=1)


def make_name(rng: random.Random, sex: str) -> str:
    """A Vietnamese full name in title case."""
    ho = rng.choice(pools.HO)
    dem = rng.choice(pools.DEM_NAM if sex == "Nam" else pools.DEM_NU)
    ten = rng.choice(pools.TEN_NAM if sex == "Nam" else pools.TEN_NU)
    if rng.random() < 0.15:
        dem = f"{dem} {rng.choice(pools.DEM_NAM if sex == 'Nam' else pools.DEM_NU)}"
    return " ".join(dict.fromkeys(f"{ho} {dem} {ten}".split()))


def make_cccd(rng: random.Random, province_code: str, birth: date, sex: str) -> str:
    """A 12-digit CCCD consistent with province, birth year and sex (DOMAIN.md §3)."""
    digit = catalog.cccd_sex_century_digit(birth.year, sex)
    return f"{province_code}{digit}{birth.year % 100:02d}{rng.randint(0, 999999):06d}"


def digits(rng: random.Random, n: int, first: str = "") -> str:
    """A random digit string of length n, optionally with a fixed prefix."""
    return first + "".join(str(rng.randint(0, 9)) for _ in range(n - len(first)))


def _salary(rng: random.Random, code: str, hired: date) -> tuple[int, Decimal, date]:
    """Bậc, hệ số and ngày hưởng after regular 3-year raises since recruitment."""
    top = catalog.max_bac(code) or 1
    steps = max((TODAY - hired).days // 1095, 0)
    bac = min(1 + steps - rng.randint(0, 1), top) if steps else 1
    bac = max(bac, 1)
    he_so = catalog.he_so_for(code, bac) or Decimal("2.34")
    start = add_years(hired, 3 * (bac - 1), rng.randint(0, 6))
    huong = first_of_month(min(start, TODAY))
    return bac, he_so, huong


def _study(rng: random.Random, sector: pools.Sector, code: str) -> str:
    """A qualification that fits the code (nurses studied nursing, doctors medicine)."""
    if code.startswith("V.08.05"):
        return "Cử nhân Điều dưỡng"
    if code.startswith("V.08.01"):
        return rng.choice([s for s in sector.studies if s.startswith("Bác sĩ")])
    return rng.choice(sector.studies)


def make_officer(rng: random.Random) -> Officer:
    """One random, internally consistent officer."""
    sex = rng.choice(("Nam", "Nữ"))
    birth = rand_date(rng, date(1965, 1, 1), date(2000, 12, 31))
    noi_sinh = rng.choice(pools.PLACES)
    que_quan = noi_sinh if rng.random() < 0.6 else rng.choice(pools.PLACES)
    province = rng.choice(pools.PROVINCES)
    sector = rng.choice(pools.SECTORS)
    unit = rng.choice(sector.units)
    agency = sector.name
    hired = rand_date(rng, add_years(birth, 22, 3), min(add_years(birth, 31), date(2024, 1, 1)))
    code = rng.choice(sector.codes)
    bac, he_so, huong = _salary(rng, code, hired)
    has_post = rng.random() < 0.35
    plain = (catalog.ngach_name(code) or "").split(" (")[0].split(" hạng")[0]
    chuc_vu = post_for(rng, sector, unit) if has_post else plain
    vao_dang = rand_date(rng, add_years(birth, 23), TODAY) if rng.random() < 0.65 else None
    cap = rand_date(rng, max(add_years(birth, 18), date(2016, 1, 1)), date(2025, 6, 30))
    dan_toc = "Kinh" if rng.random() < 0.85 else rng.choice(pools.MINORITIES)
    moved = rand_date(rng, hired, TODAY) if rng.random() < 0.4 else hired
    o = Officer(
        ho_ten=make_name(rng, sex), gioi_tinh=sex, ngay_sinh=birth,
        so_cccd=make_cccd(rng, pools.PROVINCE_CODE[noi_sinh[2]], birth, sex),
        so_cmnd=digits(rng, 9, rng.choice(("0", "1", "2", "3"))), ngay_cap_cccd=cap,
        so_bhxh=digits(rng, 10, pools.PROVINCE_CODE[noi_sinh[2]][1:]),
        so_the_bhyt="".join(rng.choice(("GD4", "HC4", "DN4"))) + digits(rng, 12),
        so_dien_thoai=digits(rng, 10, rng.choice(("09", "08", "03", "07"))),
        dan_toc=dan_toc,
        ton_giao="Không" if rng.random() < 0.8 else rng.choice(pools.RELIGIONS),
        noi_sinh=noi_sinh, que_quan=que_quan,
        noi_o=f"Số {rng.randint(1, 250)}, đường {rng.choice(('Nguyễn Huệ', 'Hùng Vương', 'Lê Lợi', 'Trần Phú', '30/4'))}, "  # noqa: E501
        f"Phường {rng.randint(1, 9)}, {province.name}",
        thanh_phan=rng.choice(pools.THANH_PHAN), nghe_nghiep_truoc=rng.choice(pools.NGHE_TRUOC),
        province=province, sector=sector, unit=unit,
        co_quan_su_dung=f"{unit}, {agency} tỉnh {province.name}",
        co_quan_quan_ly=f"{agency} tỉnh {province.name}",
        so_hieu=f"{rng.randint(10, 99)}.{rng.randint(1000, 9999)}",
        ngay_tuyen_dung=hired, co_quan_tuyen_dung=f"{agency} tỉnh {province.name}",
        ngay_vao_co_quan=moved, chuc_vu=chuc_vu, has_post=has_post,
        ngay_bo_nhiem=rand_date(rng, hired, TODAY) if has_post else None,
        cong_viec_chinh=rng.choice(("Tham mưu công tác tổ chức", "Giảng dạy", "Khám, chữa bệnh",
                                    "Quản lý tài chính", "Thẩm định hồ sơ", "Văn thư, lưu trữ")),
        ma_ngach=code, ngach=catalog.ngach_name(code) or "",
        ngay_bo_nhiem_ngach=add_years(hired, 1), bac=bac, he_so=he_so, ngay_huong=huong,
        phu_cap_chuc_vu=Decimal(rng.choice(("0.20", "0.30", "0.40"))) if has_post else None,
        trinh_do_pho_thong=rng.choice(("12/12", "12/12", "12/12", "10/10")),
        trinh_do_chuyen_mon=_study(rng, sector, code), ly_luan=rng.choice(pools.LY_LUAN),
        qlnn=rng.choice(pools.QLNN), ngoai_ngu=rng.choice(pools.NGOAI_NGU),
        tin_hoc=rng.choice(pools.TIN_HOC), ngay_vao_dang=vao_dang,
        ngay_chinh_thuc=add_years(vao_dang, 1) if vao_dang else None,
        suc_khoe=rng.choice(("Tốt", "Tốt", "Bình thường")),
        chieu_cao=str(rng.randint(158, 178) if sex == "Nam" else rng.randint(148, 165)),
        can_nang=str(rng.randint(55, 78) if sex == "Nam" else rng.randint(42, 60)),
        nhom_mau=rng.choice(("O", "A", "B", "AB", "O")),
        khen_thuong=f"{rng.choice(pools.KHEN)} năm {rng.randint(hired.year, 2025)}",
        so_truong=rng.choice(("Tổng hợp, tham mưu", "Chuyên môn nghiệp vụ", "Giảng dạy")),
        school=rng.choice(pools.SCHOOLS[sector.abbr]),
    )  # fmt: skip
    o.work = _work_history(rng, o)
    o.family = _family(rng, o)
    return o


def post_for(rng: random.Random, sector: pools.Sector, unit: str) -> str:
    """A leadership position that fits the unit: "Phó Trưởng phòng Quản lý xây dựng"."""
    if unit.startswith("Phòng "):
        return f"{rng.choice(('Phó Trưởng phòng', 'Trưởng phòng'))} {unit[6:]}"
    if unit.startswith(("Văn phòng", "Thanh tra")):
        return f"{rng.choice(('Phó Chánh', 'Chánh'))} {unit}"
    if unit.startswith("Trường"):
        return rng.choice(("Phó Hiệu trưởng", "Tổ trưởng chuyên môn", "Phó Hiệu trưởng"))
    return f"{rng.choice(('Phó Trưởng khoa', 'Trưởng khoa'))} {rng.choice(('Nội', 'Ngoại', 'Nhi'))}"


def title_at(o: Officer) -> str:
    """How a decision describes the officer's post: "Chuyên viên Phòng Tổ chức, biên chế"."""
    return f"{o.chuc_vu} {o.unit}" if not o.has_post or o.unit.startswith("Trường") else o.chuc_vu


def _work_history(rng: random.Random, o: Officer) -> list[tuple[str, str, str, str]]:
    """Rows (from, to, chức danh, đơn vị) from university to "nay"."""
    start, grad = add_years(o.ngay_sinh, 18), add_years(o.ngay_sinh, 22)
    mid = rand_date(rng, o.ngay_tuyen_dung, TODAY)
    hired = o.ngay_tuyen_dung
    return [
        (f"{start.month:02d}/{start.year}", f"{grad.month:02d}/{grad.year}", "Sinh viên",
         o.school),
        (f"{hired.month:02d}/{hired.year}", f"{mid.month:02d}/{mid.year}", o.ngach,
         o.co_quan_su_dung),
        (f"{mid.month:02d}/{mid.year}", "nay", o.chuc_vu, o.co_quan_su_dung),
    ]  # fmt: skip


def _family(rng: random.Random, o: Officer) -> list[tuple[str, str, str, str]]:
    """Parents, spouse and a child."""
    y = o.ngay_sinh.year
    ho = o.ho_ten.split()[0]
    rows = [
        ("Cha", f"{ho} {make_name(rng, 'Nam').split(' ', 1)[1]}", str(y - rng.randint(22, 32)),
         f"{o.que_quan[2]}; {rng.choice(('Làm ruộng', 'Hưu trí', 'Buôn bán'))}"),
        ("Mẹ", make_name(rng, "Nữ"), str(y - rng.randint(20, 30)),
         f"{o.que_quan[2]}; {rng.choice(('Nội trợ', 'Hưu trí', 'Làm ruộng'))}"),
        ("Vợ" if o.gioi_tinh == "Nam" else "Chồng",
         make_name(rng, "Nữ" if o.gioi_tinh == "Nam" else "Nam"), str(y + rng.randint(-3, 3)),
         f"{o.province.name}; {rng.choice(('Giáo viên', 'Kế toán', 'Kinh doanh'))}"),
        ("Con", f"{ho} {make_name(rng, 'Nam').split(' ', 1)[1]}", str(min(y + 28, 2024)),
         "Học sinh"),
    ]  # fmt: skip
    return rows
