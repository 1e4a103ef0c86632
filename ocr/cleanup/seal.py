"""Red seal ink to white before binarization, so a seal over a signature keeps the name readable."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ocr.cleanup._small import SMALL, downscale

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


@dataclass(frozen=True, slots=True)
class SealRing:
    """The solid outer ring of a seal that came out black (fax, photocopy), in image pixels."""

    x: float
    y: float
    inner: float  # radius where the ring's ink starts
    outer: float  # radius where it ends


RING_INK = 0.5  # share of the circle a seal's ring must cover in ink: text and scribbles never do


def _profile(ink: np.ndarray, x: float, y: float, radii: np.ndarray, angles: np.ndarray) -> np.ndarray:
    """Share of ink along the circle of each radius around (x, y)."""
    h, w = ink.shape
    xs = np.clip((x + np.outer(radii, np.cos(angles))).astype(np.intp), 0, w - 1)
    ys = np.clip((y + np.outer(radii, np.sin(angles))).astype(np.intp), 0, h - 1)
    return np.asarray(ink[ys, xs].mean(axis=1), dtype=np.float64)


def find_seal_ring(gray: np.ndarray, dpi: float = 300.0) -> SealRing | None:
    """The black ring of a round seal in a crop (e.g. a signature block), or None.

    Hough finds candidate circles on a quarter-size copy; the centre is then refined at full size
    to the one whose circle is most inked, and the ring's width read off the radial ink profile.
    """
    small = downscale(gray, SMALL)
    px = dpi / SMALL / 25.4
    lo, hi = int(SEAL_RADIUS_MM[0] * px), int(SEAL_RADIUS_MM[1] * px)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (5, 5), 0), cv2.HOUGH_GRADIENT, dp=1.5,
                             minDist=2 * lo, param1=120, param2=40, minRadius=lo, maxRadius=hi)
    if found is None:
        return None
    ink = gray < 128
    angles = np.linspace(0, 2 * np.pi, 360, endpoint=False)
    best: tuple[float, float, np.ndarray, np.ndarray] | None = None
    for x, y, r in found[0][:3]:
        # Hough may lock on the thin inner ring: look out to 1.4 r for the outer one
        radii = np.arange(int(r * SMALL * 0.8), int(r * SMALL * 1.4))
        for dx in range(-SMALL, SMALL + 1, 2):
            for dy in range(-SMALL, SMALL + 1, 2):
                cx, cy = x * SMALL + dx, y * SMALL + dy
                prof = _profile(ink, cx, cy, radii, angles)
                if best is None or prof.max() > best[2].max():
                    best = (cx, cy, prof, radii)
    if best is None or best[2].max() < RING_INK:
        return None
    cx, cy, prof, radii = best
    # the outer ring is the outermost well-inked radius; its width is where the ink stays dense
    k = int(np.nonzero(prof >= RING_INK)[0][-1])
    while k > 0 and prof[k - 1] > prof[k]:
        k -= 1
    i = j = k
    while i > 0 and prof[i - 1] > 0.4 * prof[k]:
        i -= 1
    while j < len(prof) - 1 and prof[j + 1] > 0.4 * prof[k]:
        j += 1
    return SealRing(float(cx), float(cy), float(radii[i]), float(radii[j]))


def inpaint_ring(gray: np.ndarray, ring: SealRing, widen: int = 3) -> np.ndarray:
    """The image with the ring painted out from its surroundings.

    Inpainting fills the ring from both sides: across paper it becomes paper, across a letter of
    the signer's name the stroke is carried through, so the name is not cut where the ring was.
    """
    band = ring_mask(ring, (0, 0, gray.shape[1], gray.shape[0]), widen) & (gray < 235)
    return np.asarray(cv2.inpaint(gray, band.astype(np.uint8) * 255, 4, cv2.INPAINT_TELEA), dtype=np.uint8)


def ring_mask(ring: SealRing, box: tuple[int, int, int, int], widen: int = 3) -> np.ndarray:
    """The pixels of the window `box` (x0, y0, x1, y1) that the ring, `widen` px wider, covers."""
    x0, y0, x1, y1 = box
    yy, xx = np.ogrid[y0:y1, x0:x1]
    d = np.sqrt((xx - ring.x) ** 2 + (yy - ring.y) ** 2)
    return np.asarray((d >= ring.inner - widen) & (d <= ring.outer + widen))
