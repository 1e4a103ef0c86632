"""Label-anchored extraction of a Sơ yếu lý lịch from lines of words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ocr.extract import syll
from ocr.layout.classify import classify_page
from ocr.layout.lines import Line
from tests.ocr.wordfactory import lines_from_text

TT06_PAGE1 = [
    "MẪU SƠ YẾU LÝ LỊCH",
    "(Ban hành kèm theo Thông tư số 06/2023/TT-BNV ngày 04/5/2023 của Bộ trưởng Bộ Nội vụ)",
    "Cơ quan quản lý cán bộ, công chức, viên chức: UBND tỉnh Long An ……………",
    "Số hiệu: ……………………………………",
    "SƠ YẾU LÝ LỊCH",
    "1) Họ và tên khai sinh (viết chữ in hoa): NGUYỄN THỊ MINH KHAI ………… Giới tính: Nữ",
    "2) Các tên gọi khác: ……………………………………",
    "3) Sinh ngày: 15 tháng 06 năm 1985 ………………",
    "4) Nơi sinh: Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An ……",
    "5) Quê quán (xã, phường): Tân Phú (huyện, quận): Đức Hòa (tỉnh, TP): Long An",
    "6) Dân tộc: Kinh ……………………………………",
    "7) Tôn giáo: Không ……………………………",
    "8) Số CCCD: 079185001234 …… Ngày cấp: 12/08/2021 SĐT liên hệ: 0912345678",
    "9) Số BHXH: 7912345678 …………… Số thẻ BHYT: ……………",
    "13) Ngày được tuyển dụng lần đầu: 01/09/2008 Cơ quan, tổ chức, đơn vị tuyển dụng: UBND huyện Đức Hòa",
    "15) Ngày vào Đảng Cộng sản Việt Nam: …/…/…… Ngày chính thức: …/…/……",
    "20) Trình độ chuyên môn cao nhất: Cử nhân Luật ……………",
    "23) Chức vụ hiện tại: Phó Trưởng phòng ……………",
    "30.1) Ngạch/chức danh nghề nghiệp: Chuyên viên …………… Mã số: 01.003 ……",
    "Ngày bổ nhiệm ngạch/chức danh nghề nghiệp: 01/09/2009",
    "Bậc lương: 4 …………… Hệ số: 3,33 ………… Ngày hưởng: 01/07/2024",
    "30.3) Vị trí việc làm: Chuyên viên tổng hợp ……… Mã số: 99.999 ……",
    "Bậc lương 2 …… Lương theo mức tiền: …… vnđ. Ngày hưởng: 01/01/2020",
]


def test_tt06_page_is_classified_with_layout():
    kind = classify_page(lines_from_text(TT06_PAGE1), height=3508)
    assert (kind.type, kind.starts, kind.layout) == ("so_yeu_ly_lich", True, "tt06_2023")


def test_tt06_core_fields_are_read_and_normalized():
    fields = syll.extract_fields(lines_from_text(TT06_PAGE1), "tt06_2023")
    got = {k: f.value for k, f in fields.items()}
    assert got["ho_ten"] == "Nguyễn Thị Minh Khai"
    assert got["gioi_tinh"] == "Nữ"
    assert got["ngay_sinh"] == "1985-06-15"
    assert got["que_quan"] == "Tân Phú, Đức Hòa, Long An"
    assert got["dan_toc"] == "Kinh"
    assert got["ton_giao"] == "Không"
    assert got["so_cccd"] == "079185001234"
    assert got["ngay_cap_cccd"] == "2021-08-12"
    assert got["so_bhxh"] == "7912345678"
    assert got["ngay_tuyen_dung"] == "2008-09-01"
    assert got["co_quan_tuyen_dung"] == "UBND huyện Đức Hòa"
    assert got["trinh_do_chuyen_mon"] == "Cử nhân Luật"
    assert got["chuc_vu"] == "Phó Trưởng phòng"
    assert got["ngach"] == "Chuyên viên"
    assert got["ma_ngach"] == "01.003"  # 30.1, not the 30.3 "Mã số"
    assert got["bac_luong"] == "4"
    assert got["he_so_luong"] == "3.33"
    assert got["ngay_huong_luong"] == "2024-07-01"
    assert "ngay_vao_dang" not in fields  # only dots on paper: absent
    assert "so_hieu_cbcc" not in fields


def test_value_carries_raw_page_and_box():
    fields = syll.extract_fields(lines_from_text(TT06_PAGE1, page=2), "tt06_2023")
    f = fields["ho_ten"]
    assert f.raw == "NGUYỄN THỊ MINH KHAI"
    assert f.page == 2
    x0, y0, x1, y1 = f.bbox
    assert x1 > x0 and y1 > y0


def test_ocr_damaged_labels_still_anchor():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ vả tên khai sỉnh (viết chữ ỉn hoa): TRẦN VĂN BÌNH …… Giởi tính: Nam",
        "3) Sinh ngảy: 02/01/1979",
        "6) Dân tộc: Tày",
    ]
    got = {k: f.value for k, f in syll.extract_fields(lines_from_text(rows), "tt06_2023").items()}
    assert got["ho_ten"] == "Trần Văn Bình"
    assert got["gioi_tinh"] == "Nam"
    assert got["ngay_sinh"] == "1979-01-02"
    assert got["dan_toc"] == "Tày"


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("Hải Minh (huyện, quận): Hải Hậu (œm, rmp): Nam Định", "Hải Minh, Hải Hậu, Nam Định"),
        # labels read without their bracket
        ("xã Cẩm Thành quyện, quận: huyện Cẩm Xuyên œøm 1: tỉnh Hà Tĩnh",
         "xã Cẩm Thành, huyện Cẩm Xuyên, tỉnh Hà Tĩnh"),
        # what is left of a label is lower-case, and the next box opens with its kind
        ("Xã Kim Liên tuuyệu dua: Huyện Nam Đàn túi (?): Tỉnh Nghệ An",
         "Xã Kim Liên, Huyện Nam Đàn, Tỉnh Nghệ An"),
    ],
)
def test_mangled_box_label_still_splits_the_address(line: str, address: str):
    assert _que_quan(line, "tt06_2023", lines_from_text) == address


def _values(rows: list[str], layout: str, lines_of: Callable[[list[str]], list[Line]] = lines_from_text) -> dict[str, str]:
    """The field values read from a page of these rows."""
    return {k: f.value for k, f in syll.extract_fields(lines_of(rows), layout).items()}


def _que_quan(line: str, layout: str, lines_of: Callable[[list[str]], list[Line]]) -> str:
    """The quê quán read from a page whose boxed quê quán line has these words after its label."""
    item = 5 if layout == "tt06_2023" else 6
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh (viết chữ in hoa): LÊ VĂN AN Giới tính: Nam",
        f"{item}) Quê quán (xã, phường): {line}",
        f"{item + 1}) Dân tộc: Kinh",
    ]
    return _values(rows, layout, lines_of)["que_quan"]


def test_a_numbered_item_is_never_the_tail_of_a_wrapped_value():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh (viết chữ in hoa): LÊ VĂN AN Giới tính: Nam",
        "4) Nơi sinh: Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định, nơi rất xa về phía nam của tổ quốc thân yêu",
        "7) Nơi ở hiện nay (bị OCR làm hỏng): Số 201, đường Hùng Vương",
    ]
    got = syll.extract_fields(lines_from_text(rows), "tt06_2023")
    assert "Hùng Vương" not in got["noi_sinh"].value


def full(text: str, width: int = 66) -> str:
    """A line filled to the margin with its dotted leader."""
    return text + " " + "…" * max(1, width - len(text) - 1)


def test_capitalised_name_wrapped_before_the_margin_is_joined():
    """The word processor moved the last given name to the next line: it did not fit after TRUNG."""
    from ocr.layout.lines import group_lines
    from tests.ocr.wordfactory import words_from_text

    rows = [
        full("Cơ quan quản lý: Sở Xây dựng tỉnh Long An"),
        full("Cơ quan, đơn vị sử dụng: Phòng Quy hoạch"),
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh (viết chữ in hoa): QUÁCH THANH TRUNG",
        full("HOÀNGVĂNĐỨC", 40),
        full("Giới tính: Nam"),
        full("2) Các tên gọi khác:"),
    ]
    words = words_from_text(rows)
    edge = max(w.bbox[2] for w in words)
    name_end = max(w.bbox[2] for w in words if w.text == "TRUNG")
    assert name_end < edge - 0.08 * (edge - 200)  # short of the margin: the old rule did not join it
    got = syll.extract_fields(group_lines(words, 1), "tt06_2023")
    assert got["ho_ten"].value == "Quách Thanh Trung Hoàngvănđức"
    assert got["gioi_tinh"].value == "Nam"


def test_a_word_that_missed_the_margin_by_less_than_its_space_still_wrapped():
    """A text layer's line broke before "Nguyên", which overran the margin by a few pixels only."""
    rows = [
        full("1) Họ và tên khai sinh: TRƯƠNG THỊ ANH Nam, nữ: Nữ", 65),
        full("4) Sinh ngày: 11 tháng 04 năm 1969", 65),
        "5) Nơi sinh: Xã Phúc Xuân, Thành phố Thái Nguyên, Tỉnh Thái",
        full("Nguyên", 65),
        full("6) Quê quán (xã, phường): Xã Phúc Xuân", 65),
    ]
    assert len(rows[2]) == 59  # its end + a space + "Nguyên" passes the margin by under 2 % of the line
    assert _values(rows, "2c_tctw_98")["noi_sinh"] == "Xã Phúc Xuân, Thành phố Thái Nguyên, Tỉnh Thái Nguyên"


