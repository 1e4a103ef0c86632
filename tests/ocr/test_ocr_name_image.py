"""Names under a seal ring: settled by drawing the names the damaged reading could be."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr import name_image
from ocr.model import Word

pytestmark = pytest.mark.skipif(not name_image.available(), reason="fonts-liberation not installed")

SIZE = 56  # 13.5 pt at 300 dpi, the size decrees set the signer's name in


def _scan(name: str) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """The name printed on a 120-px band, and each word's ink box."""
    font = name_image._font(SIZE)
    img = Image.new("L", (60 + round(font.getlength(name)) + 60, 120), 255)
    draw = ImageDraw.Draw(img)
    draw.text((60, 30), name, font=font, fill=0)
    boxes, x = [], 60.0
    for word in name.split():
        x0, y0, x1, y1 = font.getbbox(word)
        boxes.append((round(x) + x0, 30 + y0, round(x) + x1, 30 + y1))
        x += font.getlength(word + " ")
    return np.asarray(img).copy(), boxes


def _ring(band: np.ndarray, centre: tuple[int, int], radius: int) -> np.ndarray:
    """Draw a seal's black ring over the band; the pixels it covers."""
    cv2.circle(band, centre, radius, 0, 9)
    hidden = np.zeros(band.shape, np.uint8)
    cv2.circle(hidden, centre, radius, 1, 15)
    return hidden.astype(bool)


def test_a_mark_inside_a_word_may_split_it_or_be_junk() -> None:
    words = [Word("-Trầf/T»ãn", (0, 0, 287, 57), 0.47), Word("Thành", (301, 12, 462, 53), 0.96)]
    assert "Trần Tuấn Thành" in name_image.hypotheses(words)


def test_a_known_syllable_read_confidently_is_kept() -> None:
    words = [Word("Lâm", (0, 0, 90, 50), 0.97), Word("Hữu", (100, 0, 190, 50), 0.96),
             Word("Nghĩa", (200, 0, 330, 50), 0.97)]  # fmt: skip
    assert name_image.hypotheses(words)[0] == "Lâm Hữu Nghĩa"
    assert [n for n in name_image.hypotheses(words) if len(n.split()) == 3] == ["Lâm Hữu Nghĩa"]


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Trần Tuấn Thành", ["-Trầf/T»ãn"]),
        ("Hoàng Tuyết Thị Khuê", ["Hoäug", "Tuyết", "Thị"]),
        ("Phan Bích Khuê", ["-PHềN", "Bích"]),
    ],
)
def test_the_drawn_name_that_fits_the_visible_ink_wins(name: str, reading: list[str]) -> None:
    band, boxes = _scan(name)
    first = boxes[0]
    hidden = _ring(band, (first[0] - 40, first[3] + 60), 100)  # the ring's arc crosses the first word
    words = [Word(t, boxes[i] if len(reading) > 1 else (first[0], first[1], boxes[-2][2], first[3]), 0.4)
             for i, t in enumerate(reading)]  # fmt: skip
    words.append(Word(name.split()[-1], boxes[-1], 0.97))
    found = name_image.match_name(band, hidden, words, words[-1])
    assert found is not None and found.name == name
    assert found.score > found.runner_up


def test_no_name_ends_on_a_word_other_than_the_anchor() -> None:
    band, boxes = _scan("Vũ Đức Trí")
    words = [Word("ÁVũ", boxes[0], 0.5), Word("Đức", boxes[1], 0.9), Word("Trí", boxes[2], 0.95)]
    found = name_image.match_name(band, np.zeros(band.shape, bool), words, words[-1])
    assert found is not None and found.name == "Vũ Đức Trí"
    assert (
        name_image.match_name(band, np.zeros(band.shape, bool), words, Word("Minh", boxes[2], 0.95)) is None
    )


def test_marks_the_ring_hides_are_not_guessed() -> None:
    band, boxes = _scan("Lê Văn Quang")
    hidden = np.zeros(band.shape, bool)
    x0, y0, x1, _ = boxes[1]
    hidden[: y0 + 18, x0:x1] = True  # the breve of "ă" (Văn) or the circumflex (Vân): no telling
    band[hidden] = 0
    words = [Word("Lê", boxes[0], 0.95), Word("án", boxes[1], 0.5), Word("Quang", boxes[2], 0.97)]
    assert name_image.match_name(band, hidden, words, words[-1]) is None
    visible, _ = _scan("Lê Văn Quang")
    found = name_image.match_name(visible, np.zeros(band.shape, bool), words, words[-1])
    assert found is not None and found.name == "Lê Văn Quang"
