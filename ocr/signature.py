"""A second, narrow OCR pass over a decision's signature block, once the layout shows one.

Page-level segmentation often drops the signer's name or the title under it: a scribble
and a seal sit on top of them. Reading just that block as one column fixes it cheaply. On a
fax the seal is black, and its ring runs through the name: the ring is painted out first, and
a name line still glued to the seal's lettering is read again on its own, cut to the width
the centred title above it gives.
"""

from __future__ import annotations

import cv2
import numpy as np

from ocr import name_image
from ocr.cleanup.seal import SealRing, find_seal_ring, inpaint_ring, ring_mask
from ocr.engine.base import OcrEngine, shift_word
from ocr.extract.anchors import fold
from ocr.extract.lexicon import is_name_syllable, is_surname, settle_name
from ocr.extract.signer import is_name_word, name_run, trim_marks
from ocr.layout.lines import group_lines
from ocr.model import BBox, Word, union_bbox

PAD = 15  # white margin around a crop: Tesseract misreads glyphs touching the edge
SURE = 0.8  # a name word read this confidently anchors the name line
TEXT_HEIGHT = (25, 90)  # px at 300 dpi: a word of the name, not a scribble or a seal letter


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


def _read(engine: OcrEngine, img: np.ndarray, psm: int, timeout: float) -> list[Word]:
    """Words of `img` (padded with paper) in `img`'s own pixel coordinates."""
    padded = cv2.copyMakeBorder(img, PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255)
    return [shift_word(w, -PAD, -PAD) for w in engine.read(padded, psm=psm, timeout=timeout)]


def _same_line(a: Word, b: Word) -> bool:
    return abs(a.bbox[3] - b.bbox[3]) < 25


def _title_centre(words: list[Word], above: int) -> float | None:
    """Centre of the most confidently read all-capitals title line above the name.

    A line with any word that is not clean capitals (a seal mark, "-Ph*" for "PHÓ") is no
    evidence: its visible words need not be centred.
    """
    titles = []
    for ln in group_lines([w for w in words if w.bbox[3] < above], 1):
        texts = [trim_marks(w.text) for w in ln.words]
        if sum(map(len, texts)) >= 4 and all(t.isalpha() and t.isupper() for t in texts):
            titles.append((sum(w.conf for w in ln.words) / len(ln.words), ln.bbox))
    if not titles:
        return None
    box = max(titles, key=lambda t: t[0])[1]
    return (box[0] + box[2]) / 2


def _run_score(words: list[Word]) -> float:
    """How good a name the line's trailing capitalised words make: 0 for none.

    Tesseract's confidence, plus how much of it is names at all: a known surname first, known
    given-name syllables after it (a misread syllable is seldom another name's).
    """
    run = name_run(words)
    if not run:
        return 0.0
    texts = settle_name(" ".join(trim_marks(w.text) for w in run), 0.0).split()  # as it will be reported
    known = sum(is_name_syllable(t) for t in texts[1:]) / max(1, len(texts) - 1)
    return min(w.conf for w in run) + is_surname(texts[0]) + 0.25 * known


