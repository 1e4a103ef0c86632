import numpy as np
import pytest
from ocr_pages import font, skew
from PIL import Image, ImageDraw

from ocr.engine.base import OcrError, OcrTimeout
from ocr.engine.tesseract import TesseractEngine, parse_tsv, probe
from ocr.read import read_page_image

PROBE = probe()
needs_tesseract = pytest.mark.skipif(not PROBE.has_vie, reason="tesseract with vie not installed")


def test_probe_reports_version_and_model() -> None:
    missing = probe("no-such-tesseract-binary")
    assert not missing.installed and not missing.has_vie
    if PROBE.installed:
        assert PROBE.version[:1].isdigit()


def test_parse_tsv_drops_empty_and_layout_rows() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t200\t300\t120\t50\t96.5\tNGUYỄN\n"
        "5\t1\t1\t1\t1\t2\t330\t300\t10\t50\t95\t \n"
    )
    assert [(w.text, w.bbox, w.conf) for w in parse_tsv(tsv)] == [("NGUYỄN", (200, 300, 320, 350), 0.965)]


def _form_line() -> np.ndarray:
    img = Image.new("L", (2480, 3508), 255)
    d, f = ImageDraw.Draw(img), font()
    d.text((200, 500), "Họ và tên khai sinh: ………… NGUYỄN VĂN AN ……………………………", font=f, fill=0)
    d.text((200, 620), "Sinh ngày: ……… 15.06.1985 …………… Dân tộc: ……… Kinh ………………", font=f, fill=0)
    return skew(np.asarray(img).copy(), 1.5)


@pytest.mark.tesseract
@needs_tesseract
def test_label_and_value_read_after_cleanup() -> None:
    page = read_page_image(_form_line(), 1, TesseractEngine(), timeout=60)
    assert page.errors == []
    text = " ".join(w.text for w in page.words)
    assert "NGUYỄN VĂN AN" in text
    assert "15.06.1985" in text
    assert "…" not in text and ".." not in text
    assert all(0 <= w.conf <= 1 for w in page.words)


@pytest.mark.tesseract
@needs_tesseract
def test_real_timeout_raises_ocr_timeout() -> None:
    with pytest.raises(OcrTimeout):
        TesseractEngine().read(_form_line(), timeout=0.01)


def test_bad_input_is_an_ocr_error() -> None:
    with pytest.raises(OcrError):
        TesseractEngine(binary="no-such-tesseract-binary").read(np.zeros((10, 10), np.uint8), timeout=5)
    with pytest.raises(OcrError):
        TesseractEngine().read(np.zeros((10, 10, 3), np.uint8), timeout=5)
