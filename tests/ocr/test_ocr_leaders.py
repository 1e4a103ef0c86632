import numpy as np
from ocr_pages import cached_form_page, font
from PIL import Image, ImageDraw

from ocr.cleanup._small import ink_mask
from ocr.cleanup.leaders import erase_leaders


def _line(*parts: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """One 300-dpi text line drawn piece by piece; returns the image and each piece's x span."""
    img = Image.new("L", (2400, 200), 255)
    d, f, x, spans = ImageDraw.Draw(img), font(), 50, []
    for part in parts:
        d.text((x, 50), part, font=f, fill=0)
        w = int(d.textlength(part, font=f))
        spans.append((x, x + w))
        x += w + int(d.textlength(" ", font=f))
    return np.asarray(img).copy(), spans


def test_leader_rows_are_erased() -> None:
    img, spans = _line("Họ và tên:", "…………………………", "NGUYỄN VĂN AN", "...............")
    out, n = erase_leaders(img, ink_mask(img))
    assert n >= 20
    for x0, x1 in (spans[1], spans[3]):
        assert out[:, x0:x1].min() > 200  # the leaders are gone
    for x0, x1 in (spans[0], spans[2]):
        assert np.array_equal(out[:, x0:x1], img[:, x0:x1])  # label and value untouched


def test_date_between_leaders_keeps_its_dots() -> None:
    img, spans = _line("Ngày sinh:", "……………", "15.06.1985", "……………")
    out, n = erase_leaders(img, ink_mask(img))
    assert n >= 10
    x0, x1 = spans[2]
    assert np.array_equal(out[:, x0:x1], img[:, x0:x1])


def test_text_dots_and_marks_are_untouched() -> None:
    img, _ = _line("Ngày 15.06.1985; Việt Nam độc lập... tiịỉ ạệọụ ị.ị.ị.ị.ị.ị i i i i i i")
    out, n = erase_leaders(img, ink_mask(img))
    assert n == 0
    assert np.array_equal(out, img)


def test_form_page_leaders_are_erased() -> None:
    page = cached_form_page()
    _, n = erase_leaders(page, ink_mask(page))
    assert n > 300
