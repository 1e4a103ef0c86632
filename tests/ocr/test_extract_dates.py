"""Dates held to what a dossier can say."""

from __future__ import annotations

from datetime import date

import pytest

from ocr.extract.dates import settle_years

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("read", "settled"),
    [
        ("12/12/1871", "12/12/1971"),  # a fax's 9 read as 8
        ("27... tháng 3 năm 1379", "27... tháng 3 năm 1979"),  # … or as 3
        ("Ô1.... / 07.... / 1898..", "Ô1.... / 07.... / 1998.."),
        ("31/10/2913", "31/10/2913"),  # 1913 or 2013: two repairs, left as read
        ("12/12/1971", "12/12/1971"),
        ("01/07/2036", "01/07/2036"),  # a retirement a decade ahead is a date a decision may name
    ],
)
def test_a_year_no_dossier_can_hold_takes_the_one_a_digit_away(read: str, settled: str):
    assert settle_years(read, TODAY) == settled
