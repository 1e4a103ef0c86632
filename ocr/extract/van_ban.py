"""Any administrative document laid out per Nghị định 30/2020, read by its zones, not its wording.

The decree fixes where everything stands, whatever the document says:

* the header: the agency (under its parent line) at the left, the national motto at the right,
  both starting on the same line; under them "Số: …/…" at the left and "<place>, ngày … tháng …
  năm …" at the right;
* the title (QUYẾT ĐỊNH, CHỈ THỊ, TỜ TRÌNH …) centred below, the trích yếu ("Về việc …") under it;
  a công văn has no title, its trích yếu ("V/v …") stands under the số at the left;
* the body;
* the signature block at the right, level with "Nơi nhận:" at the left: the authority and title
  lines in capitals, the signature and seal, then the name.

So the header is cut into its two columns where the motto starts, the title is found among a
table of titles (`TITLES`, data), and the signer is looked for at the right of "Nơi nhận". The
document's kind (loai_van_ban) comes from its title, else from the kind the ký hiệu names
("/CT-UBND"), else a titleless numbered document with a "V/v" is a công văn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from hoso.fields import field_specs
from hoso.normalize import normalize
from hoso.normalize.confusions import look_alikes
from hoso.result import ExtractedField
from ocr.extract.anchors import fold, is_letter
from ocr.extract.dates import settle_years
from ocr.extract.lexicon import settle_header_word, settle_name
from ocr.extract.phrases import settle_phrases
from ocr.extract.signer import name_run, trim_marks
from ocr.layout.lines import Line, is_leader, split_columns
from ocr.model import Word, union_bbox


@dataclass(frozen=True, slots=True)
class Title:
    """One kind of document: its printed title (folded), the ký hiệu abbreviation, loai_van_ban."""

    folded: str
    abbr: str
    loai: str


# Nghị định 30/2020, Phụ lục III (abbreviations), and the personal papers a dossier holds.
TITLES: tuple[Title, ...] = tuple(Title(*row) for row in (
    ("quyet dinh", "QĐ", "quyet_dinh"), ("chi thi", "CT", "chi_thi"), ("to trinh", "TTr", "to_trinh"),
    ("thong bao", "TB", "thong_bao"), ("bao cao", "BC", "bao_cao"), ("ke hoach", "KH", "ke_hoach"),
    ("nghi quyet", "NQ", "nghi_quyet"), ("quy che", "QC", "quy_che"), ("quy dinh", "QyĐ", "quy_dinh"),
    ("phu luc", "", "phu_luc"), ("danh sach", "", "phu_luc"), ("huong dan", "HD", "khac"),
    ("chuong trinh", "CTr", "khac"), ("phuong an", "PA", "khac"), ("de an", "ĐA", "khac"),
    ("du an", "DA", "khac"), ("bien ban", "BB", "khac"), ("cong dien", "CĐ", "khac"),
    ("giay moi", "GM", "khac"), ("giay gioi thieu", "GGT", "khac"), ("thong cao", "TC", "khac"),
    ("ket luan", "KL", "khac"), ("hop dong", "HĐ", "khac"), ("giay uy quyen", "GUQ", "khac"),
    ("phieu", "", "phieu"), ("don", "", "don"), ("bang tot nghiep", "", "van_bang"),
    ("bang", "", "van_bang"), ("chung chi", "", "van_bang"), ("giay chung nhan tot nghiep", "", "van_bang"),
    ("giay khai sinh", "", "giay_to_ca_nhan"), ("trich luc khai sinh", "", "giay_to_ca_nhan"),
    ("giay chung nhan suc khoe", "", "giay_to_ca_nhan"), ("can cuoc", "", "giay_to_ca_nhan"),
    ("giay chung nhan", "", "khac"), ("giay xac nhan", "", "khac"),
))  # fmt: skip
KINDS_BY_ABBR = {t.abbr.upper(): t.loai for t in TITLES if t.abbr}
_MOTTO = ("cong hoa xa hoi", "doc lap", "dang cong san")
_SIGN_TITLES = ("kt.", "tm.", "tl.", "tuq.", "q.", "giam doc", "chu tich", "truong", "pho ")
_BODY_STARTS = ("can cu", "kinh gui", "dieu 1", "thuc hien")
# folded; "ngày" or "tháng" may be damaged ("ngàW/{ tháng 5 năm 2021") where the year still stands
_DATE_LINE = re.compile(r"(?:ng\S{0,2}y|th\S{0,2}ng).*n\S{0,2}m\s*\d")
_CODE = re.compile(r"\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐÐ]")  # "1412/QĐ-UBND", "12/2024/NQ-…", "299/UBND-…"


# ----------------------------------------------------------------------------- số ký hiệu repairs
_SLASH_LOST = re.compile(r"^(?=[^/]*\d)([0-9OoBbIl|§]{1,5})(?=Q[ĐÐD])")
_NUMBER_PART = re.compile(r"^[0-9OoBbIl|§]{1,5}(?=\s*/)")  # the số before the first "/"
_DIGIT_IN_LETTERS = re.compile(r"(?<=[A-ZĐ])\d(?=[A-ZĐ])")  # a speck between the ký hiệu's letters


def settle_code(code: str) -> str:
    """A số ký hiệu as Nghị định 30 writes it: the số in Arabic digits, the ký hiệu in letters.

    So a look-alike in the số is its digit ("6B8" → "688") and a digit wedged between the
    agency's letters after "QĐ-" is a speck ("QĐ-S5TC" → "QĐ-STC").
    """
    code = re.sub(r"Q[ĐÐD]{2,}", "QĐ", code.replace("Ð", "Đ"))  # OCR doubles the stroked D of "QĐ"
    code = _SLASH_LOST.sub(r"\1/", code)  # "8I6QĐ-STC": the "/" lost between the số and "QĐ"
    code = _NUMBER_PART.sub(lambda m: m.group(0).translate(look_alikes("so")), code)
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
        if not key[:1].isalpha():  # "BAN CHỈ ĐẠO 138": the number is no initial
            continue
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


# ------------------------------------------------------------------------------------- the fields
SPECK_CONF = 0.3  # a letterless word read this unsurely is a speck, not print
SPECK_PX = 8  # … or a mark no bigger than this each way (a dot of toner, not a glyph)


def is_speck(w: Word) -> bool:
    """A mark that is no print: read unsurely or tiny, with no digit, Vietnamese letter or punctuation.

    "ˆ" is a modifier, not a letter.
    """
    if any(c.isdigit() or is_letter(c) or c in "-.,;:/()" for c in w.text):
        return False
    tiny = w.bbox[2] - w.bbox[0] <= SPECK_PX and w.bbox[3] - w.bbox[1] <= SPECK_PX
    return w.conf < SPECK_CONF or tiny


def segments(lines: list[Line], width: int) -> list[Line]:
    """Lines cut into column segments (the header and signature blocks are two-column)."""
    out: list[Line] = []
    for ln in lines:
        # a speck read as a sign ("ˆ") must not bridge the gap between the header's two columns
        words = [w for w in ln.words if not is_leader(w.text) and not is_speck(w)]
        if words:
            out.extend(split_columns(Line(words, ln.page), gap=int(0.05 * width)))
    return out


def make_field(doc: str, key: str, raw: str, page: int, box: tuple[int, int, int, int], conf: float,
               value: str | None = None) -> ExtractedField | None:
    """A field of document type `doc` from its raw text, normalized per the contract's kind."""
    kind = field_specs()[(doc, key)].kind
    text = settle_years(raw) if kind == "date" else raw  # an impossible year mended: 1871 → 1971
    if kind == "decimal":
        text = text.translate(look_alikes("decimal"))
    val = value if value is not None else normalize(kind, text, key=key)
    if not val:
        return None
    if kind == "name":
        val = settle_name(val, conf)
    return ExtractedField(val, raw.strip(), conf, page, box)


