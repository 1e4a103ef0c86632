import pytest

from matching.scalars import compare_code, compare_date, compare_decimal, compare_digits, compare_int


@pytest.mark.parametrize(
    ("paper", "electronic"),
    [("15/06/1985", "1985-06-15"), ("ngày 15 tháng 06 năm 1985", "1985-06-15"), ("15.6.1985", "15/06/1985")],
)
def test_equal_dates(paper: str, electronic: str) -> None:
    assert compare_date(paper, electronic).equal


def test_date_differs() -> None:
    verdict = compare_date("1985-06-15", "1985-05-16")
    assert not verdict.equal and verdict.reason == "date differs"


def test_day_month_swapped_is_flagged() -> None:
    verdict = compare_date("05/06/1985", "1985-05-06")
    assert not verdict.equal and verdict.reason == "day and month swapped"


def test_month_only_paper_date_consistent_with_record_is_accepted() -> None:
    verdict = compare_date("06/1985", "1985-06-15")
    assert verdict.equal and verdict.score < 1 and "less precise on paper" in verdict.reason
    assert not compare_date("1985-06-15", "1985-06").equal
    assert not compare_date("07/1985", "1985-06-15").equal


def test_low_confidence_date_slip_still_flagged() -> None:
    verdict = compare_date("1985-06-18", "1985-06-15", confidence=0.4)
    assert not verdict.equal and "OCR may have misread" in verdict.reason


def test_decimals() -> None:
    assert compare_decimal("3,66", "3.66").equal
    assert compare_decimal("3.6", "3.60").equal
    verdict = compare_decimal("3,33", "3.66")
    assert not verdict.equal and verdict.reason == "number differs: 3.33 vs 3.66"


def test_bac_luong() -> None:
    assert compare_int("04", "4").equal
    assert compare_int("4/9", "4").equal
    assert not compare_int("3", "4").equal


def test_ma_ngach() -> None:
    assert compare_code("01.003", "01.003").equal
    dot = compare_code("01003", "01.003")
    assert dot.equal and dot.reason == "equal apart from a dot"
    assert compare_code("v.07.05.13", "V.07.05.13").equal
    assert not compare_code("01.003", "01.002").equal


def test_decision_number_case_spaces_and_d() -> None:
    assert compare_code("25 / 2015 / QĐ-UBND", "25/2015/QĐ-UBND").equal
    assert compare_code("25/2015/QD-UBND", "25/2015/QĐ-UBND").equal
    assert not compare_code("26/2015/QĐ-UBND", "25/2015/QĐ-UBND").equal


def test_one_cccd_digit_is_flagged() -> None:
    verdict = compare_digits("079185001234", "079185001235")
    assert not verdict.equal and "one character" in verdict.reason


def test_bhxh_transposed_digits_are_flagged() -> None:
    verdict = compare_digits("1960994846", "1960998446", confidence=0.99)
    assert not verdict.equal and "transposed" in verdict.reason


def test_digit_spacing_ignored() -> None:
    assert compare_digits("079 185 001 234", "079185001234").equal


@pytest.mark.parametrize(
    ("paper", "electronic"), [("07918500I234", "079185001234"), ("0791850O1234", "079185001234")]
)
def test_lookalikes_tolerated_only_when_unsure(paper: str, electronic: str) -> None:
    assert compare_digits(paper, electronic, confidence=0.5).equal
    assert not compare_digits(paper, electronic, confidence=0.95).equal


def test_code_lookalikes() -> None:
    assert compare_code("01.OO3", "01.003", confidence=0.5).equal
    assert compare_code("V.O7.05.13", "V.07.05.13", confidence=0.5).equal
    assert not compare_code("01.OO3", "01.003", confidence=0.95).equal


def test_decimal_lookalike_when_unsure() -> None:
    assert compare_decimal("3,6S", "3.65", confidence=0.5).equal
    assert not compare_decimal("3,6S", "3.65", confidence=0.95).equal
