"""Red seal ink to white before binarization, so a seal over a signature keeps the name readable."""

from __future__ import annotations

import cv2
import numpy as np

# Red must beat both green and blue by this much; black ink and pencil have R ≈ G ≈ B.
RED_MARGIN = 40
INK_MAX = 110  # pixels darker than this at a seal's rim are the signer's ink, not seal


def red_mask(rgb: np.ndarray, margin: int = RED_MARGIN) -> np.ndarray:
    """255 where the pixel is seal red (R dominates G and B), 0 elsewhere; `rgb` in RGB order."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    # Saturating uint8 subtraction avoids int16 copies of a 26-megabyte page.
    over_g = cv2.subtract(r, g) > margin
    over_b = cv2.subtract(r, b) > margin
    return (np.logical_and(over_g, over_b)).astype(np.uint8) * 255


def suppress_red(gray: np.ndarray, rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """Whiten seal-red pixels in `gray`; returns the image and the red fraction of the page."""
    if rgb.shape[:2] != gray.shape[:2]:
        rgb = cv2.resize(rgb, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_AREA)
    mask = red_mask(rgb)
    red = float(cv2.countNonZero(mask)) / mask.size
    if red == 0.0:
        return gray, 0.0
    # The anti-aliased rim of seal strokes is pinkish-grey, not clearly red: widen the mask by a
    # pixel, but only over pixels lighter than black ink so text touching the seal survives.
    rim = cv2.dilate(mask, np.ones((3, 3), np.uint8)) > 0
    out = gray.copy()
    out[(mask > 0) | (rim & (gray > INK_MAX))] = 255
    return out, red
