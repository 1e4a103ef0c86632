"""The số and the date of an administrative document's header, read a second time by a second engine.

Nghị định 30/2020 prints "Số: … /QĐ-UBND" at the left and "<place>, ngày … tháng … năm …" at the
right, under the agency and the national motto. On real paper the số and the day (often the month
too) are written into the typed line by hand, or stamped. Tesseract's print model reads them
confidently wrong ("6§" for 86, "45" for a day); PP-OCR's line recognizer reads them
(`ocr/engine/line_reader.py`). So each of those two header segments is cut from the page and read
again by it, and each slot (số, day, month, year) is settled between the two readings:

* both agree: the value, surer than either reading alone;
* they differ: the second reading when Tesseract's is no valid value or was read unsurely (below
  `TESS_SURE`), else Tesseract's; either way at a confidence that says the engines disagreed;
* a slot the second engine reads out of range ("45" for a day) is read again constrained to the
  range: the runner-up classes of each character are tried, most probable valid value first
  (a hand-written 1 with a long flag is a 4 to the model, its runner-up a 1).

The slots' words are replaced in the page's word list, so layout and extraction downstream see one
reading and the contract's `raw` shows what was settled.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ocr.engine.line_reader import CharReading, LineReader, LineReading
from ocr.extract.anchors import fold
from ocr.extract.van_ban import header_zones
from ocr.layout.lines import Line, group_lines
from ocr.model import BBox, Word

HEADER_ZONE = 0.4  # the header block stands in the top part of the first page
TESS_SURE = 0.95  # a valid Tesseract slot read this surely is kept against a disagreeing second reading
SECOND_ALONE = 0.9  # the second engine's probabilities are not calibrated: alone, it says no more
DISAGREE = 0.5  # how much a confident, valid disagreeing reading takes off the chosen one


@dataclass(frozen=True, slots=True)
class SlotValue:
    """A slot's digits as one engine read them, with how sure it is."""

    text: str
    conf: float


def _digit(ch: str) -> str | None:
    norm = unicodedata.normalize("NFKC", ch)
    return norm if len(norm) == 1 and norm.isdigit() and norm.isascii() else None


def constrained(chars: tuple[CharReading, ...], valid: Callable[[str], bool]) -> SlotValue | None:
    """The most probable valid digit string over each character's alternatives.

    The confidence is that path's probability among the valid paths, times its own probability
    (a reading the model itself found unlikely stays unsure even when it is the only valid one).
    """
    options: list[list[tuple[str, float]]] = []
    for c in chars:
        digits: dict[str, float] = {}
        for alt, p in c.alternatives:
            d = _digit(alt)
            if d is not None:
                digits[d] = max(digits.get(d, 0.0), p)
        if not digits:
            return None
        options.append(sorted(digits.items(), key=lambda kv: -kv[1]))
    scored = []
    for combo in itertools.product(*options):
        text = "".join(d for d, _ in combo)
        if valid(text):
            scored.append((float(np.prod([p for _, p in combo])), text))
    if not scored:
        return None
    scored.sort(reverse=True)
    best_p, best = scored[0]
    share = best_p / sum(p for p, _ in scored)
    return SlotValue(best, min(SECOND_ALONE, share * best_p ** 0.5))


def settle(tess: SlotValue | None, second: SlotValue | None,
           valid: Callable[[str], bool]) -> SlotValue | None:
    """One slot's value from the two readings (see the module docstring)."""
    if second is None:
        return tess
    if tess is None or not valid(tess.text):
        return second
    if tess.text == second.text:
        return SlotValue(tess.text, 1 - (1 - tess.conf) * (1 - second.conf))
    if tess.conf >= TESS_SURE:
        return SlotValue(tess.text, tess.conf * (1 - DISAGREE * second.conf))
    return SlotValue(second.text, second.conf * (1 - DISAGREE * tess.conf))


def _in_range(lo: int, hi: int) -> Callable[[str], bool]:
    return lambda s: s.isdigit() and lo <= int(s) <= hi and len(s) <= len(str(hi)) + (lo < 10)


VALID: dict[str, Callable[[str], bool]] = {
    "so": lambda s: s.isdigit() and 1 <= len(s) <= 5 and int(s) > 0,
    "day": _in_range(1, 31),
    "month": _in_range(1, 12),
    "year": lambda s: len(s) == 4 and s.isdigit() and 1900 <= int(s) <= 2100,
}


def _second_slot(chars: tuple[CharReading, ...], slot: str) -> SlotValue | None:
    """The second engine's digits of one slot (its spaces left out), constrained to the slot's range."""
    chars = tuple(c for c in chars if c.char.strip())
    if not chars:
        return None
    text = "".join(_digit(c.char) or "?" for c in chars)
    if VALID[slot](text):
        p = float(np.prod([c.prob for c in chars]))
        return SlotValue(text, min(SECOND_ALONE, p))
    return constrained(chars, VALID[slot])