def seg_field(doc: str, key: str, segs: list[Line], raw: str | None = None) -> ExtractedField | None:
    """A field read from whole segments (their words' union box and least confidence)."""
    words = [w for s in segs for w in s.words]
    if not words:
        return None
    text = raw if raw is not None else " ".join(w.text for w in words)
    conf = min(w.conf for w in words)
    return make_field(doc, key, text, segs[0].page, union_bbox([w.bbox for w in words]), conf)


def in_capitals(text: str) -> str:
    """An agency header is printed in capitals: a word OCR read in title case ("Sở NỘI VỤ") is too."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    capitals = sum(w.isupper() for w in words)
    titled = all(w.isupper() or w[:1].isupper() for w in words)
    return text.upper() if words and titled and capitals >= 2 * len(words) / 3 else text


def settled_header(words: list[Word]) -> str:
    """A header line as the agency printed it ("BÀO TẠO" → "ĐÀO TẠO").

    A printed header cannot be misspelled, so known agency phrases settle damage, not just marks.
    """
    header = [Word(settle_header_word(w), w.bbox, w.conf) for w in words]
    return " ".join(w.text for w in settle_phrases(header, fuzzy=True, printed=True))


# ------------------------------------------------------------------------------------------ zones
def is_caps(text: str) -> bool:
    """Printed in capitals (a title, an agency line); a stray lower-case misreading is forgiven."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def title_of(text: str) -> Title | None:
    """The kind a title line names ("CHỈ THỊ", "QUYẾT ĐỊNH:", "ĐƠN XIN …"), longest match first."""
    key = re.sub(r"[^a-z ]", "", fold(text)).strip()
    best = None
    for t in TITLES:
        named = key == t.folded or key.startswith(t.folded + " ")
        if named and (best is None or len(t.folded) > len(best.folded)):
            best = t
    return best


