"""The signer's name line read again alone: geometry that must never lose the page."""

import numpy as np

from ocr.model import Word
from ocr.signature import _reread_name


class _BlankEngine:
    """Reads nothing; records the size of every image it was given."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        self.shapes.append(image.shape)
        return []


def test_a_title_centre_right_of_the_name_does_not_empty_the_crop() -> None:
    # The only clean title line sits far right of a name whose first word is seal junk.
    words = [
        Word("GIÁM", (900, 20, 1080, 70), 0.95),
        Word("ĐỐC", (1100, 20, 1300, 70), 0.95),
        Word("x", (300, 460, 320, 500), 0.3),
        Word("Khải", (330, 455, 450, 505), 0.97),
    ]
    engine = _BlankEngine()
    out = _reread_name(words, np.full((1000, 1420), 255, np.uint8), engine, None, 5)
    assert out == words
    assert engine.shapes and all(h > 0 and w > 0 for h, w in (s[:2] for s in engine.shapes))


def _printed(name: str, at: tuple[int, int]) -> tuple[np.ndarray, list[Word]]:
    """A page with the name printed in the decree face, and its words as read cleanly."""
    from PIL import Image, ImageDraw

    from ocr import name_image

    font = name_image._font(56)
    img = Image.new("L", (1420, 1000), 255)
    ImageDraw.Draw(img).text(at, name, font=font, fill=0)
    words, x = [], float(at[0])
    for part in name.split():
        x0, y0, x1, y1 = font.getbbox(part)
        words.append(Word(part, (round(x) + x0, at[1] + y0, round(x) + x1, at[1] + y1), 0.96))
        x += font.getlength(part + " ")
    return np.asarray(img).copy(), words


def test_a_reading_cut_short_of_the_last_word_anchors_no_drawn_name() -> None:
    from ocr import name_image
    from ocr.cleanup.seal import SealRing
    from ocr.signature import _drawn_name

    if not name_image.available():
        return
    scan, words = _printed("Quách Thanh Thu Trinh", (250, 440))
    ring = SealRing(100.0, 900.0, 60.0, 66.0)  # far from the name
    cut = [Word("h", words[0].bbox, 0.9), words[1], words[2]]  # "Quách" garbled, "Trinh" not read
    full = [*words[:3], Word("Trinh", words[3].bbox, 0.7)]
    box = (200, 420, 1000, 540)
    assert _drawn_name([cut], scan, box, ring) is not None  # alone, the cut reading would be drawn
    assert _drawn_name([cut, full], scan, box, ring) is None  # but it stops before the line's end
