"""Printed labels found in OCR'd lines despite the damage faxes do to them."""

from ocr.extract.anchors import KeyedLine, find_in_line, fold
from tests.ocr.wordfactory import lines_from_text


def test_a_colon_read_as_a_semicolon_still_ends_the_label():
    line = lines_from_text(["Ngạch: Chuyên viên Mã số ; 01,003"])[0]
    hit = find_in_line(fold("Mã số:"), KeyedLine.build(line))
    assert hit is not None and hit.score >= 90


def test_a_short_labels_colon_read_as_a_dot_still_ends_it():
    kl = KeyedLine.build(lines_from_text(["Bậc lương: 1, hệ số. 2.34"])[0])
    hit = find_in_line(fold("hệ số:"), kl)
    assert hit is not None and kl.key[hit.start : hit.end] == "he so."
    bare = KeyedLine.build(lines_from_text(["Bậc lương: 1, hệ số 2.34"])[0])
    assert find_in_line(fold("hệ số:"), bare) is None  # no sign where the colon stands: no label
