"""Small-angle deskew by projection profile on a downscaled ink mask (coarse then fine search)."""

from __future__ import annotations

import cv2
import numpy as np

MAX_DEG = 5.0
MIN_DEG = 0.1  # below this, resampling the page costs more than it gains
MAX_POINTS = 60_000  # subsample ink pixels: the profile's peak does not need them all


def _score(ys: np.ndarray, xs: np.ndarray, deg: float, n_rows: int) -> float:
    """Sum of squared row counts after shearing by `deg`: sharpest when lines are level."""
    t = np.tan(np.radians(deg))
    rows = np.round(ys - xs * t).astype(np.int64) + n_rows
    counts = np.bincount(rows, minlength=3 * n_rows)
    return float(np.dot(counts, counts))


def search(ink: np.ndarray, around: float | None = None) -> tuple[float, float]:
    """Best level angle (degrees, + = text rises to the right) and the row profile's peakedness.

    Peakedness is 1 for ink spread evenly over rows; text lines give several times that.
    """
    ys, xs = np.nonzero(ink)
    if len(ys) < 50:
        return 0.0, 1.0
    if len(ys) > MAX_POINTS:
        pick = np.random.default_rng(0).choice(len(ys), MAX_POINTS, replace=False)
        ys, xs = ys[pick], xs[pick]
    yf = ys.astype(np.float64)
    xf = xs.astype(np.float64) - ink.shape[1] / 2
    n = ink.shape[0]
    best, top = 0.0, 0.0
    steps: tuple[tuple[float, float], ...] = ((0.5, MAX_DEG), (0.1, 0.5), (0.02, 0.1))
    if around is not None:  # refine a coarse estimate on a finer copy
        best, steps = -around, ((0.02, 0.12),)
    for step, span in steps:
        grid = np.arange(best - span, best + span + step / 2, step)
        scores = np.array([_score(yf, xf, d, n) for d in grid])
        top = float(scores.max())
        # At 75 dpi small shears round to the same rows: take the middle of the plateau.
        best = float(grid[scores == top].mean())
    peak = top * n / float(len(yf)) ** 2
    # A shear of +d aligns lines whose y grows with x, i.e. lines that fall to the right.
    return -best, peak


def estimate_skew(ink: np.ndarray) -> float:
    """Angle in degrees (positive = text rises to the right) of the text lines."""
    return search(ink)[0]


def rotation_matrix(
    shape: tuple[int, ...], deg: float, quarters: int = 0
) -> tuple[np.ndarray, tuple[int, int]]:
    """Affine matrix and output size to rotate by `quarters` × 90° clockwise then level `deg`."""
    h, w = shape[:2]
    total = -(quarters % 4) * 90.0 - deg  # cv2 angles are counter-clockwise
    ow, oh = (w, h) if quarters % 2 == 0 else (h, w)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), total, 1.0)
    m[0, 2] += ow / 2 - w / 2
    m[1, 2] += oh / 2 - h / 2
    return m, (ow, oh)


def rotate(img: np.ndarray, deg: float, quarters: int = 0, fill: int = 255) -> np.ndarray:
    """One resampling pass for quarter turn plus skew; `fill` (paper white) covers the corners."""
    m, size = rotation_matrix(img.shape, deg, quarters)
    return cv2.warpAffine(
        img, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )
