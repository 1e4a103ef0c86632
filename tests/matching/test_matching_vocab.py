import pytest

from matching.fields import compare_field
from matching.vocab import compare_ethnicity, compare_gender, compare_issuer, compare_religion, compare_text


@pytest.mark.parametrize(
    ("paper", "electronic"),
    [
        ("Ths.", "Thạc sĩ"),
        ("Thạc sĩ Quản lý công", "Ths. Quản lý công"),
        ("Thạc sỹ Luật", "ThS Luật"),
        ("CN Kinh tế", "Cử nhân Kinh tế"),
        ("TS. Kinh tế", "Tiến sĩ Kinh tế"),
        ("KS Xây dựng", "Kỹ sư Xây dựng"),
        ("CỬ NHÂN LUẬT", "Cử nhân Luật"),
    ],
)
def test_degree_synonyms(paper: str, electronic: str) -> None:
    assert compare_field("trinh_do_chuyen_mon", paper, electronic).equal


def test_degree_differs() -> None:
    assert not compare_field("trinh_do_chuyen_mon", "Cử nhân Luật", "Thạc sĩ Luật").equal


@pytest.mark.parametrize(
    ("paper", "electronic"), [("Cao cấp", "CC"), ("Cao cấp lý luận chính trị", "Cao cấp")]
)
def test_politics_synonyms(paper: str, electronic: str) -> None:
    assert compare_field("ly_luan_chinh_tri", paper, electronic).equal


def test_politics_level_differs() -> None:
    assert not compare_field("ly_luan_chinh_tri", "Trung cấp", "Cao cấp").equal


def test_ethnicity() -> None:
    assert compare_ethnicity("Khmer", "Khơ-me").equal
    assert compare_ethnicity("H'Mông", "Mông").equal
    assert compare_ethnicity("KINH", "Kinh").equal
    verdict = compare_ethnicity("Tày", "Nùng")
    assert not verdict.equal and verdict.reason == "ethnic group differs: Tày vs Nùng"


def test_religion() -> None:
    assert compare_religion("Thiên Chúa giáo", "Công giáo").equal
    assert compare_religion("Không", "không").equal
    assert not compare_religion("Phật giáo", "Công giáo").equal


def test_gender() -> None:
    assert compare_gender("NỮ", "Nữ").equal
    assert not compare_gender("Nam", "Nữ").equal


def test_issuer_agency_line_alone_or_joined() -> None:
    assert compare_issuer("UBND TỈNH LONG AN SỞ NỘI VỤ", "SỞ NỘI VỤ").equal
    assert compare_issuer("SỞ NỘI VỤ", "UBND TỈNH LONG AN SỞ NỘI VỤ").equal
    assert compare_issuer("ỦY BAN NHÂN DÂN HUYỆN HÒA AN", "UBND huyện Hoà An").equal
    assert not compare_issuer("SỞ TÀI CHÍNH", "SỞ NỘI VỤ").equal


def test_text_case_and_tone_placement() -> None:
    assert compare_text("Phó Trưởng phòng Quản lý xây dựng", "PHÓ TRƯỞNG PHÒNG QUẢN LÝ XÂY DỰNG").equal
    assert not compare_text("Trưởng phòng", "Phó Trưởng phòng").equal


@pytest.mark.parametrize(
    ("key", "paper", "electronic", "equal"),
    [
        ("ngoai_ngu", "Tiếng Anh B", "Anh văn B", True),
        ("ngoai_ngu", "Tiếng Anh B1", "Anh văn B", False),
        ("ngoai_ngu", "Tiếng Pháp B", "Tiếng Anh B", False),
        ("tin_hoc", "Chứng chỉ tin học B", "Tin học B", True),
        ("tin_hoc", "Ứng dụng CNTT cơ bản", "Ứng dụng công nghệ thông tin cơ bản", True),
        ("tin_hoc", "Tin học A", "Tin học B", False),
    ],
)
def test_language_and_computing_levels(key: str, paper: str, electronic: str, equal: bool) -> None:
    assert compare_field(key, paper, electronic).equal is equal
