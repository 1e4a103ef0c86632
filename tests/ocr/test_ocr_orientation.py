import numpy as np
import pytest
from ocr_pages import cached_form_page, rotate_cw, skew

from ocr.cleanup.pipeline import clean_page


@pytest.mark.parametrize("quarters", [0, 1, 2, 3])
def test_quarter_turns_are_undone(quarters: int) -> None:
    turned = rotate_cw(cached_form_page(), quarters)
    res = clean_page(turned)
    assert res.rotation == (-quarters * 90) % 360
    assert res.orientation_sure
    assert res.image.shape == cached_form_page().shape


@pytest.mark.parametrize("quarters", [1, 2])
def test_turned_and_skewed_page(quarters: int) -> None:
    res = clean_page(skew(rotate_cw(cached_form_page(), quarters), 2.0))
    assert res.rotation == (-quarters * 90) % 360
    assert abs(res.skew_deg - 2.0) <= 0.3


def test_upright_result_matches_original() -> None:
    page = cached_form_page()
    res = clean_page(rotate_cw(page, 2))
    # Same pixels where no leader was erased: the 180° turn is lossless.
    same = np.mean(res.image == np.maximum(page, res.image))
    assert same > 0.999
