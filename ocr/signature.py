"""A second, narrow OCR pass over a decision's signature block, once the layout shows one.

Page-level segmentation often drops the signer's name or the title under it: a scribble
and a seal sit on top of them. Reading just that block as one column fixes it cheaply.
"""

from __future__ import annotations

import numpy as np

from ocr.engine.base import OcrEngine, read_regions
from ocr.extract.anchors import fold
from ocr.model import BBox, Word


def signature_block(words: list[Word], width: int, height: int) -> BBox | None:
    """The right-hand block beside "Nơi nhận:" where the title, signature and name are."""
    for i, w in enumerate(words):
        if fold(w.text).startswith("noi") and i + 1 < len(words):
            nxt = fold(words[i + 1].text)
            if nxt.startswith("nhan") and w.bbox[1] > height * 0.2 and w.bbox[0] < width * 0.4:
                top = max(0, w.bbox[1] - 30)
                return (int(width * 0.42), top, width - 20, min(height, top + 1000))
    return None


def _inside(w: Word, box: BBox) -> bool:
    cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def reread_signature(
    words: list[Word], image: np.ndarray, engine: OcrEngine, timeout: float
) -> list[Word]:
    """Page words with the signature block replaced by a block-mode reading of it."""
    h, w = image.shape[:2]
    box = signature_block(words, w, h)
    if box is None:
        return words
    region = read_regions(engine, image, [box], psm=6, timeout=timeout)[0]
    if not region:
        return words
    return [wd for wd in words if not _inside(wd, box)] + region