def test_short_value_does_not_take_the_next_line():
    rows = [
        full("Cơ quan quản lý: Sở Xây dựng tỉnh Long An"),
        "1) Họ và tên khai sinh (viết chữ in hoa): LÊ AN",
        full("HOÀNG", 40),  # a line of its own: it would have fitted after AN
        full("Giới tính: Nam"),
        full("2) Các tên gọi khác:"),
    ]
    got = syll.extract_fields(lines_from_text(rows), "tt06_2023")
    assert got["ho_ten"].value == "Lê An"



def test_labels_lost_to_ocr_damage_do_not_lose_the_labels_after_them():
    # 2C/TCTW-98 page 1 off a fax: the "Chức vụ (…)" label is unreadable, and the photo box and
    # a smudge push "4) Sinh ngày" six lines past the last label found
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: NGUYỄN QUỲNH NGỌC Nam, nữ: Nữ",
        "2) Các tên gọi khác:",
        "3) Cấp ủy hiện tại: Cấp ủy kiêm:",
        "Ảnh 4x6",
        "Chức VỤ (Đang, đoàn thế. quyền, kế (¿ cliớc vụ kiếp nhiền):",
        '( "lính',
        "Phó Trưởng phòng Tài chính doanh nghiệp",
        "xx",
        "4) Sinh ngày: 29 tháng 7 năm 1990",
        "5) Nơi sinh: Xã Kim Liên, Huyện Nam Đàn, Tỉnh Nghệ An",
    ]
    got = {k: f.value for k, f in syll.extract_fields(lines_from_text(rows), "2c_tctw_98").items()}
    assert got["ngay_sinh"] == "1990-07-29"
    assert got["noi_sinh"] == "Xã Kim Liên, Huyện Nam Đàn, Tỉnh Nghệ An"


