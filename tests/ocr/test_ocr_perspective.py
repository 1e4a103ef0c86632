import cv2
import numpy as np
from ocr_pages import cached_form_page, phone_photo

from ocr.cleanup import illumination
from ocr.cleanup.perspective import find_page_quad, warp_to_a4
from ocr.cleanup.pipeline import clean_page


def test_page_quad_is_found_in_a_photo() -> None:
    photo, corners = phone_photo(cached_form_page())
    quad = find_page_quad(photo)
    assert quad is not None
    assert np.abs(quad - corners).max() < 40  # px in a 3000×4000 photo


def test_scan_is_left_alone() -> None:
    assert find_page_quad(cached_form_page()) is None


def test_photo_is_warped_and_flattened() -> None:
    page = cached_form_page()
    photo, corners = phone_photo(page)
    res = clean_page(photo)
    assert res.perspective_applied
    assert res.image.shape == (3508, 2480)
    assert res.rotation == 0
    # The lamp's gradient is gone: paper in all four corners of the page is near white.
    bg = illumination.background(res.image)
    assert np.percentile(bg, 5) > 230
    # The page content lines up with the original (the warp is the inverse of the photo's).
    flat = warp_to_a4(photo, corners)
    assert flat.shape == page.shape
    # Two resamplings blur thin strokes by a pixel or two: compare with 2-px tolerance.
    near = cv2.dilate((res.image < 160).astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    text = (page < 128) & ~_leaders(page)
    assert np.sum(text & near) / np.sum(text) > 0.85


def _leaders(page: np.ndarray) -> np.ndarray:
    from ocr.cleanup._small import ink_mask
    from ocr.cleanup.leaders import erase_leaders

    out, _ = erase_leaders(page, ink_mask(page))
    return (page < 128) & (out >= 128)
