"""Erase dotted leaders ("……", "......"): Tesseract glues them to values and drops whole lines."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.cleanup._small import Components, connected

MIN_RUN = 5  # fewer dots in a row is punctuation (a date's "15.06.1985" has two, "..." three)
DOT_MAX = 16  # px at 300 dpi: a period in 10–16 pt type is 5–12 px across
MAX_GAP = 45  # px at 300 dpi between neighbouring dots; "…" glyphs leave ~20, typed periods ~10
ROW_TOL = 3  # px at 300 dpi: dots of one leader share a baseline


def _dot_ids(stats: np.ndarray, scale: int) -> np.ndarray:
    """Components shaped like a printed dot: small, roughly square, mostly filled."""
    w = stats[:, cv2.CC_STAT_WIDTH]
    h = stats[:, cv2.CC_STAT_HEIGHT]
    area = stats[:, cv2.CC_STAT_AREA]
    big = DOT_MAX // scale
    ok = (w <= big) & (h <= big) & (w >= 2) & (h >= 2)
    ok &= (w <= 2 * h) & (h <= 2 * w) & (area >= 0.45 * w * h)
    ok[0] = False  # label 0 is the background
    return np.flatnonzero(ok)


def _ink(integral: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> int:
    """Ink pixels in [x0, x1) × [y0, y1), clipped to the page."""
    hh, ww = integral.shape[0] - 1, integral.shape[1] - 1
    x0, x1, y0, y1 = max(0, x0), min(ww, x1), max(0, y0), min(hh, y1)
    if x1 <= x0 or y1 <= y0:
        return 0
    return int(integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0])


def _box_ink(
    integral: np.ndarray, x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray
) -> np.ndarray:
    """Vectorised `_ink` for many boxes at once."""
    hh, ww = integral.shape[0] - 1, integral.shape[1] - 1
    x0, x1 = np.clip(x0, 0, ww), np.clip(x1, 0, ww)
    y0, y1 = np.clip(y0, 0, hh), np.clip(y1, 0, hh)
    return np.asarray(integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0])


def _alone(integral: np.ndarray, stats: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Dots with nothing just above or below: not a colon, semicolon, i-dot or dot-below mark."""
    x, y, w, h = (stats[ids, k].astype(np.int64) for k in range(4))
    reach = np.maximum(3, 3 * h)  # a colon's dots are ~2 dot-heights apart
    above = _box_ink(integral, x, y - reach, x + w, y)
    below = _box_ink(integral, x, y + h, x + w, y + h + reach)
    return np.asarray(ids[(above + below) == 0])


def _clear_between(integral: np.ndarray, a: np.ndarray, b: np.ndarray) -> bool:
    """No other ink between two dots, one dot-height above and below: not part of a word."""
    pad = int(max(a[3], b[3]))
    y0 = int(min(a[1], b[1])) - pad
    y1 = int(max(a[1] + a[3], b[1] + b[3])) + pad
    return _ink(integral, int(a[0] + a[2]), y0, int(b[0]), y1) == 0


def _rows(stats: np.ndarray, ids: np.ndarray, scale: int) -> list[np.ndarray]:
    """Dots grouped by vertical centre (a jump of > ROW_TOL starts a new row), sorted by x."""
    cy = stats[ids, cv2.CC_STAT_TOP] + stats[ids, cv2.CC_STAT_HEIGHT] / 2
    by_y = np.argsort(cy, kind="stable")
    cuts = np.flatnonzero(np.diff(cy[by_y]) > ROW_TOL / scale) + 1
    rows = []
    for group in np.split(ids[by_y], cuts):
        if len(group) >= MIN_RUN:
            rows.append(group[np.argsort(stats[group, cv2.CC_STAT_LEFT], kind="stable")])
    return rows


def _runs(stats: np.ndarray, ids: np.ndarray, integral: np.ndarray, scale: int) -> list[list[int]]:
    """Groups of ≥ MIN_RUN dots on one row, each next to the last with nothing between."""
    runs: list[list[int]] = []
    for row in _rows(stats, ids, scale):
        cur: list[int] = []
        for i in row:
            s = stats[i]
            if cur:
                p = stats[cur[-1]]
                gap = s[0] - (p[0] + p[2])
                if -2 <= gap <= MAX_GAP / scale and _clear_between(integral, p, s):
                    cur.append(int(i))
                    continue
                if len(cur) >= MIN_RUN:
                    runs.append(cur)
            cur = [int(i)]
        if len(cur) >= MIN_RUN:
            runs.append(cur)
    return runs


def erase_leaders(
    gray: np.ndarray, ink: np.ndarray, components: Components | None = None, scale: int = 1
) -> tuple[np.ndarray, int]:
    """White out leader dots in `gray`; returns the image and how many dots were erased.

    `ink` (255 = dark) may be a copy downscaled by `scale`: dots are still 3–6 px at 150 dpi and
    labelling a quarter of the pixels is what keeps this step cheap.
    """
    _, stats = components if components is not None else connected(ink)
    ids = _dot_ids(stats, scale)
    if len(ids) < MIN_RUN:
        return gray, 0
    integral = cv2.integral(ink // 255)
    ids = _alone(integral, stats, ids)
    runs = _runs(stats, ids, integral, scale)
    if not runs:
        return gray, 0
    out = gray.copy()
    erased = 0
    for run in runs:
        for i in run:
            # Whole box plus a rim: the anti-aliased halo is lighter than the Otsu cut, and a
            # leader dot is isolated (checked above), so nothing else lives in that box.
            x, y, w, h = (int(v) * scale for v in stats[i, :4])
            out[max(0, y - scale) : y + h + scale, max(0, x - scale) : x + w + scale] = 255
            erased += 1
    return out, erased
