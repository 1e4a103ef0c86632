"""Split a source file into picklable page jobs, and load one page's input (text layer or image)."""

from __future__ import annotations

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


PageInput = PageText | np.ndarray | tuple[np.ndarray, np.ndarray]


def load_page_input(job: PageJob, color: bool = False) -> PageInput:
    """Text-layer PageText for a born-digital PDF page, else the 300-dpi grayscale image.

    With color=True an image page comes as (gray, bgr). Raises IntakeError for an unreadable page.
    """
    if job.kind == "pdf":
        doc, _ = pdf.open_pdf(job.path, job.password)
        try:
            text = pdf.read_page(doc, job.index, job.number)
            if text is not None:
                return text
            gray = pdf.render_open_page(doc, job.index)
            return (gray, pdf.render_open_page(doc, job.index, color=True)) if color else gray
        finally:
            doc.close()
    gray = images.load_frame(job.path, job.index)
    return (gray, images.load_frame(job.path, job.index, color=True)) if color else gray