def test_a_part_label_is_not_found_inside_a_later_items_label():
    # the "(tỉnh, TP):" box label is lost to OCR; its short form "TP):" also ends item 7's label
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: LƯƠNG BÍCH NHUNG Nam, nữ: Nữ",
        "4) Sinh ngày: 14 tháng 12 năm 1994",
        "5) Nơi sinh: Xã Hồng Việt, Huyện Hòa An, Tỉnh Cao Bằng",
        "6) Quê quán oa, phường): Xã Nga Điền thuyện, quận): Huyện Nga Sơn. (œmh,rp): Tỉnh Thanh Hóa",
        "7) Nơi ở hiện nay (xã, huyện, tỉnh hoặc số nhà, dường phø, Tp): Số 152, đường Nguyễn Huệ, Nghệ An",
        "đ/thoại: 0780406114",
        "8) Dân tộc: (kinh, Tày, Mông, Ê đ&..): Kinh 9) Tôn giáo: Không",
    ]
    got = _values(rows, "2c_tctw_98")
    assert got["que_quan"] == "Xã Nga Điền, Huyện Nga Sơn, Tỉnh Thanh Hóa"
    assert got["noi_o_hien_nay"] == "Số 152, đường Nguyễn Huệ, Nghệ An"
    assert got["so_dien_thoai"] == "0780406114"


