import numpy as np
import pytest
from ocr_pages import font, skew
from PIL import Image, ImageDraw

from ocr.engine import tess_api
from ocr.engine.base import OcrEngine, OcrError, OcrTimeout
from ocr.engine.tess_api import TesseractApiEngine
from ocr.engine.tesseract import TesseractEngine, parse_tsv, probe
from ocr.read import read_page_image

PROBE = probe()
needs_tesseract = pytest.mark.skipif(not PROBE.has_vie, reason="tesseract with vie not installed")
# The same contract from both engines: the binary per call, and the model kept in-process.
ENGINES = [
    pytest.param(TesseractEngine, id="cli"),
    pytest.param(
        TesseractApiEngine,
        id="api",
        marks=pytest.mark.skipif(not tess_api.available(), reason="tesserocr not installed"),
    ),
]


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
@pytest.mark.parametrize("make", ENGINES)
def test_label_and_value_read_after_cleanup(make: type[OcrEngine]) -> None:
    page = read_page_image(_form_line(), 1, make(), timeout=60)
    assert page.errors == []
    text = " ".join(w.text for w in page.words)
    assert "NGUYỄN VĂN AN" in text
    assert "15.06.1985" in text
    assert "…" not in text and ".." not in text
    assert all(0 <= w.conf <= 1 for w in page.words)


@pytest.mark.tesseract
@needs_tesseract
@pytest.mark.parametrize("make", ENGINES)
def test_real_timeout_raises_ocr_timeout(make: type[OcrEngine]) -> None:
    with pytest.raises(OcrTimeout):
        make().read(_form_line(), timeout=0.01)


@pytest.mark.parametrize("make", ENGINES)
def test_bad_input_is_an_ocr_error(make: type[OcrEngine]) -> None:
    with pytest.raises(OcrError):
        make().read(np.zeros((10, 10, 3), np.uint8), timeout=5)
    with pytest.raises(OcrError):
        make().read(np.zeros((0, 10), np.uint8), timeout=5)


def test_missing_binary_is_an_ocr_error() -> None:
    with pytest.raises(OcrError):
        TesseractEngine(binary="no-such-tesseract-binary").read(np.zeros((10, 10), np.uint8), timeout=5)


@pytest.mark.tesseract
@needs_tesseract
@pytest.mark.parametrize("make", ENGINES)
@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_osd_says_how_to_turn_a_page_upright(make: type[OcrEngine], turns: int) -> None:
    page = np.full((3508, 2480), 255, np.uint8)
    img = Image.fromarray(page)
    d, f = ImageDraw.Draw(img), font()
    for row in range(14):
        d.text((200, 300 + row * 160), "Quyết định về việc nâng bậc lương thường xuyên năm 2024", font=f, fill=0)
    # np.rot90 turns counter-clockwise: k counter-clockwise turns need k clockwise ones back.
    turned = np.ascontiguousarray(np.rot90(np.asarray(img), turns))
    assert make().detect_orientation(turned) == turns  # type: ignore[attr-defined]


def test_api_engine_is_the_default_when_tesserocr_is_installed() -> None:
    from hoso.page_reader import ocr_engine

    expected = TesseractApiEngine if tess_api.available() else TesseractEngine
    assert isinstance(ocr_engine("tesseract"), expected)
    assert isinstance(ocr_engine("tesseract-cli"), TesseractEngine)
