from pathlib import Path

import numpy as np
import pytest

from ocr.engine.replay import ReplayEngine, ReplayMiss
from ocr.model import Word


class FakeEngine:
    def __init__(self) -> None:
        self.calls = 0

    def read(self, image: np.ndarray, *, psm: int = 3, timeout: float = 120) -> list[Word]:
        self.calls += 1
        return [Word("Họ", (1, 2, 30, 40), 0.96), Word(f"psm{psm}", (40, 2, 90, 40), 0.5)]


def test_record_then_replay(tmp_path: Path) -> None:
    img = np.full((50, 100), 255, np.uint8)
    path = tmp_path / "rec" / "ocr.json"
    fake = FakeEngine()
    recorded = ReplayEngine(path, record=fake).read(img, psm=6)
    assert fake.calls == 1 and path.exists()
    replayed = ReplayEngine(path).read(img.copy(), psm=6)
    assert replayed == recorded


def test_miss_is_a_clear_error(tmp_path: Path) -> None:
    img = np.zeros((5, 5), np.uint8)
    ReplayEngine(tmp_path / "r.json", record=FakeEngine()).read(img)
    with pytest.raises(ReplayMiss, match="no recorded OCR"):
        ReplayEngine(tmp_path / "r.json").read(img, psm=6)  # other psm: other key
    img2 = img.copy()
    img2[0, 0] = 1
    with pytest.raises(ReplayMiss):
        ReplayEngine(tmp_path / "r.json").read(img2)
