import pytest

from hoso.normalize import (
    canonical_tone_marks,
    fix_ocr_digits,
    fold_address,
    fold_for_compare,
    normalize,
    normalize_address_parts,
    strip_leaders,
)
from hoso.normalize.numbers import digit_lengths, plausible_length


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NGUYỄN THỊ MINH KHAI", "Nguyễn Thị Minh Khai"),
        ("đỗ đức", "Đỗ Đức"),
        ("  trần   văn  an ", "Trần Văn An"),
        ("Ông Nguyễn Văn A", "Nguyễn Văn A"),
        ("Bà Lê Thị Thuý", "Lê Thị Thúy"),
        ("Ông (Bà): PHẠM VĂN HOÀ", "Phạm Văn Hòa"),
        ("Ông/Bà Võ Thị Hoa.", "Võ Thị Hoa"),
        ("ÐINH VĂN ÐỨC", "Đinh Văn Đức"),
        ("Nguyễn Thị Khoẻ,", "Nguyễn Thị Khỏe"),
        ("HUỲNH THỊ THUỶ", "Huỳnh Thị Thủy"),
        ("Nguye\u0302\u0303n Va\u0306n A", "Nguyễn Văn A"),  # NFD input
        ("……………", None),
        ("", None),
        ("Ông", None),
        ("Nguyễn Bích Tuyết ˆ", "Nguyễn Bích Tuyết"),  # a speck read as a modifier letter
        ("\" Trần Văn An", "Trần Văn An"),
    ],
)
def test_names(raw: str, expected: str | None) -> None:
    assert normalize("name", raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hoà", "Hòa"),
        ("Thuý", "Thúy"),
        ("Khoẻ", "Khỏe"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("hoạ sĩ, tuỳ ý, thuỵ, huỷ", "họa sĩ, tùy ý, thụy, hủy"),
        ("Quý, quỳ, QUÝ", "Quý, quỳ, QUÝ"),  # "qu" is a consonant: the tone stays on y
        ("Hoàng, Thuyết, hoặc, khuya, Hòa", "Hoàng, Thuyết, hoặc, khuya, Hòa"),  # closed or already canonical
    ],
)
def test_canonical_tone_marks(raw: str, expected: str) -> None:
    assert canonical_tone_marks(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Cử nhân Luật", "Cử nhân Luật"),
        ("....Cử  nhân   Luật.....", "Cử nhân Luật"),
        ("… Kỹ sư xây dựng;", "Kỹ sư xây dựng"),
        ("ỦY BAN NHÂN DÂN HUYỆN HOÀ AN", "ỦY BAN NHÂN DÂN HUYỆN HÒA AN"),
        ("Chuyên viên:", "Chuyên viên"),
        (". . . . . .", None),
        ("_____", None),
    ],
)
def test_text(raw: str, expected: str | None) -> None:
    assert normalize("text", raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"),
        ("Xã Tân Phú ,Huyện Đức Hoà,  Tỉnh Long An.", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"),
        ("Thôn 3,, xã An Bình", "Thôn 3, xã An Bình"),
        ("……………………", None),
    ],
)
def test_address_strings(raw: str, expected: str | None) -> None:
    assert normalize("address", raw) == expected


