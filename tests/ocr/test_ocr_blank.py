import numpy as np
from ocr_pages import font
from PIL import Image, ImageDraw

from ocr.cleanup.pipeline import clean_page


def _page(text: str = "") -> np.ndarray:
    img = Image.new("L", (2480, 3508), 250)
    if text:
        ImageDraw.Draw(img).text((300, 400), text, font=font(), fill=0)
    return np.asarray(img).copy()


def test_blank_page_with_scanner_noise_is_blank() -> None:
    page = _page()
    rng = np.random.default_rng(1)
    ys, xs = rng.integers(0, 3508, 400), rng.integers(0, 2480, 400)
    page[ys, xs] = 0  # dust specks
    page[:, :40] = 30  # dark scanner edge
    res = clean_page(page)
    assert res.blank
    assert "leaders" not in res.timings  # skipped: nothing to read


def test_page_with_one_line_is_not_blank() -> None:
    assert not clean_page(_page("Trang 2 — Quyết định số 45/QĐ-UBND")).blank
