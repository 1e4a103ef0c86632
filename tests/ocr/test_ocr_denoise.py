import numpy as np
from ocr_pages import cached_form_page

from ocr.cleanup.denoise import despeckle, restore_fax


def test_clean_page_is_not_blurred() -> None:
    page = cached_form_page()
    out, done = despeckle(page)
    assert not done and out is page


def test_fax_speckle_is_removed() -> None:
    page = cached_form_page().copy()
    rng = np.random.default_rng(3)
    ys, xs = rng.integers(0, page.shape[0], 60_000), rng.integers(0, page.shape[1], 60_000)
    page[ys, xs] = 0
    out, done = despeckle(page)
    assert done
    assert np.count_nonzero(out[ys, xs] < 128) < 0.05 * len(ys)


def test_fax_restoration_fills_pinholes_and_keeps_thin_strokes() -> None:
    page = np.full((400, 400), 255, np.uint8)
    page[100:140, 50:350] = 0  # a bar with pinholes
    page[120, 100] = page[110, 200] = page[130:132, 300:302] = 255
    page[200:202, 50:350] = 0  # a 2-px rule: a 5×5 median would erase it
    page[300, 50] = page[310:312, 60:62] = 0  # specks
    out = restore_fax(page)
    assert out[120, 100] < 128 and out[110, 200] < 128 and out[130, 300] < 128
    assert np.count_nonzero(out[199:203, 60:340] < 200) > 0.9 * 280
    assert out[300, 50] > 200 and out[310, 60] > 200
