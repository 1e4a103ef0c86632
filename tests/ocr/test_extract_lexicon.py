"""Unsure header words take their known spelling; sure ones are left as read."""

from __future__ import annotations

from ocr.extract.lexicon import settle_header_word
from ocr.model import Word


def _w(text: str, conf: float) -> Word:
    return Word(text, (0, 0, 10, 10), conf)


def test_unsure_mark_on_a_header_word_is_settled():
    assert settle_header_word(_w("TÍNH", 0.8)) == "TỈNH"
    assert settle_header_word(_w("HUYÊN", 0.7)) == "HUYỆN"


def test_sure_reading_is_never_overwritten():
    assert settle_header_word(_w("TÍNH", 0.97)) == "TÍNH"


def test_unknown_or_lower_case_words_pass_through():
    assert settle_header_word(_w("XYZ", 0.5)) == "XYZ"
    assert settle_header_word(_w("tính", 0.5)) == "tính"
