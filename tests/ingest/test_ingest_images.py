import zlib

import numpy as np
import pytest
from PIL import Image

from ingest.errors import IntakeError
from ingest.images import image_frames, load_frame
from ingest.model import SourceFile
from ingest.pages import load_page_input, plan_pages
from ingest.sources import expand


def _png_bomb(path, side=30_000):
    # A 1-bit PNG written by hand: each row is a filter byte plus side/8 zero bytes, compressed by zlib.
    import struct

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    raw = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    body = b"".join(raw.compress(row) for _ in range(side)) + raw.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def test_png_bomb_refused(tmp_path):
    f = tmp_path / "bomb.png"
    _png_bomb(f)
    (src,) = expand([str(f)], tmp_path)
    assert src.kind == "png" and not src.errors
    assert plan_pages(src) == ([], ["image too large: 30000×30000 px"])


def test_multipage_tiff(tmp_path):
    f = tmp_path / "scan.tif"
    frames = [Image.new("L", (850, 1100), v) for v in (10, 128, 250)]
    frames[0].save(f, save_all=True, append_images=frames[1:], dpi=(100, 100))
    assert image_frames(f) == 3
    jobs, errors = plan_pages(SourceFile(str(f), f, kind="tiff"))
    assert not errors and [j.index for j in jobs] == [0, 1, 2]
    page, color = load_page_input(jobs[1])
    assert page.shape == (3300, 2550) and int(page[5, 5]) == 128
    assert color is None


def test_jpeg_exif_rotation_and_dpi(tmp_path):
    f = tmp_path / "phone.jpg"
    img = Image.new("RGB", (400, 200), "white")
    img.paste((200, 0, 0), (0, 0, 100, 200))  # red band on the left of the stored pixels
    exif = Image.Exif()
    exif[0x0112] = 6  # display rotated 90° clockwise
    img.save(f, exif=exif, dpi=(150, 150), quality=95)
    gray = load_frame(f, 0)
    assert gray.shape == (800, 400)  # upright (portrait) and 150 → 300 dpi
    bgr = load_frame(f, 0, color=True)
    assert bgr.shape == (800, 400, 3) and bgr[20, 200, 2] > 150 and bgr[20, 200, 0] < 80
    assert bgr[780, 200, 2] > 200 and bgr[780, 200, 0] > 200


def test_no_dpi_assumes_a4(tmp_path):
    f = tmp_path / "a4_200dpi.png"
    Image.new("L", (1654, 2339), 255).save(f)
    assert load_frame(f).shape == pytest.approx((3508, 2480), abs=3)


def test_corrupt_image(tmp_path):
    f = tmp_path / "bad.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    jobs, errors = plan_pages(SourceFile(str(f), f, kind="png"))
    assert jobs == [] and errors[0].startswith("corrupt image")
    with pytest.raises(IntakeError):
        load_frame(f)
    assert np.uint8


def test_colour_kept_only_when_the_page_has_colour(tmp_path):
    grey_rgb, red_seal = tmp_path / "grey.jpg", tmp_path / "seal.png"
    Image.new("RGB", (850, 1100), (240, 240, 240)).save(grey_rgb, dpi=(100, 100))
    img = Image.new("RGB", (850, 1100), (255, 255, 255))
    img.paste((220, 30, 30), (300, 300, 500, 500))
    img.save(red_seal, dpi=(100, 100))
    (job,), _ = plan_pages(SourceFile(str(grey_rgb), grey_rgb, kind="jpeg"))
    assert load_page_input(job)[1] is None
    (job,), _ = plan_pages(SourceFile(str(red_seal), red_seal, kind="png"))
    gray, rgb = load_page_input(job)
    assert rgb is not None and rgb.shape[:2] == gray.shape and rgb[1200, 1200, 0] > 200
