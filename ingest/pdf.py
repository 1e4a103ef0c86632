"""PDF access through pdfium (fast), with pikepdf repair for damaged files; errors become strings."""

from __future__ import annotations

import hashlib
import math
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from ingest.errors import IntakeError
from ingest.textlayer import covered_by_one_image, looks_like_text, page_words
from ocr.model import PageText

DPI = 300
MAX_SIDE = 12000


def open_pdf(path: str | Path, password: str = "") -> tuple[pdfium.PdfDocument, str]:
    """Open, repairing with pikepdf if pdfium refuses; returns the document and the path really opened."""
    try:
        return pdfium.PdfDocument(str(path), password=password or None), str(path)
    except pdfium.PdfiumError as exc:
        # pdfium's error code is process-global and stale after an earlier failure, so the
        # reason (password or damage) is decided by pikepdf in _repair instead.
        first = str(exc).replace(" (PDFium: Success)", "")
    repaired = _repair(Path(path), first, password)
    try:
        return pdfium.PdfDocument(repaired, password=password or None), repaired
    except pdfium.PdfiumError as exc:
        raise IntakeError(f"corrupt PDF: {first}") from exc


def _repair(path: Path, reason: str, password: str) -> str:
    import pikepdf  # only damaged files pay for the import

    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    out = Path(tempfile.gettempdir()) / "hoso-repaired" / f"{key}.pdf"
    try:
        with pikepdf.open(path, password=password) as pdf:
            out.parent.mkdir(exist_ok=True)
            pdf.save(out)
    except pikepdf.PasswordError as exc:
        raise IntakeError("encrypted PDF: password required") from exc
    except Exception as exc:  # noqa: BLE001 - pikepdf raises many kinds for broken input
        raise IntakeError(f"corrupt PDF: {reason}") from exc
    return str(out)


def page_count(path: str | Path, password: str = "") -> int:
    """Number of pages; raises IntakeError with a readable reason."""
    doc, _ = open_pdf(path, password)
    try:
        return len(doc)
    finally:
        doc.close()


def page_has_text_layer(page: pdfium.PdfPage) -> bool:
    """A usable layer: ≥ 20 mostly alphanumeric characters, and not a scan under invisible OCR text.

    Scanner OCR layers are often poor on Vietnamese diacritics, so such pages are re-OCRed.
    """
    return looks_like_text(page_words(page, DPI / 72)) and not covered_by_one_image(page)


def read_page(doc: pdfium.PdfDocument, index: int, number: int) -> PageText | None:
    """PageText from the text layer of an open document, or None when the page needs OCR."""
    page = doc[index]
    try:
        words = page_words(page, DPI / 72)
        if not looks_like_text(words) or covered_by_one_image(page):
            return None
        w, h = page.get_size()  # already after /Rotate
        return PageText(number, math.ceil(w * DPI / 72), math.ceil(h * DPI / 72), words, source="text_layer")
    finally:
        page.close()


def read_text_layer(path: str | Path, index: int, password: str = "") -> PageText:
    """Words of the text layer of one page (0-based index), bboxes in pixels at 300 dpi, y down."""
    doc, _ = open_pdf(path, password)
    try:
        page = doc[index]
        try:
            w, h = page.get_size()  # already after /Rotate
            words = page_words(page, DPI / 72)
        finally:
            page.close()
    finally:
        doc.close()
    return PageText(index + 1, math.ceil(w * DPI / 72), math.ceil(h * DPI / 72), words, source="text_layer")


def render_page(path: str | Path, index: int, dpi: int = DPI, password: str = "",
                color: bool = False, forms: bool = False) -> np.ndarray:
    """Grayscale uint8 (or BGR when color) image of the visible page; refuses absurd page sizes.

    `forms`: draw the appearance of form fields too: an agency that signs a born-digital
    document digitally stamps its số and day into signature fields over the blank slots.
    """
    doc, _ = open_pdf(path, password)
    try:
        if forms:
            doc.init_forms()
        return render_open_page(doc, index, dpi, color)
    finally:
        doc.close()


def render_open_page(doc: pdfium.PdfDocument, index: int, dpi: int = DPI, color: bool = False) -> np.ndarray:
    """Render one page of an open document (see `render_page`)."""
    page = doc[index]
    try:
        w, h = page.get_size()  # already after /Rotate
        pw, ph = math.ceil(w * dpi / 72), math.ceil(h * dpi / 72)
        if pw > MAX_SIDE or ph > MAX_SIDE:
            raise IntakeError(f"page too large: {pw}×{ph} px at {dpi} dpi")
        bitmap = page.render(scale=dpi / 72, grayscale=not color)
        arr = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
        bitmap.close()
    finally:
        page.close()
    if not color:
        return arr.reshape(arr.shape[0], arr.shape[1]) if arr.ndim == 3 else arr
    return np.ascontiguousarray(arr[:, :, :3])
