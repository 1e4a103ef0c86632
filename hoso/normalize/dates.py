"""Dates as written on Vietnamese forms → ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY" (always dd/mm)."""

from __future__ import annotations

import re
from datetime import date

from hoso.normalize.confusions import glyphs, look_alikes, readings
from hoso.normalize.text import fix_ocr_digits, fold_ascii, nfc, strip_leaders

_SEP = r"\s*[/.\-]\s*"
_DM = r"\d{1,2}"
# Tolerant day/month slot: up to three digits or OCR look-alikes ("ÔI", "Ø9", "0B", a doubled "099"),
# not glued to a word; Ø stays "ø" after folding (it does not decompose).
_LOOSE_DM = rf"(?<![^\W_])[0-9{re.escape(glyphs('day'))}]{{1,3}}(?![^\W_])"
# Tolerant separator: runs of punctuation or junk ("07, 05", "09 ¿04", "19, / Ø7"), never a letter or digit.
_LOOSE_SEP = r"\s*(?:[^\w\s|!]+\s*)+"
_LOOK_ALIKES = look_alikes("day")  # a fax breaks an 0 into U or Q
# Tolerant year: four characters, at least two of them digits, the rest look-alikes ("19§6", "I9§S")
_LOOSE_Y = rf"(?<![^\W_])(?=(?:\D{{0,2}}\d){{2}})[0-9{re.escape(glyphs('year'))}]{{4}}(?![^\W_]|§)"
_YEAR_LOOK_ALIKES = look_alikes("year")


def _words(dm: str, year: str = r"\d{2,4}(?![^\W_]|§)") -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?:ngay\s*:?\s*)?(?P<d>{dm})[\s,.]*)?th[a-z]{{1,2}}ng\s*:?\s*(?P<m>{dm})[\s,.]*(?:nam|[/.\-])"
        rf"\s*:?\s*(?P<y>{year})(?!\d)"
    )


def _dmy(dm: str, sep: str, year: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d)(?P<d>{dm}){sep}(?P<m>{dm}){sep}(?P<y>{year})(?!\d)")


# Patterns run on the folded text ("ngày" → "ngay", "tháng" → "thang", "năm" → "nam"), first hit wins.
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?!\d)")
_MY = re.compile(rf"(?<![\d/.\-])(?P<m>\d{{1,2}}){_SEP}(?P<y>\d{{4}}|\d{{2}})(?![\d/.\-])")
_Y = re.compile(r"(?<!\d)(?P<y>\d{4})(?!\d)")
_PATTERNS = (_ISO, _words(_DM), _dmy(_DM, _SEP, r"\d{4}|\d{2}"), _MY, _Y)
# Only full shapes with a keyword or a four-digit year: loose slots read alone ("Quý I/2020") invent too much.
_LOOSE_PATTERNS = (_words(_LOOSE_DM, _LOOSE_Y), _dmy(_LOOSE_DM, _LOOSE_SEP, _LOOSE_Y))
_YEAR_RANGE = range(1800, 2200)


# the 1 opening a day or month, its thin stem read as a sign or letter glued to the next digit:
# "L7/11/2004", "[7/12/2021", "J 5/06/1996", "¡1 tháng 6" (folded: l, [, j, ¡)
_GLUED_ONE = re.compile(r"(?<![^\W_])[\[lj¡|!i]\s?(?=\d\s*(?:[/.\-]|th[a-z]{1,2}ng))")
# a 6 whose top stroke OCR read as an acute or grave over an o, beside a digit: "1ó" is 16, not 10
# (it must go before folding, which would leave a plain o, read as 0)
_SIX = re.compile(rf"(?<=\d)[{glyphs('marked_six')}]|[{glyphs('marked_six')}](?=\d)")
# a year split by one space after "năm": "năm 201 1"
_SPLIT_YEAR = re.compile(r"(?<=nam)(\s*:?\s*)(\d{1,3}) (\d{1,3})(?!\d)")
_DIGIT_DOTS = re.compile(r"(?<=\d)\.+(?=\s*(?:[/-]|$))")
# a lone 1 after "ngày"/"tháng" read as a letter: "tháng I năm 1992" (folded: "thang i nam 1992")
_LONE_ONE = re.compile(r"\b((?:ngay|th[a-z]{1,2}ng)\s*:?\s*)[il|](?=\s|,|$)")
# a month split by one space between two separators: "25/1 1/2002"; joined before both readings, since
# the plain one would otherwise read month 01 from "1/2002" and the tolerant one could not disagree
_SPLIT_GROUP = re.compile(r"(?<=[/.\-])(\s*\d) (\d\s*)(?=[/.\-])")
# where a slot without any digit may stand: after "ngày"/"tháng", a separator or the start, not after a word
_LETTER_SLOT_ANCHOR = re.compile(r"(?:^|ngay|th[a-z]{1,2}ng|[^\w\s|!])\s*$")