def _reread_name(words: list[Word], crop: np.ndarray, engine: OcrEngine, ring: SealRing | None,
                 timeout: float, page_words: list[Word] | None = None,
                 scan: np.ndarray | None = None, dark: bool = False) -> list[Word]:  # fmt: skip
    """The block's words with the name line read again alone when the block reading left no clean name.

    The candidates are the block's line, the line cut out and read alone (as is, and with thin
    strokes closed away) and, when given, the page-level reading of the same line. When none of
    them is a clean name and `scan` (the crop before the ring was painted out) is given, the
    names those readings could be are drawn and compared with the scan (`ocr.name_image`) — only
    where the seal came out black: its ring was found, or the page is `dark` (a fax or photocopy).
    """
    lo, hi = TEXT_HEIGHT
    anchors = [w for w in words if w.conf > SURE and lo <= w.bbox[3] - w.bbox[1] <= hi
               and (t := trim_marks(w.text)).isalpha() and t[:1].isupper() and not t.isupper()]  # fmt: skip
    if not anchors:
        return words
    last = max(anchors, key=lambda w: w.bbox[3])
    line = sorted((w for w in words if _same_line(w, last)), key=lambda w: w.bbox[0])
    clean = len(name_run(line)) == len(line) and min(w.conf for w in line) > SURE
    if clean and is_surname(trim_marks(line[0].text)):
        return words  # the block read a clean name with nothing glued to it
    named = [w for w in anchors if _same_line(w, last)]
    right = max(w.bbox[2] for w in named)
    top, bottom = min(w.bbox[1] for w in named) - 12, max(w.bbox[3] for w in named) + 12
    centre = _title_centre(words, top)
    if centre is None and ring is not None:
        centre = ring.x  # the seal sits on the left half of the signature, the name is centred
    left = max(0, int(2 * centre - right) - 25) if centre is not None else 0
    if right - left < 2 * lo:
        left = 0  # a "centre" right of the name's end is no centre of it
    band = np.ascontiguousarray(crop[max(0, top) : bottom, left : right + 20])
    if band.shape[0] < lo or band.shape[1] < 2 * lo:
        return words
    # The name is set in bold; the seal's lettering, its thin inner ring and the scribble are thin
    # strokes that a closing (of the paper) removes: read both ways and keep the cleaner name.
    bold = cv2.morphologyEx(band, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    at = (left, max(0, top))
    readings = [[shift_word(w, *at) for w in _read(engine, img, 7, timeout)] for img in (band, bold)]
    page_line = [w for w in page_words or [] if top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom]
    candidates = [*readings, sorted(page_line, key=lambda w: w.bbox[0]), line]
    again = max(candidates, key=_run_score)
    sure_names = [c for c in candidates if _clean_name(c)]
    drawn = None
    if sure_names:
        again = max(sure_names, key=_run_score)
    elif scan is not None and (ring is not None or dark):
        box = (left, max(0, top), min(crop.shape[1], right + 20), bottom)
        drawn = _drawn_name(candidates, scan, box, ring)
    if drawn is not None:
        again = drawn
    elif _run_score(again) <= _run_score(line):
        return words
    return [w for w in words if not (top <= (w.bbox[1] + w.bbox[3]) / 2 <= bottom)] + again


SHORT_END = 25  # px: a reading whose last word ends this far left of another's missed the last word
CLEAN = 0.6  # a line of known name syllables read this surely is the name: nothing is drawn over it
DRAWN_CONF = 0.5  # confidence reported for a name settled by drawing it: a reviewer should look


def _clean_name(words: list[Word]) -> bool:
    """Every word of the line a known name syllable read fairly surely, the first a surname."""
    run = name_run(words)
    texts = [trim_marks(w.text) for w in run]
    return (bool(run) and len(run) == len(words) and min(w.conf for w in run) >= CLEAN
            and is_surname(texts[0]) and all(map(is_name_syllable, texts[1:])))  # fmt: skip


def _drawn_name(
    candidates: list[list[Word]], scan: np.ndarray, box: BBox, ring: SealRing | None
) -> list[Word] | None:
    """The name line as the best-fitting drawn name, one word per syllable, or None."""
    x0, y0, x1, y1 = box
    band = np.ascontiguousarray(scan[y0:y1, x0:x1])
    if band.size == 0:
        return None
    window = (x0, y0, x0 + band.shape[1], y0 + band.shape[0])
    hidden = np.zeros(band.shape, bool) if ring is None else ring_mask(ring, window)
    best: tuple[name_image.NameMatch, list[Word]] | None = None
    ends = [w.bbox[2] for c in candidates for w in c if is_name_word(w.text) and w.conf >= CLEAN]
    for cand in candidates:
        local = [shift_word(w, -x0, -y0) for w in sorted(cand, key=lambda w: w.bbox[0])]
        if not local or local[-1].conf < name_image.SURE or not is_name_syllable(local[-1].text):
            continue
        if ends and local[-1].bbox[2] + x0 < max(ends) - SHORT_END:
            continue  # a reading cut short of the line's last word: its last word is no anchor
        found = name_image.match_name(band, hidden, local, local[-1])
        if found is None or found.score < name_image.MIN_SCORE:
            continue
        if best is None or found.score > best[0].score:
            best = (found, cand)
    if best is None:
        return None
    found, cand = best
    last = max(cand, key=lambda w: w.bbox[2])
    span = union_bbox([w.bbox for w in cand])
    return _spread(found.name, span, last)


def _spread(name: str, span: BBox, last: Word) -> list[Word]:
    """Words of `name` laid over `span` in proportion to their lengths; the last keeps its own box."""
    parts = name.split()
    head = parts[:-1]
    total = sum(len(p) for p in head) or 1
    x, out = span[0], []
    width = max(1, last.bbox[0] - span[0])
    for p in head:
        w = round(width * len(p) / total)
        out.append(Word(p, (x, span[1], x + w, span[3]), DRAWN_CONF))
        x += w
    return [*out, Word(parts[-1], last.bbox, min(last.conf, 0.99))]


def reread_signature(
    words: list[Word], image: np.ndarray, engine: OcrEngine, timeout: float, dark: bool = False
) -> list[Word]:
    """Page words with the signature block replaced by a block-mode reading of it."""
    h, w = image.shape[:2]
    box = signature_block(words, w, h)
    if box is None:
        return words
    x0, y0, x1, y1 = box
    crop = scan = image[y0:y1, x0:x1]
    ring = find_seal_ring(crop)
    if ring is not None:
        crop = inpaint_ring(crop, ring)
    region = _read(engine, crop, 6, timeout)
    if not region:
        return words
    page_words = [shift_word(wd, -x0, -y0) for wd in words if _inside(wd, box)]
    region = _reread_name(region, crop, engine, ring, timeout, page_words, scan=scan, dark=dark)
    return [wd for wd in words if not _inside(wd, box)] + [shift_word(wd, x0, y0) for wd in region]
