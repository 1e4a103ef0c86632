"""A second look at numbers Tesseract was unsure of: CCCD, BHXH, phone numbers and dates.

A digit misread in a number is exactly the discrepancy the matcher must flag, so a misread here
costs a reviewer's time. Read inside a whole page, a number shares Tesseract's line model with
the label and the dotted leader; read on its own line it is often read right, and with a higher
confidence. The unsure numbers of a page are cut out, stacked into one small image and read in
one call; a reading replaces the first one only when it is confident (≥ 0.90), clearly more
confident than the first (by 0.05), and loses no digit. A day or month out of range ("ngày 32")
or garbled ("tháng 0%") is read again however sure it was, and replaced by a confident reading
that is in range.
"""

from __future__ import annotations

import numpy as np

from ocr.engine.base import OcrEngine
from ocr.extract.anchors import fold
from ocr.model import Word

UNSURE = 0.93  # below this a number is read again
CONFIDENT = 0.90  # a new reading must be this sure: an unsure one is no better than the first
MARGIN = 0.05  # and clearly surer than the first: two readings a hair apart are a coin toss
MAX_NUMBERS = 16  # per page: a bound on the extra OCR work
PAD = 12  # white margin around each number (glyphs touching the edge are misread)
GAP = 36  # white rows between stacked numbers


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def is_unsure_number(w: Word) -> bool:
    """Mostly digits (at least four), read with less than UNSURE confidence."""
    alnum = sum(c.isalnum() for c in w.text)
    d = _digits(w.text)
    return w.conf < UNSURE and d >= 4 and d >= 0.6 * alnum


_SLOT_LIMIT = {"ngay": 31, "thang": 12}  # the number after "ngày"/"tháng" is a day or a month


def _impossible_slots(words: list[Word]) -> dict[int, int]:
    """Index → limit of each day or month after "ngày"/"tháng" that is out of range or no number.

    A fax's 2 read as 3 ("ngày 32"), a digit garbled into a sign ("tháng 0%", "ngày 3Œ"): read
    alone, it is often right.
    """
    out = {}
    for i in range(1, len(words)):
        value = words[i].text.rstrip(".,;")
        limit = _SLOT_LIMIT.get(fold(words[i - 1].text).strip(":"))
        if limit is None or not value or len(value) > 4 or not any(c.isdigit() for c in value):
            continue
        if not value.isdigit() or not 1 <= int(value) <= limit:
            out[i] = limit
    return out


def _stack(image: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> tuple[np.ndarray, list[int]]:
    """The crops one under the other on white; returns the mosaic and each row's top."""
    h, w = image.shape[:2]
    crops = [image[max(0, y0 - PAD) : min(h, y1 + PAD), max(0, x0 - PAD) : min(w, x1 + PAD)]
             for x0, y0, x1, y1 in boxes]  # fmt: skip
    width = max(c.shape[1] for c in crops) + 2 * GAP
    height = sum(c.shape[0] for c in crops) + GAP * (len(crops) + 1)
    mosaic = np.full((height, width), 255, dtype=np.uint8)
    tops, y = [], GAP
    for c in crops:
        mosaic[y : y + c.shape[0], GAP : GAP + c.shape[1]] = c
        tops.append(y)
        y += c.shape[0] + GAP
    return mosaic, tops


def reread_unsure_numbers(
    words: list[Word], image: np.ndarray, engine: OcrEngine, timeout: float
) -> list[Word]:
    """Page words with unsure numbers replaced by a more confident reading of them alone."""
    impossible = _impossible_slots(words)
    picked = sorted((i for i, w in enumerate(words) if is_unsure_number(w) or i in impossible),
                    key=lambda i: words[i].conf)  # fmt: skip
    picked = sorted(picked[:MAX_NUMBERS])
    if not picked:
        return words
    mosaic, tops = _stack(image, [words[i].bbox for i in picked])
    rows: list[list[Word]] = [[] for _ in picked]
    for rw in engine.read(mosaic, psm=6, timeout=timeout):
        centre = (rw.bbox[1] + rw.bbox[3]) / 2
        at = max((r for r, top in enumerate(tops) if top - GAP / 2 <= centre), default=0)
        rows[at].append(rw)
    out = list(words)
    for i, reading in zip(picked, rows, strict=True):
        if not reading:
            continue
        text = "".join(w.text for w in sorted(reading, key=lambda w: w.bbox[0]))
        conf = min(w.conf for w in reading)
        old = words[i]
        if i in impossible:
            if conf >= CONFIDENT and text.isdigit() and 1 <= int(text) <= impossible[i]:
                out[i] = Word(text, old.bbox, conf)  # the first reading was no date at all
        elif conf >= CONFIDENT and conf >= old.conf + MARGIN and _digits(text) >= _digits(old.text):
            out[i] = Word(text, old.bbox, conf)
    return out
