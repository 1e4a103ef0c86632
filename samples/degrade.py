"""Turn a born-digital PDF into scan, fax, phone-photo and rotated variants (PDF, PNG, JPEG, TIFF)."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image

VARIANTS = ("born_digital", "clean", "scanner", "jpeg", "fax", "phone", "rotated")
DPI = {"clean": 300, "scanner": 300, "jpeg": 200, "fax": 200, "phone": 250, "rotated": 300}
Array = np.ndarray
QUALITY = {"jpeg": 40, "phone": 85, "scanner": 50, "fax": 70}
LOSSLESS = ("clean", "rotated")


def rasterize(pdf: bytes, dpi: int, pages: list[int] | None = None) -> list[Array]:
    """Grayscale uint8 images of the given 1-based pages (all by default)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        numbers = pages or list(range(1, len(doc) + 1))
        out = []
        for n in numbers:
            bitmap = doc[n - 1].render(scale=dpi / 72, grayscale=True)
            out.append(np.array(bitmap.to_pil().convert("L")))
        return out
    finally:
        doc.close()


def scanner(img: Array, rng: np.random.Generator) -> Array:
    """Skew ±3°, grey paper tint, slight blur, gaussian sensor noise."""
    h, w = img.shape
    angle = rng.uniform(-3, 3)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    tint = float(rng.uniform(222, 240))
    warped = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    tinted = np.asarray(warped, dtype=np.float32) * np.float32(tint / 255.0)
    out = np.asarray(cv2.GaussianBlur(tinted, (3, 3), rng.uniform(0.5, 0.9)), dtype=np.float32)
    out += rng.normal(0, rng.uniform(2, 4), out.shape).astype(np.float32)
    return np.asarray(np.clip(out, 0, 255), dtype=np.uint8)


def fax(img: Array, rng: np.random.Generator) -> Array:
    """Resolution loss, hard threshold and salt-and-pepper speckle."""
    h, w = img.shape
    small = cv2.resize(img, (int(w * 0.6), int(h * 0.45)), interpolation=cv2.INTER_AREA)
    out = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    out = np.where(out < rng.uniform(150, 185), 0, 255).astype(np.uint8)
    specks = rng.random(out.shape)
    out[specks < 0.002] = 0
    out[specks > 0.9985] = 255
    return out


