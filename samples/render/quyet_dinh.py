"""A quyết định laid out per Nghị định 30/2020: two-column header, body, Nơi nhận, signature, seal."""

from __future__ import annotations

import random

from samples import fmt
from samples.decisions import Decision
from samples.render.base import Form
from samples.render.marks import seal, signature

LEFT_W = 250.0


def _header(f: Form, d: Decision) -> None:
    lc = f.left - 20 + LEFT_W / 2
    rc = f.right - 135
    top = f.y
    if d.parent:
        f.text(d.parent, lc, "LS", 12.5, "center")
        f.down(15)
        agency_lines = [d.agency]
    else:
        agency_lines = ["ỦY BAN NHÂN DÂN", d.agency.replace("ỦY BAN NHÂN DÂN ", "")]
    for ln in agency_lines:
        f.text(ln, lc, "LS-B", 12.5, "center")
        f.down(15)
    f.c.setLineWidth(0.6)
    f.c.line(lc - 35, f.y + 11, lc + 35, f.y + 11)
    f.record("co_quan_ban_hanh", d.truth["co_quan_ban_hanh"])
    left_bottom = f.y
    f.y = top
    f.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rc, "LS-B", 12.5, "center")
    f.down(15)
    right = f.text("Độc lập - Tự do - Hạnh phúc", rc, "LS-B", 13.5, "center")
    f.c.line(2 * rc - right, f.y - 3, right, f.y - 3)
    f.y = min(left_bottom, f.y - 15) - 8
    f.text(f"Số: {d.so_ky_hieu}", lc, "LS", 13, "center")
    f.record("so_ky_hieu", d.truth["so_ky_hieu"])
    f.text(f"{d.dia_danh}, {fmt.words_date(d.ngay)}", rc, "LS-I", 13.5, "center")
    f.record("dia_danh", d.truth["dia_danh"])
    f.record("ngay_ban_hanh", d.truth["ngay_ban_hanh"])
    f.down(34)


def _title(f: Form, d: Decision, size: float) -> None:
    f.center("QUYẾT ĐỊNH", "LS-B", size)
    f.down(size * 1.3)
    f.paragraph(d.trich_yeu, "LS-B", size, x0=f.left + 40, x1=f.right - 40, align="center")
    f.record("trich_yeu", d.truth["trich_yeu"])
    f.record("loai_quyet_dinh", d.truth["loai_quyet_dinh"])
    mid = (f.left + f.right) / 2
    f.c.line(mid - 45, f.y + size * 1.3 - 7, mid + 45, f.y + size * 1.3 - 7)
    f.down(14)
    f.paragraph(d.authority, "LS-B", size, x0=f.left + 30, x1=f.right - 30, align="center")
    f.down(6)


def _article(f: Form, n: int, text: str, size: float) -> None:
    head = f"Điều {n}. "
    f.ensure(size * 1.4)
    x = f.left + 28
    f.text(head, x, "LS-B", size)
    f.paragraph(text, "LS", size, first=28 + f.width(head, "LS-B", size), leading=1.35,
                align="justify")  # fmt: skip
    f.down(5)


def _signature_block(f: Form, d: Decision, rng: random.Random) -> None:
    rc = f.right - 120
    f.ensure(170)
    top = f.y
    f.text("Nơi nhận:", f.left, "LS-BI", 12)
    f.down(14)
    for item in d.noi_nhan:
        f.text(f"- {item}", f.left, "LS", 11)
        f.down(13)
    f.y = top
    for ln in d.sign_lines:
        f.text(ln, rc, "LS-B", 13.5, "center")
        f.down(16)
    f.record("chuc_vu_nguoi_ky", d.truth["chuc_vu_nguoi_ky"])
    sig_y = f.y - 35
    signature(f.c, rc + rng.uniform(-15, 15), sig_y, rng)
    outer = d.parent.replace("UBND ", "") if d.parent else d.agency
    inner = d.agency if d.parent else ""
    seal(f.c, rc - 55 + rng.uniform(-10, 10), sig_y + rng.uniform(-5, 10), 118, outer, inner, rng)
    f.y -= 78
    f.text(d.nguoi_ky, rc, "LS-B", 13.5, "center")
    f.record("nguoi_ky", d.truth["nguoi_ky"])
    f.down(20)


def render(f: Form, d: Decision, rng: random.Random) -> None:
    """Draw one decision starting on a fresh page."""
    size = rng.choice((13.0, 13.5, 14.0))
    f.top, f.left, f.right = 800.0, 80.0, 540.0
    f.y = f.top
    _header(f, d)
    _title(f, d, size)
    for line in d.can_cu:
        f.paragraph(line, "LS-I", size, first=28, leading=1.3, align="justify")
        f.down(3)
    f.down(4)
    f.center("QUYẾT ĐỊNH:", "LS-B", size)
    f.down(size * 1.6)
    for n, text in enumerate(d.articles, start=1):
        start = f.page
        _article(f, n, text, size)
        if n == 1:
            for key in ("ho_ten", "ngay_sinh", "ngach", "ma_ngach", "bac_luong", "he_so_luong",
                        "ngay_huong_luong", "chuc_vu_moi", "don_vi_moi", "ngay_hieu_luc"):
                if key in d.truth:
                    f.fields[key] = (start, d.truth[key])
        if f.page != start:
            f.text(str(f.page - start + 1), (f.left + f.right) / 2, "LS", 12, "center", 815)
    _signature_block(f, d, rng)
