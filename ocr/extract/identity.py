"""The personal ID number, printed twice on the current form, settled from its better copy.

The Thông tư 06/2023 form prints the số định danh cá nhân at the top ("Mã số định danh") and
again as item 8 ("Số CCCD"): one number (Nghị định 27/2026: the e-dossier key *is* the CCCD
number). A fax often garbles one copy and not the other; a copy that is no valid CCCD for this
officer (not 12 digits, an unknown province code, or a birth year and sex that are not theirs)
takes the other copy's value when that one is valid and only a digit or two away.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from hoso.catalog import CCCD_PROVINCES, cccd_consistent
from hoso.result import ExtractedField

COPIES = ("so_cccd", "ma_so_dinh_danh")
NEAR = 2  # digits dropped, doubled or misread between the two copies of one number


def _valid(number: str, fields: dict[str, ExtractedField]) -> bool:
    """A 12-digit CCCD with a known province, and this officer's birth year and sex where read."""
    if len(number) != 12 or not number.isdigit() or number[:3] not in CCCD_PROVINCES:
        return False
    born, sex = fields.get("ngay_sinh"), fields.get("gioi_tinh")
    if born is None or sex is None or not born.value[:4].isdigit():
        return True
    return cccd_consistent(number, int(born.value[:4]), sex.value)


def settle_identity(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """`fields` with an invalid copy of the ID number replaced by a valid, near copy."""
    a, b = (fields.get(k) for k in COPIES)
    if a is None or b is None or a.value == b.value:
        return fields
    out = dict(fields)
    for key, bad, good in ((COPIES[0], a, b), (COPIES[1], b, a)):
        near = Levenshtein.distance(bad.value, good.value, score_cutoff=NEAR) <= NEAR
        if near and _valid(good.value, fields) and not _valid(bad.value, fields):
            out[key] = replace(bad, value=good.value, confidence=min(bad.confidence, good.confidence))
    return out
