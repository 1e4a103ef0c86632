import numpy as np
from ocr_pages import cached_form_page, rotate_cw

from ocr.engine.base import OcrTimeout, read_regions
from ocr.model import Word
from ocr.read import read_page_image


class BoxEngine:
    """Reports one word covering the darkest rows, so tests can check the frame of boxes."""

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        ys, xs = np.nonzero(image < 128)
        return [Word("x", (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())), 0.9)]


class SlowEngine:
    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        raise OcrTimeout(f"OCR timed out after {timeout} s")


def test_boxes_are_in_the_upright_page_frame() -> None:
    page = cached_form_page()
    upright = read_page_image(page, 1, BoxEngine())
    turned = read_page_image(rotate_cw(page, 1), 1, BoxEngine())
    assert turned.rotation == 270 and upright.rotation == 0
    assert (turned.width, turned.height) == (2480, 3508)
    a, b = upright.words[0].bbox, turned.words[0].bbox
    assert max(abs(p - q) for p, q in zip(a, b, strict=True)) <= 3
    assert {"orientation", "leaders", "ocr"} <= set(turned.timings)


def test_timeout_becomes_an_error_string() -> None:
    res = read_page_image(cached_form_page(), 7, SlowEngine(), timeout=0.5)
    assert res.errors == ["page 7: OCR timed out"]
    assert res.words == []


def test_bad_image_never_raises() -> None:
    res = read_page_image(np.zeros((0, 0), np.uint8), 3, BoxEngine())
    assert res.errors and res.errors[0].startswith("page 3: ")


def test_blank_page_is_skipped() -> None:
    res = read_page_image(np.full((3508, 2480), 255, np.uint8), 2, SlowEngine())
    assert res.blank and res.words == [] and res.errors == []


def test_read_regions_shifts_boxes_to_page() -> None:
    page = cached_form_page()
    [words] = read_regions(BoxEngine(), page, [(150, 200, 2400, 500)])
    x0, y0, _, _ = words[0].bbox
    assert x0 >= 140 and y0 >= 190
