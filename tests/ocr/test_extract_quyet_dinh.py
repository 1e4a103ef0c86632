"""Decision extraction: header columns, Điều 1 salary wording, signer under a seal."""

from __future__ import annotations

import pytest

from ocr.extract import quyet_dinh, van_ban
from ocr.extract.decision_type import classify_decision
from ocr.layout.classify import classify_page
from ocr.layout.lines import group_lines
from ocr.model import Word
from tests.ocr.wordfactory import lines_from_text

QD = [
    "UBND TỈNH LONG AN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "SỞ NỘI VỤ   Độc lập - Tự do - Hạnh phúc",
    "Số: 123/QĐ-SNV   Long An, ngày 05 tháng 07 năm 2024",
    "QUYẾT ĐỊNH",
    "Về việc nâng bậc lương thường xuyên đối với công chức",
    "GIÁM ĐỐC SỞ NỘI VỤ TỈNH LONG AN",
    "Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14/12/2004 của Chính phủ;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Nâng bậc lương thường xuyên đối với Bà Nguyễn Thị Minh Khai, sinh ngày 15/06/1985,",
    "ngạch Chuyên viên (mã số 01.003) từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33",
    "kể từ ngày 01/07/2024. Thời gian xét nâng bậc lương lần sau được tính kể từ ngày 01/07/2024.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./.",
    "Nơi nhận:   KT. GIÁM ĐỐC",
    "- Như Điều 3;   PHÓ GIÁM ĐỐC",
    "- Lưu: VT, TCCB.",
    "Trần Văn Bình",
]
COLS = {2: 200, 13: 200, 14: 200, 16: 1500}


def _lines():
    rows = list(QD)
    return lines_from_text(rows, column_x=COLS)


def test_decision_first_page_starts_a_decision():
    kind = classify_page(_lines(), height=3508)
    assert (kind.type, kind.starts) == ("quyet_dinh", True)


def test_decision_fields():
    fields = quyet_dinh.extract_fields([(_lines(), 2480)])
    got = {k: f.value for k, f in fields.items()}
    assert got["so_ky_hieu"] == "123/QĐ-SNV"
    assert got["co_quan_ban_hanh"] == "UBND TỈNH LONG AN SỞ NỘI VỤ"
    assert got["ngay_ban_hanh"] == "2024-07-05"
    assert got["dia_danh"] == "Long An"
    assert got["loai_quyet_dinh"] == "nang_luong"
    assert got["ho_ten"] == "Nguyễn Thị Minh Khai"
    assert got["bac_luong"] == "4"
    assert got["he_so_luong"] == "3.33"
    assert got["ma_ngach"] == "01.003"
    assert got["ngach"] == "Chuyên viên"
    assert got["ngay_huong_luong"] == "2024-07-01"
    assert got["nguoi_ky"] == "Trần Văn Bình"
    assert got["chuc_vu_nguoi_ky"] == "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"


def test_decision_types_from_subject():
    assert classify_decision("ve viec bo nhiem lai truong phong") == "bo_nhiem_lai"
    assert classify_decision("ve viec bo nhiem vao ngach va xep luong") == "bo_nhiem_ngach"
    assert classify_decision("ve viec tuyen dung va xep luong cong chuc") == "tuyen_dung"
    assert classify_decision("ve viec xep luong doi voi cong chuc") == "bo_nhiem_ngach"
    assert classify_decision("ve viec nang bac luong truoc thoi han") == "nang_luong_truoc_han"
    assert classify_decision("ve viec ban hanh quy che") == "khac"
    assert classify_decision("ve viec nghi huu de huong che do bao hiem xa hoi") == "nghi_huu"


def _signed(tail: list[str]) -> dict[str, str]:
    rows = QD[:-1] + tail
    cols = {**COLS, **{16 + i: 1500 for i in range(len(tail))}}
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=cols), 2480)])
    return {k: f.value for k, f in fields.items()}


def test_signer_name_keeps_clear_of_seal_marks_left_of_it():
    # a seal's ring read as marks before the name: the name is the capitalised words after them
    assert _signed(["⁄ ¬ ` \"Đinh Xuân Ngọc Minh"])["nguoi_ky"] == "Đinh Xuân Ngọc Minh"


