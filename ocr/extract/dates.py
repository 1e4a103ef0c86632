"""Dates read off a dossier, held to what a dossier can say."""

from __future__ import annotations

import re
from datetime import date

FIRST_YEAR = 1900  # no officer's birth, decision or career step predates it
AHEAD = 10  # years past this one a dated decision may name (a retirement date, say)
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _one_digit_away(year: str, last: int) -> set[str]:
    return {
        fixed
        for i in range(4)
        for d in "0123456789"
        if d != year[i] and FIRST_YEAR <= int(fixed := year[:i] + d + year[i + 1 :]) <= last
    }


def settle_years(raw: str, today: date | None = None) -> str:
    """Raw date text with a year no dossier can hold replaced by the one a digit away it can.

    On a fax the 9 of "19" loses its tail and reads as 8 or 3 ("12/12/1871", "năm 1379" for
    1971, 1979). A year with two such repairs ("2913": 1913 or 2013) is left as read.
    """
    last = (today or date.today()).year + AHEAD

    def fix(m: re.Match[str]) -> str:
        year = m.group(0)
        if FIRST_YEAR <= int(year) <= last:
            return year
        found = _one_digit_away(year, last)
        return found.pop() if len(found) == 1 else year

    return _YEAR.sub(fix, raw)