def test_a_stray_number_before_a_full_label_does_not_hide_it():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: THÁI NGỌC HIẾU Nam, nữ: Nam",
        "2) Các tên gọi khác:",
        "3) Cấp ủy hiện tại: , Cấp ủy kiêm:",
        "6) Chức vụ (bảng, đoàn thể, Chính quyền, kế cả chức vụ kiêm nhiệm)?",  # "6)": a speck read
        "Phó Hiệu trưởng Phụ cấp chức vụ:",
        "á 4) Sinh ngày: 21 tháng 11 năm 1982",
    ]
    got = _values(rows, "2c_tctw_98")
    assert got["chuc_vu"] == "Phó Hiệu trưởng"
    assert got["ngay_sinh"] == "1982-11-21"


def _with_small_print(rows: list[str]) -> list[Line]:
    """Lines where a token written "~tok" is a box label's small print: shorter and read unsurely."""
    from dataclasses import replace

    from ocr.layout.lines import group_lines
    from tests.ocr.wordfactory import words_from_text

    words = [
        replace(w, text=w.text[1:], bbox=(w.bbox[0], w.bbox[1] + 15, w.bbox[2], w.bbox[3]), conf=0.2)
        if w.text.startswith("~") else replace(w, conf=0.95)
        for w in words_from_text(rows)
    ]  # fmt: skip
    return group_lines(words, 1)


@pytest.mark.parametrize(
    ("line", "address"),
    [
        # what OCR made of "(huyện, quận):" and "(tỉnh, TP):" in small print, no colon to cut at
        ("~(‹¿.,uư»¿): xã Diễn Thành ~tuuyệa ~du2¿; huyện Diễn Châu ~(s4 ~te: tỉnh Nghệ An",
         "xã Diễn Thành, huyện Diễn Châu, tỉnh Nghệ An"),
        ("Xã Phước Lợi — ~¿y4 Huyện Bến Lức ~già ~¡p;: Tỉnh Long An", "Xã Phước Lợi, Huyện Bến Lức, Tỉnh Long An"),
        ("Lý Văn Lâm ~(uuyệu ~quậa, Cà Mau ~tuúi ~¿?); Cà Mau", "Lý Văn Lâm, Cà Mau, Cà Mau"),
        # a dash between sure words is the name's own; one small speck inside a name cuts nothing
        ("Long Điền (huyện, quận): Long Điền (tỉnh, TP): Bà Rịa - Vũng Tàu", "Long Điền, Long Điền, Bà Rịa - Vũng Tàu"),
        ("Tân ~' Phú (huyện, quận): Đức Hòa (tỉnh, TP): Long An", "Tân Phú, Đức Hòa, Long An"),
    ],
)
def test_small_print_of_an_unplaced_box_label_is_no_value_and_ends_its_box(line: str, address: str):
    assert _que_quan(line, "2c_tctw_98", _with_small_print) == address


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("TRẦN VĂN HẢI Nan:, nữ: Nam", "Trần Văn Hải"),  # "Nam, nữ:" damaged: the capitals end the name
        ("NGUYỄN VĂN A", "Nguyễn Văn A"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
    ],
)
def test_a_name_in_capitals_ends_where_the_capitals_end(line: str, name: str):
    rows = ["SƠ YẾU LÝ LỊCH", f"1) Họ và tên khai sinh: {line}", "2) Các tên gọi khác: Không"]
    assert _values(rows, "2c_tctw_98")["ho_ten"] == name


def test_smudges_read_after_a_text_value_are_no_part_of_it():
    from ocr.model import Word

    words = [Word(t, (60 * i, 0, 60 * i + 50, 40), c) for i, (t, c) in
             enumerate([("Cử", 0.95), ("nhân", 0.95), ("Kinh", 0.95), ("tế", 0.9), ("§-¬-", 0.1), ("4øasse", 0.3)])]  # fmt: skip
    assert [w.text for w in syll._without_smudges(words)] == ["Cử", "nhân", "Kinh", "tế"]
    ticks = [*words[:4], Word("l", (300, 0, 310, 40), 0.3), Word("l", (320, 0, 330, 40), 0.3)]
    assert [w.text for w in syll._without_smudges(ticks)] == ["Cử", "nhân", "Kinh", "tế"]  # "PPDH l l"
    sure = [*words[:4], Word("B", (300, 0, 340, 40), 0.4)]  # a capital read unsurely may be the value's
    assert syll._without_smudges(sure) == sure