def test_a_damaged_first_name_word_gives_no_name_rather_than_half_of_one():
    assert "nguoi_ky" not in _signed([";`Trần Cð#p Đình Tài"])


def test_signer_found_when_the_seal_hides_the_title():
    rows = [r.replace("KT. GIÁM ĐỐC", "⁄ CIÀM").replace("PHÓ GIÁM ĐỐC", "ĐỐC") for r in QD]
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    assert fields["nguoi_ky"].value == "Trần Văn Bình"
    assert "chuc_vu_nguoi_ky" not in fields


def test_salary_details_survive_fax_damage_to_their_cue_words():
    rows = list(QD)
    # "(" lost before "mã số", a comma for the code's dot, "kể" garbled to "lvể"
    rows[9] = "ngạch Chuyên viên mã số 01,003 từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33"
    rows[10] = "lvể từ ngày 01/07/2024."
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    got = {k: f.value for k, f in fields.items()}
    assert got["ngach"] == "Chuyên viên"
    assert got["ma_ngach"] == "01.003"
    assert got["ngay_huong_luong"] == "2024-07-01"


def test_a_misread_so_label_still_gives_the_number_and_the_agency():
    # a fax turns "Số:" into "Sẽ:"; the line is still the one whose number carries a ký hiệu
    for label in ("Sẽ:", "S6:"):
        rows = [r.replace("Số:", label) for r in QD]
        fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
        assert fields["so_ky_hieu"].value == "123/QĐ-SNV"
        assert fields["co_quan_ban_hanh"].value == "UBND TỈNH LONG AN SỞ NỘI VỤ"
    rows = [r.replace("Số: 123/QĐ-SNV", "Sẽ: không số") for r in QD]
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    assert "so_ky_hieu" not in fields


def test_dieu_1_with_a_comma_and_a_fax_honorific_still_name_the_officer():
    rows = [r.replace("Điều 1.", "Điều 1,").replace("Bà Nguyễn", "Bä Nguyễn").replace("ngày 05", "ngùy 05")
            for r in QD]  # fmt: skip
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    assert fields["ho_ten"].value == "Nguyễn Thị Minh Khai"
    assert fields["bac_luong"].value == "4"
    assert fields["ngay_ban_hanh"].value == "2024-07-05"


def test_so_ky_hieu_is_digits_then_letters():
    from ocr.extract.van_ban import settle_code

    assert settle_code("6B8/QĐ-STC") == "688/QĐ-STC"  # the số is Arabic digits
    assert settle_code("378/QĐ-S5TC") == "378/QĐ-STC"  # a speck between the ký hiệu's letters
    assert settle_code("1019/QĐ-S5GDĐT") == "1019/QĐ-SGDĐT"
    assert settle_code("25/2015/QĐ-UBND") == "25/2015/QĐ-UBND"
    assert settle_code("45/QĐ-BCĐ389") == "45/QĐ-BCĐ389"  # digits after the letters are the ký hiệu's own
    assert settle_code("8I6QĐ-STC") == "816/QĐ-STC"  # the "/" lost before "QĐ"


@pytest.mark.parametrize(
    ("agency", "ky_hieu"),
    [
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"),
        ("ỦY BAN NHÂN DÂN TỈNH LONG AN", "UBND"),
        ("UBND THÀNH PHỐ HÀ NỘI", "UBND"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SLĐTBXH"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL"),
        ("THANH TRA TỈNH", "TT"),
    ],
)
def test_ky_hieu_is_the_initials_of_the_agency(agency: str, ky_hieu: str):
    from ocr.extract.van_ban import ky_hieu_of

    assert ky_hieu_of(agency) == ky_hieu


