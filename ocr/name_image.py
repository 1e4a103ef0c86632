"""Settle a seal-damaged name line by drawing the names it could be and comparing them with the scan.

A black seal ring crossing the signer's name leaves Tesseract a few letters of a word ("án",
"Trầf/T»ãn"). Each damaged word still narrows the name down to a few known syllables; the one
printed is the one that, set in the decree's typeface (Times New Roman, Nghị định 30/2020; its
metric twin Liberation Serif here) at the size of the words read cleanly, covers the ink that
is visible outside the ring. Ink under the ring is no evidence either way and is left out.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from ocr.extract.anchors import fold
from ocr.extract.lexicon import given_names, surnames
from ocr.model import Word

FONT_FILES = (  # 2.x first: 1.x lacks the stacked Vietnamese marks (ấ, ầ) and sets them narrower
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
)
PER_WORD = 15  # candidate syllables kept for one damaged word
MAX_NAMES = 300  # names drawn for one line, best text matches first
MAX_SPELLINGS = 5000  # names spelled from one way of reading the line: a bound on the work
BLUR = 1.5  # px: tolerance for stroke weight and typeface differences
_PAD = 3 * round(BLUR) + 2  # paper around a drawn word, so its blurred ink is not cut
TEXT_WEIGHT = 0.015  # score lost per half-letter the reading is from the name
MIN_SCORE = 0.45  # below this the drawn name explains too little of the ink to report
TIE = 0.002  # scores this close are one as far as the scan can tell
SHORT = 2  # a run this short is what the ring left of a word: one letter more may be gone
SURE = 0.9  # a known name syllable read this confidently is taken as read
SLACK = 0.15  # share of a word's width it may sit off where its neighbour puts it (spacing, stretch)
LOCAL = 6  # px it may sit off in any case


@cache
def _font_path() -> str | None:
    return next((p for p in FONT_FILES if Path(p).exists()), None)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    path = _font_path()
    assert path is not None
    return ImageFont.truetype(path, size)


def available() -> bool:
    """Whether the Times-metric bold face is installed (fonts-liberation)."""
    return _font_path() is not None


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The name drawn that fits the visible ink best, and how well (cosine of ink images)."""

    name: str
    score: float
    runner_up: float


def _runs(text: str) -> list[str]:
    """The runs of letters in a word, in order ("-Trầf/T»ãn" → Trầf, T, ãn)."""
    runs, cur = [], ""
    for ch in text + " ":
        if ch.isalpha():
            cur += ch
        elif cur:
            runs.append(cur)
            cur = ""
    return runs


def _readings(text: str) -> list[list[str]]:
    """The syllables a word may stand for: each mark inside it cut a word or split two."""
    runs = _runs(text)
    if not 2 <= len(runs) <= 4:
        return [runs] if runs else []
    out = []
    for cuts in itertools.product((True, False), repeat=len(runs) - 1):
        pieces = [runs[0]]
        for cut, run in zip(cuts, runs[1:], strict=True):
            if cut:
                pieces.append(run)
            else:
                pieces[-1] += run
        out.append(pieces)
    return out


