"""Typed values passed between the reading stages (text layer or OCR → layout → fields)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BBox = tuple[int, int, int, int]
"""x0, y0, x1, y1 in pixels of the page at 300 dpi after orientation/perspective correction."""


@dataclass(frozen=True, slots=True)
class Word:
    """One word as read from the page; `conf` is 0–1 (a text layer gives 1.0)."""

    text: str
    bbox: BBox
    conf: float


@dataclass(slots=True)
class PageText:
    """Everything later stages need to know about one page of a file."""

    number: int  # 1-based page number in the file
    width: int  # pixels at 300 dpi
    height: int
    words: list[Word] = field(default_factory=list)
    source: Literal["text_layer", "ocr", "none"] = "ocr"
    rotation: int = 0  # degrees clockwise applied to make the page upright
    blank: bool = False
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def union_bbox(boxes: list[BBox]) -> BBox:
    """Smallest box covering every box given (a value spread over several words or lines)."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