def phone(img: Array, rng: np.random.Generator) -> Array:
    """Page photographed on a dark textured table: perspective, shading, colour (RGB out)."""
    long_side = 3000
    h, w = img.shape
    cw, ch = int(long_side * 0.75), long_side
    scale = min(cw * 0.86 / w, ch * 0.86 / h)
    pw, ph = w * scale, h * scale
    x0, y0 = (cw - pw) / 2, (ch - ph) / 2
    corners = [(x0, y0), (x0 + pw, y0), (x0 + pw, y0 + ph), (x0, y0 + ph)]
    dst = np.array([(x + rng.uniform(-0.05, 0.05) * pw, y + rng.uniform(-0.05, 0.05) * pw)
                    for x, y in corners], dtype=np.float32)  # fmt: skip
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    mat = cv2.getPerspectiveTransform(src, dst)
    page = cv2.warpPerspective(img, mat, (cw, ch), flags=cv2.INTER_AREA, borderValue=0)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), mat, (cw, ch), borderValue=0)
    small = (cw // 8, ch // 8)
    coarse = rng.normal(0, 1, (small[1] // 5, small[0] // 5)).astype(np.float32)
    grain = np.asarray(cv2.resize(coarse, small, interpolation=cv2.INTER_CUBIC), np.float32)
    grain += rng.normal(0, 0.4, grain.shape).astype(np.float32)
    yy, xx = np.mgrid[0 : small[1], 0 : small[0]].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * small[0], rng.uniform(0.1, 0.6) * small[1]
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / (long_side / 8)
    light = cv2.resize(1.08 - rng.uniform(0.35, 0.55) * dist, (cw, ch))
    tex = np.asarray(cv2.resize(grain, (cw, ch), interpolation=cv2.INTER_LINEAR), np.float32)
    base = rng.uniform(55, 110)
    alpha = mask.astype(np.float32) / 255.0
    gray = page.astype(np.float32) * alpha + base * (1 + 0.12 * tex) * (1 - alpha)
    gray = np.clip(gray * light, 0, 255)
    tint = np.array([1.0, 0.95, 0.85], dtype=np.float32)  # warm indoor light
    rgb = np.asarray(gray[..., None] * tint, dtype=np.uint8)
    return np.asarray(cv2.GaussianBlur(rgb, (3, 3), 0.8), dtype=np.uint8)


def rotate(img: Array, degrees: int) -> Array:
    """Rotate clockwise by a multiple of 90 degrees."""
    return np.ascontiguousarray(np.rot90(img, k=-(degrees // 90) % 4))


EFFECTS: dict[str, Callable[[Array, np.random.Generator], Array]] = {
    "scanner": scanner, "fax": fax, "phone": phone,
}  # fmt: skip


def degrade(pdf: bytes, variant: str, seed: int, pages: list[int] | None = None,
            rotations: dict[int, int] | None = None) -> list[Image.Image]:  # fmt: skip
    """Page images of the variant; `rotations` maps output page index (1-based) to degrees."""
    rng = np.random.default_rng(seed)
    images = []
    for i, img in enumerate(rasterize(pdf, DPI[variant], pages), start=1):
        effect = EFFECTS.get(variant)
        out = effect(img, rng) if effect else img
        if variant in LOSSLESS:  # 16 grey levels: invisible, and compresses far better
            out = np.asarray((out.astype(np.uint16) * 15 + 127) // 255 * 17, dtype=np.uint8)
        if rotations and i in rotations:
            out = rotate(out, rotations[i])
        mode = "RGB" if out.ndim == 3 else "L"
        pil = Image.fromarray(out, mode)
        images.append(pil.convert("1") if variant == "fax" else pil)
    return images


def save(images: list[Image.Image], path: Path, variant: str) -> None:
    """Write images as PDF, PNG, JPEG or TIFF according to the path's suffix."""
    dpi = DPI.get(variant, 300)
    quality = QUALITY.get(variant, 70)
    ext = path.suffix.lower()
    first, rest = images[0], images[1:]
    if ext == ".pdf":
        image_pdf(images, path, dpi, None if variant in LOSSLESS else quality)
    elif ext in (".jpg", ".jpeg"):
        first.save(path, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    elif ext in (".tif", ".tiff"):
        comp = "group4" if first.mode == "1" else "jpeg" if variant == "scanner" else "tiff_lzw"
        extra = {"quality": quality} if comp == "jpeg" else {}
        first.save(path, "TIFF", save_all=True, append_images=rest, compression=comp,
                   dpi=(dpi, dpi), **extra)  # fmt: skip
    else:
        first.save(path, "PNG", optimize=True, dpi=(dpi, dpi))


def image_pdf(images: list[Image.Image], path: Path, dpi: int, quality: int | None) -> None:
    """An image-only PDF: JPEG (DCT) pages at `quality`, or lossless Flate when None."""
    pdf = pikepdf.Pdf.new()
    for im in images:
        w, h = im.size
        if quality is not None and im.mode != "1":
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=quality, optimize=True)
            data, filt = buf.getvalue(), pikepdf.Name.DCTDecode
        else:
            data, filt = zlib.compress(im.tobytes(), 6), pikepdf.Name.FlateDecode
        space = pikepdf.Name.DeviceRGB if im.mode == "RGB" else pikepdf.Name.DeviceGray
        xobj = pikepdf.Stream(pdf, data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                              Width=w, Height=h, ColorSpace=space, Filter=filt,
                              BitsPerComponent=1 if im.mode == "1" else 8)  # fmt: skip
        pw, ph = w * 72 / dpi, h * 72 / dpi
        page = pdf.add_blank_page(page_size=(pw, ph))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=xobj))
        page.Contents = pdf.make_stream(f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode())
    pdf.save(path, deterministic_id=True)
