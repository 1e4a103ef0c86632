"""The ID number printed twice on the current form: a garbled copy settled from the valid one."""

from hoso.result import ExtractedField
from ocr.extract.identity import settle_identity


def _f(value: str, conf: float = 0.9) -> ExtractedField:
    return ExtractedField(value, value, conf, 1, (0, 0, 10, 10))


def _person(**fields: str) -> dict[str, ExtractedField]:
    return {"ngay_sinh": _f("1973-05-02"), "gioi_tinh": _f("Nam")} | {k: _f(v) for k, v in fields.items()}


def test_a_copy_with_a_doubled_digit_takes_the_valid_copy() -> None:
    out = settle_identity(_person(so_cccd="0200723620639", ma_so_dinh_danh="020073670639"))
    assert out["so_cccd"].value == "020073670639"
    assert out["so_cccd"].raw == "0200723620639"  # what the paper showed OCR stays on record


def test_the_header_copy_is_settled_from_item_8_too() -> None:
    out = settle_identity(_person(so_cccd="020073670639", ma_so_dinh_danh="92007367063"))
    assert out["ma_so_dinh_danh"].value == "020073670639"


def test_two_valid_copies_that_differ_are_both_kept() -> None:
    # a clerk's typo on paper is a real mismatch for review, not an OCR error to hide
    fields = _person(so_cccd="020073670639", ma_so_dinh_danh="020073670693")
    assert settle_identity(fields) == fields


def test_a_copy_inconsistent_with_birth_year_and_sex_is_invalid() -> None:
    out = settle_identity(_person(so_cccd="020173670639", ma_so_dinh_danh="020073670639"))
    assert out["so_cccd"].value == "020073670639"  # 1 in 4th place = a woman


def test_copies_far_apart_are_not_merged() -> None:
    fields = _person(so_cccd="12345", ma_so_dinh_danh="020073670639")
    assert settle_identity(fields) == fields


def test_a_digit_dropped_from_the_officers_part_is_put_back() -> None:
    # 094 066 625333 read without its leading 0; only "0" in front gives a province, 1966, a man
    out = settle_identity({"ngay_sinh": _f("1966-04-02"), "gioi_tinh": _f("Nam"), "so_cccd": _f("94066625333")})
    assert out["so_cccd"].value == "094066625333"
    assert out["so_cccd"].confidence <= 0.6  # mended, so a reviewer looks


def test_a_digit_doubled_in_the_officers_part_is_taken_out() -> None:
    out = settle_identity(_person(so_cccd="0200073670639"))
    assert out["so_cccd"].value == "020073670639"


def test_a_digit_dropped_from_the_random_part_is_left_as_read() -> None:
    fields = _person(so_cccd="02007367063")  # 020 0 73 + five digits: the sixth could go anywhere
    assert settle_identity(fields) == fields


def test_without_the_birth_year_only_the_province_and_sex_fix_a_digit() -> None:
    # the birth date unread: "0" in front is still the only repair that gives a province
    out = settle_identity({"gioi_tinh": _f("Nam"), "so_cccd": _f("27069868355")})
    assert out["so_cccd"].value == "027069868355"
    fields = {"gioi_tinh": _f("Nam"), "so_cccd": _f("09406625333")}  # a year digit lost: any year fits
    assert settle_identity(fields) == fields
