"""Quyết định (Nghị định 30/2020 layout): header, number, date, subject, Điều 1, signer."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from hoso.fields import field_specs
from hoso.normalize import normalize
from hoso.normalize.text import look_alikes
from hoso.result import ExtractedField
from ocr.extract.anchors import fold, is_letter
from ocr.extract.dates import settle_years
from ocr.extract.decision_type import SALARY_TYPES, classify_decision
from ocr.extract.lexicon import is_name_syllable, is_surname, settle_header_word, settle_name
from ocr.extract.ngach import settle_ngach
from ocr.extract.phrases import settle_phrases
from ocr.extract.signer import name_run, trim_marks
from ocr.layout.lines import Line, is_leader, split_columns
from ocr.layout.textblock import TextBlock
from ocr.model import Word, union_bbox

DOC = "quyet_dinh"
_DATE = r"(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*thang\s*\d{1,2}\s*,?\s*nam\s*\d{4})"
_NUM = r"(\d{1,2}\s*[,.]\s*(?=[\db§]{0,1}\d)[\db§]{1,2})"  # "3,B6": a fax's 8 read as B
_CODE = re.compile(r"\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?Q[ĐÐD]")  # "1412/QĐ-UBND", "12/2024/QĐ-…"
_SIGN_TITLES = ("kt.", "tm.", "tl.", "tuq.", "q.", "giam doc", "chu tich", "truong", "pho ")


_SLASH_LOST = re.compile(r"^(?=[^/]*\d)([0-9OoBbIl|§]{1,5})(?=Q[ĐÐD])")
_NUMBER_PART = re.compile(r"^[0-9OoBbIl|§]{1,5}(?=\s*/)")  # the số before the first "/"
_DIGIT_IN_LETTERS = re.compile(r"(?<=[A-ZĐ])\d(?=[A-ZĐ])")  # a speck between the ký hiệu's letters


def settle_code(code: str) -> str:
    """A số ký hiệu as Nghị định 30 writes it: the số in Arabic digits, the ký hiệu in letters.

    So a look-alike in the số is its digit ("6B8" → "688") and a digit wedged between the
    agency's letters after "QĐ-" is a speck ("QĐ-S5TC" → "QĐ-STC").
    """
    code = _SLASH_LOST.sub(r"\1/", code)  # "8I6QĐ-STC": the "/" lost between the số and "QĐ"
    code = _NUMBER_PART.sub(lambda m: m.group(0).translate(look_alikes("OoBbIl|§")), code)
    head, dash, tail = code.partition("-")
    return head + dash + _DIGIT_IN_LETTERS.sub("", tail) if dash else code


_TERRITORY = ("tỉnh", "huyện", "thành", "quận", "xã", "thị", "tp", "tp.")  # where an agency's name ends
KY_HIEU_SURE = 0.7  # a ký hiệu read at least this surely is what the paper says, unless it has a digit


def ky_hieu_of(agency: str) -> str:
    """The ký hiệu suffix Nghị định 30 forms from an agency's name: its initials, "và" left out.

    "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "SGDĐT", "ỦY BAN NHÂN DÂN TỈNH LONG AN" → "UBND": the territory
    is not part of it. Đ keeps its stroke; other marks go.
    """
    out = []
    words = [w for w in re.split(r"[\s,&–-]+", agency) if fold(w).strip(".()")]
    for i, word in enumerate(words):
        key = fold(word).strip(".()")
        if key == "va":
            continue
        if word.upper() in ("UBND", "HĐND"):  # written short already
            out.append(word.upper())
            continue
        after = fold(words[i + 1]) if i + 1 < len(words) else ""
        if word.lower() in _TERRITORY and after != "hoi":  # "XÃ HỘI" is a word of the name
            break
        out.append("Đ" if word[0] in "đĐ" else key[0].upper())
    return "".join(out)


def settle_ky_hieu(code: str, agency_lines: list[str], conf: float) -> str:
    """A damaged ký hiệu ("QĐ-5TC", "QĐ-SGDBT") is the issuing agency's, when one or two letters away.

    The agency is the lowest header line that yields initials (the parent is above it). A ký hiệu
    read surely and without a digit stays as read: agencies may write it their own way (SGD&ĐT).
    """
    expected = next((k for line in reversed(agency_lines) if (k := ky_hieu_of(line))), "")
    head, dash, tail = code.rpartition("-")
    if not dash or not expected or tail == expected or not head.endswith(("QĐ", "QD")):
        return code
    if conf >= KY_HIEU_SURE and not any(c.isdigit() for c in tail):
        return code
    near = Levenshtein.distance(tail.upper(), expected) <= (1 if len(expected) < 5 else 2)
    return head + dash + expected if near else code


SPECK_CONF = 0.3  # a letterless word read this unsurely is a speck, not print
SPECK_PX = 8  # … or a mark no bigger than this each way (a dot of toner, not a glyph)


def _is_speck(w: Word) -> bool:
    """A mark that is no print: read unsurely or tiny, with no digit, Vietnamese letter or punctuation.

    "ˆ" is a modifier, not a letter.
    """
    if any(c.isdigit() or is_letter(c) or c in "-.,;:/()" for c in w.text):
        return False
    tiny = w.bbox[2] - w.bbox[0] <= SPECK_PX and w.bbox[3] - w.bbox[1] <= SPECK_PX
    return w.conf < SPECK_CONF or tiny


def _segments(lines: list[Line], width: int) -> list[Line]:
    """Lines cut into column segments (the header and signature blocks are two-column)."""
    out: list[Line] = []
    for ln in lines:
        # a speck read as a sign ("ˆ") must not bridge the gap between the header's two columns
        words = [w for w in ln.words if not is_leader(w.text) and not _is_speck(w)]
        if words:
            out.extend(split_columns(Line(words, ln.page), gap=int(0.05 * width)))
    return out


def _field(key: str, raw: str, page: int, words_box: tuple[int, int, int, int], conf: float,
           value: str | None = None) -> ExtractedField | None:
    kind = field_specs()[(DOC, key)].kind
    text = settle_years(raw) if kind == "date" else raw  # an impossible year mended: 1871 → 1971
    if kind == "decimal":
        text = text.translate(look_alikes("bB§"))
    val = value if value is not None else normalize(kind, text, key=key)
    if not val:
        return None
    if kind == "name":
        val = settle_name(val, conf)
    return ExtractedField(val, raw.strip(), conf, page, words_box)


def _seg_field(key: str, segs: list[Line], raw: str | None = None) -> ExtractedField | None:
    words = [w for s in segs for w in s.words]
    if not words:
        return None
    text = raw if raw is not None else " ".join(w.text for w in words)
    conf = min(w.conf for w in words)
    return _field(key, text, segs[0].page, union_bbox([w.bbox for w in words]), conf)


def _in_capitals(text: str) -> str:
    """An agency header is printed in capitals: a word OCR read in title case ("Sở NỘI VỤ") is too."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    capitals = sum(w.isupper() for w in words)
    titled = all(w.isupper() or w[:1].isupper() for w in words)
    return text.upper() if words and titled and capitals >= 2 * len(words) / 3 else text


