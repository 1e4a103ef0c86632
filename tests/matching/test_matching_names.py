import unicodedata

import pytest

from matching.names import compare_name


@pytest.mark.parametrize(
    ("paper", "electronic"),
    [
        ("Lê Thị Hoà", "Lê Thị Hòa"),
        ("NGUYỄN THỊ MINH KHAI", "Nguyễn Thị Minh Khai"),
        ("nguyễn thị minh khai", "Nguyễn Thị Minh Khai"),
        (unicodedata.normalize("NFD", "Trần Thị Thuý"), "TRẦN THỊ THÚY"),
        ("Bà Nguyễn  Thị Minh Khai", "Nguyễn Thị Minh Khai"),
    ],
)
def test_equal_names(paper: str, electronic: str) -> None:
    verdict = compare_name(paper, electronic)
    assert verdict.equal and verdict.score == 1.0


def test_changed_diacritic_is_a_real_difference() -> None:
    verdict = compare_name("Nguyễn Thị Hương", "Nguyễn Thị Hường", confidence=0.99)
    assert not verdict.equal
    assert verdict.reason == "diacritic differs: Hương vs Hường"
    assert 0.5 < verdict.score < 1


def test_low_confidence_diacritic_is_flagged_as_possible_misread() -> None:
    verdict = compare_name("NGUYÊN VĂN AN", "Nguyễn Văn An", confidence=0.62)
    assert not verdict.equal
    assert verdict.reason.startswith("OCR may have misread a mark (confidence 0.62)")
    assert "Nguyên vs Nguyễn" in verdict.reason


def test_threshold_is_configurable() -> None:
    assert "diacritic differs" in compare_name("Hương", "Hường", confidence=0.62, threshold=0.5).reason
    assert "OCR may have misread" in compare_name("Hương", "Hường", confidence=0.62, threshold=0.7).reason


@pytest.mark.parametrize(("paper", "electronic"), [("Nguyễn Văn Quý", "Nguyễn Văn Quí"), ("Lê Mỹ", "Lê Mĩ")])
def test_i_y_variants_are_soft_flags(paper: str, electronic: str) -> None:
    verdict = compare_name(paper, electronic)
    assert not verdict.equal
    assert verdict.reason.startswith("i/y spelling variant")
    assert verdict.score >= 0.9


def test_other_name_differs() -> None:
    verdict = compare_name("Trần Văn An", "Lê Văn Bình")
    assert not verdict.equal and verdict.reason == "name differs"