# ---------------------------------------------------------------------------- the header's segments
def header_segments(words: list[Word], width: int, height: int) -> tuple[Line | None, Line | None]:
    """The "Số: …/…" line and the "<place>, ngày … tháng … năm …" line of the header block.

    Found as the extraction finds them (`van_ban.header_zones`: the header's columns cut where the
    national motto starts), over the words of the top of the page.
    """
    zones = header_zones(group_lines([w for w in words if w.bbox[1] < HEADER_ZONE * height]), width)
    return zones.so, zones.date


def _crop(image: np.ndarray, box: BBox) -> tuple[np.ndarray, int]:
    """The segment with a margin (glyphs touching the edge are misread); returns its left x."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    ih, iw = image.shape[:2]
    left = max(0, x0 - h // 2)
    return image[max(0, y0 - h // 3) : min(ih, y1 + h // 3), left : min(iw, x1 + h // 2)], left


def _char_spans(reading: LineReading, pattern: re.Pattern[str]) -> re.Match[str] | None:
    key = "".join((fold(c.char) or c.char)[:1] for c in reading.chars)
    return pattern.search(key)


def _x_of(chars: tuple[CharReading, ...], crop_w: int, left: int) -> tuple[int, int]:
    xs = [left + int(c.x * crop_w) for c in chars]
    pad = max(6, (max(xs) - min(xs)) // max(1, 2 * len(xs)) + 8)
    return min(xs) - pad, max(xs) + pad


def _digits_of(words: list[Word]) -> SlotValue | None:
    text = "".join(w.text for w in words)
    if not text:
        return None
    return SlotValue(re.sub(r"\s", "", text), min(w.conf for w in words))


# ----------------------------------------------------------------------------------------- Số line
_SO_READING = re.compile(r"^\D{0,6}?(\d[\d ]{0,7}?)\s*/")


def _readings(images: list[np.ndarray], box: BBox, reader: LineReader) -> list[tuple[LineReading, int, int]]:
    """The segment read on each image (the cleaned page, and the uncleaned one where it lies over it)."""
    out = []
    for image in images:
        crop, left = _crop(image, box)
        out.append((reader.read_line(crop), left, crop.shape[1]))
    return out


def _best(values: list[tuple[SlotValue | None, int]]) -> tuple[SlotValue | None, int]:
    """The first valid reading of one slot, in the order the images were given (and which one).

    The page before ink cleanup comes first: despeckling thins handwriting ("27" loses its 7), and
    PP-OCR was trained on unprocessed images. Two images agreeing make the reading surer.
    """
    found = [(v, i) for v, i in values if v is not None]
    if not found:
        return None, -1
    first, at = found[0]
    agree = [v for v, _ in found[1:] if v.text == first.text]
    if agree:
        first = SlotValue(first.text, min(SECOND_ALONE, 1 - (1 - first.conf) * (1 - agree[0].conf)))
    return first, at


def _reread_so(seg: Line, images: list[np.ndarray], reader: LineReader) -> list[Word] | None:
    """The segment's words with the số settled, or None when there is nothing to settle.

    Tesseract may glue the số to the label ("Số:04") or to the ký hiệu ("839/UBND-TTHC").
    """
    slash = next((i for i, w in enumerate(seg.words) if "/" in w.text), None)
    if not slash:  # no ký hiệu, or "Số" glued to it: nothing to place the số between
        return None
    first, slash_word = seg.words[0], seg.words[slash]
    label = re.match(r"^\D*", first.text)
    label_text = label.group(0) if label else ""
    glued_label = first.text[len(label_text) :]
    glued_slash = slash_word.text[: slash_word.text.index("/")]
    tess_words = [Word(glued_label, first.bbox, first.conf)] if glued_label else []
    tess_words += seg.words[1:slash]
    if glued_slash:
        tess_words.append(Word(glued_slash, slash_word.bbox, slash_word.conf))
    tess = _digits_of(tess_words)
    candidates = []
    for k, (reading, _, _) in enumerate(_readings(images, seg.bbox, reader)):
        m = _char_spans(reading, _SO_READING)
        span = reading.chars[m.start(1) : m.end(1)] if m else ()
        candidates.append((_second_slot(span, "so") if span else None, k))
    second, _ = _best(candidates)
    value = settle(tess, second, VALID["so"])
    if value is None or (value == tess and not glued_label and not glued_slash):
        return None
    y0, y1 = seg.bbox[1], seg.bbox[3]
    label_box = _part(first, 0, len(label_text))
    rest_box = _part(slash_word, len(glued_slash), len(slash_word.text))
    x0, x1 = label_box[2] + 1, rest_box[0] - 1
    out = [Word(label_text.strip() or "Số:", label_box, first.conf)]
    out.append(Word(value.text, (x0, y0, max(x0 + 1, x1), y1), value.conf))
    out.append(Word(slash_word.text[len(glued_slash) :], rest_box, slash_word.conf))
    out.extend(seg.words[slash + 1 :])
    return out


def _part(word: Word, a: int, b: int) -> BBox:
    """The box of characters a..b of a word, its width shared out evenly among its characters."""
    x0, y0, x1, y1 = word.bbox
    n = max(1, len(word.text))
    return (x0 + (x1 - x0) * a // n, y0, x0 + (x1 - x0) * b // n, y1)


# ---------------------------------------------------------------------------------------- date line
_DATE_READING = re.compile(
    r"ng\S{0,2}y\s*(\d[\d ]{0,2}?)\s*th\S{0,2}ng\s*(\d[\d ]{0,2}?)\s*n\S{0,2}m\s*(\d{4})"
)
_TESS_DATE = re.compile(r"^(.*?)ng\S{0,2}y(.*?)th\S{0,2}ng(.*?)n\S{0,2}m(.*)$")
_SLOTS = ("day", "month", "year")


def _reread_date(seg: Line, images: list[np.ndarray], reader: LineReader) -> list[Word] | None:
    """The segment's words with day, month and year settled, or None when nothing changes."""
    text = seg.text
    m = _TESS_DATE.match(fold(text))
    if not m:
        return None
    readings = [(rd, left, w, r) for rd, left, w in _readings(images, seg.bbox, reader)
                if (r := _char_spans(rd, _DATE_READING)) is not None]
    if not readings:
        return None
    values: list[SlotValue] = []
    spans: list[tuple[tuple[CharReading, ...], int, int]] = []
    changed = False
    for i, slot in enumerate(_SLOTS, start=1):
        raw = re.sub(r"[\s.,]", "", text[m.start(i + 1) : m.end(i + 1)])
        words = seg.word_range(m.start(i + 1), m.end(i + 1))
        tess = SlotValue(raw, min(w.conf for w in words)) if raw and words else None
        seconds = [(_second_slot(rd.chars[r.start(i) : r.end(i)], slot), k)
                   for k, (rd, _, _, r) in enumerate(readings)]
        second, which = _best(seconds)
        rd, left, crop_w, r = readings[max(which, 0)]
        spans.append((rd.chars[r.start(i) : r.end(i)], left, crop_w))
        value = settle(tess, second, VALID[slot])
        if value is None:
            return None
        changed |= tess is None or value != tess
        values.append(value)
    if not changed:
        return None
    place = text[: m.end(1)].rstrip()
    kept = seg.word_range(0, len(place)) if place else []
    if kept:  # the last place word may be glued to "ngày" ("Ngãi,ngày")
        last = kept[-1]
        kept[-1] = Word(place[seg.starts[seg.words.index(last)] :], last.bbox, last.conf)
    y0, y1 = seg.bbox[1], seg.bbox[3]
    labels = ("ngày", "tháng", "năm")
    out = kept
    prev = kept[-1].bbox[2] if kept else seg.bbox[0]
    for label, (span, left, crop_w), value in zip(labels, spans, values, strict=True):
        a, b = _x_of(span, crop_w, left) if span else (prev + 1, prev + 2)
        out.append(Word(label, (prev + 1, y0, max(prev + 2, a - 1), y1), 1.0))
        out.append(Word(value.text, (a, y0, b, y1), value.conf))
        prev = b
    return out