@dataclass(frozen=True, slots=True)
class Zones:
    """Where a document's first page puts its header parts (`title`, `body`: indices into its lines)."""

    agency: list[Line]
    so: Line | None
    date: Line | None
    title: int | None  # index of the title line
    title_kind: Title | None
    body: int  # index of the first line after the header (and title), trích yếu included


def _motto_x(lines: list[Line]) -> tuple[int, int] | None:
    """Left edge and top of the national motto (or the Party's name): the header's right column.

    Both motto lines count ("CỘNG HÒA …" and "Độc lập - …", centred under it): the column starts
    where the further left of them does.
    """
    found: list[tuple[int, int]] = []
    for ln in lines[:8]:
        key = fold(ln.text)
        for m in _MOTTO:
            at = key.find(m)
            if at >= 0 and (word := ln.word_range(at, at + 1)):
                found.append((word[0].bbox[0], ln.top))
    if not found:
        return None
    return min(x for x, _ in found), min(y for _, y in found)


def header_zones(lines: list[Line], width: int) -> Zones:
    """Cut the first page's header into its zones (see the module docstring)."""
    motto = _motto_x(lines)
    boundary = motto[0] - int(0.02 * width) if motto else width // 2
    top = motto[1] - 40 if motto else 0
    left: list[tuple[int, Line]] = []
    right: list[tuple[int, Line]] = []
    title = title_kind = None
    for i, ln in enumerate(lines[:14]):
        words = [w for w in ln.words if not is_leader(w.text) and not is_speck(w)]
        if not words or ln.top < top:
            continue
        l_words = [w for w in words if (w.bbox[0] + w.bbox[2]) / 2 < boundary]
        r_words = [w for w in words if (w.bbox[0] + w.bbox[2]) / 2 >= boundary]
        if i > 0 and (t := title_of(ln.text)) is not None and is_caps(ln.text):
            title, title_kind = i, t
            break
        if fold(ln.text).startswith(_BODY_STARTS):
            break
        if l_words:
            left.append((i, Line(l_words, ln.page)))
        if r_words:
            right.append((i, Line(r_words, ln.page)))
    so_at = next((k for k, (_, s) in enumerate(left) if re.match(r"^[s5$][o0]\s*[:;.]?\s*\S", fold(s.text))
                  and "/" in s.text), None)
    if so_at is None:  # "Số:" itself misread ("Sẽ:", "S6:"): the line with a ký hiệu after its number
        so_at = next((k for k, (_, s) in enumerate(left) if _CODE.search(s.text)), None)
    date_at = next((k for k, (_, s) in enumerate(right)
                    if re.search(_DATE_LINE, fold(s.text))), None)
    so = left[so_at][1] if so_at is not None else None
    date = right[date_at][1] if date_at is not None else None
    above = left[:so_at] if so_at is not None else left[:3]
    agency = [s for _, s in above if is_caps(s.text)]
    last = max(left[so_at][0] if so_at is not None else -1, right[date_at][0] if date_at is not None else -1)
    body = (title + 1) if title is not None else last + 1
    return Zones(agency, so, date, title, title_kind, body)


