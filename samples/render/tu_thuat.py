"""The job-application "Sơ yếu lý lịch tự thuật" form (labels as on the common template)."""

from __future__ import annotations

import random

from samples import fmt
from samples.render.base import Form, Slot
from samples.render.common import Filler, training_rows
from samples.render.marks import photo_box, signature
from samples.render.table import table
from samples.values import TODAY, Officer, add_years, rand_date

DB = "…/…./……"


def _head(f: Form, fl: Filler) -> None:
    photo_box(f.c, f.left, f.y + 10, 75, 100, fl.rng.random() < 0.5, ("Ảnh",))
    rc = f.left + 290
    f.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rc, "LS-B", 13, "center")
    f.down(16)
    f.text("Độc lập - Tự do- Hạnh phúc", rc, "LS-B", 13, "center")
    f.down(40)
    f.text("SƠ YẾU LÝ LỊCH", rc - 20, "LS-B", 18, "center")
    f.down(20)
    f.text("TỰ THUẬT", rc - 20, "LS-B", 14, "center")
    f.down(34)


def _self(f: Form, o: Officer, fl: Filler) -> None:
    d = fl.date
    x = f.left + 18
    f.heading("I. THÔNG TIN BẢN THÂN.", centered=False)
    f.line(Slot("1. Họ và tên (chữ in hoa) ", fmt.upper_vn(o.ho_ten), 200, "ho_ten", o.ho_ten),
           Slot(" Nam/ Nữ ", o.gioi_tinh, None, "gioi_tinh"), x0=x)  # fmt: skip
    bd = o.ngay_sinh
    f.line(Slot("2. Sinh ngày ", f"{bd.day:02d}", 30), Slot(" tháng ", f"{bd.month:02d}", 30),
           Slot(" năm ", str(bd.year), 45, "ngay_sinh", fmt.iso(bd)),
           Slot(" Nơi sinh ", fl.address(o.noi_sinh), None, "noi_sinh"), x0=x)  # fmt: skip
    f.line(Slot("3. Nguyên quán ", fl.address(o.que_quan), None, "que_quan"), x0=x)
    f.line(Slot("4. Nơi đăng ký hộ khẩu thường trú ", o.noi_o, None, "ho_khau_thuong_tru"), x0=x)
    f.line(Slot("5. Chỗ ở hiện nay ", o.noi_o, None, "noi_o_hien_nay"), x0=x)
    f.line(Slot("6. Điện thoại liên hệ: ", o.so_dien_thoai, None, "so_dien_thoai"), x0=x)
    f.line(Slot("7. Dân tộc ", o.dan_toc, 120, "dan_toc"),
           Slot("Tôn giáo ", o.ton_giao, None, "ton_giao"), x0=x)  # fmt: skip
    f.line(Slot("8. Số CCCD/CMND ", o.so_cccd, 100, "so_cccd"),
           Slot(" cấp ngày ", d(o.ngay_cap_cccd), 60, "ngay_cap_cccd", fmt.iso(o.ngay_cap_cccd),
                DB),
           Slot(" nơi cấp ", "Cục Cảnh sát QLHC về TTXH", None), x0=x)  # fmt: skip
    f.line(Slot("9. Trình độ văn hóa ", o.trinh_do_pho_thong, None, "trinh_do_pho_thong"), x0=x)
    f.line(Slot("10. Kết nạp Đoàn TNCS HCM ", d(add_years(o.ngay_sinh, 16)), 70, blank=DB),
           Slot(" tại ", "Trường THPT"), x0=x)  # fmt: skip
    dang = o.ngay_vao_dang
    f.line(Slot("11. Kết nạp Đảng CSVN ", d(dang), 70, "ngay_vao_dang",
                fmt.iso(dang) if dang else None, DB),
           Slot(" tại ", o.unit if dang else None), x0=x)  # fmt: skip
    f.line(Slot("12. Khen thưởng/ Kỷ luật: ", o.khen_thuong), x0=x)
    f.line(Slot("13. Sở trường: ", o.so_truong, None, "so_truong_cong_tac"), x0=x)


def _family(f: Form, o: Officer) -> None:
    f.paragraph("II. QUAN HỆ GIA ĐÌNH (Ghi rõ họ tên, năm sinh, nghề nghiệp, nơi công tác của "
                "bố mẹ đẻ, anh chị em ruột)", "LS-B")  # fmt: skip
    x = f.left + 18
    for n, (rel, name, year, info) in enumerate(o.family[:2], start=1):
        who = "cha" if rel == "Cha" else "mẹ"
        f.line(Slot(f"{n}. Họ và tên {who}: ", name, 200), Slot(" Năm sinh: ", year), x0=x)
        f.line(Slot("- Nghề nghiệp hiện nay: ", info.split("; ")[-1]), x0=x)
        f.line(Slot("- Cơ quan công tác : "), x0=x)
        f.line(Slot("- Chỗ ở hiện nay: ", info.split("; ")[0]), x0=x)
    for n in (3, 4):
        f.line(Slot(f"{n}. Họ và tên Anh/chị em ruột: ", None, 180), Slot(" Năm sinh: "), x0=x)
        f.line(Slot("- Nghề nghiệp hiện nay: "), x0=x)
        f.line(Slot("- Cơ quan công tác: "), x0=x)


def render(f: Form, o: Officer, rng: random.Random) -> None:
    """Draw the form (2 pages)."""
    fl = Filler.random(rng)
    f.style.spacing = 1.4
    _head(f, fl)
    _self(f, o, fl)
    _family(f, o)
    f.new_page()
    f.heading("III. TÓM TẮT QUÁ TRÌNH ĐÀO TẠO.", centered=False)
    rows = [[f"{r[0]} - {r[1]}", r[2], r[3], r[4], r[5]] for r in training_rows(o)]
    table(f, [20, 32, 20, 18, 16], ["Từ tháng năm\nđến tháng\nnăm", "Tên trường\nhoặc cơ sở đào "
            "tạo", "Ngành học", "Hình thức đào tạo", "Văn bằng\nchứng chỉ"], rows, 3)
    f.heading("IV. TÓM TẮT QUÁ TRÌNH CÔNG TÁC", centered=False)
    work = [[f"{a} - {b}", unit, pos] for a, b, pos, unit in o.work]
    table(f, [20, 55, 25], ["Từ tháng năm\nđến tháng\nnăm", "Đơn vị công tác", "Chức vụ"], work, 3)
    f.paragraph("Tôi xin cam đoan bản khai sơ yếu lý lịch trên đúng sự thật, nếu có điều gì không "
                "đúng tôi chịu trách nhiệm trước pháp luật về lời khai của mình.", first=30,
                align="justify")  # fmt: skip
    f.down(10)
    when = rand_date(rng, add_years(TODAY, -4), TODAY)
    rc = f.right - 120
    f.text(f"{o.province.name}, {fmt.words_date(when, pad=False)}", rc, "LS-I", 13, "center")
    f.down(18)
    f.text("Xác nhận của cơ quan đang công tác", f.left + 100, "LS-B", 13, "center")
    f.text("Người khai", rc, "LS-B", 13, "center")
    f.down(16)
    f.text("hoặc địa phương nơi đăng ký hộ khẩu", f.left + 100, "LS-B", 13, "center")
    f.text("(ký và ghi rõ họ tên)", rc, "LS-I", 12, "center")
    signature(f.c, rc, f.y - 40, rng, 80)
    f.y -= 80
    f.text(o.ho_ten, rc, "LS-B", 13, "center")
