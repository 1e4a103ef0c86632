"""The second look at unsure numbers: selection, stacking, and a real Tesseract reading."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ocr.engine.tesseract import TesseractEngine, probe
from ocr.model import Word
from ocr.numbers import is_unsure_number, reread_unsure_numbers

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"


def page_with(texts: list[tuple[str, int, int]]) -> tuple[np.ndarray, list[Word]]:
    """A white 300-dpi strip with each text drawn at (x, y); words carry their true boxes."""
    img = Image.new("L", (1800, 600), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 42)
    words = []
    for text, x, y in texts:
        x0, y0, x1, y1 = draw.textbbox((x, y), text, font=font)
        draw.text((x, y), text, font=font, fill=0)
        words.append(Word(text, (x0, y0, x1, y1), 0.99))
    return np.asarray(img), words


def test_only_unsure_numbers_are_picked():
    assert is_unsure_number(Word("0312261161...", (0, 0, 1, 1), 0.86))
    assert not is_unsure_number(Word("0312261161", (0, 0, 1, 1), 0.97))  # sure
    assert not is_unsure_number(Word("Hương", (0, 0, 1, 1), 0.5))  # a word
    assert not is_unsure_number(Word("12", (0, 0, 1, 1), 0.5))  # too short to matter


@pytest.mark.tesseract
@pytest.mark.skipif(not probe().has_vie, reason="tesseract with vie not installed")
def test_a_misread_number_is_replaced_by_a_confident_reading_and_the_rest_kept():
    image, words = page_with([("SĐT:", 100, 100), ("0912345678", 260, 100), ("079185001234", 200, 300)])
    misread = Word("0912345618", words[1].bbox, 0.55)  # as a noisy page reading might give it
    page = [words[0], misread, words[2]]
    out = reread_unsure_numbers(page, image, TesseractEngine(), timeout=30)
    assert out[1].text == "0912345678" and out[1].conf > 0.55 and out[1].bbox == misread.bbox
    assert out[0] is words[0] and out[2] is words[2]  # sure words are never read again


class NoDigitsEngine:
    """Reads every stacked number as letters: a worse reading that must not replace the first."""

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        return [Word("ABCDEFG", (10, 10, 200, 60), 0.99)]


def test_a_reading_that_loses_digits_is_refused():
    image, words = page_with([("0912345678", 260, 100)])
    unsure = Word("0912345618", words[0].bbox, 0.55)
    assert reread_unsure_numbers([unsure], image, NoDigitsEngine(), timeout=5) == [unsure]


@pytest.mark.tesseract
@pytest.mark.skipif(not probe().has_vie, reason="tesseract with vie not installed")
def test_an_impossible_day_is_read_again_however_sure():
    image, words = page_with([("ngày", 100, 100), ("22", 200, 100), ("tháng", 260, 100), ("01", 390, 100)])
    page = [words[0], Word("32", words[1].bbox, 0.97), words[2], words[3]]  # a fax's 2 read as 3
    out = reread_unsure_numbers(page, image, TesseractEngine(), timeout=30)
    assert out[1].text == "22"
    assert out[3] is words[3]  # a month in range, read surely, is left alone


class ThirtyEngine:
    """Reads the day again as another impossible day."""

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        return [Word("35", (10, 10, 60, 60), 0.99)]


def test_an_impossible_day_is_only_replaced_by_a_possible_one():
    image, words = page_with([("ngày", 100, 100), ("22", 200, 100)])
    page = [words[0], Word("32", words[1].bbox, 0.8)]
    assert reread_unsure_numbers(page, image, ThirtyEngine(), timeout=5) == page


@pytest.mark.tesseract
@pytest.mark.skipif(not probe().has_vie, reason="tesseract with vie not installed")
def test_a_garbled_month_is_read_again():
    image, words = page_with([("ngày", 100, 100), ("06", 200, 100), ("tháng", 260, 100), ("09", 390, 100)])
    page = [words[0], words[1], words[2], Word("0%", words[3].bbox, 0.9)]  # the 9 garbled into a sign
    out = reread_unsure_numbers(page, image, TesseractEngine(), timeout=30)
    assert out[3].text == "09"
    assert out[1] is words[1]