def header_fields(doc: str, lines: list[Line], z: Zones, width: int) -> dict[str, ExtractedField]:
    """Agency, số ký hiệu, place and date, title and trích yếu of a document's first page."""
    out: dict[str, ExtractedField] = {}
    if z.so is not None:
        text = z.so.text
        m = re.match(r"^\S*?[:;.]\s*(.*)$", text) if re.match(r"^[SsŠ5$]", text) else None
        code = m.group(1) if m else text
        if (c := _CODE.search(text)) is not None and not code[:1].isdigit():
            code = text[c.start() :]
        code = settle_code(re.sub(r"\s*/\s*", "/", code).strip())
        settled_lines = [settled_header(s.words) for s in z.agency]
        code = settle_ky_hieu(code, settled_lines, min(w.conf for w in z.so.words))
        if re.match(r"^\d", code) and (f := seg_field(doc, "so_ky_hieu", [z.so], code)) is not None:
            out["so_ky_hieu"] = f
    if z.agency:
        # settled as one text too: an agency phrase may run over the header's two lines
        raw = in_capitals(settled_header([w for s in z.agency for w in s.words]))
        if (f := seg_field(doc, "co_quan_ban_hanh", z.agency, raw)) is not None:
            out["co_quan_ban_hanh"] = f
    if z.date is not None:
        s = z.date
        m = re.search(r"^(.*?),?\s*ng[a-z]y\s*(.+)$", fold(s.text))  # "ngùy": a fax's ngày
        if m and "nam" in m.group(2):
            place = s.text[: m.end(1)].strip(" ,")
            if (f := seg_field(doc, "ngay_ban_hanh", [s], s.text[m.start(2) :])) is not None:
                out["ngay_ban_hanh"] = f
            if place and (f := seg_field(doc, "dia_danh", [s], place)) is not None:
                out["dia_danh"] = f
    subject = trich_yeu(lines, z, width)
    if subject and (f := seg_field(doc, "trich_yeu", subject)) is not None:
        out["trich_yeu"] = f
    return out


def trich_yeu(lines: list[Line], z: Zones, width: int) -> list[Line]:
    """The subject: centred lines under the title, or the "V/v" lines under a công văn's số."""
    out: list[Line] = []
    if z.title is None:
        start = next((i for i, ln in enumerate(lines[z.body - 1 : z.body + 3], z.body - 1)
                      if re.match(r"^v\s*/\s*v\b", fold(ln.text))), None)
        if start is None:
            return []
        for ln in lines[start : start + 4]:
            if out and (ln.bbox[0] + ln.bbox[2]) / 2 > 0.5 * width or fold(ln.text).startswith("kinh gui"):
                break
            out.append(ln)
        return out
    full = max((ln.bbox[2] - ln.bbox[0] for ln in lines), default=width)  # a justified body line
    for ln in lines[z.body : z.body + 4]:
        t = fold(ln.text)
        centre = (ln.bbox[0] + ln.bbox[2]) / 2
        if t.startswith(_BODY_STARTS + ("noi nhan",)) or abs(centre - width / 2) > 0.12 * width:
            break
        if ln.bbox[2] - ln.bbox[0] > 0.85 * full:  # as wide as the text block: the body has begun
            break
        if out and is_caps(ln.text):  # the authority line of a decision ("CHỦ TỊCH ỦY BAN …")
            break
        out.append(ln)
    return out


def loai_van_ban(z: Zones, code: str | None) -> str:
    """The kind of a khac document: its title, else the kind its ký hiệu names, else a công văn."""
    if z.title_kind is not None:
        return z.title_kind.loai
    if code:
        kind = re.match(r"^[^/]*/(?:\d{4}/)?([A-Za-zĐđ]+)", code)
        if kind and kind.group(1).upper() in KINDS_BY_ABBR:
            return KINDS_BY_ABBR[kind.group(1).upper()]
        return "cong_van"  # numbered, no title: "299/UBND-TTHC"
    return "khac"


