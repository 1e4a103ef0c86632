"""Mẫu 2C/TCTW-98 "Sơ yếu lý lịch" (items 1–31, labels as on the official template)."""

from __future__ import annotations

import random
from datetime import date

from samples import fmt
from samples.render.base import Form, Slot
from samples.render.common import Filler, birth_slots, footer, que_quan_slots, salary_history
from samples.render.marks import photo_box
from samples.render.table import table
from samples.values import Officer, add_years, degree_of


def _dmy(label: str, d: date | None, key: str | None, tail: str = "") -> list[Slot]:
    """Slots of "label …… / …… / ……" with day, month and year typed into the three gaps."""
    if d is None:
        return [Slot(label, None, 30), Slot(" / ", None, 30), Slot(" / ", None, 35)]
    return [Slot(label, f"{d.day:02d}", 30), Slot(" / ", f"{d.month:02d}", 30),
            Slot(" / ", str(d.year), 35 if tail else None, key, fmt.iso(d))]  # fmt: skip


def _head(f: Form, o: Officer, fl: Filler) -> None:
    f.text(f"Tỉnh: {o.province.name}", f.left, "LS", 12)
    f.text("Mẫu 2C/TCTW-98", f.right, "LS", 12, "right")
    f.down(15)
    f.text(f"Đơn vị trực thuộc: {o.sector.name}", f.left, "LS", 12)
    f.text("SƠ YẾU LÝ LỊCH", f.left + 285, "LS-B", 17, "center")
    f.down(15)
    f.text(f"Đơn vị cơ sở: {o.unit}"[:46], f.left, "LS", 12)
    f.text(o.so_hieu if fl.rng.random() < 0.5 else "......................................",
           f.right - 60, "LS", 12, "center")  # fmt: skip
    f.down(13)
    f.text("Số hiệu cán bộ, công chức", f.right - 60, "LS", 10.5, "center")
    f.down(24)


