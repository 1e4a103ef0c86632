"""Form-drawing helpers over a reportlab canvas: labels, typed values over dotted leaders, tables."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

LIB = "/usr/share/fonts/truetype/liberation2/LiberationSerif-"
DEJ = "/usr/share/fonts/truetype/dejavu/DejaVuSerif"
FREE = "/usr/share/fonts/truetype/freefont/FreeSerif"
FONT_FILES = {
    "LS": f"{LIB}Regular.ttf", "LS-B": f"{LIB}Bold.ttf", "LS-I": f"{LIB}Italic.ttf",
    "LS-BI": f"{LIB}BoldItalic.ttf",
    "DJ": f"{DEJ}.ttf", "DJ-B": f"{DEJ}-Bold.ttf", "DJ-I": f"{DEJ}-Italic.ttf",
    "FS": f"{FREE}.ttf", "FS-B": f"{FREE}Bold.ttf", "FS-I": f"{FREE}Italic.ttf",
}  # fmt: skip
VALUE_FAMILIES = ("LS", "LS", "DJ", "FS")
HINT = re.compile(r"\[\[(.*?)\]\]")
# Non-core items people often leave blank (only dots) on a real form.
OPTIONAL = frozenset({
    "so_dien_thoai", "so_the_bhyt", "thanh_phan_gia_dinh", "nghe_nghiep_khi_tuyen_dung",
    "cong_viec_chinh", "so_truong_cong_tac", "khen_thuong", "nhom_mau", "tinh_trang_suc_khoe",
    "co_quan_quan_ly", "phu_cap_chuc_vu", "vi_tri_viec_lam", "ho_khau_thuong_tru",
    "quan_ly_nha_nuoc", "trinh_do_pho_thong", "can_nang", "chieu_cao",
})  # fmt: skip


@cache
def register_fonts() -> None:
    """Register the serif TTFs once (Vietnamese needs real Unicode fonts)."""
    for name, path in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, path))


@dataclass
class Style:
    """How one person filled one form: value font and size, leader character."""

    value_font: str = "LS"
    value_size: float = 12.5
    label_size: float = 13.0
    dots: str = "…"
    gap: bool = True  # a space typed between the value and the remaining dots
    spacing: float = 1.55  # line pitch as a multiple of the label size

    @staticmethod
    def random(rng: random.Random, dots: str = "…", label_size: float = 13.0) -> Style:
        """A random filling style."""
        font = rng.choice(VALUE_FAMILIES)
        size = min(rng.choice((12.0, 12.5, 13.0, 13.5)), label_size + 0.5)
        size *= 0.9 if font == "DJ" else 1.0
        return Style(font, size, label_size, dots, rng.random() < 0.75)


@dataclass
class Slot:
    """Label, then the typed value (None = left blank), then dots up to `width` points."""

    label: str
    value: str | None = None
    width: float | None = None  # None: to the right margin
    key: str | None = None
    truth: str | None = None
    blank: str | None = None  # what a blank slot shows instead of dots, e.g. "…/…/……"


@dataclass
class Form:
    """A cursor over a canvas that records which truth fields were printed on which page."""

    c: Canvas
    style: Style
    left: float = 62.0
    right: float = A4[0] - 45.0
    top: float = A4[1] - 50.0
    bottom: float = 55.0
    y: float = 0.0
    dirty: bool = False
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)
    rng: random.Random | None = None  # when set, optional items are sometimes left blank
    blank_rate: float = 0.12

    def __post_init__(self) -> None:
        register_fonts()
        self.y = self.top

    @property
    def page(self) -> int:
        """Current 1-based page number in the file."""
        return int(self.c.getPageNumber())

    def record(self, key: str | None, truth: str | None) -> None:
        """Note a printed truth value on the current page."""
        if key and truth:
            self.fields[key] = (self.page, truth)

    def new_page(self) -> None:
        """Finish the page and start the next one."""
        self.c.showPage()
        self.y = self.top
        self.dirty = False

    def start_document(self) -> int:
        """Start a document on a fresh page; returns its first page number."""
        if self.dirty:
            self.new_page()
        self.fields = {}
        return self.page

    def ensure(self, height: float) -> None:
        """Break the page when less than `height` points are left."""
        if self.y - height < self.bottom:
            self.new_page()

    def down(self, points: float | None = None) -> None:
        """Move the cursor down one line (or by `points`)."""
        self.y -= self.style.label_size * self.style.spacing if points is None else points

    def width(self, text: str, font: str = "LS", size: float | None = None) -> float:
        """Width of text in points."""
        return float(pdfmetrics.stringWidth(text, font, size or self.style.label_size))

    def text(self, s: str, x: float, font: str = "LS", size: float | None = None,
             align: str = "left", y: float | None = None) -> float:  # fmt: skip
        """Draw one string; returns its right edge."""
        size = size or self.style.label_size
        w = self.width(s, font, size)
        x0 = x - w / 2 if align == "center" else x - w if align == "right" else x
        self.c.setFont(font, size)
        self.c.drawString(x0, self.y if y is None else y, s)
        self.dirty = True
        return x0 + w

    def center(self, s: str, font: str = "LS-B", size: float | None = None,
               x0: float | None = None, x1: float | None = None) -> None:  # fmt: skip
        """Draw s centred between x0 and x1 (default: the margins)."""
        mid = ((self.left if x0 is None else x0) + (self.right if x1 is None else x1)) / 2
        self.text(s, mid, font, size, "center")

    def heading(self, s: str, centered: bool = True, size: float | None = None) -> None:
        """A bold section title kept on the same page as what follows it."""
        self.ensure(90)
        if centered:
            self.center(s, "LS-B", size)
        else:
            self.text(s, self.left, "LS-B", size)
        self.down((size or self.style.label_size) + 6)

    def label(self, s: str, x: float) -> float:
        """Draw a label whose [[hints]] are set small; returns the right edge."""
        for i, part in enumerate(HINT.split(s)):
            if part:
                size = self.style.label_size * (0.62 if i % 2 else 1.0)
                x = self.text(part, x, "LS", size)
        return x

    def leader(self, x0: float, x1: float) -> None:
        """Dots from x0 to x1."""
        unit = self.width(self.style.dots)
        n = int((x1 - x0) // unit)
        if n > 0:
            self.text(self.style.dots * n, x0)

    def value(self, s: str, x: float) -> float:
        """Draw a typed value; returns its right edge."""
        return self.text(s, x, self.style.value_font, self.style.value_size)

    def line(self, *slots: Slot, x0: float | None = None, x1: float | None = None) -> None:
        """One form line of slots; wraps to a new line if the values do not fit."""
        self.ensure(self.style.label_size * 1.6)
        start = self.left if x0 is None else x0
        end = self.right if x1 is None else x1
        widths = self._fit(slots, end - start)
        x = start
        for slot, want in zip(slots, widths, strict=True):
            val = slot.value
            if val and slot.key in OPTIONAL and self.rng and self.rng.random() < self.blank_rate:
                val = None
            lw = self.width(HINT.sub("", slot.label))
            first_word = val.split(" ")[0] if val else ""
            room = self._vw(first_word) if val else self.width(slot.blank) if slot.blank else 10
            if x > start and x + lw + room > end:
                self.down()
                x = start + 12
            x = self.label(slot.label, x)
            stop = min(end, x + want) if want > 0 else end
            if val:
                self.record(slot.key, slot.truth if slot.truth is not None else val)
                x = self._typed(val, x + 1.5, start + 12, end)
                if self.style.gap:
                    x += self.width(" ")
            elif slot.blank:
                x = self.text(slot.blank, x) + 2
                stop = max(stop, x)
            self.leader(x, stop)
            x = max(x, stop)
        self.down()

    def _fit(self, slots: tuple[Slot, ...], avail: float) -> list[float]:
        """Room after each label: requested widths shrunk so the line fits when it can."""
        need = [self.width(HINT.sub("", s.label)) + self._room(s) for s in slots]
        spare = avail - sum(need)
        asked = [max(0.0, (s.width or 0) - self._room(s)) for s in slots]
        scale = min(1.0, max(spare, 0) / sum(asked)) if sum(asked) else 0.0
        out = []
        for s, a in zip(slots, asked, strict=True):
            out.append(-1.0 if s.width is None else self._room(s) + a * scale)
        return out

    def _room(self, s: Slot) -> float:
        """Least room a slot needs after its label."""
        if s.value:
            return self._vw(s.value) + 3.5 + (self.width(" ") if self.style.gap else 0)
        return self.width(s.blank) + 2 if s.blank else 10

    def _typed(self, val: str, x: float, wrap_x: float, end: float) -> float:
        """Type a value, continuing on the next line when it runs past the margin."""
        words = val.split(" ")
        while words:
            n = len(words)
            while n > 1 and x + self._vw(" ".join(words[:n])) > end:
                n -= 1
            x = self.value(" ".join(words[:n]), x)
            words = words[n:]
            if words:
                self.down()
                x = wrap_x
        return x

    def _vw(self, s: str) -> float:
        return self.width(s, self.style.value_font, self.style.value_size)

    def paragraph(self, s: str, font: str = "LS", size: float | None = None,
                  indent: float = 0.0, first: float = 0.0, leading: float = 1.3,
                  x0: float | None = None, x1: float | None = None,
                  align: str = "left") -> None:  # fmt: skip
        """A wrapped paragraph with a first-line indent."""
        size = size or self.style.label_size
        left = (self.left if x0 is None else x0) + indent
        right = self.right if x1 is None else x1
        lines = simpleSplit(s, font, size, right - left - first)
        if len(lines) > 1:
            rest = simpleSplit(" ".join(lines[1:]), font, size, right - left)
            lines = lines[:1] + rest
        for i, ln in enumerate(lines):
            self.ensure(size * leading)
            x = left + (first if i == 0 else 0)
            if align == "center":
                self.center(ln, font, size, left, right)
            elif align == "justify" and i < len(lines) - 1:
                self._justify(ln, x, right, font, size)
            else:
                self.text(ln, x, font, size)
            self.down(size * leading)

    def _justify(self, ln: str, x: float, right: float, font: str, size: float) -> None:
        words = ln.split()
        gaps = len(words) - 1
        extra = (right - x - self.width(ln.replace(" ", ""), font, size)) / max(gaps, 1)
        for w in words:
            x = self.text(w, x, font, size) + extra
