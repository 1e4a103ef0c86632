"""A grey round seal over a signer's name is found by shape and its lighter ink dropped."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.cleanup._small import downscale
from ocr.cleanup.seal import find_round_seals, suppress_gray_seal


def _page_with_seal() -> np.ndarray:
    page = np.full((3508, 2480), 255, np.uint8)
    cv2.circle(page, (1500, 2600), 230, 150, 9)
    cv2.circle(page, (1500, 2600), 180, 150, 4)
    cv2.putText(page, "Duong Huu Hai", (1350, 2650), cv2.FONT_HERSHEY_SIMPLEX, 2.2, 0, 6)
    return page


def test_grey_seal_found_and_whitened_black_text_kept():
    page = _page_with_seal()
    assert find_round_seals(downscale(page, 4), 75.0)
    out, n = suppress_gray_seal(page, downscale(page, 4), 4)
    assert n >= 1
    ring = out[2600 - 232 : 2600 - 226, 1495:1505]
    assert ring.min() == 255  # the rim is gone
    assert (out[2560:2670, 1350:1900] < 60).sum() > 1000  # the name's black ink stays


def test_page_without_seal_is_untouched():
    page = np.full((3508, 2480), 255, np.uint8)
    cv2.putText(page, "Noi nhan:", (300, 2600), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 5)
    out, n = suppress_gray_seal(page, downscale(page, 4), 4)
    assert n == 0 and out is page
