"""Any Nghị định 30 document read by its zones: header columns, title, trích yếu, signer, kind."""

from __future__ import annotations

import pytest

from ocr.extract import van_ban
from ocr.layout.classify import classify_page
from ocr.layout.split import split_documents
from tests.ocr.wordfactory import lines_from_text

CHI_THI = [
    "Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi",  # the digital-signature stamp above the header
    "ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH QUẢNG NGÃI   Độc lập - Tự do - Hạnh phúc",
    "Số: 04 /CT-UBND   Quảng Ngãi, ngày 15 tháng 3 năm 2024",
    "CHỈ THỊ",
    "Về việc tăng cường công tác phòng, chống tham nhũng",
    "Trong thời gian qua, công tác phòng, chống tham nhũng của tỉnh đã được tập trung lãnh đạo,",
]
SIGNATURE = [
    "chỉ đạo quyết liệt. Các cấp, các ngành triển khai thực hiện nghiêm túc./.",
    "Nơi nhận:   KT. CHỦ TỊCH",
    "- Thường trực Tỉnh ủy;   PHÓ CHỦ TỊCH",
    "- Lưu: VT, KTTH.",
    "Trần Hoàng Tuấn",
]
COLS = {1: 300, 2: 300, 3: 300, 4: 1100, 5: 500, 8: 300, 9: 300, 11: 1600}


def _doc(rows: list[str], cols: dict[int, int] | None = None) -> list:
    return lines_from_text(rows, column_x=cols if cols is not None else COLS)


def test_a_chi_thi_gives_its_header_fields_and_kind():
    fields = van_ban.extract_fields("khac", [(_doc(CHI_THI + SIGNATURE), 2480)])
    got = {k: f.value for k, f in fields.items()}
    assert got["so_ky_hieu"] == "04/CT-UBND"
    assert got["co_quan_ban_hanh"] == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"  # not the stamp above it
    assert got["ngay_ban_hanh"] == "2024-03-15"
    assert got["dia_danh"] == "Quảng Ngãi"
    assert got["trich_yeu"] == "Về việc tăng cường công tác phòng, chống tham nhũng"
    assert got["loai_van_ban"] == "chi_thi"
    assert got["nguoi_ky"] == "Trần Hoàng Tuấn"
    assert got["chuc_vu_nguoi_ky"] == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"


@pytest.mark.parametrize(
    ("title", "code", "kind"),
    [
        ("TỜ TRÌNH", "01/TTr-UBND", "to_trinh"),
        ("THÔNG BẢO", "53/TB-UBND", "thong_bao"),  # a mark OCR bent: the fold still names it
        ("BÁO CÁO", "280/BC-UBND", "bao_cao"),
        ("KẾ HOẠCH", "12/KH-UBND", "ke_hoach"),
        ("NGHỊ QUYẾT", "5/NQ-HĐND", "nghi_quyet"),
        ("QUY CHẾ", "3/QC-UBND", "quy_che"),
    ],
)
def test_the_kind_is_the_title(title, code, kind):
    rows = [r.replace("CHỈ THỊ", title).replace("04 /CT-UBND", code) for r in CHI_THI]
    fields = van_ban.extract_fields("khac", [(_doc(rows + SIGNATURE), 2480)])
    assert fields["loai_van_ban"].value == kind
    assert fields["so_ky_hieu"].value == code


def test_a_cong_van_has_no_title_and_its_trich_yeu_under_the_number():
    rows = [
        "ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH QUẢNG NGÃI   Độc lập - Tự do - Hạnh phúc",
        "Số: 299 /UBND-TTHC   Quảng Ngãi, ngày 15 tháng 01 năm 2025",
        "V/v công bố Danh mục TTHC",
        "Kính gửi: Sở Giao thông vận tải",
        "Thực hiện nội dung các Quyết định số 1743/QĐ-BGTVT ngày 31/12/2024 của Bộ trưởng,",
    ]
    fields = van_ban.extract_fields("khac", [(_doc(rows + SIGNATURE, {0: 300, 1: 300, 2: 300, 3: 300, 4: 900,
                                                                    7: 300, 8: 300, 10: 1600}), 2480)])
    assert fields["loai_van_ban"].value == "cong_van"
    assert fields["so_ky_hieu"].value == "299/UBND-TTHC"
    assert fields["trich_yeu"].value == "V/v công bố Danh mục TTHC"


