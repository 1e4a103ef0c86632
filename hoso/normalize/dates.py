"""Dates as written on Vietnamese forms → ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY" (always dd/mm)."""

from __future__ import annotations

import re
from datetime import date

from hoso.normalize.text import fix_ocr_digits, fold_ascii, nfc, strip_leaders

_SEP = r"\s*[/.\-]\s*"
# Patterns run on the folded text ("ngày" → "ngay", "tháng" → "thang", "năm" → "nam"), first hit wins.
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?!\d)")
_WORDS = re.compile(
    r"(?:(?:ngay\s*:?\s*)?(?P<d>\d{1,2})\s*,?\s*)?th[a-z]{1,2}ng\s*:?\s*(?P<m>\d{1,2})\s*,?\s*(?:nam|[/.\-])\s*:?\s*"
    r"(?P<y>\d{2,4})(?!\d)"
)
_DMY = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})(?!\d)")
_MY = re.compile(rf"(?<![\d/.\-])(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})(?![\d/.\-])")
_Y = re.compile(r"(?<!\d)(?P<y>\d{4})(?!\d)")
_PATTERNS = (_ISO, _WORDS, _DMY, _MY, _Y)
_YEAR_RANGE = range(1800, 2200)


_DIGIT_DOTS = re.compile(r"(?<=\d)\.+(?=\s*(?:[/-]|$))")
# a lone 1 after "ngày"/"tháng" read as a letter: "tháng I năm 1992" (folded: "thang i nam 1992")
_LONE_ONE = re.compile(r"\b((?:ngay|th[a-z]{1,2}ng)\s*:?\s*)[il|](?=\s|,|$)")


def parse_date(raw: str, today: date | None = None) -> str | None:
    """The ISO date in raw; None for a blank ("…/…/……"), no date or an impossible one (31/02)."""
    text = fold_ascii(fix_ocr_digits(strip_leaders(nfc(raw))))
    text = _DIGIT_DOTS.sub("", text)  # "08. / 03. / 2014." as typed over a dotted form
    text = _LONE_ONE.sub(r"\g<1>1", text)
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m is not None:
            parts = m.groupdict()
            return _iso(parts.get("y"), parts.get("m"), parts.get("d"), today or date.today())
    return None


def expand_year(yy: int, today: date | None = None) -> int:
    """Two-digit year: yy ≤ the current year's last two digits → 20yy, else 19yy."""
    current = (today or date.today()).year
    return (2000 if yy <= current % 100 else 1900) + yy


def _iso(y: str | None, m: str | None, d: str | None, today: date) -> str | None:
    if y is None or len(y) == 3:
        return None
    year = expand_year(int(y), today) if len(y) == 2 else int(y)
    if year not in _YEAR_RANGE:
        return None
    if m is None:
        return f"{year:04d}"
    if not 1 <= int(m) <= 12:
        return None
    if d is None:
        return f"{year:04d}-{int(m):02d}"
    try:
        return date(year, int(m), int(d)).isoformat()
    except ValueError:
        return None