def test_a_damaged_ky_hieu_is_the_issuing_agencys():
    from ocr.extract.van_ban import settle_ky_hieu

    header = ["UBND TỈNH LONG AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert settle_ky_hieu("671/QĐ-SGDBT", header, 0.35) == "671/QĐ-SGDĐT"
    assert settle_ky_hieu("183/QĐ-5SGDDT", header, 0.43) == "183/QĐ-SGDĐT"
    assert settle_ky_hieu("1141/QĐ-5TC", ["UBND TỈNH LONG AN", "SỞ TÀI CHÍNH"], 0.9) == "1141/QĐ-STC"  # a digit
    assert settle_ky_hieu("671/QĐ-SGD&ĐT", header, 0.95) == "671/QĐ-SGD&ĐT"  # read surely: the agency's way
    assert settle_ky_hieu("671/QĐ-SNV", header, 0.3) == "671/QĐ-SNV"  # another agency's: too far to be damage
    assert settle_ky_hieu("12/2020/QĐ-UBNO", ["ỦY BAN NHÂN DÂN", "TỈNH LONG AN"], 0.5) == "12/2020/QĐ-UBND"


def test_a_speck_between_the_header_columns_does_not_join_them():
    from ocr.layout.lines import Line
    from ocr.model import Word

    texts = [("ỦY", 528, 599), ("BAN", 616, 723), ("NHÂN", 738, 888), ("DÂN", 906, 1016), ("ˆ", 1062, 1105),
             ("CỘNG", 1146, 1299), ("HÒA", 1314, 1431)]  # fmt: skip
    words = [Word(t, (x0, 130, x1, 177), 0.0 if t == "ˆ" else 0.95) for t, x0, x1 in texts]
    segs = van_ban.segments([Line(words, 1)], 2481)
    assert [s.text for s in segs] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA"]


def test_a_damaged_ky_hieu_takes_the_initials_of_the_header_as_printed():
    rows = list(QD)
    rows[1] = "SỞ GIÁO DỤC VÀ BÀO TẠO   Độc lập - Tự do - Hạnh phúc"  # Đ read as B in the header too
    rows[2] = "Số: 183/QĐ-5SGDDT   Long An, ngày 05 tháng 07 năm 2024"
    words = [w for ln in lines_from_text(rows, column_x=COLS) for w in ln.words]
    unsure = [Word(w.text, w.bbox, 0.43 if "QĐ" in w.text or w.text == "BÀO" else w.conf) for w in words]
    fields = quyet_dinh.extract_fields([(group_lines(unsure, 1), 2480)])
    assert fields["so_ky_hieu"].value == "183/QĐ-SGDĐT"


@pytest.mark.parametrize(
    ("named", "name"),
    [
        ("Bả Nguyễn Thị Minh Khai,", "Nguyễn Thị Minh Khai"),  # "Bà" as a fax leaves it
        ("Ông trần Văn thịnh,", "Trần Văn Thịnh"),  # a surname and a last syllable read lower-case
        ("Ông Lê Văn Nam được", "Lê Văn Nam"),  # a lower-case word inside the run is the sentence
    ],
)
def test_the_officer_of_dieu_1_is_found_through_fax_damage(named: str, name: str):
    rows = list(QD)
    rows[8] = f"Điều 1. Nâng bậc lương thường xuyên đối với {named} sinh ngày 15/06/1985,"
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    assert fields["ho_ten"].value == name


def test_a_speck_inside_the_body_and_a_comma_after_v_do_not_lose_the_ma_ngach():
    rows = list(QD)
    rows[9] = "ngạch Chuyên viên (mã số ˆ V,07.05.14) từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33"
    words = [w for ln in lines_from_text(rows, column_x=COLS) for w in ln.words]
    specked = [Word(w.text, (w.bbox[0], w.bbox[1], w.bbox[0] + 3, w.bbox[1] + 3), 0.36) if w.text == "ˆ" else w
               for w in words]  # fmt: skip
    fields = quyet_dinh.extract_fields([(group_lines(specked, 1), 2480)])
    assert fields["ma_ngach"].value == "V.07.05.14"


def test_a_he_so_with_its_8_read_as_b_is_the_new_he_so():
    rows = list(QD)
    rows[9] = "ngạch Chuyên viên (mã số 01.003) từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,B6"
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=COLS), 2480)])
    assert fields["he_so_luong"].value == "3.86"  # not the old 3,00 before it


def test_an_agency_header_word_read_in_title_case_is_in_capitals_like_the_rest():
    from ocr.extract.van_ban import in_capitals as _in_capitals

    assert _in_capitals("Sở NỘI VỤ") == "SỞ NỘI VỤ"
    assert _in_capitals("Sở Nội vụ") == "Sở Nội vụ"  # a header typed in title case stays so


