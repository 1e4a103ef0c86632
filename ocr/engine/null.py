"""An engine that reads nothing, instantly: measures everything around OCR (HOSO_OCR_ENGINE=none)."""

from __future__ import annotations

import numpy as np

from ocr.model import Word


class NullEngine:
    """Returns no words for any image; for benchmarks of the queue and bookkeeping, never for real work."""

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        """No words."""
        return []
