"""Quyết định (Nghị định 30/2020 layout): header, number, date, subject, Điều 1, signer."""

from __future__ import annotations

import re

from hoso.result import ExtractedField
from ocr.extract import van_ban
from ocr.extract.anchors import fold
from ocr.extract.decision_type import SALARY_TYPES, classify_decision
from ocr.extract.lexicon import is_name_syllable, is_surname
from ocr.extract.ngach import settle_ngach
from ocr.extract.salary_terms import DATE as _DATE
from ocr.extract.salary_terms import salary_terms
from ocr.extract.van_ban import is_speck, make_field
from ocr.extract.van_ban import trich_yeu as trich_yeu_lines
from ocr.layout.lines import Line
from ocr.layout.textblock import TextBlock
from ocr.model import union_bbox

DOC = "quyet_dinh"
_NOI_NHAN = re.compile(r"\bnoi\s*nhan\b")


def _field(key: str, raw: str, page: int, words_box: tuple[int, int, int, int], conf: float,
           value: str | None = None) -> ExtractedField | None:
    return make_field(DOC, key, raw, page, words_box, conf, value)


def _dieu1(block: TextBlock) -> tuple[int, int]:
    """Char range of Điều 1 in the body text."""
    folded = _flat(block)
    m = re.search(r"dieu\s*1\s*[.:,]", folded)  # a fax may print the dot as a comma
    if not m:
        return (0, 0)
    end = re.search(r"dieu\s*2\s*[.:,]", folded[m.end():])
    return (m.end(), m.end() + end.start() if end else len(folded))


def _span_field(key: str, block: TextBlock, start: int, end: int) -> ExtractedField | None:
    loc = block.locate(start, end)
    if loc is None:
        return None
    page, box, conf = loc
    return _field(key, block.text[start:end], page, box, conf)


def _name_case(core: str, last: bool, first: bool) -> bool:
    """A word of a name: capitalised, or a surname or a name's last syllable a fax read lower-case.

    "Ông trần Văn thịnh,": "trần" is a surname, "thịnh," a name syllable that ends the name; a
    lower-case syllable inside the run ("Lê Văn Nam được") is the sentence going on.
    """
    if core[0].isupper():
        return True
    title = core[0].upper() + core[1:]
    return (first and is_surname(title)) or (last and is_name_syllable(title))


def _person(block: TextBlock, start: int, end: int) -> ExtractedField | None:
    """The one officer Điều 1 names after Ông/Bà; nothing when it names several."""
    text = block.text[start:end]
    if re.search(r"\bcác\s+(ông|bà)|danh sách", text, re.IGNORECASE):
        return None
    names = []
    # "Bä", "Bả", "Öng": the honorific as a fax leaves it (never a name syllable, unlike "Bá")
    for m in re.finditer(r"\b(?:Ông|Bà|ông|bà|Öng|Bä|Bả)(?:\s*\((?:ông|bà)\))?\s*:?\s+", text):
        words: list[tuple[int, int]] = []
        for tok in re.finditer(r"\S+", text[m.end():]):
            w = tok.group(0)
            core = w.strip(",.;:")
            if not core or not core.replace("-", "").isalpha() or not _name_case(core, w != core, not words):
                break
            words.append((m.end() + tok.start(), m.end() + tok.start() + len(core)))
            if w != core:
                break
        if 2 <= len(words) <= 6:
            names.append((start + words[0][0], start + words[-1][1]))
    distinct = {fold(block.text[a:b]) for a, b in names}
    if len(distinct) != 1:
        return None
    a, b = names[0]
    return _span_field("ho_ten", block, a, b)


def _flat(block: TextBlock) -> str:
    """Folded body text with line breaks as spaces (same length, so offsets still hold)."""
    return fold(block.text).replace("\n", " ")


def _first_or_last(key: str, pat: str, text: str, start: int, end: int, block: TextBlock,
                   last: bool) -> ExtractedField | None:
    ms = list(re.finditer(pat, text[start:end]))
    if not ms:
        return None
    m = ms[-1] if last else ms[0]
    return _span_field(key, block, start + m.start(1), start + m.end(1))


_DETAILS = {  # non-core facts most decisions state in Điều 1
    "ngay_sinh": r"sinh\s*ngay\s*:?\s*" + _DATE,
    "chuc_vu_moi": r"giu\s*(?:chuc\s*vu|chuc\s*danh)\s+(.{3,80}?)\s*(?:[.;]\s|[.;]?$|, ke tu|\s+ke tu)",
    "don_vi_moi": r"(?:nhan|den|ve)?\s*cong tac tai\s+(.{3,90}?)(?:[.;]\s|[.;]?$)",
}


def _salary(block: TextBlock, start: int, salary_kind: bool) -> dict[str, ExtractedField]:
    """The ngạch/bậc/hệ số/date the decision grants, wherever its articles (up to Nơi nhận) state them."""
    text = _flat(block)
    end = m.start() if (m := _NOI_NHAN.search(text, start)) else len(text)
    out: dict[str, ExtractedField] = {}
    for key, (a, b) in salary_terms(text, start, end, salary_kind).items():
        if (f := _span_field(key, block, a, b)) is not None:
            out[key] = f
    return out


def _details(block: TextBlock, start: int, end: int) -> dict[str, ExtractedField]:
    """Birth date, new post and unit, effective date: stated but not scored."""
    text = _flat(block)
    out: dict[str, ExtractedField] = {}
    for key, pat in _DETAILS.items():
        if (f := _first_or_last(key, pat, text, start, end, block, False)) is not None:
            out[key] = f
    eff = (r"(?:hieu luc|thoi gian (?:dieu dong|luan chuyen|biet phai))[^.]{0,40}?"
           r"ke\s*tu\s*(?:ngay\s*)?" + _DATE)
    if (f := _first_or_last("ngay_hieu_luc", eff, text, start, len(text), block, False)) is not None:
        out["ngay_hieu_luc"] = f
    return out


def extract_fields(pages: list[tuple[list[Line], int]]) -> dict[str, ExtractedField]:
    """All fields of one decision; `pages` = (lines, page width) in page order."""
    lines, width = pages[0]
    zones = van_ban.header_zones(lines, width)
    fields = van_ban.header_fields(DOC, lines, zones, width)
    subject = trich_yeu_lines(lines, zones, width)
    # the body without specks: "(mã số ˆ V.08.05.13)" is "(mã số V.08.05.13)"
    block = TextBlock([Line(kept, ln.page) for lines, _ in pages for ln in lines
                       if (kept := [w for w in ln.words if not is_speck(w)])])  # fmt: skip
    start, end = _dieu1(block)
    kind = classify_decision(fold(" ".join(s.text for s in subject)), fold(block.text[start:end]))
    box = union_bbox([w.bbox for s in subject for w in s.words]) if subject else (0, 0, 0, 0)
    fields["loai_quyet_dinh"] = ExtractedField(
        kind, " ".join(s.text for s in subject), 0.9 if subject else 0.3, pages[0][0][0].page, box
    )
    if end > start:
        if (f := _person(block, start, end)) is not None:
            fields["ho_ten"] = f
        fields.update(_details(block, start, end))
        if kind != "khac":  # a regulation's articles state no one's pay
            fields.update(_salary(block, start, kind in SALARY_TYPES))
    fields.update(van_ban.signer_of(DOC, pages))
    return settle_ngach(fields)
