"""Read one page in a worker: its text layer when it has one, otherwise clean + OCR."""

from __future__ import annotations

from functools import cache

import cv2

from hoso.config import ExtractSettings
from ingest.model import PageJob
from ingest.pages import load_page_input
from ingest.pdf import render_page
from ocr.engine.base import OcrEngine
from ocr.engine.line_reader import line_reader
from ocr.header_slots import has_blank_slots, reread_header_slots
from ocr.model import PageText
from ocr.read import read_page_image


@cache
def ocr_engine(spec: str) -> OcrEngine:
    """One engine per worker process, built on first use (with OpenCV on one thread)."""
    cv2.setNumThreads(1)  # pages run in parallel across processes; threads would fight
    if spec.startswith("replay:"):
        from ocr.engine.replay import ReplayEngine

        return ReplayEngine(spec.removeprefix("replay:"))
    if spec == "none":  # benchmarks: everything but OCR
        from ocr.engine.null import NullEngine

        return NullEngine()
    from ocr.engine import tess_api
    from ocr.engine.tesseract import TesseractEngine

    if spec == "tesseract-cli" or not tess_api.available():
        return TesseractEngine()  # a child process per call: slower, needs no tesserocr
    return tess_api.TesseractApiEngine()


def _stamped_slots(page: PageText, job: PageJob) -> PageText:
    """A text-layer page whose header số or day is blank: read them off the rendered page."""
    if job.kind != "pdf" or not has_blank_slots(page.words, page.width, page.height):
        return page
    reader = line_reader()
    if reader is not None:
        image = render_page(job.path, job.index, password=job.password, forms=True)
        page.words = reread_header_slots(page.words, image, reader)
    return page


def read_page(job: PageJob, settings: ExtractSettings) -> PageText:
    """Never raises for a bad page: the problem becomes "page N: …" in PageText.errors."""
    try:
        loaded = load_page_input(job)
        if isinstance(loaded, PageText):
            return _stamped_slots(loaded, job)
        image, color = loaded
        return read_page_image(
            image,
            job.number,
            ocr_engine(settings.ocr_engine),
            timeout=settings.ocr_timeout,
            color=color,
        )
    except Exception as exc:  # noqa: BLE001 - report, keep the batch going
        return PageText(job.number, 0, 0, source="none", errors=[f"page {job.number}: {exc}"])
