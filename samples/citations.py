"""Legal bases ("Căn cứ …") a decision cites, chosen by what was in force on its date."""

from __future__ import annotations

from datetime import date

# topic → (in force from, citation), oldest first.
CITATIONS: dict[str, list[tuple[date, str]]] = {
    "local": [
        (date(2004, 1, 1), "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 "
                           "tháng 11 năm 2003;"),
        (date(2016, 1, 1), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    ],
    "cbcc": [
        (date(1998, 1, 1), "Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm 1998;"),
        (date(2010, 1, 1), "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;"),
    ],
    "vc": [
        (date(1998, 1, 1), "Căn cứ Pháp lệnh Cán bộ, công chức ngày 26 tháng 02 năm 1998;"),
        (date(2012, 1, 1), "Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;"),
    ],
    "luong": [
        (date(1993, 1, 1), "Căn cứ Nghị định số 25/CP ngày 23 tháng 5 năm 1993 của Chính phủ "
                           "quy định tạm thời chế độ tiền lương mới;"),
        (date(2004, 10, 1), "Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14 tháng 12 năm 2004 của "
                            "Chính phủ về chế độ tiền lương đối với cán bộ, công chức, viên chức "
                            "và lực lượng vũ trang;"),
    ],
    "nang_bac": [
        (date(2005, 1, 1), "Căn cứ Thông tư số 03/2005/TT-BNV ngày 05 tháng 01 năm 2005 của Bộ "
                           "Nội vụ hướng dẫn thực hiện chế độ nâng bậc lương thường xuyên;"),
        (date(2013, 9, 15), "Căn cứ Thông tư số 08/2013/TT-BNV ngày 31 tháng 7 năm 2013 của Bộ "
                            "Nội vụ hướng dẫn thực hiện chế độ nâng bậc lương thường xuyên và "
                            "nâng bậc lương trước thời hạn;"),
    ],
    "tuyen_dung_cc": [
        (date(2003, 1, 1), "Căn cứ Nghị định số 117/2003/NĐ-CP ngày 10 tháng 10 năm 2003 của "
                           "Chính phủ về việc tuyển dụng, sử dụng và quản lý cán bộ, công chức;"),
        (date(2010, 5, 1), "Căn cứ Nghị định số 24/2010/NĐ-CP ngày 15 tháng 3 năm 2010 của "
                           "Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức;"),
        (date(2020, 11, 27), "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của "
                             "Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức;"),
    ],
    "tuyen_dung_vc": [
        (date(2003, 1, 1), "Căn cứ Nghị định số 116/2003/NĐ-CP ngày 10 tháng 10 năm 2003 của "
                           "Chính phủ về việc tuyển dụng, sử dụng và quản lý cán bộ, công chức "
                           "trong các đơn vị sự nghiệp của Nhà nước;"),
        (date(2012, 5, 20), "Căn cứ Nghị định số 29/2012/NĐ-CP ngày 12 tháng 4 năm 2012 của "
                            "Chính phủ về tuyển dụng, sử dụng và quản lý viên chức;"),
        (date(2020, 9, 25), "Căn cứ Nghị định số 115/2020/NĐ-CP ngày 25 tháng 9 năm 2020 của "
                            "Chính phủ quy định về tuyển dụng, sử dụng và quản lý viên chức;"),
    ],
    "ky_luat": [
        (date(2005, 1, 1), "Căn cứ Nghị định số 35/2005/NĐ-CP ngày 17 tháng 3 năm 2005 của "
                           "Chính phủ về việc xử lý kỷ luật cán bộ, công chức;"),
        (date(2011, 7, 1), "Căn cứ Nghị định số 34/2011/NĐ-CP ngày 17 tháng 5 năm 2011 của "
                           "Chính phủ quy định về xử lý kỷ luật đối với công chức;"),
        (date(2020, 11, 30), "Căn cứ Nghị định số 112/2020/NĐ-CP ngày 30 tháng 11 năm 2020 của "
                             "Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức;"),
    ],
    "khen_thuong": [
        (date(2004, 1, 1), "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;"),
        (date(2024, 1, 1), "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
    ],
}  # fmt: skip


def cite(topic: str, when: date) -> str:
    """The citation of a topic in force on `when` (the oldest one before any was)."""
    options = CITATIONS[topic]
    current = [text for start, text in options if start <= when]
    return current[-1] if current else options[0][1]
