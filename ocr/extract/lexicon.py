"""Words an agency header is made of, to settle unclear OCR readings of its diacritics.

OCR often swaps marks on capitals (TỈNH → TÍNH, NGUYỄN → NGUYÊN). In a header the word is
one of a small, known set; a low-confidence reading that folds to a known word takes its
spelling. A high-confidence reading is never changed (the paper itself may be wrong).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TypeVar

from hoso.catalog import CCCD_PROVINCES
from hoso.normalize.text import same_but_tone_placement
from ocr.extract.anchors import fold
from ocr.model import Word

T = TypeVar("T", bound=Hashable)
K = TypeVar("K", bound=Hashable)

_ADMIN = (
    "ỦY BAN NHÂN DÂN UBND TỈNH HUYỆN QUẬN THỊ XÃ THÀNH PHỐ PHƯỜNG TRẤN SỞ NỘI VỤ TÀI CHÍNH "
    "XÂY DỰNG Y TẾ GIÁO DỤC VÀ ĐÀO TẠO BỆNH VIỆN TRƯỜNG TRUNG TÂM HỌC PHỔ THÔNG CƠ SỞ BAN "
    "PHÒNG CỤC BỘ CHI KẾ HOẠCH ĐẦU TƯ NÔNG NGHIỆP PHÁT TRIỂN THÔN TƯ PHÁP CÔNG THƯƠNG "
    "KHOA CÔNG NGHỆ VĂN HÓA THỂ THAO DU LỊCH LAO ĐỘNG THƯƠNG BINH XÃ HỘI GIAO THÔNG VẬN TẢI "
    "TÀI NGUYÊN MÔI TRƯỜNG THANH TRA VĂN PHÒNG ĐẢNG TỔ CHỨC CÁN BỘ CHÍNH TRỊ HỘI ĐỒNG CHỈ ĐẠO "
    "QUỐC PHÒNG CÔNG AN NGOẠI GIAO TIN TRUYỀN"
)


def unambiguous(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """Each key → its item, where exactly one distinct item has that key (a shared fold settles nothing)."""
    seen: dict[K, set[T]] = {}
    for item in items:
        seen.setdefault(key(item), set()).add(item)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@cache
def _words() -> dict[str, str]:
    """Folded → canonical upper-case word; administrative words win over place names."""
    places = unambiguous(" ".join(CCCD_PROVINCES.values()).upper().replace("-", " ").split(), fold)
    return places | unambiguous(_ADMIN.replace("-", " ").split(), fold)


def settle_header_word(word: Word, sure: float = 0.95) -> str:
    """The lexicon spelling of an unsure upper-case header word, else the word as read."""
    text = word.text
    if word.conf >= sure or not text.isupper():
        return text
    known = _words().get(fold(text), text)
    return text if same_but_tone_placement(text, known) else known


@cache
def _names(table: str) -> frozenset[str]:
    """A name lexicon (`hoso/spec/names_*.txt`): syllables as spelled, comment lines skipped."""
    text = resources.files("hoso").joinpath(f"spec/names_{table}.txt").read_text(encoding="utf-8")
    return frozenset(w for ln in text.splitlines() if not ln.startswith("#") for w in ln.split())


def surnames() -> frozenset[str]:
    """Every known surname."""
    return _names("surnames")


def given_names() -> frozenset[str]:
    """Every known middle or given-name syllable."""
    return _names("given")


def is_surname(word: str) -> bool:
    """A known Vietnamese surname, spelled exactly."""
    return word in surnames()


def is_name_syllable(word: str) -> bool:
    """A known middle or given-name syllable, spelled exactly."""
    return word in given_names()


@dataclass(frozen=True, slots=True, order=True)
class Cost:
    """How far a reading is from a lexicon entry: letters changed first, then marks.

    Letters outrank marks because OCR misreads marks far more often than letters: a candidate
    a letter away needs the letter as evidence, and the marks then only break ties.
    """

    letters: int
    marks: int


def _marks(ch: str) -> frozenset[str]:
    return frozenset(c for c in unicodedata.normalize("NFD", ch)[1:] if unicodedata.combining(c))


def _aligned_cost(read: str, entry: str) -> Cost:
    """Letters and marks apart, for two spellings whose folds have the same length."""
    pairs = list(zip(read, entry, strict=True))
    letters = sum(fold(a) != fold(b) for a, b in pairs)
    # marks count where the letter stands: a changed letter's marks say nothing of the entry
    return Cost(letters, sum(fold(a) == fold(b) and _marks(a) != _marks(b) for a, b in pairs))


def cost(read: str, entry: str) -> Cost | None:
    """The cost of reading `entry` as `read`, or None when OCR does not damage a word so.

    A letter may be swapped for another (Ngục for Ngọc) or read twice (Nguyêễn for Nguyễn, each
    a letter's worth); a letter is never dropped or added otherwise ("Ngọc" is no damaged "Ngô").
    """
    if len(read) == len(entry):
        return _aligned_cost(read, entry)
    if len(read) != len(entry) + 1:
        return None
    doubled = {i for i in range(1, len(read)) if fold(read[i]) == fold(read[i - 1])}
    costs = [_aligned_cost(read[:j] + read[j + 1 :], entry) for i in doubled for j in (i - 1, i)]
    found = [Cost(c.letters + 1, c.marks) for c in costs if c.letters == 0]
    return min(found, default=None)


def choose(read: str, entries: frozenset[str], max_letters: int) -> str | None:
    """The one entry `read` is a misreading of, by the one scorer; None when no entry is clearly it.

    The cheapest entry wins by a margin over the runner-up: fewer letters changed; or, the letters
    being equal and some changed, fewer marks unlike the ones read. Two entries that differ in their
    marks alone (Văn/Vân, Thủy/Thùy) are never told apart by marks: that is what OCR misreads.
    """
    if read in entries:
        return None
    ranked = sorted((c, e) for e in entries if (c := cost(read, e)) is not None and c.letters <= max_letters)
    if not ranked:
        return None
    (best, entry), rival = ranked[0], (ranked[1][0] if len(ranked) > 1 else None)
    if rival is None or rival.letters > best.letters:
        return entry
    return entry if best.letters > 0 and rival.marks > best.marks else None


NAME_SURE = 0.95  # a name read at least this surely stands as read
NAME_LETTERS = 1  # letters the name scorer may mend in one syllable


def _settle_syllable(word: str, names: frozenset[str]) -> str | None:
    """The one name syllable an unknown `word` is a misreading of (`choose` over the name lexicon).

    An ethnic-minority syllable (`names_ethnic.txt`) is a name as read: never bent toward a Kinh one.
    """
    if word in _names("ethnic"):
        return None
    return choose(word, names, NAME_LETTERS)


def settle_name(name: str, conf: float, sure: float = NAME_SURE) -> str:
    """An unsure name whose syllables are no name syllables takes the one known spelling of each.

    The surname as in settle_surname; a middle or given syllable that is no name ("Xuần", "Tháo",
    "Quynh") takes the one name syllable it folds to (Xuân, Thảo, Quỳnh), or the one a letter away
    ("Ngục" → Ngọc). A real name syllable is never changed into another (Thủy stays Thủy).
    """
    name = settle_surname(name, conf, sure)
    if conf >= sure:
        return name
    parts = name.split(" ")
    for i, part in enumerate(parts[1:], start=1):
        if part.isalpha() and (fixed := _settle_syllable(part, given_names())) is not None:
            parts[i] = fixed
    return " ".join(parts)


def settle_surname(name: str, conf: float, sure: float = NAME_SURE) -> str:
    """An unsure first syllable that is no surname takes the one it folds to, or is a letter from.

    "Hưỳnh" (not even a Vietnamese syllable) → "Huỳnh"; "Trân" read at 0.6 → "Trần". A surname
    read with high confidence, or already a known one, is left alone.
    """
    parts = name.split(" ", 1)
    if conf >= sure or not parts[0]:
        return name
    fixed = _settle_syllable(parts[0], surnames())
    return name if fixed is None else " ".join([fixed, *parts[1:]])
