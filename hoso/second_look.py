"""The record as a second reading, never a silent one: unsure small differences read again.

When the paper and the record differ in a character or two, and the OCR read the paper's value
unsurely, the difference is as likely a misread as a real one ("Thăng" for Thắng, "1995-11-10" for
-16, "Số , đường" with the 8 lost). Raising it costs a reviewer a look at nothing; accepting it on
the low confidence alone would hide a real one-mark change. So the field's box is cut from the
cleaned page again and read by witnesses that did not give the first reading:

* PP-OCR's recogniser, constrained to the two candidates (the paper's text and the record's value
  written the same way): its CTC score says which of the two the crop is. It cannot write most
  Vietnamese tone marks, so it witnesses digits and plain letters only;
* Tesseract again on the crop alone, enlarged and binarised differently from the page pass.

The record's value is taken only when at least `AGREE` witnesses read it and none reads the paper's;
the field then carries a note saying so (`matching.comparison.Settlement`). Anything else stays a
cảnh báo, with what the witnesses said added to its reason. A difference read surely gets no
second look at all.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from hoso.config import ExtractSettings
from hoso.fields import FieldKind
from hoso.normalize import fold_for_compare, known_kind, normalize
from hoso.normalize.confusions import look_alikes
from hoso.page_reader import ocr_engine
from hoso.result import ExtractedField
from ingest.model import PageJob
from ingest.pages import load_page_input, plan_pages
from ingest.sources import describe
from matching.comparison import SecondLook, Witness
from ocr.cleanup.pipeline import clean_page
from ocr.engine.base import OcrEngine, OcrError
from ocr.engine.line_reader import line_reader
from ocr.model import PageText
from ocr.read import osd_for

log = logging.getLogger(__name__)

UNSURE = 0.97  # a paper value read below this (raw engine confidence) may be a misread
MAX_EDITS = 2  # characters apart (compared forms): a small difference, the kind a misread makes
SHARE = 0.9  # PP-OCR's share of the crop's probability between the two candidates to witness one
AGREE = 2  # witnesses that must read the record's value (and none the paper's)
PAD = 12  # pixels around the box


def worth_a_look(kind: str, key: str, f: ExtractedField, electronic: str) -> bool:
    """An unsure reading a character or two from the record's value."""
    if f.confidence >= UNSURE or f.bbox == (0, 0, 0, 0) or not f.raw:
        return False
    a, b = fold_for_compare(kind, f.value, key=key), fold_for_compare(kind, electronic, key=key)
    return bool(a and b) and a != b and Levenshtein.distance(a, b) <= MAX_EDITS


def record_as_printed(kind: FieldKind, key: str, raw: str, electronic: str) -> str | None:
    """The paper's raw text changed by one character edit so that it reads as the record's value.

    The witnesses see the crop, which shows the value as printed ("16/11/1995"), not as stored
    ("1995-11-16"); so the record's candidate is written the paper's way. None when one edit
    with the record's own characters cannot do it.
    """
    want = fold_for_compare(kind, electronic, key=key)
    chars = sorted(set(electronic) | set(normalize(kind, electronic, key=key) or ""))
    alphabet = chars + [s for c in chars if c != " " for s in (c + " ", " " + c)]  # "Số, đường" lost " 8"
    edits = itertools.chain(
        (raw[:i] + c + raw[i + 1 :] for i in range(len(raw)) for c in alphabet),
        (raw[:i] + c + raw[i:] for i in range(len(raw) + 1) for c in alphabet),
        (raw[:i] + raw[i + 1 :] for i in range(len(raw))),
    )  # tried lazily: the first that reads as the record ends the search
    for text in edits:
        if text != raw and fold_for_compare(kind, normalize(kind, text, key=key) or "", key=key) == want:
            return text
    return None


def _crop(image: np.ndarray, bbox: tuple[int, int, int, int]) -> np.ndarray:
    h, w = image.shape[:2]
    x0, y0, x1, y1 = bbox
    return image[max(0, y0 - PAD) : min(h, y1 + PAD), max(0, x0 - PAD) : min(w, x1 + PAD)]