def _settled_header(words: list[Word]) -> str:
    """A header line as the agency printed it ("BÀO TẠO" → "ĐÀO TẠO").

    A printed header cannot be misspelled, so known agency phrases settle damage, not just marks.
    """
    header = [Word(settle_header_word(w), w.bbox, w.conf) for w in words]
    return " ".join(w.text for w in settle_phrases(header, fuzzy=True, printed=True))


def _header(segs: list[Line], width: int) -> dict[str, ExtractedField]:
    """Agency, number, place and date from the two-column block above the title."""
    out: dict[str, ExtractedField] = {}
    title = next((i for i, s in enumerate(segs) if fold(s.text).strip(" :.") == "quyet dinh"),
                 len(segs))
    head = segs[:title]
    left = [s for s in head if (s.bbox[0] + s.bbox[2]) / 2 < 0.5 * width]
    right = [s for s in head if s not in left]
    so = next((i for i, s in enumerate(left) if re.match(r"^[s5$][o0]\s*[:;.]?\s*\d", fold(s.text))), None)
    if so is None:  # "Số:" itself misread ("Sẽ:", "S6:"): the line is the one with a ký hiệu after its number
        so = next((i for i, s in enumerate(left) if _CODE.search(s.text)), None)
    if so is not None:
        m = re.match(r"^\S+\s*[:;.]?\s*(.*)$", left[so].text)
        code = m.group(1) if m else ""
        if (c := _CODE.search(left[so].text)) is not None and not code[:1].isdigit():
            code = left[so].text[c.start() :]
        code = settle_code(re.sub(r"Q[ĐÐD]{2,}", "QĐ", code))  # OCR doubles the stroked D of "QĐ"
        agency = [s for s in left[:so] if sum(c.isupper() for c in s.text) >= 3]
        settled_lines = [_settled_header(s.words) for s in agency]
        code = settle_ky_hieu(code, settled_lines, min(w.conf for w in left[so].words))
        if (f := _seg_field("so_ky_hieu", [left[so]], code)) is not None:
            out["so_ky_hieu"] = f
        # settled as one text too: an agency phrase may run over the header's two lines
        raw = _in_capitals(_settled_header([w for s in agency for w in s.words]))
        if agency and (f := _seg_field("co_quan_ban_hanh", agency, raw)) is not None:
            out["co_quan_ban_hanh"] = f
    for s in right:
        m = re.search(r"^(.*?),?\s*ng[a-z]y\s*(.+)$", fold(s.text))  # "ngùy": a fax's ngày
        if m and "nam" in m.group(2):
            place = s.text[: m.end(1)].strip(" ,")
            date = s.text[m.start(2):]
            if (f := _seg_field("ngay_ban_hanh", [s], date)) is not None:
                out["ngay_ban_hanh"] = f
            if place and (f := _seg_field("dia_danh", [s], place)) is not None:
                out["dia_danh"] = f
    return out