def _items(f: Form, o: Officer, fl: Filler) -> None:
    x0, top = f.left + 95, f.y + 12
    photo_box(f.c, f.left, top - 8, 82, 112, fl.rng.random() < 0.4, ("Ảnh 4 x 6",))
    f.line(Slot("1) Họ và tên khai sinh: ", fmt.upper_vn(o.ho_ten), 150, "ho_ten", o.ho_ten),
           Slot("  Nam, nữ: ", o.gioi_tinh, None, "gioi_tinh"), x0=x0)  # fmt: skip
    f.line(Slot("2) Các tên gọi khác: "), x0=x0)
    f.line(Slot("3) Cấp ủy hiện tại: ", None, 140), Slot(" , Cấp ủy kiêm: "), x0=x0)
    f.line(Slot("Chức vụ [[(Đảng, đoàn thể, Chính quyền, kể cả chức vụ kiêm nhiệm)]]: "), x0=x0)
    pc = o.phu_cap_chuc_vu
    f.line(Slot("", o.chuc_vu, 250, "chuc_vu"),
           Slot(" Phụ cấp chức vụ: ", fmt.comma(pc) if pc else None, None, "phu_cap_chuc_vu",
                fmt.dec(pc) if pc else None), x0=x0)  # fmt: skip
    f.line(*birth_slots(fl, "4) Sinh ngày: ", o.ngay_sinh),
           Slot(" 5) Nơi sinh: ", fl.address(o.noi_sinh), None, "noi_sinh"), x0=x0)
    f.line(*que_quan_slots(fl, o, "6) Quê quán ", small=True))
    f.line(Slot("7) Nơi ở hiện nay [[(Xã, huyện, tỉnh hoặc số nhà, đường phố, TP)]]: ", o.noi_o,
                250, "noi_o_hien_nay"),
           Slot(" đ/thoại: ", o.so_dien_thoai, None, "so_dien_thoai"))  # fmt: skip
    f.line(Slot("8) Dân tộc: [[(Kinh, Tày, Mông, Ê đê...)]]: ", o.dan_toc, 150, "dan_toc"),
           Slot(" 9) Tôn giáo: ", o.ton_giao, None, "ton_giao"))  # fmt: skip
    f.line(Slot("10) Thành phần gia đình xuất thân: ", o.thanh_phan, None, "thanh_phan_gia_dinh"))
    f.line(Slot("11) Nghề nghiệp bản thân trước khi được tuyển dụng: ", o.nghe_nghiep_truoc,
                None, "nghe_nghiep_khi_tuyen_dung"))  # fmt: skip
    f.line(*_dmy("12) Ngày được tuyển dụng: ", o.ngay_tuyen_dung, "ngay_tuyen_dung", "x"),
           Slot(" Vào cơ quan nào, ở dâu: ", o.co_quan_tuyen_dung, None, "co_quan_tuyen_dung"))
    f.line(*_dmy("13) Ngày vào cơ quan hiện đang công tác: ", o.ngay_vao_co_quan,
                 "ngay_vao_co_quan_hien_tai", "x"),
           *_dmy(", Ngày tham gia cách mạng: ", None, None))  # fmt: skip
    f.line(*_dmy("14) Ngày vào Đảng Cộng sản Việt Nam: ", o.ngay_vao_dang, "ngay_vao_dang", "x"),
           *_dmy(" Ngày chính thức: ", o.ngay_chinh_thuc, "ngay_chinh_thuc_dang"))
    f.line(Slot("15) Ngày tham gia các tổ chức chính trị, xã hội: ",
                f"{fl.date(add_years(o.ngay_sinh, 16))}, vào Đoàn TNCSHCM"))
    f.line(*_dmy("16) Ngày nhập ngũ: ", None, None), *_dmy(" Ngày xuất ngũ: ", None, None),
           Slot(" Quân hàm, chức vụ cao nhất [[(năm)]]: "))  # fmt: skip
    f.line(Slot("17) Trình độ học vấn: Giáo dục phổ thông: ", o.trinh_do_pho_thong, 40,
                "trinh_do_pho_thong"),
           Slot(" Học hàm, học vị cao nhất: ", o.trinh_do_chuyen_mon, None,
                "trinh_do_chuyen_mon"))  # fmt: skip
    f.line(Slot("- Lý luận chính trị: ", o.ly_luan, 110, "ly_luan_chinh_tri"),
           Slot("    - Ngoại ngữ: ", o.ngoai_ngu, None, "ngoai_ngu"))  # fmt: skip
    f.line(Slot("18) Công tác chính đang làm: ", o.cong_viec_chinh, None, "cong_viec_chinh"))
    f.line(Slot("19) Ngạch công chức: ", o.ngach, 80, "ngach"),
           Slot(" (mã số: ", o.ma_ngach, 45, "ma_ngach"),
           Slot(") Bậc lương: ", str(o.bac), 25, "bac_luong"),
           Slot(", hệ số: ", fmt.comma(o.he_so), 30, "he_so_luong", fmt.dec(o.he_so)),
           Slot(" từ tháng ", str(o.ngay_huong.month), 18),
           Slot(" /", str(o.ngay_huong.year), None, "ngay_huong_luong",
                fmt.ym(o.ngay_huong)))  # fmt: skip
    f.line(Slot("20) Danh hiệu được phong [[(năm nào)]]: "))
    f.line(Slot("21) Sở trường công tác: ", o.so_truong, 150, "so_truong_cong_tac"),
           Slot(" Công việc đã làm lâu nhất: "))  # fmt: skip
    f.line(Slot("22) Khen thưởng: ", o.khen_thuong, None, "khen_thuong"))
    f.line(Slot("23) Kỷ luật [[(Đảng, Chính quyền, Đoàn thể, Cấp quyết định, năm nào, lý do, "
                "hình thức, ...)]]: "))  # fmt: skip
    f.line(Slot("24) Tình trạng sức khỏe: ", o.suc_khoe, 90, "tinh_trang_suc_khoe"),
           Slot(" Cao: 1m", o.chieu_cao[1:], 25),
           Slot(", Cân nặng: ", o.can_nang, 25, "can_nang"),
           Slot(" (kg), Nhóm máu: ", o.nhom_mau, None, "nhom_mau"))  # fmt: skip
    so = o.so_cmnd if fl.rng.random() < 0.5 else o.so_cccd
    f.line(Slot("25) Số chứng minh nhân dân: ", so, 120, "so_cccd"),
           Slot(" Thương binh loại: ", None, 60), Slot(" Gia đình liệt sĩ: ", None, 10))


