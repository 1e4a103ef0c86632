"""Settings from the environment (HOSO_*), so secrets and deployment choices stay out of code."""

from __future__ import annotations

import os
from dataclasses import dataclass


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw.strip().isdigit() else default


def _float(name: str, default: float) -> float:
    try:
        return float(os.environ[name])
    except (KeyError, ValueError):
        return default


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """How `extract` runs: page parallelism and per-page limits."""

    workers: int = 2  # page workers (processes); 1 = in-process, no pool
    ocr_timeout: float = 180.0  # seconds per page before "page N: OCR timed out"
    ocr_engine: str = "tesseract"  # tesseract | tesseract-cli | replay:<path> | none (benchmarks)

    @classmethod
    def from_env(cls) -> ExtractSettings:
        """Defaults: one worker per core (at most 4), Tesseract."""
        cores = os.cpu_count() or 2
        return cls(
            workers=_int("HOSO_WORKERS", max(1, min(cores, 4))),
            ocr_timeout=_float("HOSO_OCR_TIMEOUT", 180.0),
            ocr_engine=os.environ.get("HOSO_OCR_ENGINE", "tesseract"),
        )