def test_the_old_spelling_of_the_agency_is_kept_as_printed():
    rows = [r.replace("ỦY BAN", "UỶ BAN") for r in CHI_THI]
    fields = van_ban.extract_fields("khac", [(_doc(rows + SIGNATURE), 2480)])
    assert fields["co_quan_ban_hanh"].value == "UỶ BAN NHÂN DÂN TỈNH QUẢNG NGÃI"


def test_a_ministry_is_no_provincial_department():
    rows = [r.replace("ỦY BAN NHÂN DÂN", "BỘ GIÁO DỤC").replace("TỈNH QUẢNG NGÃI", "VÀ ĐÀO TẠO")
            .replace("/CT-UBND", "/QĐ-BGDĐT") for r in CHI_THI]
    fields = van_ban.extract_fields("khac", [(_doc(rows + SIGNATURE), 2480)])
    assert fields["co_quan_ban_hanh"].value == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert fields["so_ky_hieu"].value == "04/QĐ-BGDĐT"


def test_a_personal_paper_gives_its_kind_only():
    rows = ["GIẤY KHAI SINH", "Họ, chữ đệm, tên: NGUYỄN VĂN AN", "Ngày, tháng, năm sinh: 01/01/1990"]
    fields = van_ban.extract_fields("khac", [(lines_from_text(rows, column_x={0: 900}), 2480)])
    assert {k: f.value for k, f in fields.items()} == {"loai_van_ban": "giay_to_ca_nhan"}


def test_the_signature_page_of_a_chi_thi_stays_in_it():
    first, last = _doc(CHI_THI), _doc(SIGNATURE, {1: 300, 2: 300, 4: 1600})
    kinds = [(1, classify_page(first, 3508)), (2, classify_page(last, 3508))]
    assert kinds[1][1].type == "quyet_dinh" and not kinds[1][1].starts  # "Nơi nhận": an NĐ 30 page
    docs = split_documents(kinds)
    assert [(d.type, d.pages) for d in docs] == [("khac", [1, 2])]


def test_a_receipt_slip_after_the_signature_does_not_hide_the_signer():
    receipt = lines_from_text(["Quyết định đã giao trực tiếp cho người đại diện", "NGƯỜI NHẬN QUYẾT ĐỊNH",
                               "(Ký, ghi rõ họ và tên)"], page=2, column_x={1: 1300, 2: 1450})
    fields = van_ban.extract_fields("khac", [(_doc(CHI_THI + SIGNATURE), 2480), (receipt, 2480)])
    assert fields["nguoi_ky"].value == "Trần Hoàng Tuấn"
    # a page before the last gives a name only under a signer's title, never from body text
    plain = lines_from_text(["Tổ trưởng   Nguyễn Văn An"], column_x={0: 300})
    assert "nguoi_ky" not in van_ban.signer_of("khac", [(plain, 2480), (receipt, 2480)])


def test_a_1990s_decision_title_that_runs_on_is_still_a_decision_and_junk_is_no_agency():
    rows = [
        "UỶ BAN NHÂN DÂN   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH CAO BẰNG   Độc lập - Tự do - Hạnh phúc",
        "GIẾT 0L in Chị.9",  # a typewriter's smudge between the agency and the số
        "Số: 157 /QĐ-NĐ-UB   Cao Bằng, ngày 22 tháng 2 năm 1999",
        "QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN TỈNH",
        "Về việc giao quyền sử dụng đất ở dân cư",
        "- Căn cứ Luật đất đai ngày 24/7/1993;",
    ]
    lines = lines_from_text(rows, column_x={0: 300, 1: 300, 2: 500, 3: 300, 4: 700, 5: 700})
    assert classify_page(lines, 3508).type == "quyet_dinh"
    fields = van_ban.extract_fields("quyet_dinh", [(lines, 2480)])
    assert fields["co_quan_ban_hanh"].value == "UỶ BAN NHÂN DÂN TỈNH CAO BẰNG"
    assert fields["so_ky_hieu"].value == "157/QĐ-NĐ-UB"
    assert fields["ngay_ban_hanh"].value == "1999-02-22"