def _trich_yeu(segs: list[Line]) -> list[Line]:
    """Subject lines: after the QUYẾT ĐỊNH title, before the authority line or 'Căn cứ'."""
    idx = next((i for i, s in enumerate(segs) if fold(s.text).strip(" :.") == "quyet dinh"), None)
    if idx is None:
        return []
    out: list[Line] = []
    for s in segs[idx + 1 :]:
        t = fold(s.text)
        letters = [c for c in s.text if c.isalpha()]
        if t.startswith("can cu") or (out and letters and all(c.isupper() for c in letters)):
            break
        out.append(s)
        if len(out) >= 3:
            break
    return out


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


_NGACH = (r"(?:ngach|chuc danh nghe nghiep)\s+((?:(?!ngach|chuc danh)[^;:]){3,80}?)"
          r"\s*[(,]?\s*ma\s*(?:so|ngach)\b")  # OCR may drop the "("
_SALARY = {  # key: (pattern, take the last match = the NEW value)
    "bac_luong": (r"bac\s*(?:luong\s*)?:?\s*(\d{1,2})\b", True),
    "he_so_luong": (r"he\s*so\s*(?:luong\s*)?:?\s*" + _NUM, True),
    "ma_ngach": (r"ma\s*(?:so|ngach)\s*[:;]?\s*"  # "V,07.05.14": a comma for the dot after V
                 r"(v?\s*[.,]?\s*\d{2}[a-z]?\s*[.,]\s*\d{2,3}(?:\s*[.,]\s*\d{2})?)", True),
    "ngach": (_NGACH, True),
    # "kể từ ngày …"; OCR may garble "kể" ("lvể"), and "từ ngày" inside Điều 1 says it alone
    "ngay_huong_luong": (r"(?:ke\s*tu\s*(?:ngay\s*)?|\btu\s*ngay\s*)" + _DATE, False),
}
_DETAILS = {  # non-core facts most decisions state in Điều 1
    "ngay_sinh": r"sinh\s*ngay\s*:?\s*" + _DATE,
    "chuc_vu_moi": r"giu\s*(?:chuc\s*vu|chuc\s*danh)\s+(.{3,80}?)\s*(?:[.;]\s|[.;]?$|, ke tu|\s+ke tu)",
    "don_vi_moi": r"(?:nhan|den|ve)?\s*cong tac tai\s+(.{3,90}?)(?:[.;]\s|[.;]?$)",
}


