from decimal import Decimal

import pytest

from hoso import catalog


def test_he_so_table_values():
    assert catalog.he_so_for("01.003", 4) == Decimal("3.33")
    assert catalog.he_so_for("01.003", 9) == Decimal("4.98")
    assert catalog.he_so_for("01.003", 10) is None
    assert catalog.he_so_for("01.002", 1) == Decimal("4.40")
    assert catalog.he_so_for("01.005", 12) == Decimal("4.06")
    assert catalog.he_so_for("V.07.05.15", 3) == Decimal("3.00")
    assert catalog.he_so_for("99.999", 1) is None


@pytest.mark.parametrize(
    ("group", "count", "last"),
    [("A3.1", 6, "8.00"), ("A2.1", 8, "6.78"), ("A2.2", 8, "6.38"), ("A1", 9, "4.98"),
     ("A0", 10, "4.89"), ("B", 12, "4.06"), ("C1", 12, "3.63"), ("C3", 12, "3.33")],
)
def test_salary_groups(group, count, last):
    table = catalog.HE_SO[group]
    assert len(table) == count
    assert table[-1] == Decimal(last)


def test_known_he_so_accepts_decimal_comma():
    assert catalog.is_known_he_so("3,33")
    assert catalog.is_known_he_so(Decimal("2.34"))
    assert not catalog.is_known_he_so("3,35")
    assert not catalog.is_known_he_so("abc")


def test_codes_and_names():
    assert catalog.ngach_name("01.003") == "Chuyên viên"
    assert catalog.ngach_name(" 01.003 ") == "Chuyên viên"
    assert catalog.ngach_name("V11.06.12") == "Quản trị viên hệ thống hạng I"
    assert catalog.salary_group("04.025") == "A1"
    assert catalog.max_bac("01.001") == 6
    assert all(group in catalog.HE_SO for _, group in catalog.MA_NGACH.values())


def test_reference_lists():
    assert len(catalog.DAN_TOC) == 54 == len(set(catalog.DAN_TOC))
    assert catalog.DAN_TOC[0] == "Kinh"
    assert catalog.TON_GIAO[0] == "Không"
    assert len(catalog.CCCD_PROVINCES) == 63
    assert catalog.CCCD_PROVINCES["080"] == "Long An"
    assert set(catalog.DAN_TOC_ALIASES.values()) <= set(catalog.DAN_TOC)


def test_cccd_consistency():
    assert catalog.cccd_consistent("079185001234", 1985, "Nữ")
    assert not catalog.cccd_consistent("079185001234", 1985, "Nam")
    assert not catalog.cccd_consistent("079185001234", 1986, "Nữ")
    assert catalog.cccd_consistent("001201123456", 2001, "Nam")
    assert not catalog.cccd_consistent("003185001234", 1985, "Nữ")  # 003 is no province
    assert not catalog.cccd_consistent("07918500123", 1985, "Nữ")
    assert catalog.cccd_sex_century_digit(2003, "Nữ") == 3
