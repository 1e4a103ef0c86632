import time

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ingest.errors import IntakeError
from ingest.model import SourceFile
from ingest.pages import load_page_input, plan_pages
from ingest.pdf import page_count, read_text_layer, render_page
from ingest.textlayer import split_leaders
from ocr.model import PageText, Word

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
S = 300 / 72


def _born_digital(path, pages=1):
    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.setFont("DejaVuSerif", 12)
        c.drawString(72, 700, "Họ và tên khai sinh: NGUYỄN……")
        c.drawString(72, 680, "Sinh ngày 15 tháng 06 năm 1985, Xã Tân Phú, Huyện Đức Hòa")
        c.showPage()
    c.save()


def _src(path):
    return SourceFile(str(path), path, kind="pdf")


def test_text_layer_words_and_boxes(tmp_path):
    f = tmp_path / "syll.pdf"
    _born_digital(f)
    page = read_text_layer(f, 0)
    assert page.source == "text_layer" and (page.width, page.height) == (2481, 3508)
    texts = [w.text for w in page.words]
    assert texts[:6] == ["Họ", "và", "tên", "khai", "sinh:", "NGUYỄN"]
    assert texts[6] == "……" and "Đức" in texts and "1985," in texts
    ho = page.words[0]
    x, baseline = 72 * S, (841.8898 - 700) * S
    assert abs(ho.bbox[0] - x) < 6
    assert ho.bbox[1] < baseline < ho.bbox[3] and ho.bbox[3] - baseline < 0.4 * 12 * S
    assert all(w.conf == 1.0 for w in page.words)
    nguyen, dots = page.words[5], page.words[6]
    assert nguyen.bbox[2] <= dots.bbox[0] + 1


def test_rotated_page_frame(tmp_path):
    f = tmp_path / "rot.pdf"
    _born_digital(f)
    with pikepdf.open(f, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(f)
    page = read_text_layer(f, 0)
    assert (page.width, page.height) == (3508, 2481)
    ho = next(w for w in page.words if w.text == "Họ")  # pdfium's order differs on rotated pages
    # 90° clockwise: PDF x runs down the visible page, PDF y (up) runs to the right
    assert abs(ho.bbox[1] - 72 * S) < 6 and ho.bbox[0] < 700 * S < ho.bbox[2]
    img = render_page(f, 0)
    assert img.shape == (2481, 3508) and img[ho.bbox[1]:ho.bbox[3], ho.bbox[0]:ho.bbox[2]].min() < 100
    assert all(0 <= w.bbox[0] < w.bbox[2] <= page.width and 0 <= w.bbox[1] < w.bbox[3] <= page.height
               for w in page.words)


def test_load_page_input_text_vs_image(tmp_path):
    f = tmp_path / "a.pdf"
    _born_digital(f, pages=2)
    jobs, errors = plan_pages(_src(f))
    assert not errors and [j.number for j in jobs] == [1, 2]
    assert isinstance(load_page_input(jobs[1]), PageText)
    blank = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(blank), pagesize=A4)
    c.showPage()
    c.save()
    (job,), _ = plan_pages(_src(blank))
    img, color = load_page_input(job)
    assert img.dtype.name == "uint8" and img.shape == (3508, 2481)
    assert color is None  # a black-and-white page carries no colour to keep


def test_text_layer_speed(tmp_path):
    f = tmp_path / "dense.pdf"
    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    c = canvas.Canvas(str(f), pagesize=A4)
    c.setFont("DejaVuSerif", 9)
    for row in range(60):
        c.drawString(40, 800 - row * 12, "Quê quán: xã Tân Phú huyện Đức Hòa tỉnh Long An ……… ngày 15")
    c.save()
    t = time.perf_counter()
    for _ in range(10):
        page = read_text_layer(f, 0)
    per_page = (time.perf_counter() - t) / 10
    assert len(page.words) >= 600
    assert per_page < 0.25  # target 20 pages/s; loose bound for slow CI


def test_corrupt_and_truncated(tmp_path):
    good = tmp_path / "good.pdf"
    _born_digital(good)
    data = good.read_bytes()
    trunc = tmp_path / "trunc.pdf"
    trunc.write_bytes(data[: len(data) - 200])  # xref and trailer lost: pdfium or pikepdf repairs
    jobs, errors = plan_pages(_src(trunc))
    assert not errors and len(jobs) == 1
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + b"\x13\x37" * 500)
    jobs, errors = plan_pages(_src(garbage))
    assert jobs == [] and errors[0].startswith("corrupt PDF")


def test_encrypted(tmp_path):
    plain = tmp_path / "plain.pdf"
    _born_digital(plain)
    locked, open_ = tmp_path / "locked.pdf", tmp_path / "owner_only.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="boss"))
        pdf.save(open_, encryption=pikepdf.Encryption(user="", owner="boss"))
    assert plan_pages(_src(locked)) == ([], ["encrypted PDF: password required"])
    jobs, errors = plan_pages(_src(open_))
    assert not errors and isinstance(load_page_input(jobs[0]), PageText)
    assert page_count(locked, "secret") == 1


def test_render_refuses_huge_page(tmp_path):
    f = tmp_path / "poster.pdf"
    c = canvas.Canvas(str(f), pagesize=(3000, 3000))
    c.showPage()
    c.save()
    with pytest.raises(IntakeError, match="page too large"):
        render_page(f, 0)
    assert render_page(f, 0, dpi=72).shape == (3000, 3000)


def test_split_leaders():
    w = Word("NGUYỄN……", (100, 10, 180, 30), 0.9)
    a, b = split_leaders(w)
    assert (a.text, b.text) == ("NGUYỄN", "……")
    assert a.bbox == (100, 10, 160, 30) and b.bbox == (160, 10, 180, 30)
    assert split_leaders(Word(".....", (0, 0, 5, 5), 1.0)) == [Word(".....", (0, 0, 5, 5), 1.0)]
    assert [x.text for x in split_leaders(Word("..Hà...Nội", (0, 0, 10, 5), 1.0))] == ["..", "Hà", "...", "Nội"]
    assert split_leaders(Word("1985.", (0, 0, 5, 5), 1.0))[0].text == "1985."


def _with_image(path, full_page):
    from PIL import Image

    png = path.with_suffix(".png")
    Image.new("L", (200, 280), 200).save(png)
    pdfmetrics.registerFont(TTFont("DejaVuSerif", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    if full_page:
        c.drawImage(str(png), 0, 0, *A4)
        t = c.beginText(72, 700)
        t.setTextRenderMode(3)  # invisible OCR text, as scanners write it
    else:
        c.drawImage(str(png), 450, 720, 60, 80)  # a small logo or photo
        t = c.beginText(72, 700)
    t.setFont("DejaVuSerif", 12)
    t.textLine("Họ và tên khai sinh: Nguyễn Thị Minh Khai, sinh ngày 15/06/1985")
    c.drawText(t)
    c.showPage()
    c.save()


def test_scan_with_invisible_text_is_ocred(tmp_path):
    logo, scan = tmp_path / "logo.pdf", tmp_path / "scan.pdf"
    _with_image(logo, full_page=False)
    _with_image(scan, full_page=True)
    (job,), _ = plan_pages(_src(logo))
    assert isinstance(load_page_input(job), PageText)
    (job,), _ = plan_pages(_src(scan))
    assert load_page_input(job)[0].shape == (3508, 2481)
