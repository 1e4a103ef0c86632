from datetime import date

import pytest

from hoso.normalize import expand_year, normalize, parse_date

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ngày 05 tháng 01 năm 2020", "2020-01-05"),
        ("05 tháng 01 năm 2020", "2020-01-05"),
        ("Ngày 5 tháng 1 năm 2020", "2020-01-05"),
        ("NGÀY 05 THÁNG 01 NĂM 2020", "2020-01-05"),
        ("ngay 05 thang 01 nam 2020", "2020-01-05"),
        ("Long An, ngày 15 tháng 6 năm 2015", "2015-06-15"),
        ("5/1/2020", "2020-01-05"),
        ("05/01/2020", "2020-01-05"),
        ("05-01-2020", "2020-01-05"),
        ("05.01.2020", "2020-01-05"),
        ("15 / 06 / 1985", "1985-06-15"),
        ("15 /06/ 1985", "1985-06-15"),
        ("Sinh ngày: 15 tháng 6 năm 1985", "1985-06-15"),
        ("kể từ ngày 01/07/2024", "2024-07-01"),
        ("…… 15/06/1985 ……", "1985-06-15"),
        ("....15/06/1985....", "1985-06-15"),
        ("01/2018", "2018-01"),
        ("1/18", "2018-01"),
        ("T1/2018", "2018-01"),
        ("t12/2019", "2019-12"),
        ("tháng 01/2018", "2018-01"),
        ("từ tháng 7/2024", "2024-07"),
        ("tháng 6 năm 1985", "1985-06"),
        ("ngày … tháng 12 năm 2022", "2022-12"),
        ("ngày   tháng 12 năm 2022", "2022-12"),
        ("1975", "1975"),
        ("năm 1975", "1975"),
        ("1985-06-15", "1985-06-15"),
        ("1985-06", "1985-06"),
        ("29/02/2024", "2024-02-29"),
        # OCR confusions inside digit groups
        ("l5/O6/l985", "1985-06-15"),
        ("15/06/2O2O", "2020-06-15"),
        ("ngày I5 tháng O6 năm 1985", "1985-06-15"),
    ],
)
def test_date_spellings(raw: str, expected: str) -> None:
    assert parse_date(raw, TODAY) == expected
    assert normalize("date", raw, today=TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("5/1/26", "2026-01-05"),  # 26 <= 26 → 2026
        ("5/1/27", "1927-01-05"),  # 27 > 26 → 1927
        ("05/01/98", "1998-01-05"),
        ("1/05", "2005-01"),
        ("12/98", "1998-12"),
        ("T3/00", "2000-03"),
    ],
)
def test_two_digit_years_follow_today(raw: str, expected: str) -> None:
    assert parse_date(raw, TODAY) == expected


def test_two_digit_year_rule_moves_with_the_year() -> None:
    assert parse_date("1/30", date(2029, 1, 1)) == "1930-01"
    assert parse_date("1/30", date(2030, 1, 1)) == "2030-01"
    assert expand_year(26, date(2026, 1, 1)) == 2026
    assert expand_year(27, date(2026, 1, 1)) == 1927


def test_default_today_is_the_current_year() -> None:
    yy = date.today().year % 100
    assert parse_date(f"1/{yy:02d}") == f"{date.today().year}-01"


@pytest.mark.parametrize(
    "raw",
    [
        "31/02/2020",
        "29/02/2023",
        "32/01/2020",
        "15/13/2020",
        "ngày 31 tháng 4 năm 2020",
        "13/2020",
        "00/2020",
        "0/0/2020",
    ],
)
def test_impossible_dates_are_none(raw: str) -> None:
    assert parse_date(raw, TODAY) is None


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "…/…/……",
        "..../..../........",
        "___/___/_____",
        "ngày … tháng … năm …",
        "đến nay",
        "hiện nay",
        "…",
    ],
)
def test_blank_dates_are_none(raw: str) -> None:
    assert parse_date(raw, TODAY) is None
    assert normalize("date", raw, today=TODAY) is None


def test_never_month_first() -> None:
    assert parse_date("12/01/2020", TODAY) == "2020-01-12"
    assert parse_date("01/12/2020", TODAY) == "2020-12-01"


