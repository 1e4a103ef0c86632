"""The second look: an unsure small difference is read again from the crop, by other witnesses.

The witnesses are real (PP-OCR's recogniser, Tesseract): a crop that shows the record's value
settles the difference; a crop that shows the paper's value (a real one-mark change) never does.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image, ImageDraw

from hoso.page_reader import ocr_engine
from hoso.result import ExtractedField
from hoso.second_look import UNSURE, record_as_printed, weigh, worth_a_look
from ocr.engine.line_reader import ctc_log_likelihood, line_reader
from tests.ocr.ocr_pages import font


def _field(value: str, raw: str, conf: float = 0.8) -> ExtractedField:
    return ExtractedField(value, raw, conf, 1, (10, 10, 400, 60))


@pytest.mark.parametrize(
    ("kind", "raw", "electronic", "expected"),
    [
        ("date", "10/11/1995", "1995-11-16", "16/11/1995"),  # written the paper's way, not ISO
        ("name", "Phan Văn Quang Thăng", "Phan Văn Quang Thắng", "Phan Văn Quang Thắng"),
        ("address", "Số, đường Nguyễn Huệ, Phường 9", "Số 8, đường Nguyễn Huệ, Phường 9",
         "Số 8, đường Nguyễn Huệ, Phường 9"),
        ("date", "10/11/1995", "1971-08-16", None),  # no one edit makes it the record's
    ],
)  # fmt: skip
def test_the_record_is_written_as_the_paper_prints_it(kind, raw, electronic, expected):
    assert record_as_printed(kind, "k", raw, electronic) == expected


def test_only_unsure_small_differences_get_a_look():
    assert worth_a_look("date", "ngay_sinh", _field("1995-11-10", "10/11/1995"), "1995-11-16")
    assert not worth_a_look("date", "ngay_sinh", _field("1995-11-10", "10/11/1995", UNSURE), "1995-11-16")
    assert not worth_a_look("date", "ngay_sinh", _field("1995-11-10", "10/11/1995"), "1971-08-16")


def test_ctc_score_is_the_sum_over_every_alignment():
    rng = np.random.default_rng(0)
    probs = rng.random((5, 3))
    probs /= probs.sum(axis=1, keepdims=True)

    def brute(labels: list[int]) -> float:
        total = 0.0
        for path in itertools.product(range(3), repeat=5):
            collapsed = [k for k, _ in itertools.groupby(path) if k != 0]
            if collapsed == labels:
                total += float(np.prod([probs[t, k] for t, k in enumerate(path)]))
        return float(np.log(total))

    for labels in ([1], [1, 2], [1, 1], [2, 1, 2]):
        assert ctc_log_likelihood(probs, labels) == pytest.approx(brute(labels))


def _crop(text: str) -> np.ndarray:
    img = Image.new("L", (40 + 30 * len(text), 90), 255)
    ImageDraw.Draw(img).text((20, 15), text, fill=0, font=font(54))
    return np.array(img)


@pytest.mark.tesseract
@pytest.mark.skipif(line_reader() is None, reason="PP-OCR recogniser not installed")
def test_a_crop_showing_the_record_settles_and_one_showing_the_paper_never_does():
    engine = ocr_engine("tesseract")
    paper, record = ("10/11/1995", "1995-11-10"), ("16/11/1995", "1995-11-16")
    misread = weigh(_crop("16/11/1995"), paper, record, "date", "ngay_sinh", engine)
    assert misread.record, misread.note
    planted = weigh(_crop("10/11/1995"), paper, record, "date", "ngay_sinh", engine)
    assert not planted.record, planted.note
