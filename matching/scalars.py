"""Dates, numbers, digit strings and printed codes: exact after normalization, OCR slips only when unsure."""

from __future__ import annotations

from collections.abc import Callable

from hoso.normalize import normalize_decimal, normalize_int, parse_date
from hoso.normalize.confusions import look_alikes
from hoso.normalize.text import clean, fold_ascii
from matching.comparison import Comparison, differs, low, same, similarity, tolerated

# Look-alike glyphs OCR swaps for digits (O/0, l/1, I/1, S/5, B/8): collapsed to the digit.
_LOOKALIKE = look_alikes("compare")
_SEPARATORS = " .-/"


def compare_date(paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80) -> Comparison:
    """Dates equal after parsing; a month-only paper date consistent with the record is accepted."""
    a, b = parse_date(paper), parse_date(electronic)
    if a is None:
        return differs("paper date unreadable")
    if b is None:
        return differs("electronic date unreadable")
    if a == b:
        return same()
    if b.startswith(a + "-"):
        return same("less precise on paper, consistent with the record", 0.9)
    if a.startswith(b + "-"):
        return differs("less precise in the electronic record", 0.9)
    score = similarity(a, b)
    if len(a) == len(b) == 10 and a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]:
        return differs("day and month swapped", score)
    if low(confidence, threshold) and _one_slip(a, b):
        return differs(f"date differs; OCR may have misread a digit (confidence {confidence:.2f})", score)
    return differs("date differs", score)


def compare_int(paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80) -> Comparison:
    """Whole numbers (bậc lương): "04" = "4" = "bậc 4/9"."""
    return _numeric(normalize_int, paper, str(electronic), confidence, threshold)


def compare_decimal(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Decimals (hệ số): "3,66" = "3.66" = "3.660"."""
    return _numeric(normalize_decimal, paper, str(electronic), confidence, threshold)


def compare_digits(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Digit strings (CCCD, BHXH): spaces and dots ignored, every digit must agree."""
    a, b = _strip(paper), _strip(str(electronic))
    if a == b:
        return same()
    return _slip_or_differs(a, b, confidence, threshold, "number differs")


def compare_code(paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80) -> Comparison:
    """Printed codes: case, spaces and Đ/D ignored; "01003" = "01.003" (a dot alone is no new code)."""
    a, b = _code_key(paper), _code_key(str(electronic))
    if a == b:
        return same()
    if a.replace(".", "") == b.replace(".", ""):
        return same("equal apart from a dot", 0.95)
    return _slip_or_differs(a, b, confidence, threshold, "code differs")


def _numeric(
    norm: Callable[[str], str | None], paper: str, electronic: str, confidence: float, threshold: float
) -> Comparison:
    a, b = norm(paper), norm(electronic)
    if a is None:
        return differs("paper number unreadable")
    if b is None:
        return differs("electronic number unreadable")
    if a == b:
        return same()
    read_as_digits = clean(paper).translate(_LOOKALIKE)
    if low(confidence, threshold) and read_as_digits != clean(paper) and norm(read_as_digits) == b:
        return tolerated(f"OCR look-alike character tolerated (confidence {confidence:.2f})")
    return differs(f"number differs: {a} vs {b}", similarity(a, b))


def _slip_or_differs(a: str, b: str, confidence: float, threshold: float, what: str) -> Comparison:
    score = similarity(a, b)
    if _lookalike_equal(a, b):
        if low(confidence, threshold):
            return tolerated(f"OCR look-alike character tolerated (confidence {confidence:.2f})")
        return differs(f"{what}: look-alike character read with confidence {confidence:.2f}", score)
    if len(a) == len(b) and _transposed(a, b):
        return differs(f"{what}: two adjacent characters transposed", score)
    if _one_slip(a, b):
        note = (
            f"; OCR may have misread it (confidence {confidence:.2f})" if low(confidence, threshold) else ""
        )
        return differs(f"{what} in one character{note}", score)
    return differs(what, score)


def _lookalike_equal(a: str, b: str) -> bool:
    return a.translate(_LOOKALIKE) == b.translate(_LOOKALIKE)


def _strip(s: str) -> str:
    return "".join(ch for ch in clean(s) if ch not in _SEPARATORS)


def _code_key(s: str) -> str:
    text = clean(s.replace("–", "-").replace("—", "-")).replace(" ", "")
    return fold_ascii(text).upper() if text else ""


def _one_slip(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _transposed(a: str, b: str) -> bool:
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
