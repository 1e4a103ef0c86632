"""Say what each page is (which document type, which form, does it start a document)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ocr.extract.anchors import KeyedLine, find_in_line, fold
from ocr.extract.forms import LAYOUT_LABELS
from ocr.extract.van_ban import is_caps, title_of
from ocr.layout.lines import Line, is_leader

_SYLL_SECTIONS = (
    "qua trinh dao tao", "dao tao, boi duong", "qua trinh cong tac", "quan he gia dinh",
    "dien bien qua trinh luong", "hoan canh kinh te", "nhan xet, danh gia",
    "dac diem lich su ban than", "nguoi khai", "toi xin cam doan", "quan he voi nuoc ngoai",
    "qua trinh luong",
)
_QD_CONTINUATION = ("dieu 2", "dieu 3", "noi nhan", "luu: vt", "luu vt", "chiu trach nhiem thi hanh")
_KHAC_TITLES = (
    "giay chung nhan", "bang tot nghiep", "giay khai sinh", "trich luc khai sinh", "bang ",
    "chung chi", "hop dong", "phieu ", "don xin", "ban kiem diem", "giay xac nhan",
    "bien ban", "to trinh", "thong bao", "ket luan",
)
_LAYOUT_MARKS = (
    ("2c_tctw_98", ("2c/tctw", "tctw-98", "cap uy hien tai")),
    ("2c_bnv_2008", ("2c-bnv", "2c - bnv", "bnv/2008", "ly lich can bo, cong chuc")),
    ("tt06_2023", ("06/2023/tt-bnv", "thong tu so 06", "mau so yeu ly lich")),
    # after the forms that print their name: "Nguyên quán" folds like an officer named Nguyễn Quân
    ("tu_thuat", ("tu thuat", "nguyen quan", "ho va ten (chu in hoa)")),
)


@dataclass(frozen=True, slots=True)
class PageKind:
    """Classification of one page; `starts` means a title/header opens a new document."""

    type: str  # so_yeu_ly_lich | quyet_dinh | khac | blank
    starts: bool = False
    layout: str | None = None


def _texts(lines: list[Line]) -> list[str]:
    return [fold(" ".join(w.text for w in ln.words if not is_leader(w.text))) for ln in lines]


def _has(texts: list[str], needles: tuple[str, ...]) -> bool:
    return any(n in t for t in texts for n in needles)


_ITEM_NO = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:[)\-]|\.(?=\s))")


@cache
def _numbered(layout: str) -> dict[str, list[str]]:
    """The layout's numbered labels (folded), by their item number ("6", "15.3")."""
    out: dict[str, list[str]] = {}
    for lb in LAYOUT_LABELS[layout]:
        m = _ITEM_NO.match(lb.text)
        if m:
            out.setdefault(m.group(1), []).append(fold(lb.text))
    return out


def _best_label_layout(lines: list[Line]) -> tuple[str | None, int]:
    """The form whose numbered labels appear most on this page (for pages without a title).

    Only labels whose item number is printed on a line are tried there: a page of a
    300-page scan is classified in milliseconds.
    """
    keyed = [KeyedLine.build(ln) for ln in lines]
    numbers = [(kl, m) for kl in keyed for m in _ITEM_NO.finditer(kl.key)]
    best, best_n = None, 0
    for layout in LAYOUT_LABELS:
        by_no = _numbered(layout)
        hits = {lk for kl, m in numbers for lk in by_no.get(m.group(1), ())
                if find_in_line(lk, kl, m.start())}
        if len(hits) > best_n:
            best, best_n = layout, len(hits)
    return best, best_n


def _is_titled(lines: list[Line], texts: list[str]) -> bool:
    """An upper-case title line such as GIẤY CHỨNG NHẬN SỨC KHỎE at the top of the page."""
    for ln, t in zip(lines, texts, strict=False):
        letters = [c for c in ln.text if c.isalpha()]
        if len(letters) >= 6 and all(c.isupper() for c in letters) and t.startswith(_KHAC_TITLES):
            return True
    return False


def _syll_layout(texts: list[str]) -> str | None:
    """The form a title page names; marks are whole words ("Nguyễn Quang" is no "Nguyên quán")."""
    joined = " ".join(texts)
    for layout, marks in _LAYOUT_MARKS:
        if any(re.search(rf"(?<![a-z0-9]){re.escape(m)}(?![a-z0-9])", joined) for m in marks):
            return layout
    return None


def _runs_on_as_decision(line: Line) -> bool:
    kind = title_of(line.text) if is_caps(line.text) else None
    return kind is not None and kind.loai == "quyet_dinh"


def classify_page(lines: list[Line], height: int) -> PageKind:
    """Title, header and label evidence, strongest first."""
    content = [ln for ln in lines if any(c.isalnum() for w in ln.words for c in w.text)]
    if sum(len(ln.words) for ln in content) < 3:
        return PageKind("blank")
    texts = _texts(content)
    top = [t for ln, t in zip(content, texts, strict=True) if ln.top < 0.4 * height]
    quoc_hieu = _has(top, ("cong hoa xa hoi chu nghia", "doc lap - tu do", "doc lap tu do"))
    if _has(top, ("so yeu ly lich",)):
        layout = _syll_layout(top) or _best_label_layout(content)[0] or "tt06_2023"
        return PageKind("so_yeu_ly_lich", True, layout)
    # "QUYẾT ĐỊNH" alone, or a 1990s title that runs on ("QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN TỈNH")
    title_qd = any(t.strip(" :.") == "quyet dinh" or _runs_on_as_decision(ln)
                   for ln, t in zip(content, texts, strict=True) if ln.top < 0.4 * height)
    so_line = any(re.match(r"^so\s*[:;]", t) or " so:" in t for t in top)
    if title_qd and (so_line or quoc_hieu):
        return PageKind("quyet_dinh", True, "quyet_dinh")
    if quoc_hieu or _is_titled(content[:6], texts[:6]):
        return PageKind("khac", True)
    best, n = _best_label_layout(content)
    if n >= 3 or _has(texts, _SYLL_SECTIONS):
        return PageKind("so_yeu_ly_lich", False, best)
    if _has(texts, _QD_CONTINUATION):
        return PageKind("quyet_dinh", False, "quyet_dinh")
    return PageKind("khac", False)
