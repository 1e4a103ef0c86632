"""Image files as 300-dpi pages: TIFF frames, EXIF orientation, and a guard against decompression bombs."""

from __future__ import annotations

import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from ingest.errors import IntakeError

MAX_PIXELS = 100_000_000
TARGET_DPI = 300
A4_LONG_IN = 11.69
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def _open(path: str | Path) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _too_large(path)
    except (OSError, ValueError, SyntaxError) as exc:
        raise IntakeError(f"corrupt image: {exc}") from exc
    if img.width * img.height > MAX_PIXELS:
        img.close()
        raise IntakeError(f"image too large: {img.width}×{img.height} px")
    return img


def _too_large(path: str | Path) -> Image.Image:
    # Re-read only the header, with the limit lifted, to give the size in the message.
    old = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                size = img.size
    finally:
        Image.MAX_IMAGE_PIXELS = old
    raise IntakeError(f"image too large: {size[0]}×{size[1]} px")


def image_frames(path: str | Path) -> int:
    """Number of frames (pages) of an image file: >1 only for multi-page TIFF."""
    with _open(path) as img:
        return int(getattr(img, "n_frames", 1))


def image_dpi(img: Image.Image) -> float:
    """DPI from the file, or inferred from the long side as an A4 page, clamped to 100–600."""
    dpi = img.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if 50 <= value <= 1200:
        return value
    return min(600.0, max(100.0, max(img.size) / A4_LONG_IN))


def frame_is_color(path: str | Path, index: int = 0) -> bool:
    """Whether a frame is stored in colour (decoding only the header)."""
    with _open(path) as img:
        try:
            img.seek(index)
        except (OSError, EOFError):
            return False
        return img.mode not in ("1", "L", "LA", "I", "I;16", "F", "P")


def load_frame(path: str | Path, index: int = 0, color: bool = False) -> np.ndarray:
    """One frame, upright (EXIF), rescaled to 300 dpi: grayscale uint8, or BGR uint8 when color.

    Grayscale is what OCR cleanup reads; color is for the red-seal removal.
    """
    with _open(path) as img:
        try:
            img.seek(index)
            img.load()
            dpi = image_dpi(img)
            upright = ImageOps.exif_transpose(img)
            frame = upright.convert("RGB" if color else "L")
        except (OSError, ValueError, EOFError, SyntaxError) as exc:
            raise IntakeError(f"corrupt image frame {index + 1}: {exc}") from exc
    arr: np.ndarray = np.asarray(frame, dtype=np.uint8)
    if color:
        arr = cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)
    scale = TARGET_DPI / dpi
    if abs(scale - 1) > 0.02:
        h, w = arr.shape[:2]
        if w * scale * h * scale > MAX_PIXELS:
            raise IntakeError(f"image too large: {round(w * scale)}×{round(h * scale)} px at 300 dpi")
        interp = cv2.INTER_LINEAR if scale > 1 else cv2.INTER_AREA
        arr = cv2.resize(arr, (round(w * scale), round(h * scale)), interpolation=interp)
    return np.ascontiguousarray(arr)
