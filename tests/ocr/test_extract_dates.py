"""Dates held to what a dossier can say."""

from __future__ import annotations

import pytest

from ocr.extract.dates import settle_year


@pytest.mark.parametrize(
    ("read", "settled"),
    [
        ("1871-12-12", "1971-12-12"),  # a fax's 9 read as 8
        ("1898-07", "1998-07"),
        ("1898", "1998"),
        ("1971-12-12", "1971-12-12"),
        ("2018-03-27", "2018-03-27"),
    ],
)
def test_no_dossier_date_predates_1900(read: str, settled: str):
    assert settle_year(read) == settled
