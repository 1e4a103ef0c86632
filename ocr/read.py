"""One page image to PageText: cleanup then a single OCR pass; bad pages become error strings."""

from __future__ import annotations

import logging
import time

import numpy as np

from ocr.cleanup.pipeline import Osd, clean_page
from ocr.engine.base import OcrEngine, OcrError, OcrTimeout
from ocr.engine.line_reader import line_reader
from ocr.header_slots import reread_header_slots
from ocr.model import PageText
from ocr.numbers import reread_unsure_numbers
from ocr.signature import reread_signature

log = logging.getLogger(__name__)


def osd_for(engine: OcrEngine) -> Osd | None:
    """Tesseract's OSD as the orientation fallback, when the engine offers it."""
    detect = getattr(engine, "detect_orientation", None)
    return detect if callable(detect) else None


def read_page_image(
    img: np.ndarray,
    number: int,
    engine: OcrEngine,
    *,
    timeout: float = 120,
    color: np.ndarray | None = None,
    psm: int = 3,
) -> PageText:
    """Words with boxes in the cleaned (upright, levelled, flattened) 300-dpi page; never raises."""
    page = PageText(number, 0, 0, source="ocr")
    try:
        cleaned = clean_page(img, color=color, osd=osd_for(engine))
    except Exception as exc:  # noqa: BLE001 - a broken image must not stop the batch
        log.debug("cleanup failed on page %d", number, exc_info=True)
        page.source = "none"
        page.errors.append(f"page {number}: image cleanup failed: {exc}")
        return page
    page.height, page.width = cleaned.image.shape[:2]
    page.rotation = cleaned.rotation
    page.blank = cleaned.blank
    page.timings.update(cleaned.timings)
    if cleaned.blank:
        return page
    t0 = time.perf_counter()
    try:
        page.words = engine.read(cleaned.image, psm=psm, timeout=timeout)
        # a fax or photocopy (speckle cleared) prints the seal black, over the signer's name
        page.words = reread_signature(page.words, cleaned.image, engine, timeout, dark=cleaned.despeckled)
        page.words = reread_unsure_numbers(page.words, cleaned.image, engine, timeout)
        # the số and the day are often handwritten into the typed header lines: a second engine reads them
        page.words = reread_header_slots(page.words, cleaned.image, line_reader(),
                                         raw=lambda: cleaned.upright(img))
    except OcrTimeout:
        page.errors.append(f"page {number}: OCR timed out")
    except OcrError as exc:
        page.errors.append(f"page {number}: OCR failed: {exc}")
    page.timings["ocr"] = round(time.perf_counter() - t0, 4)
    return page
