"""Mẫu 2C-BNV/2008 "Sơ yếu lý lịch cán bộ, công chức" (items 1–32, labels per DOMAIN.md §1)."""

from __future__ import annotations

import random

from samples import fmt
from samples.render.base import Form, Slot
from samples.render.common import Filler, birth_slots, footer, salary_history
from samples.render.marks import photo_box
from samples.render.table import table
from samples.values import Officer, add_years, degree_of

DB = "…/…/……"
ADDR_HINT = "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)"


def _hint(f: Form, s: str) -> None:
    f.y += 6
    f.center(s, "LS-I", 9.5)
    f.down(15)


def _head(f: Form, o: Officer, fl: Filler) -> None:
    f.text("Mẫu 2C-BNV/2008", f.right, "LS-B", 12, "right")
    f.down(20)
    f.line(Slot("Cơ quan, đơn vị có thẩm quyền quản lý CBCC: ", o.co_quan_quan_ly, None,
                "co_quan_quan_ly"))  # fmt: skip
    f.line(Slot("Số hiệu cán bộ, công chức: ", o.so_hieu if fl.rng.random() < 0.6 else None, None,
                "so_hieu_cbcc"))  # fmt: skip
    f.line(Slot("Cơ quan, đơn vị sử dụng CBCC: ", o.co_quan_su_dung, None, "co_quan_su_dung"))
    top = f.y
    photo_box(f.c, f.left, top, 75, 100, fl.rng.random() < 0.5)
    f.y = top - 45
    f.center("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", "LS-B", 15, x0=f.left + 85)
    f.y = top - 120


def _items(f: Form, o: Officer, fl: Filler) -> None:
    d = fl.date
    f.line(Slot("1) Họ và tên khai sinh (viết chữ in hoa): ", fmt.upper_vn(o.ho_ten), None,
                "ho_ten", o.ho_ten))  # fmt: skip
    f.line(Slot("2) Tên gọi khác: "))
    f.line(*birth_slots(fl, "3) Sinh ngày: ", o.ngay_sinh, 60),
           Slot(", Giới tính (nam, nữ): ", o.gioi_tinh, None, "gioi_tinh"))  # fmt: skip
    f.line(Slot("4) Nơi sinh: ", fl.address(o.noi_sinh), None, "noi_sinh"))
    f.line(Slot("5) Quê quán: ", fl.address(o.que_quan), None, "que_quan"))
    f.line(Slot("6) Dân tộc: ", o.dan_toc, 150, "dan_toc"),
           Slot(", 7) Tôn giáo: ", o.ton_giao, None, "ton_giao"))  # fmt: skip
    f.line(Slot("8) Nơi đăng ký hộ khẩu thường trú: ", o.noi_o, None, "ho_khau_thuong_tru"))
    _hint(f, ADDR_HINT)
    f.line(Slot("9) Nơi ở hiện nay: ", o.noi_o, None, "noi_o_hien_nay"))
    _hint(f, ADDR_HINT)
    f.line(Slot("10) Nghề nghiệp khi được tuyển dụng: ", o.nghe_nghiep_truoc, None,
                "nghe_nghiep_khi_tuyen_dung"))  # fmt: skip
    f.line(Slot("11) Ngày tuyển dụng: ", d(o.ngay_tuyen_dung), 60, "ngay_tuyen_dung",
                fmt.iso(o.ngay_tuyen_dung), DB),
           Slot(", Cơ quan tuyển dụng: ", o.co_quan_tuyen_dung, None, "co_quan_tuyen_dung"))
    f.line(Slot("12) Chức vụ (chức danh) hiện tại: ", o.chuc_vu, None, "chuc_vu"))
    _hint(f, "(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)")
    f.line(Slot("13) Công việc chính được giao: ", o.cong_viec_chinh, None, "cong_viec_chinh"))
    pc = o.phu_cap_chuc_vu
    f.line(Slot("14) Ngạch công chức (viên chức): ", o.ngach, 170, "ngach"),
           Slot(", Mã ngạch: ", o.ma_ngach, None, "ma_ngach"))  # fmt: skip
    f.line(Slot("Bậc lương: ", str(o.bac), 60, "bac_luong"),
           Slot(", Hệ số: ", fmt.comma(o.he_so), 60, "he_so_luong", fmt.dec(o.he_so)),
           Slot(", Ngày hưởng: ", d(o.ngay_huong), None, "ngay_huong_luong",
                fmt.iso(o.ngay_huong), DB))  # fmt: skip
    f.line(Slot("Phụ cấp chức vụ: ", fmt.comma(pc) if pc else None, 120, "phu_cap_chuc_vu",
                fmt.dec(pc) if pc else None), Slot(", Phụ cấp khác: "))  # fmt: skip
    f.line(Slot("15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): ",
                o.trinh_do_pho_thong, None, "trinh_do_pho_thong"))  # fmt: skip
    f.line(Slot("15.2- Trình độ chuyên môn cao nhất: ", o.trinh_do_chuyen_mon, None,
                "trinh_do_chuyen_mon"))  # fmt: skip
    _hint(f, "(TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành)")
    f.line(Slot("15.3- Lý luận chính trị: ", o.ly_luan, 120, "ly_luan_chinh_tri"),
           Slot(" 15.4- Quản lý nhà nước: ", o.qlnn, None, "quan_ly_nha_nuoc"))  # fmt: skip
    _hint(f, "(Cao cấp, trung cấp, sơ cấp và tương đương)          (chuyên viên cao cấp, "
          "chuyên viên chính, chuyên viên, cán sự, ….)")
    f.line(Slot("15.5- Ngoại ngữ: ", o.ngoai_ngu, 150, "ngoai_ngu"),
           Slot(" 15.6- Tin học: ", o.tin_hoc, None, "tin_hoc"))  # fmt: skip
    _hint(f, "(Tên ngoại ngữ + Trình độ A, B, C, D…)                    (Trình độ A, B, C, ...)")
    dang, ct = o.ngay_vao_dang, o.ngay_chinh_thuc
    f.line(Slot("16) Ngày vào Đảng Cộng sản Việt Nam: ", d(dang), 60, "ngay_vao_dang",
                fmt.iso(dang) if dang else None, DB),
           Slot(", Ngày chính thức: ", d(ct), None, "ngay_chinh_thuc_dang",
                fmt.iso(ct) if ct else None, DB))  # fmt: skip
    f.line(Slot("17) Ngày tham gia tổ chức chính trị - xã hội: ",
                f"{d(add_years(o.ngay_sinh, 16))}, vào Đoàn TNCS Hồ Chí Minh"))
    f.line(Slot("18) Ngày nhập ngũ: ", None, 40, blank=DB), Slot(", Ngày xuất ngũ: ", None, 40,
           blank=DB), Slot(" Quân hàm cao nhất: "))  # fmt: skip
    f.line(Slot("19) Danh hiệu được phong tặng cao nhất: "))
    f.line(Slot("20) Sở trường công tác: ", o.so_truong, None, "so_truong_cong_tac"))
    f.line(Slot("21) Khen thưởng: ", o.khen_thuong, None, "khen_thuong"))
    f.line(Slot("22) Kỷ luật: "))
    f.line(Slot("23) Tình trạng sức khoẻ: ", o.suc_khoe, 60, "tinh_trang_suc_khoe"),
           Slot(", Chiều cao: ", o.chieu_cao, 40, "chieu_cao"),
           Slot(", Cân nặng: ", o.can_nang, 40, "can_nang"),
           Slot(" kg, Nhóm máu: ", o.nhom_mau, None, "nhom_mau"))  # fmt: skip
    f.line(Slot("24) Là thương binh hạng: ", None, 30, blank="…/…"),
           Slot(", Là con gia đình chính sách: "))  # fmt: skip
    so = o.so_cmnd if fl.rng.random() < 0.4 else o.so_cccd
    f.line(Slot("25) Số chứng minh nhân dân: ", so, 150, "so_cccd"),
           Slot(" Ngày cấp: ", d(o.ngay_cap_cccd), None, "ngay_cap_cccd",
                fmt.iso(o.ngay_cap_cccd), DB))  # fmt: skip
    f.line(Slot("26) Số sổ BHXH: ", o.so_bhxh, None, "so_bhxh"))


def _tables(f: Form, o: Officer) -> None:
    f.down(10)
    f.ensure(120)
    f.paragraph("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, "
                "TIN HỌC", "LS-B", 12.5, align="center")  # fmt: skip
    s, e = add_years(o.ngay_sinh, 18), add_years(o.ngay_sinh, 22)
    y = o.ngay_tuyen_dung.year + 2
    rows = [[o.school, o.trinh_do_chuyen_mon, f"{s.month:02d}/{s.year}-{e.month:02d}/{e.year}",
             "Chính quy", degree_of(o.trinh_do_chuyen_mon)],
            [f"Trường Chính trị tỉnh {o.province.name}", "Lý luận chính trị", f"03/{y}-12/{y}",
             "Tại chức", o.ly_luan]]  # fmt: skip
    table(f, [30, 26, 22, 18, 22], ["Tên trường", "Chuyên ngành đào\ntạo, bồi dưỡng",
            "Từ tháng, năm -\nđến tháng, năm", "Hình thức\nđào tạo",
            "Văn bằng, chứng\nchỉ, trình độ gì"], rows, 4)  # fmt: skip
    f.heading("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", size=12.5)
    work = [[f"{a} - {b}", f"{pos}, {unit}"] for a, b, pos, unit in o.work]
    table(f, [25, 75], ["Từ tháng, năm đến\ntháng, năm", "Chức danh, chức vụ, đơn vị công tác "
            "(đảng, chính quyền, đoàn thể, tổ chức xã hội),\nkể cả thời gian được đào tạo, bồi "
            "dưỡng về chuyên môn, nghiệp vụ, ..."], work, 4)  # fmt: skip
    f.heading("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", size=12.5)
    f.line(Slot("- Khai rõ: bị bắt, bị tù, bản thân có làm việc trong chế độ cũ: ", "Không"))
    f.line(Slot("- Tham gia hoặc có quan hệ với các tổ chức ở nước ngoài: ", "Không"))
    f.line(Slot("- Có thân nhân ở nước ngoài: ", "Không"))
    f.heading("30) QUAN HỆ GIA ĐÌNH", size=12.5)
    f.heading("a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", centered=False)
    hdr = ["Mối quan\nhệ", "Họ và tên", "Năm\nsinh", "Quê quán, nghề nghiệp, chức danh, chức "
           "vụ, đơn vị công tác,\nhọc tập, nơi ở (trong, ngoài nước); thành viên các tổ chức\n"
           "chính trị - xã hội ..."]  # fmt: skip
    table(f, [14, 30, 10, 60], hdr, [list(r) for r in o.family], 4)
    f.heading("b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột", centered=False)
    table(f, [14, 30, 10, 60], hdr, [], 3)
    f.heading("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC", size=12.5)
    sal = salary_history(o)[-5:]
    table(f, [22] + [18] * len(sal), ["Tháng/năm", *[f"{s.month:02d}/{s.year}" for s, *_ in sal]],
            [["Mã ngạch/bậc", *[f"{c}/{b}" for _, c, b, _ in sal]],
             ["Hệ số lương", *[h for *_, h in sal]]], 2)  # fmt: skip
    f.paragraph("32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG "
                "CHỨC", "LS-B", 12.5, align="center")  # fmt: skip
    for _ in range(3):
        f.line(Slot(""))


def render(f: Form, o: Officer, rng: random.Random) -> None:
    """Draw the whole form (3–4 pages)."""
    fl = Filler.random(rng)
    _head(f, o, fl)
    _items(f, o, fl)
    _tables(f, o)
    footer(f, o, fl, ["Thủ trưởng cơ quan, đơn vị quản lý", "và sử dụng CBCC"], rng.random() < 0.7)
