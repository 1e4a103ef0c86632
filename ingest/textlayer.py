"""Words from a PDF text layer, and leader dots kept apart from values (the extractor relies on it)."""

from __future__ import annotations

import ctypes
import math
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ocr.model import BBox, Word

LEADER_CHARS = ".…·_"
_LEADER_RUN = re.compile(r"[.…·_]{2,}|…")
MIN_TEXT_CHARS = 20


def split_leaders(word: Word) -> list[Word]:
    """Split "NGUYỄN……" into "NGUYỄN" and "……", bboxes shared out by character count."""
    text = word.text
    if not _LEADER_RUN.search(text) or all(c in LEADER_CHARS for c in text):
        return [word]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _LEADER_RUN.finditer(text):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pieces.append((m.start(), m.end()))
        pos = m.end()
    if pos < len(text):
        pieces.append((pos, len(text)))
    x0, y0, x1, y1 = word.bbox
    per = (x1 - x0) / len(text)
    return [Word(text[a:b], (round(x0 + a * per), y0, round(x0 + b * per), y1), word.conf) for a, b in pieces]


def page_transform(page: pdfium.PdfPage, scale: float) -> tuple[float, float, float, float, float, float]:
    """Affine map (a, b, c, d, e, f) from PDF user space to pixels of the visible page, y down."""
    w, h = page.get_size()  # pdfium gives the size after /Rotate, as displayed
    sx, sy = math.ceil(w * scale), math.ceil(h * scale)
    pts = []
    for px, py in ((0.0, 0.0), (1000.0, 0.0), (0.0, 1000.0)):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page, 0, 0, sx, sy, 0, px, py, ctypes.byref(dx), ctypes.byref(dy))
        pts.append((dx.value, dy.value))
    (ox, oy), (ax, ay), (bx, by) = pts
    return ((ax - ox) / 1000, (ay - oy) / 1000, (bx - ox) / 1000, (by - oy) / 1000, ox, oy)


def page_words(page: pdfium.PdfPage, scale: float) -> list[Word]:
    """Words of a page: characters grouped on whitespace, line changes and horizontal gaps.

    Grouping happens in PDF user space, where text runs along x even on a page with /Rotate;
    only the finished word boxes are mapped to the visible page.
    """
    m = page_transform(page, scale)
    textpage = page.get_textpage()
    try:
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        # Locals and the raw handle: per-character ctypes calls are the whole cost of this loop.
        raw = textpage.raw
        get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
        words: list[Word] = []
        cur: list[str] = []
        box: list[float] = []
        for i in range(textpage.count_chars()):
            ch = chr(get_unicode(raw, i))
            if ch.isspace() or ch in "\x00\x02\ufffe" or not get_box(raw, i, rect_ref):
                _flush(cur, box, words, m)
                continue
            cb = [rect.left, rect.bottom, rect.right, rect.top]
            if cur and _breaks(box, cb):
                _flush(cur, box, words, m)
            if cur:
                box[0], box[1] = min(box[0], cb[0]), min(box[1], cb[1])
                box[2], box[3] = max(box[2], cb[2]), max(box[3], cb[3])
            else:
                box[:] = cb
            cur.append(ch)
        _flush(cur, box, words, m)
    finally:
        textpage.close()
    return [p for w in words for p in split_leaders(w)]


def _breaks(box: list[float], cb: list[float]) -> bool:
    """A new word starts on a gap wider than a quarter line height, or on another line (y up)."""
    height = max(box[3] - box[1], cb[3] - cb[1], 1.0)
    gap = cb[0] - box[2]
    mid = (cb[1] + cb[3]) / 2
    return gap > 0.25 * height or gap < -height or not (box[1] <= mid <= box[3])


def _flush(cur: list[str], box: list[float], words: list[Word],
           m: tuple[float, float, float, float, float, float]) -> None:
    if not cur:
        return
    a, b, c, d, e, f = m
    xs = [a * x + c * y + e for x, y in ((box[0], box[1]), (box[2], box[3]))]
    ys = [b * x + d * y + f for x, y in ((box[0], box[1]), (box[2], box[3]))]
    bb: BBox = (int(min(xs)), int(min(ys)), math.ceil(max(xs)), math.ceil(max(ys)))
    words.append(Word("".join(cur), bb, 1.0))
    cur.clear()


def looks_like_text(words: list[Word]) -> bool:
    """A real layer: at least 20 non-space characters, mostly letters or digits."""
    chars = "".join(w.text for w in words)
    if len(chars) < MIN_TEXT_CHARS:
        return False
    alnum = sum(ch.isalnum() for ch in chars)
    leaders = sum(ch in LEADER_CHARS for ch in chars)
    return alnum >= 0.6 * max(len(chars) - leaders, 1)


def covered_by_one_image(page: pdfium.PdfPage) -> bool:
    """True for a scan with an invisible OCR layer: one image object covers ≥ 85% of the page."""
    w, h = page.get_size()
    area = max(w * h, 1.0)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= 0.85 * area:
            return True
    return False
