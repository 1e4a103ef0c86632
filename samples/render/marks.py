"""Non-text marks on a page: photo box, signature scribble, red seal (raster, so no text layer)."""

from __future__ import annotations

import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samples.render.base import FONT_FILES

SEAL_PX = 300


def photo_box(c: Canvas, x: float, y_top: float, w: float, h: float, filled: bool,
              label: tuple[str, ...] = ("Ảnh màu", "(4 x 6 cm)")) -> None:  # fmt: skip
    """The 4 x 6 photo frame; sometimes with a grey head-and-shoulders photo glued in."""
    c.setLineWidth(0.7)
    c.rect(x, y_top - h, w, h)
    if not filled:
        c.setFont("LS", 11)
        for i, ln in enumerate(label):
            c.drawCentredString(x + w / 2, y_top - h / 2 + 8 - 16 * i, ln)
        return
    c.saveState()
    c.setFillGray(0.78)
    c.rect(x + 3, y_top - h + 3, w - 6, h - 6, stroke=0, fill=1)
    c.setFillGray(0.35)
    c.ellipse(x + w * 0.32, y_top - h * 0.52, x + w * 0.68, y_top - h * 0.16, stroke=0, fill=1)
    p = c.beginPath()
    p.moveTo(x + w * 0.1, y_top - h + 3)
    p.curveTo(x + w * 0.12, y_top - h * 0.55, x + w * 0.88, y_top - h * 0.55,
              x + w * 0.9, y_top - h + 3)  # fmt: skip
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def signature(c: Canvas, x: float, y: float, rng: random.Random, w: float = 90) -> None:
    """A loopy pen scribble in blue ink centred on (x, y)."""
    c.saveState()
    c.setStrokeColorRGB(0.05, 0.12, 0.55)
    c.setLineWidth(1.1)
    p = c.beginPath()
    px, py = x - w / 2, y + rng.uniform(-4, 4)
    p.moveTo(px, py)
    for _ in range(rng.randint(4, 7)):
        nx, ny = px + w / 6 + rng.uniform(-5, 10), y + rng.uniform(-10, 10)
        p.curveTo(px + rng.uniform(0, 25), py + rng.uniform(8, 22),
                  nx - rng.uniform(0, 25), ny - rng.uniform(8, 22), nx, ny)  # fmt: skip
        px, py = nx, ny
    p.moveTo(x - w / 2 - 5, y - rng.uniform(6, 12))
    p.curveTo(x - w / 6, y - 18, x + w / 6, y - 4, x + w / 2 + 8, y - rng.uniform(8, 14))
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


@lru_cache(maxsize=32)
def seal_image(top_text: str, bottom_text: str) -> Image.Image:
    """A round red seal with text around the rim and a star in the middle (RGBA)."""
    n = SEAL_PX
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (205, 25, 30, 165)
    k = n / 420  # drawing below was laid out for 420 px
    d.ellipse((6 * k, 6 * k, n - 6 * k, n - 6 * k), outline=red, width=round(9 * k))
    d.ellipse((62 * k, 62 * k, n - 62 * k, n - 62 * k), outline=red, width=round(4 * k))
    r_star, cx = 58 * k, n / 2
    pts = [(cx + (r_star if k % 2 == 0 else r_star * 0.4) * math.sin(k * math.pi / 5),
            cx - (r_star if k % 2 == 0 else r_star * 0.4) * math.cos(k * math.pi / 5))
           for k in range(10)]  # fmt: skip
    d.polygon(pts, fill=red)
    font = ImageFont.truetype(FONT_FILES["LS-B"], round(34 * k))
    ring = f"{top_text} * {bottom_text} *" if bottom_text else f"{top_text} *"
    span = min(330.0, 11.5 * len(ring))
    _arc_text(img, ring, font, red, start=-span / 2, end=span / 2, radius=n / 2 - 36 * k)
    return img


def _arc_text(img: Image.Image, text: str, font: ImageFont.FreeTypeFont,
              color: tuple[int, int, int, int], start: float, end: float,
              radius: float) -> None:  # fmt: skip
    """Paste characters one by one along an arc (angles in degrees, 0 = top, clockwise)."""
    if not text:
        return
    n = img.width
    step = (end - start) / max(len(text) - 1, 1)
    for i, ch in enumerate(text):
        ang = math.radians(start + i * step)
        tile = Image.new("RGBA", (48, 48), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((24, 24), ch, font=font, fill=color, anchor="mm")
        deg = -math.degrees(ang)
        tile = tile.rotate(deg, resample=Image.Resampling.BICUBIC)
        x = n / 2 + radius * math.sin(ang) - 24
        y = n / 2 - radius * math.cos(ang) - 24
        img.alpha_composite(tile, (int(x), int(y)))


def seal(c: Canvas, x: float, y: float, diameter: float, top: str, bottom: str,
         rng: random.Random) -> None:  # fmt: skip
    """Stamp the seal centred at (x, y), slightly rotated, semi-transparent."""
    img = seal_image(top, bottom).rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC)
    c.drawImage(ImageReader(img), x - diameter / 2, y - diameter / 2, diameter, diameter,
                mask="auto")  # fmt: skip
