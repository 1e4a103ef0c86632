import pytest
from ocr_pages import cached_form_page, skew

from ocr.cleanup import deskew
from ocr.cleanup._small import downscale, ink_mask
from ocr.cleanup.pipeline import clean_page


@pytest.mark.parametrize("deg", [2.5, -2.5, 4.0])
def test_skew_is_recovered(deg: float) -> None:
    res = clean_page(skew(cached_form_page(), deg))
    assert abs(res.skew_deg - deg) <= 0.3
    after = deskew.estimate_skew(ink_mask(downscale(res.image, 4)))
    assert abs(after) <= 0.3


def test_level_page_is_not_resampled() -> None:
    page = cached_form_page()
    res = clean_page(page)
    assert res.skew_deg == 0.0
    assert res.timings["rotate"] < 0.05