def _decision(subject: str, body: list[str]) -> dict[str, str]:
    """QD with another trích yếu and other articles (Điều 1 … up to Nơi nhận)."""
    rows = QD[:4] + [subject] + QD[5:8] + body + QD[13:]
    cols = {2: 200, 4: 1240 - len(subject) * 11,  # the trích yếu centred under the title
            len(rows) - 4: 200, len(rows) - 3: 200, len(rows) - 1: 1500}  # fmt: skip
    fields = quyet_dinh.extract_fields([(lines_from_text(rows, column_x=cols), 2480)])
    return {k: f.value for k, f in fields.items()}


SALARY = ("ngach", "ma_ngach", "bac_luong", "he_so_luong", "ngay_huong_luong")


def test_recruitment_terms_stated_in_dieu_2():
    got = _decision("Về việc tuyển dụng và xếp lương công chức", [
        "Điều 1. Tuyển dụng Ông Lê Văn Nam, sinh ngày 02/03/1995, vào làm công chức tại Phòng Nội vụ.",
        "Điều 2. Ông Lê Văn Nam được xếp ngạch Chuyên viên, mã ngạch 01.003, bậc 1, hệ số 2,34",
        "kể từ ngày 01/08/2024.",
        "Điều 3. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./.",
    ])  # fmt: skip
    assert got["loai_quyet_dinh"] == "tuyen_dung"
    assert [got.get(k) for k in SALARY] == ["Chuyên viên", "01.003", "1", "2.34", "2024-08-01"]


def test_retirement_reports_the_pay_held_and_no_pay_date():
    got = _decision("Về việc nghỉ hưu để hưởng chế độ bảo hiểm xã hội", [
        "Điều 1. Cho Bà Trần Thị Mai, Chuyên viên chính, được nghỉ hưu kể từ ngày 01/01/2025.",
        "Mức lương hiện hưởng: ngạch Chuyên viên chính, mã ngạch 01.002, bậc 5, hệ số 5,76.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./.",
    ])  # fmt: skip
    assert got["loai_quyet_dinh"] == "nghi_huu"
    assert [got.get(k) for k in SALARY] == ["Chuyên viên chính", "01.002", "5", "5.76", None]


def test_nang_ngach_reports_the_granted_ngach_not_the_former():
    got = _decision("Về việc nâng ngạch công chức", [
        "Điều 1. Bổ nhiệm Ông Lê Văn Nam từ ngạch Cán sự, mã số 01.004, bậc 5/9, hệ số 3,66;",
        "được bổ nhiệm vào ngạch Chuyên viên, mã số 01.003, bậc 5/9, hệ số 3,66 kể từ ngày 01/03/2024.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ])  # fmt: skip
    assert got["loai_quyet_dinh"] == "nang_ngach"
    assert [got.get(k) for k in SALARY] == ["Chuyên viên", "01.003", "5", "3.66", "2024-03-01"]


def test_an_allowance_coefficient_is_not_the_salary():
    got = _decision("Về việc bổ nhiệm Trưởng phòng Tổ chức", [
        "Điều 1. Bổ nhiệm Ông Lê Văn Nam, giữ chức vụ Trưởng phòng Tổ chức.",
        "Điều 2. Ông Lê Văn Nam được hưởng phụ cấp chức vụ hệ số 0,30 kể từ ngày 01/03/2024.",
    ])  # fmt: skip
    assert got["loai_quyet_dinh"] == "bo_nhiem"
    assert not set(SALARY) & set(got)


def test_pay_date_before_the_terms_in_their_sentence():
    got = _decision("Về việc nâng bậc lương thường xuyên", [
        "Điều 1. Kể từ ngày 01/07/2024, Bà Nguyễn Thị Minh Khai, ngạch Chuyên viên (mã số 01.003)",
        "được nâng lên bậc 4, hệ số 3,33. Thời gian xét nâng bậc lương lần sau tính từ ngày 01/07/2027.",
    ])  # fmt: skip
    assert [got.get(k) for k in SALARY] == ["Chuyên viên", "01.003", "4", "3.33", "2024-07-01"]
