"""Personal names: equal up to case, NFC and tone placement; a changed mark is a real difference."""

from __future__ import annotations

import unicodedata

from hoso.normalize import canonical_tone_marks, normalize_name
from hoso.normalize.text import clean, fold_ascii
from matching.comparison import Comparison, differs, low, ocr_note, same, similarity


def name_key(raw: str) -> str:
    """Case-folded NFC name with canonical tone marks and no "Ông"/"Bà" title."""
    return (normalize_name(raw) or "").casefold()


def _iy(s: str) -> str:
    """The i/y-neutral spelling (Quý → Quí, Mỹ → Mĩ) in NFC."""
    decomposed = unicodedata.normalize("NFD", s).replace("y", "i")
    return canonical_tone_marks(unicodedata.normalize("NFC", decomposed))


def changed_words(a: str, b: str) -> str:
    """The first differing word pair, "Hương vs Hường", for a reason string."""
    wa, wb = a.split(), b.split()
    for x, y in zip(wa, wb, strict=False):
        if x != y:
            return f"{x} vs {y}"
    return f"{a} vs {b}"


def compare_marks(paper: str, electronic: str, confidence: float, threshold: float) -> Comparison | None:
    """Verdict for two folded strings that differ only in diacritics or i/y; None otherwise."""
    score = similarity(paper, electronic)
    words = changed_words(paper, electronic)
    if _iy(paper) == _iy(electronic):
        return differs(f"i/y spelling variant, review: {words}", max(score, 0.9))
    if fold_ascii(_iy(paper)) != fold_ascii(_iy(electronic)):
        return None
    if low(confidence, threshold):
        return differs(f"{ocr_note(confidence)}: {words}", score)
    return differs(f"diacritic differs: {words}", score)


def compare_name(paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80) -> Comparison:
    """Names: NFC, case and tone placement (Hoà = Hòa) ignored; Hương ≠ Hường; Quý/Quí soft."""
    a, b = name_key(paper), name_key(electronic)
    if a == b:
        return same()
    marks = compare_marks(_title(a), _title(b), confidence, threshold)
    if marks is not None:
        return marks
    score = similarity(fold_ascii(a), fold_ascii(b))
    reason = "name differs"
    if low(confidence, threshold) and score >= 0.85:
        reason += f"; OCR may have misread it (confidence {confidence:.2f})"
    return differs(reason, score)


def _title(s: str) -> str:
    return normalize_name(clean(s)) or s
