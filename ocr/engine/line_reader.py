"""A second recognizer for single text lines: PP-OCR's CTC line model, run on ONNX Runtime.

Why: clerks write the số and the day into a decision's typed "Số: … /QĐ-UBND" and "ngày … tháng"
lines by hand. Tesseract's print model reads them confidently wrong (86 as 68, 51 as 94, a day as
"⁄‡§"); PP-OCR's recognizer, trained on handwriting and scene text too, reads them, but drops most
Vietnamese tone marks, so it is a second opinion on digit slots, never the page's reader.

The model is the one the `rapidocr` wheel ships (PP-OCRv6 small recognizer, ONNX, inside the
wheel: nothing is fetched at run time). Only the recognizer runs, on a line crop hoso chose itself,
and its CTC output is decoded here, so every character comes with its probability and with the
runner-up classes a constrained reading ("a day is 01–31") can choose among.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

log = logging.getLogger(__name__)

HEIGHT = 48  # the model's input height
MODEL = "PP-OCRv6_rec_small.onnx"
TOP_K = 4  # alternatives kept per character


@dataclass(frozen=True, slots=True)
class CharReading:
    """One decoded character, its probability and the runner-up classes at its strongest frame."""

    char: str
    prob: float
    alternatives: tuple[tuple[str, float], ...]  # (char, prob), best first, the char itself included
    x: float  # centre of its frames, as a fraction of the crop's width


@dataclass(frozen=True, slots=True)
class LineReading:
    """A line as the second recognizer reads it."""

    chars: tuple[CharReading, ...]

    @property
    def text(self) -> str:
        """The best reading."""
        return "".join(c.char for c in self.chars)


class LineReader(Protocol):
    """Reads one line of text from a grayscale or BGR crop."""

    def read_line(self, image: np.ndarray) -> LineReading:
        """The line's characters with their probabilities."""
        ...

    def weigh(self, image: np.ndarray, candidates: list[str]) -> list[float] | None:
        """Each candidate's share of the crop's probability among them; None if one cannot be written."""
        ...


class PpOcrLineReader:
    """PP-OCR's recognizer on ONNX Runtime, one thread (pages already run in parallel)."""

    def __init__(self, model: Path) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        meta = self._session.get_modelmeta().custom_metadata_map
        self._classes = ["", *meta["character"].splitlines(), " "]  # CTC blank first, space last
        self._index = {c: i for i, c in enumerate(self._classes) if c}
        self._input = self._session.get_inputs()[0].name
        self._lock = threading.Lock()

    def read_line(self, image: np.ndarray) -> LineReading:
        """CTC greedy decoding with each character's probability and alternatives."""
        probs = self._frames(image)
        return _decode(probs, self._classes) if probs is not None else LineReading(())

    def weigh(self, image: np.ndarray, candidates: list[str]) -> list[float] | None:
        """Each candidate's share of the crop's probability among the candidates (CTC forward scores).

        A constrained reading: the model need not read the line right, only say which of the
        given texts it fits better. None when a candidate has a character the model cannot write
        (most Vietnamese tone marks): then it is no witness.
        """
        labels = [[self._index.get(ch, -1) for ch in cand] for cand in candidates]
        if not candidates or any(-1 in lab or not lab for lab in labels):
            return None
        probs = self._frames(image)
        if probs is None:
            return None
        scores = np.array([ctc_log_likelihood(probs, lab) for lab in labels])
        if not np.isfinite(scores).any():
            return None
        shares = np.exp(scores - scores.max())
        return [float(v) for v in shares / shares.sum()]

    def _frames(self, image: np.ndarray) -> np.ndarray | None:
        """The model's per-frame class probabilities for one line crop (T × classes)."""
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        h, w = image.shape[:2]
        if h == 0 or w == 0:
            return None
        width = max(HEIGHT, int(np.ceil(HEIGHT * w / h)))
        x = cv2.resize(image, (width, HEIGHT)).astype(np.float32).transpose(2, 0, 1) / 255.0
        x = (x - 0.5) / 0.5
        with self._lock:
            probs: np.ndarray = self._session.run(None, {self._input: x[None]})[0][0]
        return probs


def ctc_log_likelihood(probs: np.ndarray, labels: list[int], blank: int = 0) -> float:
    """Log P(labels | frames) under CTC: the sum over every alignment (forward algorithm, log space)."""
    ext = np.full(2 * len(labels) + 1, blank)
    ext[1::2] = labels
    logp = np.log(np.clip(probs, 1e-30, 1.0))[:, ext]  # T × extended labels
    # a label may be reached from two back (skipping a blank) unless it repeats the label before
    skip = np.zeros(len(ext), dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[:2] = logp[0, :2]
    for t in range(1, len(logp)):
        one = np.concatenate(([-np.inf], alpha[:-1]))
        two = np.where(skip, np.concatenate(([-np.inf, -np.inf], alpha[:-2])), -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, one), two) + logp[t]
    return float(np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1])


def _decode(probs: np.ndarray, classes: list[str]) -> LineReading:
    """Collapse repeated frames, drop blanks; a character's probability is its strongest frame's."""
    best = probs.argmax(axis=1)
    out: list[CharReading] = []
    n = len(best)
    i = 0
    while i < n:
        cls = int(best[i])
        j = i
        while j + 1 < n and int(best[j + 1]) == cls:
            j += 1
        if cls != 0 and cls < len(classes):
            frame = i + int(probs[i : j + 1, cls].argmax())
            top = np.argsort(probs[frame])[::-1][:TOP_K]
            alts = tuple((classes[int(k)], float(probs[frame, k])) for k in top if 0 < int(k) < len(classes))
            out.append(CharReading(classes[cls], float(probs[frame, cls]), alts, (i + j + 1) / 2 / n))
        i = j + 1
    return LineReading(tuple(out))


def _model_path() -> Path | None:
    try:
        from importlib.resources import files

        path = Path(str(files("rapidocr"))) / "models" / MODEL
    except ModuleNotFoundError:
        return None
    return path if path.exists() else None


@cache
def line_reader() -> LineReader | None:
    """The second recognizer of this process, or None (not installed, or HOSO_SECOND_READER=none)."""
    if os.environ.get("HOSO_SECOND_READER", "ppocr") == "none":
        return None
    model = _model_path()
    if model is None:
        log.warning("second recognizer unavailable: %s not found in the rapidocr package", MODEL)
        return None
    try:
        return PpOcrLineReader(model)
    except Exception:  # noqa: BLE001 - a broken runtime must not stop reading with Tesseract
        log.warning("second recognizer unavailable", exc_info=True)
        return None
