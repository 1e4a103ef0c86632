"""Printed labels found in OCR'd lines despite the damage faxes do to them."""

from ocr.extract.anchors import KeyedLine, find_in_line, fold
from tests.ocr.wordfactory import lines_from_text


def test_a_colon_read_as_a_semicolon_still_ends_the_label():
    line = lines_from_text(["Ngạch: Chuyên viên Mã số ; 01,003"])[0]
    hit = find_in_line(fold("Mã số:"), KeyedLine.build(line))
    assert hit is not None and hit.score >= 90
