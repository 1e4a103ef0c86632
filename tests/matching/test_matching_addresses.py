import pytest

from matching.addresses import compare_address
from matching.geography import MERGERS, new_province, same_province


@pytest.mark.parametrize(
    ("paper", "electronic"),
    [
        ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("P.5, Q.3, TP.HCM", "Phường 5, Quận 3, Thành phố Hồ Chí Minh"),
        ("Xã Tân Phú, H. Đức Hoà, T. Long An", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"),
        ("xã tân phú, huyện đức hòa, tỉnh long an", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"),
    ],
)
def test_prefixes_and_case_fold(paper: str, electronic: str) -> None:
    verdict = compare_address(paper, electronic)
    assert verdict.equal and verdict.score == 1.0


def test_old_province_equals_its_2025_province_without_district() -> None:
    verdict = compare_address("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phú, Tỉnh Tây Ninh")
    assert verdict.equal and "2025 province merger" in verdict.reason and "district" in verdict.reason


def test_old_province_in_record_new_on_paper() -> None:
    assert compare_address(
        "Xã Long Hải, TP. Hồ Chí Minh", "Xã Long Hải, Huyện Long Điền, Tỉnh Bà Rịa - Vũng Tàu"
    ).equal


def test_merger_does_not_hide_another_ward_or_province() -> None:
    assert not compare_address("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phước, Tỉnh Tây Ninh").equal
    verdict = compare_address("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phú, Tỉnh Đồng Tháp")
    assert not verdict.equal and verdict.reason.startswith("province differs")


def test_two_old_constituents_are_different_provinces() -> None:
    assert same_province("Bình Dương", "Bà Rịa - Vũng Tàu") is False
    assert same_province("Long An", "Tây Ninh") is True


def test_district_differs_in_same_format() -> None:
    assert not compare_address(
        "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phú, Huyện Cần Giuộc, Tỉnh Long An"
    ).equal


def test_changed_mark_in_address_is_flagged() -> None:
    verdict = compare_address("Xã Tân Phủ, Tỉnh Tây Ninh", "Xã Tân Phú, Tỉnh Tây Ninh", confidence=0.5)
    assert not verdict.equal and "OCR may have misread" in verdict.reason


def test_merger_table_covers_the_34_provinces() -> None:
    olds = [old for group in MERGERS.values() for old in group]
    assert len(MERGERS) == 23 and len(olds) == 52
    assert new_province("Tỉnh Bình Định") == new_province("Gia Lai")