@pytest.mark.parametrize("name", ["NGUYỄN QUANG CÔNG ĐÔNG", "NGUYỄN QUÂN"])
def test_an_officer_named_nguyen_quang_or_quan_is_no_tu_thuat_form(name: str):
    rows = [*TT06_PAGE1[:5], f"1) Họ và tên khai sinh (viết chữ in hoa): {name} Giới tính: Nam", *TT06_PAGE1[6:]]
    kind = classify_page(lines_from_text(rows), height=3508)
    assert (kind.type, kind.layout) == ("so_yeu_ly_lich", "tt06_2023")


def test_a_label_colon_read_as_a_dot_still_ends_the_label():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: LÊ VĂN AN Nam, nữ: Nam",
        "19) Ngạch công chức: Chuyên viên (mã số: 01.003 ) Bậc lương. l, hệ số. 2.34 ttháng l1 /2021",
        "20) Danh hiệu: Không",
    ]
    got = _values(rows, "2c_tctw_98")
    assert (got["bac_luong"], got["he_so_luong"]) == ("1", "2.34")  # the hệ số before the damaged "từ tháng"


def test_a_bac_read_as_a_section_sign_is_an_8():
    rows = ["SƠ YẾU LÝ LỊCH", "1) Họ và tên khai sinh (viết chữ in hoa): LÊ VĂN AN Giới tính: Nam",
            "Bậc lương: § Hệ số: 4,65 Ngày hưởng: 01/09/2021"]  # fmt: skip
    got = _values(rows, "tt06_2023")
    assert (got["bac_luong"], got["he_so_luong"]) == ("8", "4.65")


@pytest.mark.parametrize(
    ("read", "printed"),
    [("Tiếng Anh À2", "Tiếng Anh A2"), ("Tiếng Pháp: B", "Tiếng Pháp B"), ("Tin học văn phòng", "Tin học văn phòng")],
)
def test_a_language_level_is_as_printed(read: str, printed: str):
    assert syll._level_as_printed(read) == printed


def test_the_tail_of_a_long_label_is_no_value_and_the_value_is_on_the_next_line():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: LÊ VĂN AN Nam, nữ: Nam",
        "3) Cấp ủy hiện tại: Cấp ủy kiêm:",
        'Chức VỤ (Đang, đoàn thế. ( "lính quyền, kế (¿ cliớc vụ kiếp nhiền): n)',
        "Phó Trưởng phòng Tài chính doanh nghiệp Phụ cấp chức vụ: 0,20",
    ]
    assert _values(rows, "2c_tctw_98")["chuc_vu"] == "Phó Trưởng phòng Tài chính doanh nghiệp"


def test_a_que_quan_label_whose_small_print_is_garbled_is_found_by_its_words():
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh: LÊ VĂN AN Nam, nữ: Nam",
        "6} Quê quán ~(x¡.z»¿: Phúc Xuân ~(quuyệu ~q2: Thái Nguyên ~(uc ~(?: Thái Nguyên",
        "7) Dân tộc: Kinh",
    ]
    assert _values(rows, "2c_tctw_98", _with_small_print)["que_quan"] == "Phúc Xuân, Thái Nguyên, Thái Nguyên"


@pytest.mark.parametrize(
    ("phone", "sure"),
    [("0912345678", True), ("02513822456", True), ("90208352513535351581534235433128335896971222", False)],
)
def test_a_number_of_a_length_its_field_never_has_is_reported_unsure(phone: str, sure: bool):
    rows = [
        "SƠ YẾU LÝ LỊCH",
        "1) Họ và tên khai sinh (viết chữ in hoa): LÊ VĂN AN Giới tính: Nam",
        f"8) Số CCCD: 079185001234 Ngày cấp: 12/08/2021 SĐT liên hệ: {phone}",
    ]
    fields = syll.extract_fields(lines_from_text(rows), "tt06_2023")
    assert fields["so_dien_thoai"].value == phone  # kept: the reviewer sees what the paper gave
    assert (fields["so_dien_thoai"].confidence > syll.WRONG_LENGTH_CONF) is sure
    assert fields["so_cccd"].confidence > syll.WRONG_LENGTH_CONF
