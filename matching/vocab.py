"""Enums and free text with synonyms: degrees (Ths. = Thạc sĩ), dân tộc and tôn giáo aliases, gender."""

from __future__ import annotations

import re

from hoso import catalog
from hoso.normalize import MEASURES, normalize_enum, normalize_measure
from hoso.normalize.text import clean, fold_ascii
from matching.comparison import Comparison, differs, low, same, similarity
from matching.names import compare_marks

# Abbreviation → full word, matched on folded whole words (degree and agency vocabulary).
_DEGREES: dict[str, str] = {
    "ths": "thạc sĩ", "ts": "tiến sĩ", "tskh": "tiến sĩ khoa học", "cn": "cử nhân",
    "ks": "kỹ sư", "bs": "bác sĩ", "cđ": "cao đẳng", "đh": "đại học", "dh": "đại học",
    "pgs": "phó giáo sư", "gs": "giáo sư", "cntt": "công nghệ thông tin",
    "ubnd": "ủy ban nhân dân", "hdnd": "hội đồng nhân dân", "tp": "thành phố",
}  # fmt: skip
# Spelling variants of the same word (sĩ/sỹ, kỹ/kĩ).
_SPELLINGS = (("thạc sỹ", "thạc sĩ"), ("tiến sỹ", "tiến sĩ"), ("bác sỹ", "bác sĩ"), ("kĩ sư", "kỹ sư"))
_POLITICS: dict[str, str] = {"cc": "cao cấp", "tc": "trung cấp", "sc": "sơ cấp"}
_POLITICS_TAIL = re.compile(r"\s*(?:lý luận chính trị|llct|chính trị)\s*$")
# "Tiếng Anh B" = "Anh văn B"; "Chứng chỉ tin học B" = "Tin học B" = "B".
_SKILL_WORDS = re.compile(r"(?:^|(?<=\s))(?:tiếng|trình độ|chứng chỉ|tin học)(?:\s+|$)")
_LANGUAGE = re.compile(r"(anh|pháp|nga|trung|nhật|hàn|đức)\s+(?:văn|ngữ)(?!\w)")
_WORD = re.compile(r"[^\W_]+(?:\.)?", re.UNICODE)
_NO_RELIGION = frozenset({"khong", "khong co", "khong theo ton giao", "khong ton giao", "0"})


def _expand(text: str, table: dict[str, str]) -> str:
    """Lower-case words with abbreviations written out, punctuation dropped."""
    out: list[str] = []
    for word in _WORD.findall(clean(text).casefold()):
        bare = word.rstrip(".")
        out.append(table.get(bare, table.get(fold_ascii(bare), bare)))
    joined = " ".join(out)
    for variant, full in _SPELLINGS:
        joined = joined.replace(variant, full)
    return joined


def text_key(text: str, key: str = "") -> str:
    """The comparison form of free text: case, tone placement, punctuation and abbreviations folded."""
    if key in MEASURES:  # "56 kg" on the form is the record's 56
        text = normalize_measure(text) or text
    table = {**_DEGREES, **_POLITICS} if key == "ly_luan_chinh_tri" else _DEGREES
    expanded = _expand(text, table)
    if key == "ly_luan_chinh_tri":
        expanded = _POLITICS_TAIL.sub("", expanded)
    if key in ("ngoai_ngu", "tin_hoc"):
        expanded = _LANGUAGE.sub(r"\1", _SKILL_WORDS.sub("", expanded)).strip()
    return expanded


def compare_text(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80, key: str = ""
) -> Comparison:
    """Free text: equal up to case, tone placement, punctuation and degree/agency abbreviations."""
    a, b = text_key(paper, key), text_key(electronic, key)
    if a == b:
        return same()
    shown = (clean(paper), clean(electronic))
    if fold_ascii(shown[0]) != fold_ascii(shown[1]):
        shown = (a, b)  # the difference hides behind an abbreviation: show the expanded forms
    marks = compare_marks(*shown, confidence, threshold) if fold_ascii(a) == fold_ascii(b) else None
    if marks is not None:
        return marks
    score = similarity(fold_ascii(a), fold_ascii(b))
    if low(confidence, threshold) and score >= 0.9:
        return differs(f"text differs; OCR may have misread it (confidence {confidence:.2f})", score)
    return differs("text differs", score)


def compare_issuer(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Issuing agency: the agency line alone or the parent and agency lines joined are both accepted."""
    a, b = text_key(paper), text_key(electronic)
    if a != b and b and a.endswith(" " + b):
        return same("equal to the agency line (parent line on paper)", 0.95)
    if a != b and a and b.endswith(" " + a):
        return same("equal to the agency line (parent line in the record)", 0.95)
    return compare_text(paper, electronic, confidence, threshold)


def _ethnic_key(name: str) -> str:
    text = clean(name)
    for alias, canonical in catalog.DAN_TOC_ALIASES.items():
        if _squash(alias) == _squash(text):
            text = canonical
    return _squash(text)


def _squash(s: str) -> str:
    folded = fold_ascii(s).removeprefix("dan toc ").removeprefix("nguoi ")
    return re.sub(r"[\s\-'’]", "", folded)


def compare_ethnicity(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Dân tộc: alias spellings (Khmer = Khơ-me, H'Mông = Mông) equal; another group is flagged."""
    if _ethnic_key(paper) == _ethnic_key(electronic):
        exact = clean(paper).casefold() == clean(electronic).casefold()
        return same() if exact else same("alias of the same ethnic group", 0.95)
    return _flag_choice("ethnic group differs", paper, electronic, confidence, threshold)


def _religion_key(name: str) -> str:
    text = clean(name)
    key = fold_ascii(text)
    if key in _NO_RELIGION:
        return "khong"
    for alias, canonical in catalog.TON_GIAO_ALIASES.items():
        if fold_ascii(alias) == key:
            return fold_ascii(canonical)
    return {"phat": "phat giao", "dao phat": "phat giao", "thien chua": "cong giao"}.get(key, key)


def compare_religion(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Tôn giáo: "Thiên Chúa giáo" = "Công giáo", "Không" = "không"; another religion is flagged."""
    if _religion_key(paper) == _religion_key(electronic):
        exact = clean(paper).casefold() == clean(electronic).casefold()
        return same() if exact else same("alias of the same religion", 0.95)
    return _flag_choice("religion differs", paper, electronic, confidence, threshold)


def compare_gender(
    paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80
) -> Comparison:
    """Giới tính: Nam/Nữ in any case or spelling hoso.normalize understands."""
    a, b = normalize_enum(paper, "gioi_tinh"), normalize_enum(electronic, "gioi_tinh")
    if a is not None and a == b:
        return same()
    return differs(f"gender differs: {a or paper} vs {b or electronic}")


def compare_enum(paper: str, electronic: str, confidence: float = 1.0, threshold: float = 0.80) -> Comparison:
    """Other enums (loại quyết định, nhóm máu): case and spacing ignored."""
    if clean(paper).casefold().replace(" ", "") == clean(electronic).casefold().replace(" ", ""):
        return same()
    return _flag_choice("value differs", paper, electronic, confidence, threshold)


def _flag_choice(what: str, paper: str, electronic: str, confidence: float, threshold: float) -> Comparison:
    a, b = clean(paper), clean(electronic)
    score = similarity(fold_ascii(a), fold_ascii(b))
    if fold_ascii(a) == fold_ascii(b):
        marks = compare_marks(a, b, confidence, threshold)
        if marks is not None:
            return marks
    return differs(f"{what}: {a} vs {b}", score)