def parse_date(raw: str, today: date | None = None) -> str | None:
    """The ISO date in raw; None for a blank ("…/…/……"), no date or an impossible one (31/02).

    When the plain reading lacks the day or month, a tolerant one (OCR look-alikes and junk inside
    the day/month slots) may complete it, but never contradict the year or month already read.
    """
    text = strip_leaders(nfc(raw))
    if _SIX.search(text):  # a 6 first; an o with a speck (an 0) where a 6 makes no date
        six = _parse(_SIX.sub(lambda m: readings("marked_six")[m.group(0)], text), today)
        return six if six is not None and len(six) == len("YYYY-MM-DD") else _parse(text, today) or six
    return _parse(text, today)


def _parse(text: str, today: date | None) -> str | None:
    text = fold_ascii(fix_ocr_digits(text))
    text = _DIGIT_DOTS.sub("", text)  # "08. / 03. / 2014." as typed over a dotted form
    text = _LONE_ONE.sub(r"\g<1>1", text)
    text = _GLUED_ONE.sub("1", text)
    text = _SPLIT_YEAR.sub(lambda m: m[1] + m[2] + m[3] if len(m[2] + m[3]) == 4 else m[0], text)
    text = _SPLIT_GROUP.sub(r"\1\2", text)
    today = today or date.today()
    strict = _strict(text, today)
    if strict is not None and len(strict) == len("YYYY-MM-DD"):
        return strict
    loose = _loose(text, today)
    if loose is not None and len(loose) > len(strict or "") and loose.startswith(strict or ""):
        return loose
    return strict


def expand_year(yy: int, today: date | None = None) -> int:
    """Two-digit year: yy ≤ the current year's last two digits → 20yy, else 19yy."""
    current = (today or date.today()).year
    return (2000 if yy <= current % 100 else 1900) + yy


def _strict(text: str, today: date) -> str | None:
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if m is not None:
            parts = m.groupdict()
            return _iso(parts.get("y"), parts.get("m"), parts.get("d"), today)
    return None


def _loose(text: str, today: date) -> str | None:
    """The first loose hit whose slots are all in place; a date only if its slots read one way."""
    for pattern in _LOOSE_PATTERNS:
        for m in pattern.finditer(text):
            if all(_in_place(text, m, slot) for slot in ("d", "m")):
                slots = [(mm, dd) for mm in _slot_readings(m["m"]) for dd in _slot_readings(m["d"])]
                year = m["y"].translate(_YEAR_LOOK_ALIKES)
                readings = {_iso(year, mm, dd, today) for mm, dd in slots} - {None}
                return readings.pop() if len(readings) == 1 else None
    return None


def _in_place(text: str, m: re.Match[str], slot: str) -> bool:
    """Letters alone ("II", "ÔI") make a slot only after a keyword or separator, never a name's "Li"."""
    value = m[slot]
    if value is None or any(ch.isdigit() for ch in value):
        return True
    return _LETTER_SLOT_ANCHOR.search(text, 0, m.start(slot)) is not None


def _slot_readings(slot: str | None) -> set[str | None]:
    """Look-alikes read as digits; three characters are a doubled digit, so each one-digit deletion."""
    if slot is None:
        return {None}
    digits = slot.translate(_LOOK_ALIKES)
    if len(digits) < 3:
        return {digits}
    return {digits[:i] + digits[i + 1 :] for i in range(3)}


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
