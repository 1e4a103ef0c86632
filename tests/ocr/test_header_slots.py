"""The header's số and date read a second time by PP-OCR's recognizer, and settled between engines."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engine.line_reader import CharReading, line_reader
from ocr.header_slots import VALID, SlotValue, constrained, has_blank_slots, reread_header_slots, settle
from ocr.layout.lines import group_lines
from ocr.model import Word

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def _char(best: str, p: float, *alts: tuple[str, float]) -> CharReading:
    return CharReading(best, p, ((best, p), *alts), 0.5)


@pytest.mark.parametrize(
    ("tess", "second", "slot", "want"),
    [
        # both engines agree: surer than either alone
        (SlotValue("86", 0.5), SlotValue("86", 0.8), "so", SlotValue("86", 0.9)),
        # Tesseract's reading is no value ("6§"): the second engine's
        (SlotValue("6§", 0.9), SlotValue("86", 0.9), "so", SlotValue("86", 0.9)),
        # Tesseract unsure and different: the second engine's, less sure for the disagreement
        (SlotValue("68", 0.5), SlotValue("86", 0.9), "so", SlotValue("86", 0.9 * 0.75)),
        # Tesseract sure of a valid value (typed print): kept, less sure for the disagreement
        (SlotValue("15", 0.97), SlotValue("16", 0.8), "day", SlotValue("15", 0.97 * 0.6)),
        # a day out of range is no value
        (SlotValue("45", 0.91), SlotValue("15", 0.7), "day", SlotValue("15", 0.7)),
        # nothing read by Tesseract (a blank slot in a text layer)
        (None, SlotValue("11", 0.9), "so", SlotValue("11", 0.9)),
        (SlotValue("04", 0.6), None, "so", SlotValue("04", 0.6)),
    ],
)
def test_settle_between_the_two_readings(tess, second, slot, want):
    got = settle(tess, second, VALID[slot])
    assert got is not None
    assert got.text == want.text
    assert got.conf == pytest.approx(want.conf)


def test_a_day_out_of_range_takes_the_runner_up_digit_at_a_lower_confidence():
    # "45": a handwritten 1 with a long flag is a 4 to the model, its runner-up a 1
    chars = (_char("4", 0.62, ("1", 0.35)), _char("5", 0.99, ("6", 0.01)))
    got = constrained(chars, VALID["day"])
    assert got is not None and got.text == "15"
    assert got.conf < 0.7  # the model itself preferred 4: unsure
    assert constrained((_char("M", 0.9, ("N", 0.1)),), VALID["day"]) is None  # no digit at all


def _header_image(so: str, day: str) -> tuple[np.ndarray, list[Word]]:
    """A header strip as printed, and Tesseract's words for it with the number and day misread."""
    img = Image.new("L", (2480, 3508), 255)  # an A4 page at 300 dpi
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 50)
    bold = ImageFont.truetype(FONT.replace("Regular", "Bold"), 50)
    draw.text((300, 200), "ỦY BAN NHÂN DÂN", font=bold, fill=0)
    draw.text((1150, 200), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill=0)
    draw.text((300, 400), f"Số: {so} /QĐ-UBND", font=font, fill=0)
    draw.text((1250, 400), f"Quảng Ngãi, ngày {day} tháng 01 năm 2025", font=font, fill=0)
    boxes = [("Số:", 300, 380), ("6§", 400, 460), ("/QĐ-UBND", 480, 760),
             ("Quảng", 1250, 1400), ("Ngãi,", 1410, 1530), ("ngày", 1545, 1660), ("⁄‡", 1680, 1740),
             ("tháng", 1750, 1890), ("01", 1905, 1960), ("năm", 1975, 2080), ("2025", 2095, 2210)]
    words = [Word("ỦY", (300, 200, 380, 255), 0.96), Word("CỘNG", (1150, 200, 1300, 255), 0.96)]
    words += [Word(t, (a, 400, b, 455), 0.4 if t in ("6§", "⁄‡") else 0.96) for t, a, b in boxes]
    return np.array(img), words


@pytest.mark.skipif(line_reader() is None, reason="PP-OCR recognizer (rapidocr wheel) not installed")
def test_the_misread_number_and_day_are_read_again_by_the_second_engine():
    image, words = _header_image("86", "16")
    got = reread_header_slots(words, image, line_reader())
    lines = {ln.text for ln in group_lines(got)}
    assert any(t.startswith("Số: 86 /QĐ-UBND") for t in lines)
    assert any("ngày 16 tháng 01 năm 2025" in t for t in lines)
    number = next(w for w in got if w.text == "86")
    assert 0.5 <= number.conf <= 0.9  # two engines disagreed: never a sure reading


@pytest.mark.skipif(line_reader() is None, reason="PP-OCR recognizer (rapidocr wheel) not installed")
def test_a_blank_slot_in_a_text_layer_is_read_off_the_page_image():
    image, words = _header_image("11", "08")
    blank = [w for w in words if w.text not in ("6§", "⁄‡")]
    assert has_blank_slots(blank, 2480, 3508)
    got = reread_header_slots(blank, image, line_reader())
    text = " ".join(w.text for w in got)
    assert "Số: 11 /QĐ-UBND" in text and "ngày 08 tháng 01" in text
    assert not has_blank_slots(got, 2480, 3508)


def test_without_a_second_engine_the_words_are_as_read():
    image, words = _header_image("86", "16")
    assert reread_header_slots(words, image, None) == words
