"""The personal ID number, printed twice on the current form, settled from its better copy.

The Thông tư 06/2023 form prints the số định danh cá nhân at the top ("Mã số định danh") and
again as item 8 ("Số CCCD"): one number (Nghị định 27/2026: the e-dossier key *is* the CCCD
number). A fax often garbles one copy and not the other; a copy that is no valid CCCD for this
officer (not 12 digits, an unknown province code, or a birth year and sex that are not theirs)
takes the other copy's value when that one is valid and only a digit or two away.

A copy with a digit dropped or doubled is mended when exactly one digit put in or taken out makes
it valid: the first six digits (province, century and sex, birth year) are fixed by the officer,
so a slip there has one repair; a slip among the last six has many, and the number is left as read.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from hoso.catalog import CCCD_PROVINCES, cccd_consistent
from hoso.result import ExtractedField

COPIES = ("so_cccd", "ma_so_dinh_danh")
NEAR = 2  # digits dropped, doubled or misread between the two copies of one number
MENDED_CONF = 0.6  # a number mended from its structure is shown to a reviewer, never taken as read


def _valid(number: str, fields: dict[str, ExtractedField]) -> bool:
    """A 12-digit CCCD with a known province, and this officer's birth year and sex where read."""
    if len(number) != 12 or not number.isdigit() or number[:3] not in CCCD_PROVINCES:
        return False
    born, sex = fields.get("ngay_sinh"), fields.get("gioi_tinh")
    if born is not None and sex is not None and born.value[:4].isdigit():
        return cccd_consistent(number, int(born.value[:4]), sex.value)
    if number[3] not in "0123":  # born 1900–2099
        return False
    return sex is None or sex.value not in ("Nam", "Nữ") or (number[3] in "02") == (sex.value == "Nam")


def _mended(number: str, fields: dict[str, ExtractedField]) -> str | None:
    """The one valid CCCD a digit put into (11 read) or taken out of (13 read) the number gives."""
    if len(number) == 11:
        tries = {number[:i] + d + number[i:] for i in range(12) for d in "0123456789"}
    elif len(number) == 13:
        tries = {number[:i] + number[i + 1 :] for i in range(13)}
    else:
        return None
    valid = [t for t in tries if _valid(t, fields)]
    return valid[0] if len(valid) == 1 else None


def _mend(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """Copies of the ID number a digit too short or long, mended where the officer's part fixes it."""
    out = dict(fields)
    for key in COPIES:
        if (f := fields.get(key)) is not None and f.value.isdigit() and (fixed := _mended(f.value, fields)):
            out[key] = replace(f, value=fixed, confidence=min(f.confidence, MENDED_CONF))
    return out


def settle_identity(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """`fields` with an invalid copy of the ID number replaced by a valid, near copy, or mended."""
    a, b = (fields.get(k) for k in COPIES)
    if a is None or b is None or a.value == b.value:
        return _mend(fields)
    out = dict(fields)
    for key, bad, good in ((COPIES[0], a, b), (COPIES[1], b, a)):
        near = Levenshtein.distance(bad.value, good.value, score_cutoff=NEAR) <= NEAR
        if near and _valid(good.value, fields) and not _valid(bad.value, fields):
            out[key] = replace(bad, value=good.value, confidence=min(bad.confidence, good.confidence))
    return _mend(out)