def _replace(words: list[Word], old: list[Word], new: list[Word]) -> list[Word]:
    ids = {id(w) for w in old}
    at = next(i for i, w in enumerate(words) if id(w) in ids)
    kept = [w for w in words if id(w) not in ids]
    return kept[:at] + new + kept[at:]


def has_blank_slots(words: list[Word], width: int, height: int) -> bool:
    """A header whose số or day is blank in the words (a born-digital page stamped after signing).

    Such a page's text layer holds "Số: /TB-UBND" and "ngày tháng 01": the number and the day
    are on the page image only.
    """
    so, date = header_segments(words, width, height)
    if so is not None and re.match(r"^s\S{0,2}?[:;.]?\s*/", fold(so.text)):
        return True
    return date is not None and re.search(r"ng\S{0,2}y\s*th\S{0,2}ng", fold(date.text)) is not None


def reread_header_slots(words: list[Word], image: np.ndarray, reader: LineReader | None,
                        raw: Callable[[], np.ndarray | None] | None = None) -> list[Word]:
    """The page's words with the header's số and date settled by a second reading.

    `raw`: gives the page before ink cleanup, lying over `image` pixel for pixel (made only when
    the page has a header); each slot is read on it first (see `_best`).
    """
    if reader is None or not words:
        return words
    height, width = image.shape[:2]
    so, date = header_segments(words, width, height)
    if so is None and date is None:
        return words
    before = raw() if raw is not None else None
    images = [image] if before is None or before.shape != image.shape else [before, image]
    if so is not None and (new := _reread_so(so, images, reader)) is not None:
        words = _replace(words, so.words, new)
    if date is not None and (new := _reread_date(date, images, reader)) is not None:
        words = _replace(words, date.words, new)
    return words

