"""Downscaled, binarized copies: every detector works on these so cleanup stays cheap."""

from __future__ import annotations

import cv2
import numpy as np

SMALL = 4  # detectors run on a quarter-size copy (~75 dpi)


def downscale(img: np.ndarray, factor: int) -> np.ndarray:
    """Area-average downscale by an integer factor (area keeps thin strokes visible)."""
    h, w = img.shape[:2]
    return cv2.resize(img, (max(1, w // factor), max(1, h // factor)), interpolation=cv2.INTER_AREA)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Otsu-binarized copy with ink = 255 (what the geometry tests count)."""
    _, inv = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return inv


def rotate_quarter(img: np.ndarray, quarters: int) -> np.ndarray:
    """Rotate clockwise by `quarters` × 90° without resampling."""
    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    q = quarters % 4
    return img if q == 0 else cv2.rotate(img, codes[q])


Components = tuple[np.ndarray, np.ndarray]
"""Label image and per-label stats (x, y, w, h, area) of an ink mask."""


def connected(ink: np.ndarray) -> Components:
    """8-connected components of an ink mask, computed once and shared by later steps."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return labels, stats