def test_a_lone_one_read_as_a_letter_after_thang_or_ngay():
    from hoso.normalize import parse_date

    assert parse_date("23 tháng I năm 1992") == "1992-01-23"
    assert parse_date("Sinh ngày: 23 tháng l năm 1992") == "1992-01-23"
    assert parse_date("ngày I tháng 12 năm 2001") == "2001-12-01"
    assert parse_date("Ngày Lễ") is None  # a word that starts with l is not a 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11 tháng 099 năm 2000", "2000-09-11"),  # doubled digit: only "09" of the deletions is a month
        ("14 tháng ÔI nằm 1984 Sằ", "1984-01-14"),  # Ô read for 0, I for 1, "nằm" for "năm"
        ("13... tháng II... năm 1993", "1993-11-13"),
        ("23 tháng Ø9 năm 1996", "1996-09-23"),  # Ø does not decompose under NFD
        ("10 tháng 0B năm 1973", "1973-08-10"),  # B read for 8
        ("1B.... / 11.... / 1996.", "1996-11-18"),
        ("07,.. 05.. / 2013", "2013-05-07"),  # a comma run after a digit group separates
        ("09 ¿04 / 2025", "2025-04-09"),  # junk glued to a number separates
        ("I-4-2023....", "2023-04-01"),  # a lone I before a separator is 1
        ("25/1 1/2002", "2002-11-25"),  # a month split by one space
        ("Hà Nội, I-4-2023", "2023-04-01"),
        ("ngày I tháng II năm 2001", "2001-11-01"),
        ("05/ii/2020", "2020-11-05"),
        ("tháng ÔI năm 1984", "1984-01"),
        ("30... tháng 06... năm 19§6", "1986-06-30"),  # a fax's 8 read as §, in the year
        ("8 tháng 8 năm I9§S ;", "1985-08-08"),
        ("12/05/I98S", "1985-05-12"),
        ("29... tháng U7... năm 1984", "1984-07-29"),  # a fax breaks an 0 into U or Q
        ("2Q tháng Ö2 năm 1979", "1979-02-20"),
        ("1 . tháng 6 nằm 1974", "1974-06-01"),  # a speck between the day and "tháng"
        ("19, / Ø7, / 2017.", "2017-07-19"),  # junk with spaces inside one separator
        ("14...,. / 1Ô.... / 2022...", "2022-10-14"),
        ("L7/11/2004", "2004-11-17"),  # the 1 of a day glued to its second digit as a letter or sign
        ("[7/12/2021", "2021-12-17"),
        ("J 5/06/1996", "1996-06-15"),
        ("¡1 tháng 6 năm 1998", "1998-06-11"),
        ("l[ / 12 / 1999", "1999-12-11"),
        ("06 tháng 6 năm 201 1", "2011-06-06"),  # a year split by a space
        ("24... tháng 3 năm 198]", "1981-03-24"),  # a 1 read as a bracket in the year
        ("ÔS.. / IÔ.. / 2025.", "2025-10-05"),  # S for 5 in the day, Ô for 0
        ("3] thắng 7 năm 1998", "1998-07-31"),  # and a bracket for 1
    ],
)
def test_ocr_damage_inside_day_and_month(raw: str, expected: str) -> None:
    assert parse_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("tháng … năm 1984", "1984"),  # a blank month stays blank
        ("ngày … tháng … năm 1984", "1984"),
        ("năm 2000", "2000"),
        ("11 tháng 011 năm 2000", "2000"),  # "11" and "01" both fit: no month is picked
        ("ngày ÔII tháng 5 năm 2020", "2020-05"),  # so does a day read "11" or "01"
        ("Lê Thị Li, 05/2020", "2020-05"),  # letters of a name next to a date stay letters
        ("Bùi Thị Lo tháng 5 năm 2020", "2020-05"),
        ("Lớp I - 12/2020", "2020-12"),
        ("Quý I/2020", "2020"),  # a loose slot needs a full date shape
        ("Hà Nội, ngày 5/06/2001", "2001-06-05"),  # the i of "Nội" is a letter of a word
        ("31 tháng O2 năm 2020", None),  # still impossible
        ("29 tháng 0Z năm 2020", "2020"),  # Z is no digit look-alike
        ("30 tháng 06 năm 19§", None),  # "19" glued to junk is no two-digit year (not 2019)
        ("30 tháng 06 năm Sô§I", None),  # a year needs two real digits
    ],
)
def test_ocr_tolerance_invents_nothing(raw: str, expected: str | None) -> None:
    assert parse_date(raw, TODAY) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1ó... tháng II... năm 1995", "1995-11-16"),  # a 6's top stroke read as an acute
        ("ngày 2ò tháng 3 năm 2001", "2001-03-26"),
        ("ó7/05/2001", "2001-05-07"),  # 67 is no day: an 0 with a speck
    ],
)
def test_an_o_with_a_mark_beside_digits_is_a_six_where_it_can_be(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected
