"""The "Mẫu sơ yếu lý lịch" circulated with Thông tư 06/2023/TT-BNV, filled like a Word form."""

from __future__ import annotations

import random

from samples import fmt
from samples.render.base import Form, Slot
from samples.render.common import (
    Filler,
    birth_slots,
    footer,
    que_quan_slots,
    salary_history,
    training_rows,
)
from samples.render.marks import photo_box
from samples.render.table import table
from samples.values import Officer

DATE_BLANK = "…/…/……"


def _head(f: Form, o: Officer, fl: Filler) -> None:
    f.heading("MẪU SƠ YẾU LÝ LỊCH")
    f.text("(Ban hành kèm theo Thông tư số 06/2023/TT-BNV ngày 04/5/2023 của Bộ trưởng Bộ Nội vụ)",
           f.left, "LS", 12.2)  # fmt: skip
    f.down(22)
    f.line(Slot("Cơ quan quản lý cán bộ, công chức, viên chức: ", o.co_quan_quan_ly, None,
                "co_quan_quan_ly"))  # fmt: skip
    f.line(Slot("Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức: ", o.co_quan_su_dung,
                None, "co_quan_su_dung"))  # fmt: skip
    f.line(Slot("Số hiệu: ", o.so_hieu if fl.rng.random() < 0.5 else None, None, "so_hieu_cbcc"))
    f.line(Slot("Mã số định danh: ", o.so_cccd, None, "ma_so_dinh_danh"))


def _identity(f: Form, o: Officer, fl: Filler) -> None:
    """SƠ YẾU LÝ LỊCH box: photo cell on the left of items 1–5."""
    x0, top = f.left + 88, f.y + 10
    f.down(4)
    f.center("SƠ YẾU LÝ LỊCH", "LS-B", x0=x0)
    f.down(22)
    f.line(Slot("1) Họ và tên khai sinh (viết chữ in hoa): ", fmt.upper_vn(o.ho_ten), 150,
                "ho_ten", o.ho_ten),
           Slot(" Giới tính: ", o.gioi_tinh, None, "gioi_tinh"), x0=x0 + 3)  # fmt: skip
    f.line(Slot("2) Các tên gọi khác: "), x0=x0 + 3)
    f.line(*birth_slots(fl, "3) Sinh ngày: ", o.ngay_sinh), x0=x0 + 3)
    f.line(Slot("4) Nơi sinh: ", fl.address(o.noi_sinh), None, "noi_sinh"), x0=x0 + 3)
    f.line(*que_quan_slots(fl, o, "5) Quê quán "), x0=x0 + 3)
    bottom = f.y + 12
    c = f.c
    c.setLineWidth(0.5)
    c.rect(f.left, bottom, f.right - f.left, top - bottom)
    c.line(x0, bottom, x0, top)
    photo_box(c, f.left + 8, top - 42, 72, 96, fl.rng.random() < 0.5)
    f.down(4)


def _items(f: Form, o: Officer, fl: Filler) -> None:
    d = fl.date
    f.line(Slot("6) Dân tộc: ", o.dan_toc, None, "dan_toc"))
    f.line(Slot("7) Tôn giáo: ", o.ton_giao, None, "ton_giao"))
    f.line(Slot("8) Số CCCD: ", o.so_cccd, 120, "so_cccd"),
           Slot(" Ngày cấp: ", d(o.ngay_cap_cccd), 70, "ngay_cap_cccd",
                fmt.iso(o.ngay_cap_cccd), DATE_BLANK),
           Slot(" SĐT liên hệ: ", o.so_dien_thoai, None, "so_dien_thoai"))  # fmt: skip
    f.line(Slot("9) Số BHXH: ", o.so_bhxh, 170, "so_bhxh"),
           Slot(" Số thẻ BHYT: ", o.so_the_bhyt, None, "so_the_bhyt"))  # fmt: skip
    f.line(Slot("10) Nơi ở hiện nay: ", o.noi_o, None, "noi_o_hien_nay"))
    f.line(Slot("11) Thành phần gia đình xuất thân: ", o.thanh_phan, None, "thanh_phan_gia_dinh"))
    f.line(Slot("12) Nghề nghiệp trước khi được tuyển dụng: ", o.nghe_nghiep_truoc, None,
                "nghe_nghiep_khi_tuyen_dung"))  # fmt: skip
    f.line(Slot("13) Ngày được tuyển dụng lần đầu: ", d(o.ngay_tuyen_dung), 60, "ngay_tuyen_dung",
                fmt.iso(o.ngay_tuyen_dung), DATE_BLANK),
           Slot(" Cơ quan, tổ chức, đơn vị tuyển dụng: ", o.co_quan_tuyen_dung, None,
                "co_quan_tuyen_dung"))  # fmt: skip
    f.line(Slot("14) Ngày vào cơ quan hiện đang công tác: ", d(o.ngay_vao_co_quan), None,
                "ngay_vao_co_quan_hien_tai", fmt.iso(o.ngay_vao_co_quan)))  # fmt: skip
    dang, ct = o.ngay_vao_dang, o.ngay_chinh_thuc
    f.line(Slot("15) Ngày vào Đảng Cộng sản Việt Nam: ", d(dang), 60, "ngay_vao_dang",
                fmt.iso(dang) if dang else None, DATE_BLANK),
           Slot(" Ngày chính thức: ", d(ct), None, "ngay_chinh_thuc_dang",
                fmt.iso(ct) if ct else None, DATE_BLANK))  # fmt: skip
    f.text("16) Ngày tham gia tổ chức chính trị-xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn,",
           f.left)  # fmt: skip
    f.down()
    f.line(Slot("Hội): ", f"{d(o.ngay_tuyen_dung)}, Công đoàn"))
    f.line(Slot("17) Ngày nhập ngũ: ", None, 50, blank=".../.../……"),
           Slot(" Ngày xuất ngũ: ", None, 50, blank=DATE_BLANK),
           Slot(" Quân hàm cao nhất: "))  # fmt: skip
    f.line(Slot("18) Đối tượng chính sách: "))
    f.line(Slot("19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): ",
                o.trinh_do_pho_thong, None, "trinh_do_pho_thong"))  # fmt: skip
    f.line(Slot("20) Trình độ chuyên môn cao nhất: ", o.trinh_do_chuyen_mon, None,
                "trinh_do_chuyen_mon"))  # fmt: skip
    f.line(Slot("21) Học hàm: "))
    f.line(Slot("22) Danh hiệu nhà nước phong tặng: "))
    f.line(Slot("23) Chức vụ hiện tại: ", o.chuc_vu, None, "chuc_vu"))
    bn = o.ngay_bo_nhiem
    f.line(Slot("Ngày bổ nhiệm/ngày phê chuẩn:", d(bn), 60, "ngay_bo_nhiem",
                fmt.iso(bn) if bn else None, ".../.../..."),
           Slot(" Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo:", None, 10, blank=".../.../…"))
    for label in ("24) Được quy hoạch chức danh: ", "25) Chức vụ kiêm nhiệm: ",
                  "26) Chức vụ Đảng hiện tại: ", "27) Chức vụ Đảng kiêm nhiệm: "):
        f.line(Slot(label))
    f.line(Slot("28) Công việc chính được giao: ", o.cong_viec_chinh, None, "cong_viec_chinh"))
    f.line(Slot("29) Sở trường công tác: ", o.so_truong, 150, "so_truong_cong_tac"),
           Slot(" Công việc làm lâu nhất "))  # fmt: skip


def _salary(f: Form, o: Officer, fl: Filler) -> None:
    d = fl.date
    f.text("30) Tiền lương", f.left)
    f.down()
    f.line(Slot("30.1) Ngạch/chức danh nghề nghiệp: ", o.ngach, 190, "ngach"),
           Slot(" Mã số: ", o.ma_ngach, None, "ma_ngach"))  # fmt: skip
    f.line(Slot("Ngày bổ nhiệm ngạch/chức danh nghề nghiệp: ", d(o.ngay_bo_nhiem_ngach), None,
                "ngay_bo_nhiem_ngach", fmt.iso(o.ngay_bo_nhiem_ngach), DATE_BLANK))
    f.line(Slot("Bậc lương: ", str(o.bac), 90, "bac_luong"),
           Slot(" Hệ số: ", fmt.comma(o.he_so), 80, "he_so_luong", fmt.dec(o.he_so)),
           Slot(" Ngày hưởng: ", d(o.ngay_huong), None, "ngay_huong_luong",
                fmt.iso(o.ngay_huong), DATE_BLANK))  # fmt: skip
    f.text("Phần trăm hưởng:....%; Phụ cấp thâm niên vượt khung:...%; Ngày hưởng PCTNVK: "
           ".../.../...", f.left)  # fmt: skip
    f.down()
    pc = o.phu_cap_chuc_vu
    f.line(Slot("30.2) Phụ cấp chức vụ: ", fmt.comma(pc) if pc else None, 60, "phu_cap_chuc_vu",
                fmt.dec(pc) if pc else None),
           Slot(" Phụ cấp kiêm nhiệm ", None, 70), Slot(" Phụ cấp khác "))  # fmt: skip
    f.line(Slot("30.3) Vị trí việc làm: ", o.chuc_vu, 200, "vi_tri_viec_lam"), Slot(" Mã số: "))
    f.line(Slot("Bậc lương ", None, 70), Slot(" Lương theo mức tiền: ", None, 60),
           Slot("vnđ. Ngày hưởng: ", None, None, blank=DATE_BLANK))  # fmt: skip
    f.text("Phần trăm hưởng:...%; Phụ cấp thâm niên vượt khung:..%; Ngày hưởng PCTNVK: …/…/…",
           f.left)  # fmt: skip
    f.down()
    f.line(Slot("31) Tình trạng sức khoẻ: ", o.suc_khoe, None, "tinh_trang_suc_khoe"))
    f.line(Slot("Chiều cao: ", o.chieu_cao, 50, "chieu_cao"),
           Slot(" cm, Cân nặng: ", o.can_nang, 50, "can_nang"),
           Slot(" kg, Nhóm máu: ", o.nhom_mau, None, "nhom_mau"))  # fmt: skip


def _tables(f: Form, o: Officer, fl: Filler) -> None:
    f.down(10)
    f.ensure(150)
    f.heading("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG")
    period = ["Từ", "Đến"]
    rows = training_rows(o)
    f.heading("32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)", centered=False)
    table(f, [14, 14, 34, 30, 15, 15], [*period, "Tên cơ sở đào tạo", "Chuyên ngành đào tạo",
            "Hình thức\nđào tạo", "Văn bằng,\ntrình độ"], rows, 2, group="Tháng/năm")  # fmt: skip
    y = o.ngay_tuyen_dung.year + fl.rng.randint(1, 6)
    sections = (
        ("32.2- Lý luận chính trị", ["Tên cơ sở đào tạo", "Hình thức\nđào tạo", "Văn bằng\nđược cấp"],
         [[f"03/{y}", f"12/{y}", f"Trường Chính trị tỉnh {o.province.name}", "Tại chức",
           o.ly_luan]]),
        ("32.5- Tin học", ["Tên cơ sở đào tạo", "Chứng chỉ được cấp"],
         [[f"06/{y - 1}", f"08/{y - 1}", o.school, o.tin_hoc]]),
        ("32.6- Ngoại ngữ/ tiếng dân tộc", ["Tên cơ sở đào tạo", "Tên ngoại ngữ/ tiếng\ndân tộc",
         "Chứng chỉ được\ncấp"], [[f"09/{y}", f"12/{y}", o.school, o.ngoai_ngu.split(" ")[1],
                                  o.ngoai_ngu]]),
    )  # fmt: skip
    for title, cols, data in sections:
        f.heading(title, centered=False)
        widths = [14, 14, 50] + [22] * (len(cols) - 1)
        table(f, widths, [*period, *cols], data, 1, group="Tháng/năm")
    f.heading("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC")
    work = [[a, b, unit, pos] for a, b, pos, unit in o.work]
    table(f, [14, 14, 55, 35], [*period, "Đơn vị công tác (đảng, chính quyền, đoàn\nthể, tổ chức "
            "xã hội)", "Chức danh/ chức vụ"], work, 3, group="Tháng/năm")  # fmt: skip
    f.heading("36) QUAN HỆ GIA ĐÌNH")
    f.heading("36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", centered=False)
    table(f, [14, 30, 10, 60], ["Mối\nquan hệ", "Họ và tên", "Năm\nsinh", "Quê quán, nghề "
            "nghiệp, chức danh, chức vụ, đơn vị công\ntác, học tập, nơi ở (trong, ngoài nước)"],
            [list(r) for r in o.family], 4)  # fmt: skip
    f.heading("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH")
    f.heading("37.1- Quá trình lương của bản thân", centered=False)
    sal = salary_history(o)
    rows = [[f"{s.month:02d}/{s.year}", f"{n.month:02d}/{n.year}" if i + 1 < len(sal) else "nay",
             code, str(b), hs, ""]
            for i, ((s, code, b, hs), (n, *_)) in enumerate(zip(sal, [*sal[1:], sal[-1]], strict=True))]  # noqa: E501
    table(f, [13, 13, 18, 16, 18, 26], [*period, "Mã số", "Bậc lương", "Hệ số lương",
            "Tiền lương theo vị trí\nviệc làm"], rows, 2, group="Tháng/năm")  # fmt: skip


def render(f: Form, o: Officer, rng: random.Random) -> None:
    """Draw the whole form (3–4 pages)."""
    fl = Filler.random(rng)
    _head(f, o, fl)
    _identity(f, o, fl)
    _items(f, o, fl)
    _salary(f, o, fl)
    _tables(f, o, fl)
    footer(f, o, fl, ["Xác nhận của cơ quan, đơn vị quản lý", "cán bộ, công chức, viên chức"],
           rng.random() < 0.7)  # fmt: skip
