"""One cheap pass from a raw page image to what Tesseract should read, timed step by step."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import cv2
import numpy as np

from ocr.cleanup import denoise, deskew, illumination, leaders, orientation, perspective, seal
from ocr.cleanup._small import SMALL, connected, downscale, ink_mask, rotate_quarter

Osd = Callable[[np.ndarray], int | None]
"""Fallback orientation check: clockwise quarter turns (0–3) to make a 300-dpi page upright."""


@dataclass(slots=True)
class CleanResult:
    """The cleaned grayscale page and what was done to it."""

    image: np.ndarray
    rotation: int = 0  # degrees clockwise applied (0/90/180/270)
    skew_deg: float = 0.0  # levelled angle; positive = text rose to the right
    perspective_applied: bool = False
    blank: bool = False
    orientation_sure: bool = True  # False: geometry was unsure (OSD asked if available)
    leader_dots: int = 0
    despeckled: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def upright(self, img: np.ndarray) -> np.ndarray | None:
        """The input turned and levelled as the cleaned page was, but with no ink cleanup.

        A crop of it lies over the same place of the cleaned page: thin handwriting in a typed line
        survives there when despeckling has thinned it. None after a perspective warp (a photo).
        """
        if self.perspective_applied:
            return None
        gray = rotate_quarter(_to_gray(img), self.rotation // 90)
        return deskew.rotate(gray, self.skew_deg) if self.skew_deg else gray


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    yield
    timings[name] = round(timings.get(name, 0.0) + time.perf_counter() - t0, 4)


def _to_gray(img: np.ndarray) -> np.ndarray:
    return img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def _orient(gray: np.ndarray, small: np.ndarray, osd: Osd | None) -> tuple[int, float, bool]:
    """Quarter turns, skew and whether the geometric tests were sure, from a ~75 dpi copy."""
    ink = orientation.without_rules(ink_mask(small))
    side, skew = orientation.sideways_score(ink)
    q = 0 if side >= 0 else 1
    if q:
        skew = deskew.estimate_skew(rotate_quarter(ink, q))
    # The x-height band is only ~4 rows at 75 dpi for small type: judge 180° at 150 dpi.
    half = rotate_quarter(ink_mask(downscale(gray, SMALL // 2)), q)
    # 0.05° of error smears a small x-height band at 150 dpi: refine the angle at this scale.
    skew = deskew.search(half, around=skew)[0]
    up = orientation.upside_down_score(deskew.rotate(half, skew, fill=0))
    if up < 0:
        q += 2
    sure = abs(side) >= orientation.SURE and abs(up) >= orientation.SURE
    if not sure and osd is not None:
        found = osd(gray)
        if found is not None and found % 2 != q % 2:
            # OSD disagrees on the axis: the skew was measured on the wrong one.
            skew = deskew.estimate_skew(rotate_quarter(ink, found))
        q = found if found is not None else q
    return q % 4, skew, sure


def clean_page(img: np.ndarray, *, color: np.ndarray | None = None, osd: Osd | None = None) -> CleanResult:
    """Seal → perspective → illumination → orientation + deskew → leaders → speckle; blank check."""
    t: dict[str, float] = {}
    res = CleanResult(image=img, timings=t)
    with _timed(t, "seal"):
        gray = _to_gray(img)
        if color is not None:
            gray, _ = seal.suppress_red(gray, color)
    with _timed(t, "speckle"):
        # fax speckle misleads every later detector: clear it first, when there is a lot of it
        specks = denoise.speck_count(connected(ink_mask(downscale(gray, 2)))[1])
        if specks >= denoise.SPECKLED:
            gray, res.despeckled = denoise.despeckle(gray, specks=specks)
    with _timed(t, "perspective"):
        # One 75-dpi copy feeds every detector until the full image changes.
        small = downscale(gray, SMALL)
        quad = perspective.find_page_quad(gray, small)
        if quad is not None:
            gray = perspective.warp_to_a4(gray, quad)
            small = downscale(gray, SMALL)
            res.perspective_applied = True
    with _timed(t, "illumination"):
        bg = illumination.background(gray, small, SMALL)
        if res.perspective_applied or illumination.is_uneven(bg):
            gray = illumination.flatten(gray, bg)
            small = downscale(gray, SMALL)
    with _timed(t, "gray_seal"):
        # a grey scan keeps no red: find the round seal by shape and drop its lighter ink
        gray, seals = seal.suppress_gray_seal(gray, small, SMALL)
        if seals:
            small = downscale(gray, SMALL)
    with _timed(t, "orientation"):
        res.blank = denoise.is_blank(small)
        if not res.blank:
            q, res.skew_deg, res.orientation_sure = _orient(gray, small, osd)
            res.rotation = q * 90
    if res.blank:
        res.image = gray
        return res
    with _timed(t, "rotate"):
        # A lossless quarter turn first: warpAffine across axes is 3-5x slower than level.
        gray = rotate_quarter(gray, res.rotation // 90)
        if abs(res.skew_deg) > deskew.MIN_DEG:
            gray = deskew.rotate(gray, res.skew_deg)
        else:
            res.skew_deg = 0.0
    with _timed(t, "leaders"):
        half = ink_mask(downscale(gray, 2))
        gray, res.leader_dots = leaders.erase_leaders(gray, half, connected(half), scale=2)
    if not res.despeckled:
        with _timed(t, "despeckle"):
            gray, res.despeckled = denoise.despeckle(gray)
    res.image = gray
    return res
