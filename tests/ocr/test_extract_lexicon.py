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


def test_unsure_surname_takes_the_known_spelling():
    from ocr.extract.lexicon import settle_surname

    assert settle_surname("Hưỳnh Tuấn Công Dũng", 0.7) == "Huỳnh Tuấn Công Dũng"
    assert settle_surname("Trân Văn An", 0.6) == "Trần Văn An"
    assert settle_surname("Trân Văn An", 0.97) == "Trân Văn An"  # read with confidence: kept
    assert settle_surname("Lê Văn An", 0.5) == "Lê Văn An"
