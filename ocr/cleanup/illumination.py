"""Flatten uneven lighting (phone photos) by dividing by a background estimated at low resolution."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.cleanup._small import downscale

SCALE = 8  # background is estimated at ~37 dpi: text vanishes under a small closing there
UNEVEN = 25  # grey levels between bright and dark paper before we bother (clean scans skip)


def background(gray: np.ndarray, reduced: np.ndarray | None = None, factor: int = 1) -> np.ndarray:
    """Paper brightness at low resolution: closing removes dark text, median removes residue.

    `reduced` is an optional copy of `gray` already downscaled by `factor` (saves a pass).
    """
    small = downscale(gray, SCALE) if reduced is None else downscale(reduced, SCALE // factor)
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    return cv2.medianBlur(closed, 15)


def is_uneven(bg: np.ndarray) -> bool:
    """True when the paper's brightness varies enough across the page to hurt OCR."""
    lo, hi = np.percentile(bg, [5, 95])
    return bool(hi - lo > UNEVEN or hi < 200)


def flatten(gray: np.ndarray, bg: np.ndarray | None = None) -> np.ndarray:
    """Divide by the upsampled background so paper becomes ~white everywhere."""
    if bg is None:
        bg = background(gray)
    big = cv2.resize(bg, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(gray, np.maximum(big, 1), scale=255)