def test_address_parts_keep_box_order_and_skip_blanks() -> None:
    assert normalize_address_parts(["Xã Tân Phú", "……", " Huyện Đức Hòa ", "Tỉnh Long An"]) == (
        "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An"
    )
    assert normalize_address_parts(["……", "", "...."]) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An", "tân phú, đức hòa, long an"),
        ("X. Tân Phú, H. Đức Hoà, T. Long An", "tân phú, đức hòa, t. long an"),
        ("xã Tân Phú huyện Đức Hòa tỉnh Long An", "tân phú, đức hòa, long an"),
        ("Tân Phú - Đức Hòa - Long An", "tân phú, đức hòa, long an"),
        ("Phường 5, Quận 3, Thành phố Hồ Chí Minh", "5, 3, hồ chí minh"),
        ("P.5, Q.3, TP. Hồ Chí Minh", "5, 3, hồ chí minh"),
        ("Thị trấn Hậu Nghĩa, Thị xã Kiến Tường, TP Tân An", "hậu nghĩa, kiến tường, tân an"),
        ("TT. Hậu Nghĩa, TX. Kiến Tường", "hậu nghĩa, kiến tường"),
    ],
)
def test_fold_address(raw: str, expected: str) -> None:
    assert fold_address(raw) == expected


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("int", "bậc 4", "4"),
        ("int", "04", "4"),
        ("int", "4/9", "4"),
        ("int", "b)", "8"),  # a fax's 8 alone, read as a letter
        ("int", "Ì", "1"),  # a 1 with a speck read as a mark
        ("int", "Š", "5"),
        ("int", "l ,", "1"),
        ("int", "Bậc", None),  # a word is no look-alike
        ("int", "Bậc: 1O", "10"),
        ("int", "……", None),
        ("decimal", "3,66", "3.66"),
        ("decimal", "3.3", "3.30"),
        ("decimal", "4,0", "4.00"),
        ("decimal", "3, 33", "3.33"),
        ("decimal", "hệ số 2,34", "2.34"),
        ("decimal", "0,30", "0.30"),
        ("decimal", "5", "5.00"),
        ("decimal", "3.66", "3.66"),
        ("decimal", "....", None),
        ("digits", "079 185 001 234", "079185001234"),
        ("digits", "O79 l85 OO1 234", "079185001234"),
        ("digits", "0912.345.678", "0912345678"),
        ("digits", "…………", None),
        ("digits", "Không", None),
        ("code", "25 / 2015 / QĐ - UBND", "25/2015/QĐ-UBND"),
        ("code", "01. 003", "01.003"),
        ("code", "01003", "01003"),
        ("code", "01.003.)", "01.003"),  # the sentence's full stop and the form's bracket after it
        ("code", "V.07.05.13", "V.07.05.13"),
        ("code", "V11.06.12", "V11.06.12"),
        ("code", "17a.177", "17a.177"),
        ("code", "123/QÐ-UBND", "123/QĐ-UBND"),
        ("code", "Số: 123/QĐ-UBND", "123/QĐ-UBND"),
        ("code", "123 - QĐ / TU", "123-QĐ/TU"),
        ("code", "123/QĐ–SNV", "123/QĐ-SNV"),
        ("code", "……", None),
        ("text", "", None),
    ],
)
def test_numbers_and_codes(kind: str, raw: str, expected: str | None) -> None:
    assert normalize(kind, raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nam", "Nam"),
        ("nam", "Nam"),
        ("NAM", "Nam"),
        ("Nữ", "Nữ"),
        ("nữ", "Nữ"),
        ("NỮ", "Nữ"),
        ("Nu", "Nữ"),
        ("Nừ", "Nữ"),
        ("Narn", "Nam"),
        ("(nam, nữ)", None),
        ("……", None),
    ],
)
def test_gioi_tinh(raw: str, expected: str | None) -> None:
    assert normalize("enum", raw, key="gioi_tinh") == expected


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("dan_toc", "kinh", "Kinh"),
        ("dan_toc", "  Tày ", "Tày"),
        ("dan_toc", "Ê-đê", "Ê-đê"),
        ("ton_giao", "không", "Không"),
        ("ton_giao", "phật  giáo", "Phật giáo"),
        ("ton_giao", "Phật giáo Hoà Hảo", "Phật giáo Hòa Hảo"),
        ("nhom_mau", "o", "O"),
        ("nhom_mau", "AB", "AB"),
        ("loai_quyet_dinh", "nang_luong", "nang_luong"),
        ("dan_toc", "…………", None),
    ],
)
def test_other_enums(key: str, raw: str, expected: str | None) -> None:
    assert normalize("enum", raw, key=key) == expected


def test_strip_leaders() -> None:
    assert strip_leaders("Họ tên: ……… Nguyễn  Văn A .......") == "Họ tên: Nguyễn Văn A"
    assert strip_leaders(". . . . x _____ y …") == "x y"
    assert strip_leaders("01.003") == "01.003"


def test_fix_ocr_digits_only_inside_digit_groups() -> None:
    assert fix_ocr_digits("l985 Long O1") == "1985 Long 01"
    assert fix_ocr_digits("Hoà lO") == "Hoà lO"


def test_fold_for_compare() -> None:
    assert fold_for_compare("name", "NGUYỄN THỊ THUÝ") == fold_for_compare("name", "Nguyễn Thị Thúy")
    assert fold_for_compare("address", "X. Tân Phú, H. Đức Hoà") == fold_for_compare(
        "address", "Xã Tân Phú, Huyện Đức Hòa"
    )
    assert fold_for_compare("date", "15/06/1985") == "1985-06-15"
    assert fold_for_compare("decimal", "3,3") == "3.30"
    assert fold_for_compare("code", "25 / 2015 / QĐ - UBND") == "25/2015/QĐ-UBND"
    assert fold_for_compare("enum", "nữ", key="gioi_tinh") == "Nữ"
    assert fold_for_compare("text", "……") == ""
    assert fold_for_compare("unknown", " a  b ") == "a b"


def test_language_level_read_as_letter_keeps_its_digit():
    from hoso.normalize import normalize

    assert normalize("text", "Tiếng Anh BI", key="ngoai_ngu") == "Tiếng Anh B1"
    assert normalize("text", "Tiếng Pháp Al", key="ngoai_ngu") == "Tiếng Pháp A1"
    assert normalize("text", "Anh văn C", key="ngoai_ngu") == "Anh văn C"  # the old A/B/C grades stay
    assert normalize("text", "Cử nhân BI", key="chuc_vu") == "Cử nhân BI"  # only the language field


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("56 kg", "56"), ("56 k ø", "56"), ("6]", "61"), ("4B kg", "48"), ("1m65", "165"), ("1,65 m", "165"),
     ("165 cm", "165"), ("bốn mươi", "bốn mươi")],
)  # fmt: skip
def test_a_height_or_weight_is_its_number_without_the_printed_unit(raw: str, expected: str) -> None:
    assert normalize("text", raw, key="can_nang") == expected


@pytest.mark.parametrize(("key", "lengths"), sorted(digit_lengths().items()))
def test_each_digit_length_row_admits_its_lengths_only(key: str, lengths: frozenset[int]):
    for n in range(1, 20):
        assert plausible_length(key, "1" * n) is (n in lengths)


def test_a_key_without_a_row_takes_any_length():
    assert plausible_length("so_hieu_cbcc", "1" * 40)
