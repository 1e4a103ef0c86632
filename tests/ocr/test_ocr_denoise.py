import numpy as np
from ocr_pages import cached_form_page

from ocr.cleanup.denoise import despeckle


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
