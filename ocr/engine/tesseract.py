"""Tesseract as a child process: args as a list, OMP_THREAD_LIMIT=1, explicit timeout, probe apart.

Errors: OcrError ← OcrTimeout (timeout), OcrError (missing binary, non-zero exit).
We run the binary directly rather than through pytesseract: pytesseract passes the parent's
whole environment (no per-call OMP_THREAD_LIMIT) and round-trips the page through a PNG file,
while an uncompressed PGM on stdin costs nothing to encode.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

import cv2
import numpy as np

from ocr.engine.base import OcrError, OcrTimeout
from ocr.model import Word

log = logging.getLogger(__name__)
BINARY = "tesseract"


@dataclass(frozen=True, slots=True)
class TesseractProbe:
    """What is installed, checked once, separately from reading pages."""

    installed: bool
    version: str
    has_vie: bool


def probe(binary: str = BINARY, timeout: float = 10) -> TesseractProbe:
    """Is Tesseract installed, which version, does it have the Vietnamese model?"""
    if shutil.which(binary) is None:
        return TesseractProbe(False, "", False)
    try:
        ver = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=timeout)
        langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return TesseractProbe(False, "", False)
    m = re.search(r"tesseract\s+v?(\S+)", ver.stdout + ver.stderr)
    has_vie = "vie" in (langs.stdout + langs.stderr).split()
    return TesseractProbe(True, m.group(1) if m else "", has_vie)


def _env() -> dict[str, str]:
    # Unrestricted OpenMP was 5–8× slower per page; parallelism comes from pages, not threads.
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def check_gray(image: np.ndarray) -> None:
    """Both engines take 2-D uint8 grayscale only; anything else is the caller's bug, reported per page."""
    if image.ndim != 2 or image.dtype != np.uint8:
        raise OcrError("Tesseract input must be a 2-D uint8 grayscale image")


def osd_copy(image: np.ndarray) -> np.ndarray:
    """The half-size (150 dpi) copy OSD reads: as reliable as full size, a quarter of the pixels."""
    return cv2.resize(image, (image.shape[1] // 2, image.shape[0] // 2), interpolation=cv2.INTER_AREA)


def _pgm(image: np.ndarray) -> bytes:
    """Uncompressed binary PGM: Leptonica reads it from stdin, and it costs a memcpy to make."""
    check_gray(image)
    h, w = image.shape
    return b"P5\n%d %d\n255\n" % (w, h) + np.ascontiguousarray(image).tobytes()


def _run(args: list[str], data: bytes, timeout: float) -> str:
    try:
        done = subprocess.run(args, input=data, capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise OcrTimeout(f"OCR timed out after {timeout:g} s") from exc
    except OSError as exc:
        raise OcrError(f"cannot run {args[0]}: {exc}") from exc
    if done.stderr:
        log.debug("tesseract stderr: %s", done.stderr.decode("utf-8", "replace").strip())
    if done.returncode != 0:
        raise OcrError(f"tesseract exited {done.returncode}: {done.stderr[-300:]!r}")
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, *, header: bool = True) -> list[Word]:
    """Word rows (level 5) with text and a real confidence; conf scaled to 0–1.

    The CLI prints a header row; the library's GetTSVText does not.
    """
    words: list[Word] = []
    for line in tsv.splitlines()[1 if header else 0 :]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text, conf = cols[11].strip(), float(cols[10])
        if not text or conf < 0:
            continue
        x, y, w, h = (int(c) for c in cols[6:10])
        words.append(Word(text, (x, y, x + w, y + h), round(conf / 100, 4)))
    return words


@dataclass(frozen=True, slots=True)
class TesseractEngine:
    """Reads Vietnamese with Tesseract's `vie` model, one thread, one page at a time."""

    lang: str = "vie"
    dpi: int = 300
    binary: str = BINARY

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        """Words with boxes in `image` pixels; raises OcrTimeout / OcrError."""
        args = [
            self.binary,
            "stdin",
            "stdout",
            "-l",
            self.lang,
            "--psm",
            str(psm),
            "--dpi",
            str(self.dpi),
            "tsv",
        ]
        return parse_tsv(_run(args, _pgm(image), timeout))

    def detect_orientation(self, image: np.ndarray, *, timeout: float = 30) -> int | None:
        """Clockwise quarter turns that make a 300-dpi page upright per OSD, None if unsure.

        Costs about as much as reading the page (~1 s), so cleanup asks only when unsure.
        OSD on a half-size copy (150 dpi) is still reliable; at 75 dpi it misses 90° turns.
        """
        half = osd_copy(image)
        args = [self.binary, "stdin", "stdout", "--psm", "0", "--dpi", str(self.dpi // 2)]
        try:
            out = _run(args, _pgm(half), timeout)
        except OcrError as exc:  # OSD fails on sparse pages: "too few characters"
            log.debug("OSD failed: %s", exc)
            return None
        m = re.search(r"Rotate:\s*(\d+)", out)
        conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
        if m is None or conf is None or float(conf.group(1)) < 1.0:
            return None
        return (int(m.group(1)) // 90) % 4
