"""Other dossier pages (health certificate, diploma) and blank pages."""

from __future__ import annotations

import random

from samples import fmt
from samples.render.base import Form, Slot
from samples.render.marks import seal, signature
from samples.values import TODAY, Officer, add_years, make_name, rand_date

KINDS = ("suc_khoe", "bang_tot_nghiep")


def health(f: Form, o: Officer, rng: random.Random) -> None:
    """A "GIẤY CHỨNG NHẬN SỨC KHỎE" page."""
    f.text(f"SỞ Y TẾ TỈNH {o.province.name.upper()}", f.left + 90, "LS", 12, "center")
    f.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.right - 130, "LS-B", 12, "center")
    f.down(15)
    f.text("BỆNH VIỆN ĐA KHOA TỈNH", f.left + 90, "LS-B", 12, "center")
    f.text("Độc lập - Tự do - Hạnh phúc", f.right - 130, "LS-B", 13, "center")
    f.down(50)
    f.center("GIẤY CHỨNG NHẬN SỨC KHỎE", "LS-B", 16)
    f.down(40)
    f.line(Slot("Họ và tên (chữ in hoa): ", fmt.upper_vn(o.ho_ten)))
    f.line(Slot("Giới tính: ", o.gioi_tinh, 100), Slot(" Tuổi: ", str(TODAY.year - o.ngay_sinh.year)))
    f.line(Slot("Số CMND/CCCD: ", o.so_cccd, 150),
           Slot(" cấp ngày: ", fmt.paper_date(o.ngay_cap_cccd, "dd/mm/yyyy")))  # fmt: skip
    f.line(Slot("Chỗ ở hiện tại: ", o.noi_o))
    f.line(Slot("Lý do khám sức khỏe: ", "Bổ sung hồ sơ cán bộ, công chức"))
    f.down(10)
    f.center("I. TIỀN SỬ BỆNH CỦA ĐỐI TƯỢNG KHÁM SỨC KHỎE", "LS-B")
    f.down(24)
    f.line(Slot("1. Tiền sử gia đình: ", "Không"))
    f.line(Slot("2. Tiền sử bản thân: ", "Không"))
    f.center("II. KHÁM THỂ LỰC", "LS-B")
    f.down(24)
    f.line(Slot("Chiều cao: ", f"{o.chieu_cao} cm", 120), Slot(" Cân nặng: ", f"{o.can_nang} kg"))
    f.line(Slot("Phân loại thể lực: ", rng.choice(("Loại I", "Loại II"))))
    f.down(10)
    f.line(Slot("III. KẾT LUẬN: ", "Đủ sức khỏe để học tập, công tác"))
    _sign(f, o, rng, "GIÁM ĐỐC", "BỆNH VIỆN ĐA KHOA TỈNH")


def diploma(f: Form, o: Officer, rng: random.Random) -> None:
    """A university diploma page inside a decorative frame."""
    c = f.c
    c.setLineWidth(3)
    c.rect(40, 60, 515, 720)
    c.setLineWidth(0.8)
    c.rect(50, 70, 495, 700)
    f.y = 720
    f.center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "LS-B", 13)
    f.down(17)
    f.center("Độc lập - Tự do - Hạnh phúc", "LS-B", 13)
    f.down(70)
    f.center(f"HIỆU TRƯỞNG {o.school.upper().replace('TRƯỜNG ', '')}", "LS-B", 13)
    f.down(30)
    f.center("cấp", "LS-I", 13)
    f.down(40)
    title = "BẰNG THẠC SĨ" if "Thạc sĩ" in o.trinh_do_chuyen_mon else "BẰNG TỐT NGHIỆP ĐẠI HỌC"
    f.center(title, "LS-B", 22)
    f.down(40)
    f.center(o.trinh_do_chuyen_mon, "LS-BI", 16)
    f.down(40)
    f.line(Slot("Cho: ", o.ho_ten), x0=120, x1=480)
    f.line(Slot("Ngày sinh: ", fmt.paper_date(o.ngay_sinh, "dd/mm/yyyy")), x0=120, x1=480)
    f.line(Slot("Xếp loại tốt nghiệp: ", rng.choice(("Khá", "Giỏi", "Trung bình khá"))),
           x0=120, x1=480)  # fmt: skip
    grad = add_years(o.ngay_sinh, 22)
    f.down(20)
    f.text(f"Ngày {grad.day} tháng {grad.month} năm {grad.year}", 400, "LS-I", 13, "center")
    f.down(18)
    f.text("HIỆU TRƯỞNG", 400, "LS-B", 13, "center")
    signature(c, 400, f.y - 40, rng)
    seal(c, 360, f.y - 40, 100, o.school.upper()[:30], "", rng)
    f.y -= 80
    f.text(f"Số hiệu: {rng.randint(100000, 999999)}", 90, "LS", 11)


def _sign(f: Form, o: Officer, rng: random.Random, title: str, org: str) -> None:
    f.down(20)
    rc = f.right - 120
    when = rand_date(rng, add_years(TODAY, -3), TODAY)
    f.text(f"{o.province.name}, {fmt.words_date(when)}", rc, "LS-I", 13, "center")
    f.down(17)
    f.text(title, rc, "LS-B", 13, "center")
    signature(f.c, rc, f.y - 40, rng)
    seal(f.c, rc - 45, f.y - 40, 105, org, f"TỈNH {o.province.name.upper()}", rng)
    f.y -= 80
    f.text(f"BS. {make_name(rng, rng.choice(('Nam', 'Nữ')))}", rc, "LS-B", 13, "center")


def render(f: Form, o: Officer, rng: random.Random, kind: str) -> None:
    """Draw one 'khac' page of the given kind."""
    (health if kind == "suc_khoe" else diploma)(f, o, rng)
