"""Tables of a Sơ yếu lý lịch come back as rows, wrapped cells joined."""

from __future__ import annotations

from ocr.extract.tables import read_tables
from ocr.layout.lines import group_lines
from ocr.model import Word


def _row(y: int, cells: list[tuple[int, str]]) -> list[Word]:
    words = []
    for x, text in cells:
        for tok in text.split():
            words.append(Word(tok, (x, y, x + 20 * len(tok), y + 40), 0.95))
            x += 20 * len(tok) + 18
    return words


def test_work_history_rows_with_a_wrapped_cell():
    words = []
    words += _row(100, [(900, "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC")])
    words += _row(180, [(200, "Tháng/năm"), (420, "Tháng/năm"), (700, "Đơn vị công tác"), (1800, "Chức danh/ chức vụ")])
    words += _row(240, [(230, "Từ"), (450, "Đến")])
    words += _row(320, [(200, "05/1985"), (420, "05/1989"), (700, "Trường Đại học Luật"), (1800, "Sinh viên")])
    words += _row(400, [(200, "06/1994"), (420, "nay"), (700, "Sở Xây dựng tỉnh Long"), (1800, "Chuyên viên")])
    words += _row(460, [(700, "An")])
    tables = read_tables(group_lines(words), "tt06_2023")
    assert tables["qua_trinh_cong_tac"] == [
        {"tu": "05/1985", "den": "05/1989", "don_vi": "Trường Đại học Luật", "chuc_vu": "Sinh viên"},
        {"tu": "06/1994", "den": "nay", "don_vi": "Sở Xây dựng tỉnh Long An", "chuc_vu": "Chuyên viên"},
    ]


def test_family_table_on_2008_form():
    words = []
    words += _row(100, [(900, "30) QUAN HỆ GIA ĐÌNH")])
    words += _row(160, [(300, "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột")])
    words += _row(240, [(200, "Mối quan hệ"), (500, "Họ và tên"), (1000, "Năm sinh"), (1300, "Quê quán, nghề nghiệp")])
    words += _row(320, [(200, "Cha"), (500, "Trần Văn Toàn"), (1000, "1939"), (1300, "Hà Nội; Hưu trí")])
    words += _row(400, [(200, "Mẹ"), (500, "Lê Thị Thu"), (1000, "1942"), (1300, "Hà Nội; Nội trợ")])
    rows = read_tables(group_lines(words), "2c_bnv_2008")["quan_he_gia_dinh"]
    assert [r["moi_quan_he"] for r in rows] == ["Cha", "Mẹ"]
    assert rows[1] == {"moi_quan_he": "Mẹ", "ho_ten": "Lê Thị Thu", "nam_sinh": "1942", "thong_tin": "Hà Nội; Nội trợ"}


def test_no_rows_no_table():
    words = _row(100, [(900, "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC")])
    assert read_tables(group_lines(words), "tt06_2023") == {}
