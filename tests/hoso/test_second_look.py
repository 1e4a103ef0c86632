"""The second look: an unsure small difference is read again from the crop, by other witnesses.

The witnesses are real (PP-OCR's recogniser, Tesseract): a crop that shows the record's value
settles the difference; a crop that shows the paper's value (a real one-mark change) never does.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import numpy as np
import pytest
from PIL import Image, ImageDraw

from hoso.config import ExtractSettings
from hoso.domain.model import Flag
from hoso.page_reader import ocr_engine
from hoso.recording import SETTLED_NOTE, compare
from hoso.result import Document, ExtractedField, FileResult
from hoso.second_look import UNSURE, record_as_printed, weigh, witness_for, worth_a_look
from matching.config import MatchConfig
from matching.identify import OfficerIndex
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


@pytest.mark.tesseract
@pytest.mark.skipif(line_reader() is None, reason="PP-OCR recogniser not installed")
def test_ingest_keeps_a_settled_difference_as_a_note_that_does_not_block(tmp_path):
    """recording.compare (both ingest runners) asks the witness: a misread leaves advice, a change a cảnh báo."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    draw.text((300, 400), "Họ và tên: NGUYỄN VĂN AN", fill=0, font=font(54))
    draw.text((300, 600), "Sinh ngày: 16/11/1995", fill=0, font=font(54))
    path = tmp_path / "syll.png"
    page.save(path, dpi=(300, 300))
    box = ImageDraw.Draw(page).textbbox((300, 600), "Sinh ngày: ", font=font(54))
    x0 = box[2]
    x1 = draw.textbbox((x0, 600), "16/11/1995", font=font(54))[2]
    misread = ExtractedField("1995-11-10", "10/11/1995", 0.8, 1, (x0, box[1], x1, box[3]))
    name = ExtractedField("Nguyễn Văn An", "NGUYỄN VĂN AN", 0.99, 1, (300, 400, 1000, 460))
    cccd = ExtractedField("079095001234", "079095001234", 0.99, 1, (300, 800, 900, 860))
    fields = {"ho_ten": name, "so_cccd": cccd, "ngay_sinh": misread}
    result = FileResult(str(path), "f" * 64, 1, [Document("so_yeu_ly_lich", [1], fields)])
    witness = witness_for(str(path), ExtractSettings())
    at = datetime.now(UTC)

    def flags_for(birth: str) -> list[Flag]:
        index = OfficerIndex([{"ho_ten": "Nguyễn Văn An", "so_cccd": "079095001234", "ngay_sinh": birth}])
        officer, flags = compare(result, "d1", index, MatchConfig(), at, witness)
        assert officer == "079095001234"
        return [f for f in flags if f.field == "ngay_sinh"]

    settled = flags_for("1995-11-16")  # the record is what the paper prints: the first pass misread it
    assert [f.blocking for f in settled] == [False]
    assert settled[0].reason.startswith(SETTLED_NOTE) and settled[0].page == 1
    planted = flags_for("1995-11-19")  # one digit the paper does not print: a cảnh báo, whatever the witness
    assert [f.blocking for f in planted] == [True]
