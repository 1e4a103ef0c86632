"""A ngạch's name and its mã số checked against each other and the catalog.

The two are printed side by side ("Điều dưỡng hạng III, mã số V.08.05.12") and the catalog ties
each code to one name, so one confidently read half settles a misread of the other: an unknown
code a character away from exactly one catalog code whose name is the name on the paper takes that
code (V.0H.05.12 → V.08.05.12); an unsure name a letter or two from the catalog name of a
confidently read code takes that name ("(huyện viên" → Chuyên viên, "hạng II" → "hạng III").
A confident reading is never changed: the paper may really pair them wrongly, and then the
matcher must see it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from hoso.catalog import HE_SO, MA_NGACH, canonical_code, code_key, he_so_for, ngach_name, salary_group
from hoso.normalize import normalize
from hoso.normalize.confusions import look_alikes
from hoso.result import ExtractedField
from ocr.extract.anchors import fold

SURE = 0.90  # a half read at least this confidently settles the other
GARBLED = 0.5  # a code read below this, and no code at all, is no reading: the sure name's one code
NAME_EDITS = 2  # at most this many letters apart (folded)


def _close(a: str, b: str, edits: int) -> bool:
    return Levenshtein.distance(fold(a.lower()), fold(b.lower()), score_cutoff=edits) <= edits


# "… hạng III Mã số ;: 01.002": the code's label too damaged to be found, left inside the name
_CODE_INSIDE = re.compile(r"\s*[({]?\s*[Mm][aã]\s*s\S*\s*[:;.]*\s*(V?\.?\s*\d[\d.,\s]*\d)\W*$")


def _code_out_of_name(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """The ngạch name cut before a "Mã số" it swallowed; the code after it is the mã ngạch if none was read.

    OCR damages the small "Mã số:" label ("Mã số ;:", "Mã s:") past finding, and the name runs on.
    """
    name = fields.get("ngach")
    m = _CODE_INSIDE.search(name.value) if name is not None else None
    if name is None or m is None:
        return fields
    out = dict(fields) | {"ngach": replace(name, value=name.value[: m.start()])}
    if "ma_ngach" not in fields and (code := normalize("code", m.group(1))):
        out["ma_ngach"] = replace(name, value=code, raw=m.group(1))
    return out


def _he_so_of_bac(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """An unsure hệ số no bậc of the ngạch's table has takes the one its bậc gives, a digit away.

    "6.70" beside bậc 6 of A2.1 is 6.78 misread: the table is the law, the reading the doubt. A hệ
    số the table has is kept, even when it is not the bậc's: then the paper disagrees with itself.
    """
    ma, bac, he_so = (fields.get(k) for k in ("ma_ngach", "bac_luong", "he_so_luong"))
    if ma is None or bac is None or he_so is None or he_so.confidence >= SURE or not bac.value.isdigit():
        return fields
    group = salary_group(ma.value)
    if group is None or he_so.value in {str(v) for v in HE_SO[group]}:
        return fields
    table = he_so_for(ma.value, int(bac.value))
    if table is None or Levenshtein.distance(str(table), he_so.value) != 1:
        return fields
    return fields | {"he_so_luong": replace(he_so, value=str(table))}


def settle_ngach(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """`fields` with ma_ngach / ngach settled against each other, where the catalog allows."""
    fields = _code_out_of_name(fields)
    ma, name = fields.get("ma_ngach"), fields.get("ngach")
    out = dict(fields)
    if ma is not None and canonical_code(ma.value) is None:
        dotted = re.sub(r"(?<=\d)\s+(?=\d)", ".", ma.value.replace(",", "."))  # "01,003", "V.08 01 02"
        zeroed = dotted[:1] + dotted[1:].translate(look_alikes("ma_ngach"))  # "V.Ø7.05.15", "V.08.0S.11"
        code = canonical_code(dotted)
        if code is None and (code := canonical_code(zeroed)) is not None and name is not None:
            code = code if _close(MA_NGACH[code][0], name.value, NAME_EDITS) else None  # the name agrees
        if code is not None:
            out["ma_ngach"] = ma = replace(ma, value=code)
    if ma is None or name is None:
        return _he_so_of_bac(out)
    sure_code = canonical_code(ma.value) is not None and ma.confidence >= SURE
    if canonical_code(ma.value) is None and ma.confidence < SURE:
        near = [c for c in MA_NGACH
                if Levenshtein.distance(code_key(c), code_key(ma.value), score_cutoff=1) == 1
                and _close(MA_NGACH[c][0], name.value, 0)]  # fmt: skip
        if len(near) == 1:
            out["ma_ngach"] = ma = replace(ma, value=near[0])
            sure_code = name.confidence >= SURE
    if canonical_code(ma.value) is None and ma.confidence < GARBLED and name.confidence >= SURE:
        named = [c for c, (n, _) in MA_NGACH.items() if _close(n, name.value, 0)]
        if len(named) == 1:  # "U15" read at 0.14 beside a sure "Chuyên viên": its one code
            out["ma_ngach"] = ma = replace(ma, value=named[0])
    catalog_name = ngach_name(ma.value)
    unsure_name = name.confidence < SURE and name.value != catalog_name
    if sure_code and catalog_name and unsure_name and _close(catalog_name, name.value, NAME_EDITS):
        out["ngach"] = replace(name, value=catalog_name)
    return _he_so_of_bac(out)
