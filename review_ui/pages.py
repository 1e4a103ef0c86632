"""Page images for the flag screen: rendered from the stored original on first view, then kept.

The view image is the 300-dpi page at half scale (150 dpi), so a bbox in 300-dpi pixels maps by × 0.5.
When a 300-dpi page image is stored under the page's image_key (cleaned, upright), it is used instead of
the original, so boxes of rotated or photographed pages line up too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import cv2
import numpy as np

from hoso.errors import NotFound, ValidationError
from ingest import images, pdf
from ingest.errors import IntakeError
from storage.objects import ObjectStore, content_key, page_key

VIEW_SCALE = 0.5  # view pixels per 300-dpi pixel
VIEW_DPI = 150
SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def view_key(sha256: str, number: int) -> str:
    """Where the 150-dpi view of page `number` of an original is cached."""
    return page_key(sha256, number, ".view.png")


def original_key(objects: ObjectStore, sha256: str) -> str:
    """The stored original's key (its suffix is the upload's), or NotFound."""
    for suffix in SUFFIXES:
        key = content_key("originals", sha256, suffix)
        if objects.exists(key):
            return key
    raise NotFound(f"bản gốc {sha256[:12]}… không có trong kho lưu trữ")


def view_image(objects: ObjectStore, sha256: str, number: int, image_key: str | None = None) -> bytes:
    """PNG bytes of the page's view image, rendering and caching it on first use."""
    key = view_key(sha256, number)
    if objects.exists(key):
        return objects.get(key)
    if image_key and objects.exists(image_key):
        full = cv2.imdecode(np.frombuffer(objects.get(image_key), np.uint8), cv2.IMREAD_UNCHANGED)
        if full is None:
            raise ValidationError(f"stored page image {image_key!r} cannot be decoded")
        pixels = cv2.resize(full, None, fx=VIEW_SCALE, fy=VIEW_SCALE, interpolation=cv2.INTER_AREA)
    else:
        pixels = _render_original(objects, sha256, number)
    ok, png = cv2.imencode(".png", pixels, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:
        raise ValidationError(f"cannot encode page {number}")
    data = png.tobytes()
    objects.put(key, data, "image/png")
    return data


def _render_original(objects: ObjectStore, sha256: str, number: int) -> np.ndarray:
    key = original_key(objects, sha256)
    with tempfile.TemporaryDirectory(prefix="hoso-page-") as tmp:
        path = Path(tmp) / f"original{Path(key).suffix}"
        path.write_bytes(objects.get(key))
        try:
            if key.endswith(".pdf"):
                return pdf.render_page(path, number - 1, dpi=VIEW_DPI, color=True)
            frame = images.load_frame(path, number - 1, color=True)  # upright (EXIF), at 300 dpi
        except (IntakeError, IndexError, EOFError, OSError) as exc:
            raise NotFound(f"trang {number} không hiển thị được: {exc}") from exc
    return cv2.resize(frame, None, fx=VIEW_SCALE, fy=VIEW_SCALE, interpolation=cv2.INTER_AREA)
