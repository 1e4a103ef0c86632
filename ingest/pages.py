"""Split a source file into picklable page jobs, and load one page's input (text layer or image)."""

from __future__ import annotations

import cv2
import numpy as np

from ingest import images, pdf
from ingest.errors import IntakeError
from ingest.model import PageJob, SourceFile
from ocr.model import PageText


def plan_pages(src: SourceFile) -> tuple[list[PageJob], list[str]]:
    """One job per page/frame; the file is opened once to count. Problems become error strings."""
    if src.path is None or src.errors:
        return [], list(src.errors)
    try:
        if src.kind == "pdf":
            doc, opened = pdf.open_pdf(src.path)
            try:
                n = len(doc)
            finally:
                doc.close()
        elif src.kind in ("png", "jpeg", "tiff"):
            opened, n = str(src.path), images.image_frames(src.path)
        else:
            return [], [f"unsupported file kind: {src.kind}"]
    except IntakeError as exc:
        return [], [str(exc)]
    if n == 0:
        return [], ["document has no pages"]
    return [PageJob(opened, src.kind, i, i + 1) for i in range(n)], []


PageInput = PageText | tuple[np.ndarray, np.ndarray | None]
SATURATED = 60  # channel spread that counts as colour ink (a red seal), not grey paper


def split_color(bgr: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Grayscale for OCR, plus RGB only when the page really carries colour (e.g. a red seal)."""
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    small = bgr[::4, ::4].astype(np.int16)
    spread = small.max(axis=2) - small.min(axis=2)
    if float((spread > SATURATED).mean()) < 0.0005:
        return gray, None
    return gray, cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


def load_page_input(job: PageJob) -> PageInput:
    """Text-layer PageText for a born-digital PDF page, else (300-dpi gray, RGB or None).

    A PDF page is rendered once in colour (pdfium is faster in colour than in grey) and split.
    Raises IntakeError for an unreadable page.
    """
    if job.kind == "pdf":
        doc, _ = pdf.open_pdf(job.path, job.password)
        try:
            text = pdf.read_page(doc, job.index, job.number)
            if text is not None:
                return text
            return split_color(pdf.render_open_page(doc, job.index, color=True))
        finally:
            doc.close()
    if images.frame_is_color(job.path, job.index):
        return split_color(images.load_frame(job.path, job.index, color=True))
    return images.load_frame(job.path, job.index), None
