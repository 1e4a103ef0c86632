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


SEAL_RADIUS_MM = (14.0, 25.0)  # round seals of Vietnamese agencies: 28–50 mm across
GRAY_INK_MAX = 115  # on a grey scan, text ink is darker than this and seal ink lighter


def find_round_seals(small: np.ndarray, dpi: float) -> list[tuple[int, int, int]]:
    """Circles of seal size on the downscaled page whose rim is grey ink (x, y, r at `dpi`)."""
    px = dpi / 25.4
    lo, hi = int(SEAL_RADIUS_MM[0] * px), int(SEAL_RADIUS_MM[1] * px)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    found = cv2.HoughCircles(blurred, cv2.HOUGH_GRADIENT, dp=1.5, minDist=2 * lo,
                             param1=120, param2=45, minRadius=lo, maxRadius=hi)
    if found is None:
        return []
    seals = []
    angles = np.linspace(0, 2 * np.pi, 180, endpoint=False)
    for x, y, r in np.round(found[0]).astype(int)[:8]:
        # darkest pixel across a band around the radius: Hough's r is only roughly right
        band = []
        for dr in range(-3, 4):
            xs = np.clip(x + ((r + dr) * np.cos(angles)).astype(int), 0, small.shape[1] - 1)
            ys = np.clip(y + ((r + dr) * np.sin(angles)).astype(int), 0, small.shape[0] - 1)
            band.append(small[ys, xs])
        ring = np.min(np.stack(band), axis=0)
        inked = ring < 215
        # a seal's rim is one continuous ring of mid-grey ink, not black text crossing a circle
        if inked.mean() > 0.7 and np.median(ring[inked]) > 90:
            seals.append((int(x), int(y), int(r)))
    return seals


def suppress_gray_seal(gray: np.ndarray, small: np.ndarray, scale: int) -> tuple[np.ndarray, int]:
    """Whiten the lighter-than-text ink inside each round grey seal; returns (image, seals)."""
    seals = find_round_seals(small, 300.0 / scale)
    if not seals:
        return gray, 0
    out = gray.copy()
    h, w = gray.shape[:2]
    for x, y, r in seals:
        cx, cy, rr = x * scale, y * scale, int(r * scale * 1.4)  # Hough may lock on the inner ring
        x0, y0, x1, y1 = max(0, cx - rr), max(0, cy - rr), min(w, cx + rr), min(h, cy + rr)
        roi = out[y0:y1, x0:x1]
        yy, xx = np.ogrid[y0:y1, x0:x1]
        inside = (xx - cx) ** 2 + (yy - cy) ** 2 <= rr * rr
        roi[inside & (roi > GRAY_INK_MAX)] = 255
    return out, len(seals)
