"""Find the page quadrilateral in a phone photo and warp it to an upright A4 page at 300 dpi."""

from __future__ import annotations

import cv2
import numpy as np

A4_PX = (2480, 3508)  # width, height at 300 dpi
WORK_WIDTH = 500  # the quad search runs on a copy this wide: contours are cheap there
MIN_AREA = 0.2  # a page smaller than this share of the photo is not a clear page
FULL_FRAME = 0.03  # corners all within 3% of the image corners: already the full page


def _order(pts: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return np.array([pts[s.argmin()], pts[d.argmin()], pts[s.argmax()], pts[d.argmax()]], "f4")


def find_page_quad(gray: np.ndarray, reduced: np.ndarray | None = None) -> np.ndarray | None:
    """Corners (full-resolution pixels) of the lighter page, or None when no clear quad exists.

    `reduced` is an optional already-downscaled copy of `gray` to start from (saves a pass).
    """
    h, w = gray.shape[:2]
    f = WORK_WIDTH / w
    src = gray if reduced is None else reduced
    small = cv2.resize(src, (WORK_WIDTH, max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _, page = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # Close text holes so the page is one solid blob whatever is printed on it.
    page = cv2.morphologyEx(page, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(page, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    c = max(contours, key=cv2.contourArea)
    if cv2.contourArea(c) < MIN_AREA * page.size:
        return None
    quad = cv2.approxPolyDP(c, 0.02 * cv2.arcLength(c, True), True)
    if len(quad) != 4 or not cv2.isContourConvex(quad):
        return None
    pts = _order(quad.reshape(4, 2).astype("f4") / f)
    frame = _order(np.array([[0, 0], [w, 0], [w, h], [0, h]], "f4"))
    if np.all(np.abs(pts - frame) <= FULL_FRAME * np.array([w, h], "f4")):
        return None
    return pts


def warp_to_a4(img: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """Warp the quad to A4 at 300 dpi, landscape when the quad is wider than tall."""
    tl, tr, br, bl = quad
    wide = np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)
    tall = np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)
    ow, oh = A4_PX if tall >= wide else A4_PX[::-1]
    dst = np.array([[0, 0], [ow - 1, 0], [ow - 1, oh - 1], [0, oh - 1]], "f4")
    m = cv2.getPerspectiveTransform(quad, dst)
    border = 255 if img.ndim == 2 else (255, 255, 255)
    return cv2.warpPerspective(
        img, m, (ow, oh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )
