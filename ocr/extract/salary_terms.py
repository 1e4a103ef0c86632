"""A decision's salary terms (ngạch, mã số, bậc, hệ số, ngày hưởng) wherever its articles state them.

Decisions state the same facts in many shapes: "từ bậc 3, hệ số 3,00 lên bậc 4, hệ số 3,33" in
Điều 1 of a nâng lương; "được xếp ngạch Chuyên viên, mã ngạch 01.003, bậc 1, hệ số 2,34" in Điều 2
of a recruitment; "Mức lương hiện hưởng: ngạch …, bậc 5/9 …" in a retirement; "từ ngạch Cán sự …;
được bổ nhiệm vào ngạch Chuyên viên …" in a nâng ngạch. So the terms are not found by the sentence
around them but one by one, each mention with its *stance*, set by the nearest cue word before it
in its clause: granted ("lên", "xếp", "vào", "sang"), former ("từ", "hiện hưởng") or another pay
item ("phụ cấp … hệ số 0,30", never the salary). The value a decision grants is the last granted
mention; a decision that grants nothing (a retirement stating the current pay) reports its plain
or former mention. The cue words are a table, so a new shape is a row, not a branch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum


class Stance(IntEnum):
    """What a mention states; higher wins when one key is mentioned several times."""

    OTHER = 0  # another pay item's hệ số (phụ cấp): not the salary at all
    FORMER = 1  # the pay held before the decision ("từ …", "hiện hưởng …")
    PLAIN = 2  # no cue: the only statement of it ("ngạch Chuyên viên (mã số 01.003)")
    GRANTED = 3  # what the decision grants ("lên …", "được xếp …", "vào ngạch …", "sang …")


# Cue words on the folded text (diacritics off, lower case), nearest before a mention wins.
CUES: tuple[tuple[str, Stance], ...] = (
    (r"\blen\b", Stance.GRANTED),  # nâng … lên bậc 4
    (r"\bxuong\b", Stance.GRANTED),  # hạ … xuống bậc 3 (kỷ luật)
    (r"\bxep\b", Stance.GRANTED),  # được xếp ngạch, xếp lương, xếp vào bậc
    (r"\bvao\b", Stance.GRANTED),  # bổ nhiệm vào ngạch
    (r"\bsang\b", Stance.GRANTED),  # chuyển từ ngạch … sang ngạch …
    (r"\btu\b(?!\s*ngay)", Stance.FORMER),  # từ bậc 3 (not "kể từ ngày")
    (r"\b(?:hien|dang)\s*(?:huong|giu|xep)\b", Stance.FORMER),  # mức lương hiện hưởng
    (r"\bphu\s*cap\b", Stance.OTHER),  # phụ cấp chức vụ hệ số 0,30
)
_CUE = re.compile("|".join(f"(?P<c{i}>{pat})" for i, (pat, _) in enumerate(CUES)))
# A clause ends at ";" or at a sentence's full stop (". " not between digits); an article starts one.
_CLAUSE_END = re.compile(r";|\.\s+(?=\D)|\bdieu\s*\d+\s*[.:,]")

DATE = r"(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{1,2}\s*thang\s*\d{1,2}\s*,?\s*nam\s*\d{4})"
_NUM = r"(\d{1,2}\s*[,.]\s*(?=[\db§]{0,1}\d)[\db§]{1,2})"  # "3,B6": a fax's 8 read as B
# A code's label: "mã số", "mã ngạch", "mã chức danh (nghề nghiệp)", "mã số chức danh …"
_CODE_LABEL = r"\bma\s*(?:so\b\s*)?(?:ngach\b|chuc\s*danh(?:\s*nghe\s*nghiep)?)?"
# The name starts with a letter, not a code's V ("mã ngạch 01.003", "mã chức danh nghề nghiệp
# V.08.05.12" name nothing), and runs to its code's label.
_NGACH = (
    r"(?<!ma )(?<!ma)(?:ngach|chuc danh nghe nghiep)\s+(?!ma\b)"
    r"([a-z](?!\s*[.,]?\s*\d)(?:(?!ngach|chuc danh)[^;:]){2,79}?)"
    r"\s*[(,]?\s*ma\s*(?:so|ngach|chuc\s*danh)\b"
)  # OCR may drop the "(" before the label
TERMS: dict[str, str] = {
    "bac_luong": r"bac\s*(?:luong\s*)?:?\s*(\d{1,2})\b",  # "bậc 5/9" is bậc 5
    "he_so_luong": r"he\s*so\s*(?:luong\s*)?:?\s*" + _NUM,
    "ma_ngach": (
        _CODE_LABEL + r"\s*[:;]?\s*"  # "V,07.05.14": a comma for the dot after V
        r"(v?\s*[.,]?\s*\d{2}[a-z]?\s*[.,]\s*\d{2,3}(?:\s*[.,]\s*\d{2})?)"
    ),
    "ngach": _NGACH,
}
# "kể từ ngày …"; OCR may garble "kể" ("lvể"), and "từ ngày" says it alone
_FROM_DATE = re.compile(r"(?:ke\s*tu\s*(?:ngay\s*)?|\btu\s*ngay\s*)" + DATE)


@dataclass(frozen=True, slots=True)
class Mention:
    """One statement of a term: its value's span in the text and its stance."""

    key: str
    start: int
    end: int
    stance: Stance


def stance_at(folded: str, pos: int) -> Stance:
    """The stance of a mention at `pos`: the last cue between its clause's start and it."""
    clause = max((m.end() for m in _CLAUSE_END.finditer(folded, 0, pos)), default=0)
    cues = list(_CUE.finditer(folded, clause, pos))
    if not cues:
        return Stance.PLAIN
    return CUES[int(str(cues[-1].lastgroup)[1:])][1]


def mentions(folded: str, start: int, end: int) -> list[Mention]:
    """Every term mention in folded[start:end], in text order."""
    found: list[Mention] = []
    for key, pat in TERMS.items():
        for m in re.finditer(pat, folded[start:end]):
            a, b = start + m.start(1), start + m.end(1)
            found.append(Mention(key, a, b, stance_at(folded, start + m.start())))
    return sorted(found, key=lambda m: m.start)


def chosen(found: list[Mention]) -> dict[str, Mention]:
    """Per key, the granted value if any, else the plain one, else the former; the last of its stance."""
    best: dict[str, Mention] = {}
    for m in found:
        if m.stance is Stance.OTHER:
            continue
        if m.key not in best or m.stance >= best[m.key].stance:
            best[m.key] = m
    return best


def effective_date(folded: str, start: int, end: int, anchor: int) -> tuple[int, int] | None:
    """The "kể từ ngày …" of the sentence that states the term at `anchor`, else the first after it."""
    sentence = max((m.end() for m in _CLAUSE_END.finditer(folded, start, anchor)
                    if folded[m.start()] != ";"), default=start)  # fmt: skip
    m = _FROM_DATE.search(folded, sentence, end)
    return (m.start(1), m.end(1)) if m else None


def salary_terms(folded: str, start: int, end: int, salary_kind: bool) -> dict[str, tuple[int, int]]:
    """Spans of the salary terms a decision states in folded[start:end].

    `salary_kind`: the decision's type grants a salary position (nâng lương, xếp lương …), so its
    "kể từ ngày …" is the ngày hưởng even when no mention carries a granted cue.
    """
    best = chosen(mentions(folded, start, end))
    spans = {key: (m.start, m.end) for key, m in best.items()}
    granted = [m for m in best.values() if m.stance is Stance.GRANTED]
    anchor = granted or ([m for m in best.values() if m.stance is Stance.PLAIN] if salary_kind else [])
    if anchor:
        first = min(m.start for m in anchor)
        if (date := effective_date(folded, start, end, first)) is not None:
            spans["ngay_huong_luong"] = date
    return spans
