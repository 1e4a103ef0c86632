"""Pieces shared by the sơ yếu lý lịch layouts: date slots, addresses, tables, the signing footer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from hoso import catalog
from samples import fmt
from samples.render.base import Form, Slot
from samples.render.marks import seal, signature
from samples.values import TODAY, Officer, add_years, degree_of, rand_date


@dataclass
class Filler:
    """One person's habits when typing into a form (date spelling, address prefixes)."""

    rng: random.Random
    date_style: str
    prefixes: str  # "keep", "lower" or "drop" for Xã/Huyện/Tỉnh

    @staticmethod
    def random(rng: random.Random) -> Filler:
        """Random habits."""
        return Filler(rng, fmt.pick_date_style(rng), rng.choice(("keep", "keep", "lower", "drop")))

    def date(self, d: date | None) -> str | None:
        """A date as this person types it."""
        return fmt.paper_date(d, self.date_style) if d else None

    def part(self, name: str) -> str:
        """One address part with this person's prefix habit."""
        for p in ("Thành phố ", "Thị xã ", "Xã ", "Phường ", "Huyện ", "Quận ", "Tỉnh "):
            if name.startswith(p):
                if self.prefixes == "drop":
                    return name[len(p):]
                if self.prefixes == "lower":
                    return p.lower() + name[len(p):]
        return name

    def address(self, place: tuple[str, str, str]) -> str:
        """xã, huyện, tỉnh joined as typed."""
        return ", ".join(self.part(p) for p in place)


def birth_slots(fl: Filler, label: str, d: date, year_width: float | None = None) -> list[Slot]:
    """Slots of "Sinh ngày: … tháng … năm …" filled with day, month and year."""
    pad = fl.rng.random() < 0.6
    day = f"{d.day:02d}" if pad else str(d.day)
    month = f"{d.month:02d}" if pad else str(d.month)
    return [Slot(label, day, 38), Slot(" tháng ", month, 38),
            Slot(" năm ", str(d.year), year_width, "ngay_sinh", fmt.iso(d))]  # fmt: skip


def que_quan_slots(fl: Filler, o: Officer, label: str, small: bool = False) -> list[Slot]:
    """The three Quê quán boxes (xã, phường) (huyện, quận) (tỉnh, TP)."""
    parts = [fl.part(p) for p in o.que_quan]
    h = ("[[{}]]" if small else "{}").format
    return [Slot(f"{label}{h('(xã, phường)')}: ", parts[0], 95),
            Slot(f" {h('(huyện, quận)')}: ", parts[1], 90),
            Slot(f" {h('(tỉnh, TP)')}: ", parts[2], None, "que_quan", ", ".join(parts))]


def salary_history(o: Officer) -> list[tuple[date, str, int, str]]:
    """(from, mã ngạch, bậc, hệ số on paper) rows from bậc 1 up to the current bậc."""
    rows = []
    for b in range(1, o.bac + 1):
        start = add_years(o.ngay_tuyen_dung, 3 * (b - 1)) if b < o.bac else o.ngay_huong
        he_so = catalog.he_so_for(o.ma_ngach, b)
        rows.append((start, o.ma_ngach, b, fmt.comma(he_so) if he_so else ""))
    return rows[-6:]


def training_rows(o: Officer) -> list[list[str]]:
    """Rows of the training table: from, to, school, major, mode, diploma."""
    start = add_years(o.ngay_sinh, 18)
    end = add_years(start, 4)
    degree = degree_of(o.trinh_do_chuyen_mon)
    return [[f"{start.month:02d}/{start.year}", f"{end.month:02d}/{end.year}", o.school,
             o.trinh_do_chuyen_mon, "Chính quy", degree]]  # fmt: skip


def footer(f: Form, o: Officer, fl: Filler, right_title: list[str], stamp: bool) -> None:
    """Signing block: Người khai on the left, the managing agency's confirmation on the right."""
    f.ensure(190)
    f.down(10)
    lc, rc = f.left + 105, f.right - 125
    signed = rand_date(fl.rng, max(o.ngay_vao_co_quan, TODAY.replace(year=TODAY.year - 3)), TODAY)
    place = o.province.name
    f.text(f"{place}, {fmt.words_date(signed, pad=False)}", rc, "LS-I", 13, "center")
    f.down(18)
    top = f.y
    for ln in ("Người khai", "Tôi xin cam đoan những lời", "khai trên đây là đúng sự thật"):
        f.text(ln, lc, "LS-B" if ln == "Người khai" else "LS-I", 13, "center")
        f.down(16)
    f.text("(Ký tên, ghi rõ họ tên)", lc, "LS-I", 12, "center")
    signature(f.c, lc, f.y - 38, fl.rng, 80)
    f.y -= 75
    f.text(o.ho_ten, lc, "LS-B", 13, "center")
    f.y = top
    for ln in right_title:
        f.text(ln, rc, "LS-B", 13, "center")
        f.down(16)
    f.text("(Ký tên, đóng dấu)", rc, "LS-I", 12, "center")
    if stamp:
        signature(f.c, rc + 10, f.y - 38, fl.rng, 80)
        seal(f.c, rc - 40, f.y - 38, 105, f"{o.sector.agency}", f"TỈNH {place.upper()}", fl.rng)
    f.y = top - 130
