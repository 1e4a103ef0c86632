"""The verdict of one comparator, small and readable, so reviewers see why a field was flagged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz


@dataclass(frozen=True, slots=True)
class Comparison:
    """Paper against electronic: equal or not, a 0–1 similarity and a reason a reviewer can read."""

    equal: bool
    score: float
    reason: str
    tolerated: bool = False  # equal only because a look-alike was read unsurely: a second look may overrule


def same(reason: str = "equal", score: float = 1.0) -> Comparison:
    """An accepted pair (score below 1 when accepted as an equivalent spelling)."""
    return Comparison(True, round(score, 3), reason)


def tolerated(reason: str, score: float = 0.9) -> Comparison:
    """Accepted on the reading's low confidence alone (an unsure look-alike: "O" for 0, "B" for 8).

    With no second reading to ask this is the best the matcher can do; `compare_document` asks the
    witness when it has one, and raises the cảnh báo unless the witness reads the record's value.
    """
    return Comparison(True, round(score, 3), reason, tolerated=True)


def differs(reason: str, score: float = 0.0) -> Comparison:
    """A flagged pair."""
    return Comparison(False, round(max(0.0, min(score, 1.0)), 3), reason)


def similarity(a: str, b: str) -> float:
    """Edit similarity in 0–1 (rapidfuzz ratio)."""
    return fuzz.ratio(a, b) / 100.0


def low(confidence: float, threshold: float) -> bool:
    """True when the paper value was read with less confidence than the field's threshold."""
    return confidence < threshold


def ocr_note(confidence: float) -> str:
    """The reason suffix for a low-confidence reading: the reviewer decides."""
    return f"OCR may have misread a mark (confidence {confidence:.2f})"


@dataclass(frozen=True, slots=True)
class SecondLook:
    """A second reading's verdict on one difference: the record's value was read (or not), in words."""

    record: bool
    note: str


@dataclass(frozen=True, slots=True)
class Settlement:
    """A difference settled in the record's favour by a second reading: the note left on the field."""

    document: int
    field: str
    paper: str
    electronic: str
    how: str
    page: int | None = None
    bbox: tuple[int, int, int, int] | None = None  # the box that was read again

    def to_json(self) -> dict[str, Any]:
        """The `settled` entry of `hoso verify --json` (an addition to CONTRACT.md's object)."""
        out = asdict(self)
        out["bbox"] = list(self.bbox) if self.bbox is not None else None  # as the contract writes boxes
        return out


# (field kind, key, the paper's field, the record's value) → a verdict, or None when no second
# reading applies; the application supplies it, since only it can cut the field's box from the page.
Witness = Callable[[str, str, Any, str], SecondLook | None]