def _tables(f: Form, o: Officer) -> None:
    f.new_page()
    f.paragraph("26) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ",
                "LS-B", 12.5, align="center")  # fmt: skip
    s, e = add_years(o.ngay_sinh, 18), add_years(o.ngay_sinh, 22)
    rows = [[o.school, o.trinh_do_chuyen_mon, f"{s.month}/{s.year} - {e.month}/{e.year}",
             "Chính quy", degree_of(o.trinh_do_chuyen_mon)],
            [f"Trường Chính trị tỉnh {o.province.name}", "Lý luận chính trị", "", "Tại chức",
             o.ly_luan]]  # fmt: skip
    table(f, [28, 28, 18, 16, 22], ["Tên trường", "Ngành học hoặc tên lớp học", "Thời gian học",
            "Hình thức học", "Văn bằng, chứng\nchỉ, trình độ gì"], rows, 5)  # fmt: skip
    f.text("Ghi chú: Hình thức học: Chính quy, tại chức, chuyên tu, bồi dưỡng .../ Văn bằng: "
           "Tiến sĩ, Phó tiến sĩ, Thạc sĩ, Cử nhân, Kỹ sư ...", f.left, "LS-I", 9.5)  # fmt: skip
    f.down(24)
    f.heading("27) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", size=12.5)
    table(f, [22, 78], ["Từ tháng, năm\nđến tháng, năm", "Chức danh, chức vụ, đơn vị công tác "
            "(Đảng, Chính quyền, Đoàn thể)"], [[f"{a} - {b}", f"{pos}, {u}"] for a, b, pos, u in o.work], 8)
    f.heading("30) QUAN HỆ GIA ĐÌNH", size=12.5)
    f.heading("a) Về bản thân: Bố, Mẹ, Vợ (chồng), các con, anh chị em ruột", size=12)
    table(f, [14, 30, 10, 60], ["Quan hệ", "Họ và tên", "Năm\nsinh", "Quê quán, nghề nghiệp, "
            "chức danh, chức vụ, đơn vị, công tác, học tập,\nnơi ở (trong, ngoài nước); thành viên "
            "các tổ chức chính trị-xã hội ..."], [list(r) for r in o.family], 5)  # fmt: skip
    f.heading("31) HOÀN CẢNH KINH TẾ GIA ĐÌNH", size=12.5)
    f.text("- Quá trình lương của bản thân:", f.left, "LS")
    f.down(8)
    sal = salary_history(o)[-5:]
    table(f, [20] + [16] * len(sal), ["Tháng/năm:", *[f"{s.month}/{s.year}" for s, *_ in sal]],
            [["Ngạch/bậc:", *[f"{c}/{b}" for _, c, b, _ in sal]],
             ["Hệ số lương:", *[h for *_, h in sal]]], 2)  # fmt: skip


def render(f: Form, o: Officer, rng: random.Random) -> None:
    """Draw the whole form (2–3 pages)."""
    fl = Filler.random(rng)
    _head(f, o, fl)
    _items(f, o, fl)
    _tables(f, o)
    footer(f, o, fl, ["Xác nhận của cơ quan quản lý"], rng.random() < 0.6)
