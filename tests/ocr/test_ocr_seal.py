import numpy as np
from ocr_pages import cached_form_page, with_seal

from ocr.cleanup.pipeline import clean_page
from ocr.cleanup.seal import red_mask, suppress_red


def test_red_seal_is_whitened_and_black_text_kept() -> None:
    page = cached_form_page()
    centre = (800, 1300)
    rgb = with_seal(page, centre)
    assert red_mask(rgb).any()
    gray = np.asarray(rgb.mean(axis=2), np.uint8)
    out, red = suppress_red(gray, rgb)
    assert red > 0.001
    # The ring (red over paper) is white now; text under the seal is still as dark as before.
    ring = red_mask(rgb) > 0
    assert out[ring].min() == 255
    text_under = (page < 60) & ~ring
    assert np.all(out[text_under] < 100)


def test_clean_page_uses_color_for_seal() -> None:
    page = cached_form_page()
    rgb = with_seal(page, (800, 1300))
    res = clean_page(np.asarray(rgb.mean(axis=2), np.uint8), color=rgb)
    y0, y1, x0, x1 = 1000, 1600, 500, 1100
    # Only text pixels remain dark in the stamped area (the leaders there are erased too).
    assert np.sum(res.image[y0:y1, x0:x1] < 128) <= np.sum(page[y0:y1, x0:x1] < 128)