def _candidates(text: str, conf: float, names: frozenset[str]) -> list[tuple[int, str]]:
    """(distance, syllable) of the known syllables this reading may be a damaged copy of."""
    if text in names and conf >= SURE:
        return [(0, text)]
    key = fold(text)
    limit = max(1, (len(key) + 1) // 2) + (len(key) <= SHORT)
    near = sorted(
        (2 * Levenshtein.distance(fold(n), key) + (n != text), n)
        for n in names
        if abs(len(fold(n)) - len(key)) <= limit
    )
    return [(d, n) for d, n in near if d <= 2 * limit + 1][:PER_WORD]


def hypotheses(words: list[Word]) -> list[str]:
    """Names of 2–4 syllables the line's trailing letter runs may spell, closest reading first."""
    return list(ranked_hypotheses(words))


def ranked_hypotheses(words: list[Word]) -> dict[str, int]:
    """`hypotheses` with each name's distance from the reading (half-letters; skipped words count)."""
    out: list[tuple[int, str]] = []
    choices = [[[(p, w.conf) for p in r] for r in _readings(w.text)] for w in words]
    for combo in itertools.islice(itertools.product(*[c for c in choices if c]), 64):
        pieces = [p for part in combo for p in part]
        for start in range(len(pieces)):
            tail = pieces[start:]
            if not 2 <= len(tail) <= 4:
                continue
            slots = [_candidates(tail[0][0], tail[0][1], surnames())]
            slots += [_candidates(t, c, given_names()) for t, c in tail[1:]]
            if any(not s for s in slots):
                continue
            keep = max(1, int(MAX_SPELLINGS ** (1 / len(slots))))  # the nearest of each, evenly
            for names in itertools.product(*(slot[:keep] for slot in slots)):
                out.append((sum(d for d, _ in names) + 2 * start, " ".join(n for _, n in names)))
    seen: dict[str, int] = {}
    for d, name in sorted(out):
        seen.setdefault(name, d)
    return dict(itertools.islice(seen.items(), MAX_NAMES))


def _ink(gray: np.ndarray) -> np.ndarray:
    return np.asarray(cv2.GaussianBlur((gray < 128).astype(np.float32), (0, 0), BLUR), np.float32)


@dataclass(frozen=True, slots=True)
class _Glyphs:
    """One syllable drawn: blurred ink, and its ink box's offsets from the pen position."""

    ink: np.ndarray
    left: int  # ink box x0 - pen x
    top: int  # ink box y0 - baseline-free origin (PIL's ascender line)
    advance: float


@lru_cache(maxsize=8192)
def _glyphs(text: str, size: int) -> _Glyphs:
    font = _font(size)
    x0, y0, x1, y1 = (int(v) for v in font.getbbox(text))
    img = Image.new("L", (x1 - x0 + 2 * _PAD, y1 - y0 + 2 * _PAD), 255)
    ImageDraw.Draw(img).text((_PAD - x0, _PAD - y0), text, font=font, fill=0)
    return _Glyphs(_ink(np.asarray(img)), x0 - _PAD, y0 - _PAD, float(font.getlength(text)))


def _window(img: np.ndarray, x: int, y: int, w: int, h: int) -> np.ndarray:
    """img[y:y+h, x:x+w] with zeros outside the image."""
    out = np.zeros((h, w), np.float32)
    H, W = img.shape
    sx0, sy0, sx1, sy1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if sx1 > sx0 and sy1 > sy0:
        out[sy0 - y : sy1 - y, sx0 - x : sx1 - x] = img[sy0:sy1, sx0:sx1]
    return out


@dataclass(frozen=True, slots=True)
class _Fit:
    """Ink overlap and drawn ink visible at the best shift, and that shift."""

    overlap: float
    drawn: float
    dx: int
    dy: int

    @property
    def score(self) -> float:
        """Overlap per unit of drawn ink: a longer word is not better for being longer."""
        return self.overlap / float(np.sqrt(max(self.drawn, 1e-6)))


@dataclass(frozen=True, slots=True)
class _Page:
    """The band's visible ink (zero under the ring) and the mask of what is visible."""

    seen: np.ndarray
    keep: np.ndarray

    def fit(self, g: _Glyphs, pen_x: float, top_y: float, dx: int, dy: int) -> _Fit:
        """How `g` set at the pen, shifted at most ±dx, ±dy, best covers the visible ink."""
        th, tw = g.ink.shape
        x, y = round(pen_x) + g.left - dx, round(top_y) + g.top - dy
        region = (x, y, tw + 2 * dx, th + 2 * dy)
        seen = _window(self.seen, *region)
        num = cv2.matchTemplate(seen, g.ink, cv2.TM_CCORR)
        own = cv2.matchTemplate(_window(self.keep, *region), g.ink * g.ink, cv2.TM_CCORR)
        score = num / np.sqrt(np.maximum(own, 1e-6))
        iy, ix = np.unravel_index(int(score.argmax()), score.shape)
        return _Fit(float(num[iy, ix]), float(own[iy, ix]), int(ix) - dx, int(iy) - dy)


def _fit_anchor(page: _Page, anchor: Word) -> tuple[int, float, float]:
    """(size, pen x, origin y) at which the anchor word drawn covers its box best."""
    guess = _size_for(anchor)
    best = (-1.0, guess, 0.0, 0.0)
    for size in range(round(guess * 0.94), round(guess * 1.06) + 1):
        g = _glyphs(anchor.text, size)
        pen = anchor.bbox[2] - (g.left + g.ink.shape[1] - _PAD)
        top = anchor.bbox[1] - (g.top + _PAD)
        fit = page.fit(g, pen, top, 4, 4)
        if fit.score > best[0]:
            best = (fit.score, size, pen + fit.dx, top + fit.dy)
    return best[1], best[2], best[3]


def _score(page: _Page, name: str, size: int, pen: float, top: float) -> float:
    """How well the name drawn right to left from the anchor's pen position covers the ink."""
    words = name.split()
    space = _font(size).getlength(" ")
    num = own = 0.0
    x = pen  # pen position of the last word
    for i, word in enumerate(reversed(words)):
        g = _glyphs(word, size)
        if i:
            x -= space + g.advance
        fit = page.fit(g, x, top, 0 if i == 0 else max(LOCAL, round(SLACK * g.advance)), 2)
        x += fit.dx
        num, own = num + fit.overlap, own + fit.drawn
    return float(num / np.sqrt(max(own, 1e-6)))


def _size_for(word: Word) -> int:
    """The pixel size at which `word` drawn is as wide as it was read."""
    g = _glyphs(word.text, 100)
    drawn = int(g.ink.shape[1]) - 2 * _PAD
    return int(max(8, round(100 * (word.bbox[2] - word.bbox[0]) / max(1, drawn))))


def match_name(band: np.ndarray, hidden: np.ndarray, words: list[Word], anchor: Word) -> NameMatch | None:
    """The best of `hypotheses(words)` drawn against the band, its last word on `anchor`.

    `band` is the name line as scanned (ring not painted out), `hidden` marks the pixels the
    ring covers, and the words' boxes are in the band's coordinates. `anchor` is a word read
    cleanly, the name's last: its box fixes the size and the place of the drawn name.
    """
    if not available():
        return None
    ranked = ranked_hypotheses(words)
    names = [n for n in ranked if n.split()[-1] == anchor.text]
    if not names:
        return None
    keep = (cv2.dilate(hidden.astype(np.uint8), np.ones((5, 5), np.uint8)) == 0).astype(np.float32)
    page = _Page(_ink(band) * keep, keep)
    size, pen, top = _fit_anchor(page, anchor)
    norm = float(np.sqrt((page.seen * page.seen).sum())) or 1.0
    scored = sorted(
        ((_score(page, n, size, pen, top) / norm - TEXT_WEIGHT * ranked[n], n) for n in names), reverse=True
    )
    runner = scored[1] if len(scored) > 1 else (0.0, "")
    if scored[0][0] - runner[0] < TIE and fold(runner[1]) == fold(scored[0][1]):
        return None  # Văn or Vân: the ink cannot tell, and a reviewer must see the mark in doubt
    return NameMatch(scored[0][1], scored[0][0], runner[0])
