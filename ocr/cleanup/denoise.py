"""Speckle removal and blank-page detection, decided from measurements rather than always on."""

from __future__ import annotations

import cv2
import numpy as np

SPECK_AREA = 3  # px at 300 dpi: smaller than any dot, diacritic or stroke end
SPECKS_NOISY = 1500  # more specks than this on a page means fax/scanner noise worth a median
BLANK_INK = 0.0003  # share of dark pixels (at 1/4 scale, margins ignored) below which a page is blank
MARGIN = 0.04  # scanner edges and punch holes live in the outer 4% of the page


def speck_count(stats: np.ndarray) -> int:
    """Number of tiny isolated components (label 0, the background, excluded)."""
    return int(np.count_nonzero(stats[1:, cv2.CC_STAT_AREA] <= SPECK_AREA))


def despeckle(gray: np.ndarray, stats: np.ndarray) -> tuple[np.ndarray, bool]:
    """3×3 median only on noisy pages: on clean pages it would just soften the strokes."""
    if speck_count(stats) <= SPECKS_NOISY:
        return gray, False
    return cv2.medianBlur(gray, 3), True


def is_blank(small_gray: np.ndarray) -> bool:
    """Very little dark ink once margins and isolated noise are ignored."""
    h, w = small_gray.shape[:2]
    my, mx = int(h * MARGIN), int(w * MARGIN)
    core = cv2.medianBlur(small_gray[my : h - my, mx : w - mx], 3)
    dark = np.count_nonzero(core < 128)
    return bool(dark < BLANK_INK * core.size)