# -------------------------------------------------------------------------------- signature block
def _is_title_line(seg: Line) -> bool:
    """A printed title ("KT. GIÁM ĐỐC"), not the seal's ring text read as capitals ("MÀ 200A")."""
    if any(c.isdigit() for c in seg.text):
        return False
    return sum(w.conf for w in seg.words) / len(seg.words) >= 0.6


def signer_fields(doc: str, lines: list[Line], width: int, *,
                  titled: bool = False) -> dict[str, ExtractedField]:
    """Signer's name under the signature (right column, last page); titles go to chuc_vu.

    `titled`: only under a signer's title line ("KT. CHỦ TỊCH"), for a page before the last.
    """
    segs = segments(lines, width)
    out: dict[str, ExtractedField] = {}
    noi_nhan = next((i for i, s in enumerate(segs) if fold(s.text).startswith(("noi nhan", "noi gui"))), None)
    if noi_nhan is not None:
        start = noi_nhan
    else:
        start = max((i for i, s in enumerate(segs) if re.match(r"^dieu\s*\d", fold(s.text))), default=-1) + 1
    right = [s for s in segs[start:] if (s.bbox[0] + s.bbox[2]) / 2 > 0.55 * width]
    tstart = next((i for i, s in enumerate(right)
                   if re.match(r"^(kt|tm|tl|tuq|q)\s*[./]", fold(s.text))), None)
    if tstart is None:
        tstart = next((i for i, s in enumerate(right)
                       if any(t in fold(s.text) for t in _SIGN_TITLES[4:])
                       and s.text.upper() == s.text), None)
    if titled and tstart is None:
        return out
    titles: list[Line] = []
    # No title recognised (a seal's ring over "GIÁM ĐỐC"): the name is still the last name line.
    for s in right[tstart or 0 :]:
        letters = [c for c in s.text if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            if tstart is not None and _is_title_line(s) and "nguoi_ky" not in out:
                titles.append(s)
            continue
        name = name_run(s.words)
        if name and (f := make_field(doc, "nguoi_ky", " ".join(trim_marks(w.text) for w in name), s.page,
                                     union_bbox([w.bbox for w in name]), min(w.conf for w in name))):
            out["nguoi_ky"] = f
    if titles and (f := seg_field(doc, "chuc_vu_nguoi_ky", titles[:3])) is not None:
        out["chuc_vu_nguoi_ky"] = f
    return out


def signer_of(doc: str, pages: list[tuple[list[Line], int]]) -> dict[str, ExtractedField]:
    """The signature block of the last page that has one (a receipt slip or an appendix may follow)."""
    found: dict[str, ExtractedField] = {}
    for k, (lines, width) in enumerate(reversed(pages)):
        found = signer_fields(doc, lines, width, titled=k > 0)
        if "nguoi_ky" in found:
            return found
    return found


def extract_fields(doc: str, pages: list[tuple[list[Line], int]]) -> dict[str, ExtractedField]:
    """The header fields of any Nghị định 30 document, and a khac document's loai_van_ban."""
    lines, width = pages[0]
    z = header_zones(lines, width)
    if z.so is None and z.date is None and z.title is None:  # no header: a personal paper at most
        titled = next((t for ln in lines[:6] if is_caps(ln.text) and (t := title_of(ln.text))), None)
        if doc != "khac" or titled is None:
            return {}
        return {"loai_van_ban": _loai_field(titled.loai, lines[0], 0.7)}
    fields = header_fields(doc, lines, z, width)
    fields.update(signer_of(doc, pages))
    if doc == "khac":
        code = fields["so_ky_hieu"].value if "so_ky_hieu" in fields else None
        anchor = pages[0][0][z.title] if z.title is not None else (z.so or pages[0][0][0])
        conf = 0.95 if z.title_kind is not None else 0.8
        fields["loai_van_ban"] = _loai_field(loai_van_ban(z, code), anchor, conf)
    return fields


def _loai_field(loai: str, anchor: Line, conf: float) -> ExtractedField:
    return ExtractedField(loai, anchor.text, conf, anchor.page, anchor.bbox)
