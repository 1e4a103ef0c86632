"""Tesseract in the worker's own process through tesserocr: the model is loaded once, not per call.

A `tesseract` child process pays ~0.25 s to load `vie` on every call, and a page costs three
calls (the page, its signature block, its unsure numbers). Here one `PyTessBaseAPI` per worker
process keeps the model; an image goes in as raw bytes, TSV comes out. tesserocr's wheel brings
its own libtesseract (single-threaded, no OpenMP); the traineddata are the system's.

Errors as for the child process: OcrTimeout when recognition runs past the deadline (checked by
Tesseract between words; layout analysis is not interruptible), OcrError for bad input.
"""

from __future__ import annotations

import glob
import os
import subprocess
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np

from ocr.engine.base import OcrError, OcrTimeout
from ocr.engine.tesseract import BINARY, check_gray, osd_copy, parse_tsv
from ocr.model import Word

try:  # an optional fast path: without it hoso runs the `tesseract` binary
    import tesserocr  # type: ignore[import-untyped, unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    tesserocr = None


def available() -> bool:
    """The tesserocr module imports and the system tessdata has `vie`."""
    return tesserocr is not None and tessdata_dir() is not None


@cache
def tessdata_dir(lang: str = "vie") -> str | None:
    """The tessdata folder with `lang`: TESSDATA_PREFIX, what the binary says, or the usual places."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")]
    try:
        out = subprocess.run([BINARY, "--list-langs"], capture_output=True, text=True, timeout=10)
        first = (out.stdout + out.stderr).splitlines()[:1]
        if first and '"' in first[0]:
            candidates.append(first[0].split('"')[1])
    except (OSError, subprocess.TimeoutExpired):
        pass
    candidates += sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata"), reverse=True)
    candidates += ["/usr/share/tessdata", "/usr/local/share/tessdata"]
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, f"{lang}.traineddata")):
            return c.rstrip("/") + "/"
    return None


def _gray_bytes(image: np.ndarray) -> tuple[bytes, int, int]:
    check_gray(image)
    h, w = image.shape
    if h == 0 or w == 0:
        raise OcrError("empty image")
    return np.ascontiguousarray(image).tobytes(), w, h


@dataclass(slots=True)
class TesseractApiEngine:
    """Reads Vietnamese with the `vie` model kept loaded; one instance per process, not thread-safe."""

    lang: str = "vie"
    dpi: int = 300
    _api: Any = field(default=None, init=False, repr=False)
    _osd: Any = field(default=None, init=False, repr=False)

    def _reader(self) -> Any:
        if self._api is None:
            path = tessdata_dir(self.lang)
            if tesserocr is None or path is None:
                raise OcrError(f"tesserocr or the Tesseract '{self.lang}' model is not installed")
            self._api = tesserocr.PyTessBaseAPI(path=path, lang=self.lang)
        return self._api

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        """Words with boxes in `image` pixels; raises OcrTimeout / OcrError."""
        data, w, h = _gray_bytes(image)
        api = self._reader()
        api.SetPageSegMode(psm)
        api.SetImageBytes(data, w, h, 1, w)
        api.SetSourceResolution(self.dpi)
        try:
            if not api.Recognize(timeout=max(1, int(timeout * 1000))):
                raise OcrTimeout(f"OCR timed out after {timeout:g} s")
            tsv = api.GetTSVText(0)
        finally:
            api.Clear()
        return parse_tsv(tsv, header=False)

    def detect_orientation(self, image: np.ndarray, *, timeout: float = 30) -> int | None:
        """Clockwise quarter turns that make a 300-dpi page upright per OSD, None if unsure."""
        data, w, h = _gray_bytes(osd_copy(image))
        if self._osd is None:
            path = tessdata_dir("osd")
            if tesserocr is None or path is None:
                return None
            self._osd = tesserocr.PyTessBaseAPI(path=path, lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        self._osd.SetImageBytes(data, w, h, 1, w)
        self._osd.SetSourceResolution(self.dpi // 2)
        try:
            found = self._osd.DetectOrientationScript()
        except RuntimeError:  # "too few characters" on sparse pages
            found = None
        finally:
            self._osd.Clear()
        if not found or found.get("orient_conf", 0.0) < 1.0:
            return None
        # OSD reports how the image is rotated; turning it back the other way makes it upright.
        return ((360 - int(found["orient_deg"])) // 90) % 4
