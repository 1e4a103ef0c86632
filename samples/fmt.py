"""Paper spellings of values (dates, hệ số) and their normalized truth forms."""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from decimal import Decimal

DATE_STYLES = ("dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "d-m-yyyy", "dd.mm.yyyy")


def iso(d: date) -> str:
    """ISO truth value of a date."""
    return d.isoformat()


def ym(d: date) -> str:
    """YYYY-MM truth value for "từ tháng mm/yyyy"."""
    return f"{d.year:04d}-{d.month:02d}"


def paper_date(d: date, style: str) -> str:
    """A date as typed on a form: "15/06/1985", "15-6-1985", "15.06.1985"."""
    sep = "/" if "/" in style else "-" if "-" in style else "."
    if style.startswith("dd"):
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return f"{d.day}{sep}{d.month}{sep}{d.year}"


def pick_date_style(rng: random.Random) -> str:
    """A date style, mostly the usual dd/mm/yyyy."""
    return "dd/mm/yyyy" if rng.random() < 0.55 else rng.choice(DATE_STYLES)


def words_date(d: date, pad: bool = True) -> str:
    """Date in words, "ngày 05 tháng 01 năm 2024" (NĐ 30/2020 pads days < 10 and months 1, 2)."""
    day = f"{d.day:02d}" if pad else str(d.day)
    month = f"{d.month:02d}" if pad and d.month <= 2 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def comma(value: Decimal) -> str:
    """Hệ số on paper: decimal comma, two decimals ("3,33")."""
    return f"{value:.2f}".replace(".", ",")


def dec(value: Decimal) -> str:
    """Hệ số truth value: dot, two decimals ("3.33")."""
    return f"{value:.2f}"


def nfc(text: str) -> str:
    """NFC with single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def upper_vn(text: str) -> str:
    """Upper case that keeps Vietnamese letters intact."""
    return unicodedata.normalize("NFC", text.upper())
