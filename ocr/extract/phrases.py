"""The everyday vocabulary of dossier values, to settle unsure diacritics in it.

On faxes and poor scans Tesseract swaps tone marks on short syllables (Sở → Sớ, Huyện → Huyền,
Trưởng → Trướng, tỉnh → tình). Values of agencies, addresses, posts and qualifications are mostly
made of a small vocabulary; a run of words that folds (marks and case dropped) to exactly one known
phrase takes its marks — but only words read with low confidence, and never in names, where a
changed mark is a real difference the reviewer must see.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from hoso.catalog import CCCD_PROVINCES
from ocr.extract.anchors import fold
from ocr.extract.lexicon import unambiguous
from ocr.model import Word

_PREFIXES = """
xã; phường; thị trấn; huyện; quận; thị xã; thành phố; tỉnh; thôn; xóm; ấp; tổ dân phố
"""  # administrative prefixes: known only where an address part starts ("Huyền Trang" is a name)

_PHRASES = """
ủy ban nhân dân; bộ; ban; phòng; cục; chi cục; trung tâm; văn phòng; bệnh viện; trường; khoa
thanh tra; đa khoa; trung học phổ thông; trung học cơ sở; tiểu học; mầm non; quy hoạch; kiến trúc
trưởng phòng; phó trưởng phòng; trưởng khoa; phó trưởng khoa; giám đốc; phó giám đốc; chánh văn phòng
trưởng ban; phó trưởng ban; chủ tịch; phó chủ tịch; hiệu trưởng; phó hiệu trưởng; chuyên viên
chuyên viên chính; chuyên viên cao cấp; cán sự; nhân viên; giáo viên; bác sĩ; điều dưỡng; kế toán
cử nhân; thạc sĩ; tiến sĩ; kỹ sư; cao đẳng; trung cấp; sơ cấp; cao cấp; tin học; ứng dụng cntt
tin học a; tin học b; tin học c; cơ bản; nâng cao; tiếng anh; anh văn; luật; kinh tế; quản lý
hành chính; ngân hàng; doanh nghiệp
"""
_DEPARTMENTS = """
nội vụ; tài chính; xây dựng; y tế; giáo dục và đào tạo; tư pháp; công thương; kế hoạch và đầu tư
nông nghiệp và phát triển nông thôn; tài nguyên và môi trường; lao động - thương binh và xã hội
giao thông vận tải; văn hóa, thể thao và du lịch; khoa học và công nghệ; thông tin và truyền thông
"""


def _split(block: str) -> list[str]:
    return [p.strip() for line in block.strip().splitlines() for p in line.split(";") if p.strip()]


@cache
def _prefixes() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(fold(w) for w in p.split()): tuple(p.split()) for p in _split(_PREFIXES)}


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """Folded word tuple → canonical words, for phrases whose fold is unique; and the longest length."""
    departments = _split(_DEPARTMENTS)  # "sở" alone folds like "số": only "Sở <department>" is known
    provinces = [name.lower() for name in CCCD_PROVINCES.values()]
    phrases = _split(_PHRASES) + departments + [f"sở {d}" for d in departments]
    phrases += [f"tỉnh {p}" for p in provinces] + [f"thành phố {p}" for p in provinces]
    phrases += provinces
    spelled = (tuple(p.replace(",", " ").replace(" - ", " ").split()) for p in phrases)
    table = unambiguous(spelled, lambda words: tuple(fold(w) for w in words))
    return table, max(len(k) for k in table)


def core(text: str) -> str:
    """A value word without the punctuation around it ("Huyện," → "Huyện")."""
    return text.strip(",.;:()")


def _same_case(canonical: str, read: str) -> str:
    """The canonical spelling in the case pattern the paper used (TỈNH, Tỉnh, tỉnh)."""
    if read.isupper() and len(read) > 1:
        return canonical.upper()
    if read[:1].isupper():
        return canonical[:1].upper() + canonical[1:]
    return canonical


_PHRASE_SURE = 0.99  # two or more words agreeing with a known phrase are evidence enough below this


def settle_phrases(words: list[Word], sure: float = 0.96) -> list[Word]:
    """Words of one value, with unsure marks inside known phrases set right; longest phrase first."""
    table, longest = _lexicon()
    out = list(words)
    cores = [core(w.text) for w in words]
    i = 0
    while i < len(out):
        for n in range(min(longest, len(out) - i), 0, -1):
            span = cores[i : i + n]
            key = tuple(fold(c) for c in span)
            starts_part = i == 0 or out[i - 1].text.endswith((",", ";"))
            canon = (table.get(key) or (_prefixes().get(key) if starts_part else None)) if all(span) else None
            if canon is None:
                continue
            for j, (seen, right) in enumerate(zip(span, canon, strict=True)):
                word = out[i + j]
                fixed = _same_case(right, seen)
                if fixed != seen and word.conf < (_PHRASE_SURE if n > 1 else sure):
                    out[i + j] = replace(word, text=word.text.replace(seen, fixed, 1))
            i += n - 1
            break
        i += 1
    return out


@cache
def _closed_lists() -> dict[str, dict[str, str]]:
    """Field → folded name → catalog spelling, for the closed lists (54 dân tộc, the tôn giáo)."""
    from hoso.catalog import DAN_TOC, TON_GIAO

    return {"dan_toc": unambiguous(DAN_TOC, fold), "ton_giao": unambiguous(TON_GIAO, fold)}


def settle_closed_value(key: str, value: str, conf: float, sure: float = 0.99) -> str:
    """An unsure value of a closed list that folds to exactly one entry takes its spelling."""
    table = _closed_lists().get(key)
    if table is None or conf >= sure:
        return value
    return table.get(fold(value), value)


_HANG = re.compile(r"(\bhạng\s+)([IHl1|]{1,3}|[IHl1|]?V)$", re.IGNORECASE)


def fix_hang_numeral(value: str) -> str:
    """A ngạch's hạng is I–IV; OCR reads the roman I as H, l, 1 or |: "hạng HII" → "hạng III"."""
    return _HANG.sub(lambda m: m.group(1) + re.sub(r"[Hl1|]", "I", m.group(2)), value)
