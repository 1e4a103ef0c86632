"""Page orientation (0/90/180/270) from text geometry, so OCR never has to run twice."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.cleanup import deskew

SURE = 0.1  # |score| below this is "unsure": the caller may ask Tesseract OSD


def without_rules(ink: np.ndarray) -> np.ndarray:
    """Ink minus long straight rules (page frames, table borders), which mimic text lines.

    A frame round a diploma has as much vertical as horizontal "line" ink and can tip the
    sideways test; text never forms a solid stroke an eighth of the page long.
    """
    h, w = ink.shape[:2]
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, w // 8), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(15, h // 8)))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, across)
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, down)
    return cv2.subtract(ink, cv2.bitwise_or(horiz, vert))


def sideways_score(ink: np.ndarray) -> tuple[float, float]:
    """(score, skew): score > 0 when text lines run horizontally, < 0 when the page is turned 90°.

    Text lines make the row profile peaked (ink rows, blank gaps) at the right small angle,
    while the column profile stays flat; comparing both axes also gives the skew for free.
    """
    skew_rows, rows = deskew.search(ink)
    _, cols = deskew.search(np.ascontiguousarray(ink.T))
    score = 0.0 if rows + cols == 0 else (rows - cols) / (rows + cols)
    return score, skew_rows


def _lines(row_ink: np.ndarray) -> list[tuple[int, int]]:
    """Runs of rows holding ink (text lines of a levelled page), with detached marks re-attached.

    Tone marks over capitals often leave a gap of a few rows at low resolution; such a thin run
    is merged into the nearer neighbouring run so the line keeps its marks.
    """
    on = row_ink > max(2.0, 0.02 * float(row_ink.max(initial=0)))
    edges = np.diff(np.concatenate(([0], on.astype(np.int8), [0])))
    runs = [
        [int(a), int(b)] for a, b in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True)
    ]
    if len(runs) < 2:
        return [(a, b) for a, b in runs]
    med = float(np.percentile([b - a for a, b in runs], 75))  # thin runs pull a median down
    merged: list[list[int]] = []
    i = 0
    while i < len(runs):
        cur = runs[i]
        thin = cur[1] - cur[0] < 0.5 * med
        gap_next = runs[i + 1][0] - cur[1] if i + 1 < len(runs) else 10**9
        gap_prev = cur[0] - merged[-1][1] if merged else 10**9
        if thin and min(gap_next, gap_prev) <= 0.4 * med:
            if gap_next <= gap_prev:
                runs[i + 1][0] = cur[0]
            else:
                merged[-1][1] = cur[1]
        else:
            merged.append(cur)
        i += 1
    return [(a, b) for a, b in merged]


def upside_down_score(ink: np.ndarray) -> float:
    """>0 when upright, <0 when upside down, for a levelled page.

    Latin and Vietnamese letters put far more ink above the x-height band (capitals, ascenders,
    tone marks) than below the baseline (a few descenders, the dot-below mark).
    """
    rows = ink.sum(axis=1, dtype=np.int64) // 255
    above = below = 0
    for top, bottom in _lines(rows):
        prof = rows[top:bottom]
        if len(prof) < 5:
            continue
        core = np.flatnonzero(prof >= 0.5 * prof.max())
        above += int(prof[: core[0]].sum())
        below += int(prof[core[-1] + 1 :].sum())
    return 0.0 if above + below == 0 else (above - below) / (above + below)
