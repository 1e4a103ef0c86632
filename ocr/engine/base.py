"""The one-method OCR interface every stage codes against, plus region reading on top of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from ocr.model import BBox, Word


class OcrError(Exception):
    """An engine could not read an image (crash, missing binary, bad output)."""


class OcrTimeout(OcrError):
    """The engine ran past its timeout; the caller reports "page N: OCR timed out"."""


class OcrEngine(Protocol):
    """Reads words (0–1 confidence, boxes in the given image's pixels) from a grayscale image."""

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        """Words in Tesseract's reading order."""
        ...


def read_regions(
    engine: OcrEngine,
    image: np.ndarray,
    boxes: Sequence[BBox],
    *,
    psm: int = 6,
    timeout: float = 60,
    pad: int = 10,
) -> list[list[Word]]:
    """OCR each box on its own (e.g. one form field); word boxes come back in page pixels."""
    h, w = image.shape[:2]
    out: list[list[Word]] = []
    for x0, y0, x1, y1 in boxes:
        # A little white margin around the crop: Tesseract misreads glyphs touching the edge.
        cx0, cy0 = max(0, x0 - pad), max(0, y0 - pad)
        crop = image[cy0 : min(h, y1 + pad), cx0 : min(w, x1 + pad)]
        if crop.size == 0:
            out.append([])
            continue
        words = engine.read(np.ascontiguousarray(crop), psm=psm, timeout=timeout)
        out.append([shift_word(wd, cx0, cy0) for wd in words])
    return out


def shift_word(word: Word, dx: int, dy: int) -> Word:
    """The word moved by (dx, dy): from a crop's pixels to the page's, or back."""
    x0, y0, x1, y1 = word.bbox
    return Word(word.text, (x0 + dx, y0 + dy, x1 + dx, y1 + dy), word.conf)
