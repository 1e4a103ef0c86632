"""A fax's black seal ring over the signer's name: found, and painted out without cutting the name."""

import cv2
import numpy as np

from ocr.cleanup.seal import find_seal_ring, inpaint_ring


def _block(with_ring: bool) -> tuple[np.ndarray, np.ndarray]:
    """A 300-dpi signature block: a name in bold type, and optionally a 40 mm seal ring over its start."""
    img = np.full((1000, 1400), 255, np.uint8)
    cv2.putText(img, "Tran Cong Dinh", (480, 520), cv2.FONT_HERSHEY_TRIPLEX, 2.2, 0, 7)
    text = img < 128
    if with_ring:
        cv2.circle(img, (420, 300), 236, 0, 10)
        cv2.circle(img, (420, 300), 190, 0, 2)  # the thin inner ring
    return img, text


def test_the_ring_is_found_where_it_was_stamped() -> None:
    img, _ = _block(with_ring=True)
    ring = find_seal_ring(img)
    assert ring is not None
    assert abs(ring.x - 420) <= 4 and abs(ring.y - 300) <= 4
    assert ring.inner <= 236 <= ring.outer and ring.outer - ring.inner <= 16


def test_no_ring_no_seal() -> None:
    img, _ = _block(with_ring=False)
    assert find_seal_ring(img) is None


def test_inpainting_removes_the_ring_and_keeps_the_name() -> None:
    img, text = _block(with_ring=True)
    ring = find_seal_ring(img)
    assert ring is not None
    out = inpaint_ring(img, ring)
    yy, xx = np.mgrid[0 : img.shape[0], 0 : img.shape[1]]
    on_ring = (np.abs(np.hypot(xx - 420, yy - 300) - 236) <= 4) & ~text
    assert np.count_nonzero(out[on_ring] < 128) < 0.02 * np.count_nonzero(on_ring)
    # strokes of the name the ring crossed are carried through, not cut
    assert np.count_nonzero(out[text] < 128) > 0.95 * np.count_nonzero(text)