def _tesseract_rereads(crop: np.ndarray, engine: OcrEngine) -> list[str]:
    """The crop read alone: as cut in Otsu black and white, then twice as large in gray and in Otsu.

    Three views, because Tesseract's marks waver with scale and binarization ("Thẩm" 1× Otsu and
    2× gray, "Thấm" 2× Otsu): one view alone is no witness of a mark, two agreeing ones are.
    """
    big = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    views = (_otsu(crop), big, _otsu(big))
    psm = 7 if crop.shape[0] < 90 else 6  # one line, or a block
    out = []
    for view in views:
        padded = cv2.copyMakeBorder(view, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
        try:
            out.append(" ".join(w.text for w in engine.read(padded, psm=psm, timeout=30)))
        except OcrError:
            log.debug("second look: re-read failed", exc_info=True)
    return out


def _otsu(image: np.ndarray) -> np.ndarray:
    return cv2.threshold(image, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]


def _as_value(kind: FieldKind, key: str, text: str) -> str:
    """A re-reading in the compared form; a number's letters read as the digits they resemble ("G4" → 64)."""
    if kind in _NUMERIC:
        text = text.translate(_DIGIT_LOOK_ALIKES)
    return fold_for_compare(kind, normalize(kind, text, key=key) or "", key=key)


_NUMERIC = frozenset({"digits", "int", "decimal"})
_DIGIT_LOOK_ALIKES = look_alikes("compare")


def weigh(crop: np.ndarray, paper: tuple[str, str], record: tuple[str, str], kind: FieldKind, key: str,
          engine: OcrEngine) -> SecondLook:  # fmt: skip
    """The witnesses' verdict on one crop between the paper's reading and the record's value.

    `paper` and `record` are each (as printed, as compared): PP-OCR weighs the printed forms,
    Tesseract's re-readings are normalized and compared with the values.
    """
    for_record = for_paper = 0
    said = []
    reader = line_reader()
    shares = reader.weigh(crop, [paper[0], record[0]]) if reader is not None else None
    if shares is not None:
        said.append(f"PP-OCR {shares[1]:.2f} for the record")
        for_record += shares[1] >= SHARE
        for_paper += shares[0] >= SHARE
    on_paper, in_record = (fold_for_compare(kind, v[1], key=key) for v in (paper, record))
    for text in _tesseract_rereads(crop, engine):
        got = _as_value(kind, key, text)
        to_paper, to_record = Levenshtein.distance(got, on_paper), Levenshtein.distance(got, in_record)
        said.append(f"Tesseract re-read {text!r}")
        for_record += to_record == 0 and to_paper > 0
        for_paper += to_paper == 0 and to_record > 0
    settled = for_record >= AGREE and for_paper == 0
    return SecondLook(settled, "; ".join(said) or "no witness could read the box")


class PageImages:
    """Cleaned page images of one file, made again on demand (the same cleanup as the first pass)."""

    def __init__(self, path: str | Callable[[], str], settings: ExtractSettings) -> None:
        self._source = path
        self._path = path if isinstance(path, str) else "the stored original"
        self._settings = settings
        self._pages: dict[int, np.ndarray | None] = {}
        self._jobs: dict[int, PageJob] | None = None

    def page(self, number: int) -> np.ndarray | None:
        """The cleaned image of a scanned page; None for a text-layer page or one that cannot load."""
        if number not in self._pages:
            self._pages[number] = self._load(number)
        return self._pages[number]

    def _load(self, number: int) -> np.ndarray | None:
        try:
            if self._jobs is None:  # the file is opened and planned once, whatever the pages asked
                self._path = self._source if isinstance(self._source, str) else self._source()
                jobs, _ = plan_pages(describe(Path(self._path), self._path))
                self._jobs = {j.number: j for j in jobs}
            job = self._jobs.get(number)
            loaded = load_page_input(job) if job is not None else None
            if loaded is None or isinstance(loaded, PageText):
                return None
            image, color = loaded
            return clean_page(image, color=color, osd=osd_for(ocr_engine(self._settings.ocr_engine))).image
        except Exception:  # noqa: BLE001 - no second look is no reason to fail the verification
            log.warning("second look: page %d of %s could not be loaded", number, self._path, exc_info=True)
            return None


def witness_for(path: str | Callable[[], str], settings: ExtractSettings) -> Witness:
    """The second look for the fields of one file: (kind, key, paper field, record value) → verdict.

    `path` may be a function giving it: a worker then fetches the stored original only for a file
    that has a box worth a second look.
    """
    images = PageImages(path, settings)
    seen: dict[tuple[str, str, str, tuple[int, ...], int, str], SecondLook | None] = {}

    def look(kind: str, key: str, f: ExtractedField, electronic: str) -> SecondLook | None:
        if not worth_a_look(kind, key, f, electronic):
            return None
        memo = (kind, key, f.raw, tuple(f.bbox), f.page, electronic)  # a record is compared often
        if memo not in seen:
            seen[memo] = _look(kind, key, f, electronic)
        return seen[memo]

    def _look(kind: str, key: str, f: ExtractedField, electronic: str) -> SecondLook | None:
        image = images.page(f.page)
        known = known_kind(kind)
        record_raw = record_as_printed(known, key, f.raw, electronic)
        if image is None or record_raw is None:
            return None
        engine = ocr_engine(settings.ocr_engine)
        return weigh(_crop(image, f.bbox), (f.raw, f.value), (record_raw, electronic), known, key, engine)

    return look
