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
