"""Recorded Tesseract output replayed by image hash, so fast tests need no OCR binary."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from ocr.engine.base import OcrEngine, OcrError
from ocr.model import Word


class ReplayMiss(OcrError):
    """No recording for this image: re-record with a real engine."""


def image_key(image: np.ndarray, psm: int) -> str:
    """SHA-256 of the pixels (shape and dtype included, so a reshape is a different image)."""
    h = hashlib.sha256(f"{image.shape}|{image.dtype}|".encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return f"{h.hexdigest()}:psm{psm}"


class ReplayEngine:
    """Replays `path`; with `record=engine` it reads through that engine and saves what it got."""

    def __init__(self, path: str | Path, record: OcrEngine | None = None) -> None:
        self.path = Path(path)
        self.inner = record
        self._data: dict[str, list[list[Any]]] = (
            json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}
        )

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        """Recorded words for this exact image, or a ReplayMiss naming the key."""
        key = image_key(image, psm)
        if key in self._data:
            return [Word(str(t), (b[0], b[1], b[2], b[3]), float(c)) for t, b, c in self._data[key]]
        if self.inner is None:
            raise ReplayMiss(f"no recorded OCR for image {key} in {self.path}")
        words = self.inner.read(image, psm=psm, timeout=timeout)
        self._data[key] = [[w.text, list(w.bbox), w.conf] for w in words]
        self.save()
        return words

    def save(self) -> None:
        """Write the recordings (sorted, so re-recording gives small diffs)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self._data, ensure_ascii=False, sort_keys=True, indent=0)
        self.path.write_text(text + "\n", "utf-8")
