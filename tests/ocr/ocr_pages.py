"""Synthetic 300-dpi test pages rendered with Pillow: Vietnamese form lines with dotted leaders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

A4 = (2480, 3508)
FONT_PATHS = [
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
]
FORM_LINES = [
    ("Họ và tên khai sinh:", "NGUYỄN VĂN AN"),
    ("Ngày, tháng, năm sinh:", "15.06.1985"),
    ("Quê quán:", "xã Đông Hưng, tỉnh Thái Bình"),
    ("Dân tộc:", "Kinh"),
    ("Tôn giáo:", "Không"),
    ("Trình độ chuyên môn:", "Thạc sĩ Quản lý công"),
    ("Chức vụ hiện tại:", "Phó Trưởng phòng Tổ chức cán bộ"),
    ("Ngày vào Đảng:", "03.02.2010"),
]
PROSE = (
    "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Nghị định số 138/2020/NĐ-CP "
    "quy định về tuyển dụng, sử dụng và quản lý công chức. Xét đề nghị của Trưởng phòng "
    "Tổ chức cán bộ, Bộ trưởng Bộ Nội vụ quyết định điều động và bổ nhiệm ông Nguyễn Văn An "
    "giữ chức vụ Phó Vụ trưởng Vụ Tổ chức cán bộ kể từ ngày ký quyết định này."
)


def font(size: int = 54) -> ImageFont.FreeTypeFont:
    """Liberation Serif (or DejaVu) at `size` px: 54 px ≈ 13 pt at 300 dpi."""
    for p in FONT_PATHS:
        if Path(p).exists():
            return ImageFont.truetype(p, size)
    raise FileNotFoundError("no Vietnamese-capable serif font installed")


def form_page(lines: list[tuple[str, str]] | None = None, *, prose: bool = True) -> np.ndarray:
    """A4 form: a prose paragraph then "label …… value ……" lines, grayscale uint8."""
    img = Image.new("L", A4, 255)
    d = ImageDraw.Draw(img)
    f = font()
    y = 250
    d.text((700, y), "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", font=f, fill=0)
    y += 150
    if prose:
        words, line = PROSE.split(), ""
        for w in words:
            if d.textlength(line + " " + w, font=f) > 2080:
                d.text((200, y), line.strip(), font=f, fill=0)
                y, line = y + 90, ""
            line += " " + w
        d.text((200, y), line.strip(), font=f, fill=0)
        y += 150
    for label, value in lines or FORM_LINES:
        x = 200
        d.text((x, y), label, font=f, fill=0)
        x += int(d.textlength(label + " ", font=f))
        d.text((x, y), "…" * 4, font=f, fill=0)
        x += int(d.textlength("…" * 4 + " ", font=f))
        d.text((x, y), value, font=f, fill=0)
        x += int(d.textlength(value + " ", font=f))
        n = max(0, int((2280 - x) / d.textlength("…", font=f)))
        d.text((x, y), "…" * n, font=f, fill=0)
        y += 110
    return np.asarray(img).copy()


@cache
def cached_form_page() -> np.ndarray:
    """The default form page, rendered once per test process (treat as read-only)."""
    page = form_page()
    page.setflags(write=False)
    return page


def rotate_cw(img: np.ndarray, quarters: int) -> np.ndarray:
    """Turn a page clockwise by `quarters` × 90° (how a scanner feeds it sideways)."""
    return np.ascontiguousarray(np.rot90(img, -quarters % 4))


def skew(img: np.ndarray, deg: float) -> np.ndarray:
    """Rotate counter-clockwise by `deg` (text then rises to the right)."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), deg, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def phone_photo(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The page photographed at an angle on a dark desk under a lamp; returns photo and corners."""
    h, w = img.shape[:2]
    out_w, out_h = 3000, 4000
    quad = np.array([[420, 380], [2600, 520], [2750, 3650], [300, 3500]], "f4")
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], "f4")
    m = cv2.getPerspectiveTransform(src, quad)
    photo = cv2.warpPerspective(img, m, (out_w, out_h), borderValue=60)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    light = 1.0 - 0.35 * (xx / out_w) * (yy / out_h)  # lamp at the top left
    return (photo * light).clip(0, 255).astype(np.uint8), quad


def with_seal(img: np.ndarray, centre: tuple[int, int], radius: int = 300) -> np.ndarray:
    """RGB copy with a red ring seal and red star stamped over `centre`."""
    rgb = np.dstack([img, img, img]).copy()
    red = (200, 30, 40)
    cv2.circle(rgb, centre, radius, red, 18)
    cv2.circle(rgb, centre, radius - 60, red, 8)
    cv2.putText(rgb, "UBND", (centre[0] - 150, centre[1] + 30), cv2.FONT_HERSHEY_SIMPLEX, 3, red, 14)
    # Seal ink is translucent: where it crosses black text the text stays dark.
    return np.asarray(np.minimum(rgb, np.dstack([img, img, img])), np.uint8)