def _salary(block: TextBlock, start: int, end: int) -> dict[str, ExtractedField]:
    """The NEW ngạch/bậc/hệ số/date a salary decision grants (the last ones named)."""
    text = _flat(block)
    out: dict[str, ExtractedField] = {}
    for key, (pat, last) in _SALARY.items():
        if (f := _first_or_last(key, pat, text, start, end, block, last)) is not None:
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


def _is_title_line(seg: Line) -> bool:
    """A printed title ("KT. GIÁM ĐỐC"), not the seal's ring text read as capitals ("MÀ 200A")."""
    if any(c.isdigit() for c in seg.text):
        return False
    return sum(w.conf for w in seg.words) / len(seg.words) >= 0.6


def _signer(segs: list[Line], width: int) -> dict[str, ExtractedField]:
    """Signer's name under the signature (right column, last page); titles go to chuc_vu."""
    out: dict[str, ExtractedField] = {}
    body_end = max((i for i, s in enumerate(segs) if re.match(r"^dieu\s*\d", fold(s.text))), default=-1)
    right = [s for s in segs[body_end + 1 :] if (s.bbox[0] + s.bbox[2]) / 2 > 0.55 * width]
    tstart = next((i for i, s in enumerate(right)
                   if re.match(r"^(kt|tm|tl|tuq|q)\s*\.", fold(s.text))), None)
    if tstart is None:
        tstart = next((i for i, s in enumerate(right)
                       if any(t in fold(s.text) for t in _SIGN_TITLES[4:])
                       and s.text.upper() == s.text), None)
    titles: list[Line] = []
    # No title recognised (a seal's ring over "GIÁM ĐỐC"): the name is still the last name line.
    for s in right[tstart or 0 :]:
        letters = [c for c in s.text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            if tstart is not None and _is_title_line(s):
                titles.append(s)
            continue
        name = name_run(s.words)
        if name and (f := _field("nguoi_ky", " ".join(trim_marks(w.text) for w in name), s.page,
                                 union_bbox([w.bbox for w in name]), min(w.conf for w in name))):
            out["nguoi_ky"] = f
    if titles and (f := _seg_field("chuc_vu_nguoi_ky", titles[:3])) is not None:
        out["chuc_vu_nguoi_ky"] = f
    return out


def extract_fields(pages: list[tuple[list[Line], int]]) -> dict[str, ExtractedField]:
    """All fields of one decision; `pages` = (lines, page width) in page order."""
    first_segs = _segments(pages[0][0], pages[0][1])
    fields = _header(first_segs, pages[0][1])
    subject = _trich_yeu(first_segs)
    if subject and (f := _seg_field("trich_yeu", subject)) is not None:
        fields["trich_yeu"] = f
    # the body without specks: "(mã số ˆ V.08.05.13)" is "(mã số V.08.05.13)"
    block = TextBlock([Line(kept, ln.page) for lines, _ in pages for ln in lines
                       if (kept := [w for w in ln.words if not _is_speck(w)])])  # fmt: skip
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
        if kind in SALARY_TYPES:
            fields.update(_salary(block, start, end))
    last_lines, last_width = pages[-1]
    fields.update(_signer(_segments(last_lines, last_width), last_width))
    return settle_ngach(fields)
