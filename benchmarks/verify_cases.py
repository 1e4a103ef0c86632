"""Pure case building for bench_verify: electronic records from truth files, one planted change each.

A *case* is the electronic record of one generated file (its truth) with exactly one change:
a planted discrepancy (the field must be flagged), a planted equivalent (the value rewritten
in a form that means the same: no flag), or no change at all (the clean record).
"""

from __future__ import annotations

import copy
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from hoso import catalog
from hoso.normalize import parse_date
from hoso.normalize.text import fold_ascii
from samples import pools

SYLL, QD = "so_yeu_ly_lich", "quyet_dinh"
DISCREPANCY, EQUIVALENT, CLEAN = "discrepancy", "equivalent", "clean"
REMOVED = "(decision removed from the record)"

# Core date fields a planted date change may hit, per document type.
DATE_FIELDS = {
    SYLL: ("ngay_sinh", "ngay_tuyen_dung", "ngay_huong_luong", "ngay_vao_dang", "ngay_cap_cccd"),
    QD: ("ngay_ban_hanh", "ngay_huong_luong"),
}
ADDRESS_FIELDS = ("noi_sinh", "que_quan", "ho_khau_thuong_tru", "noi_o_hien_nay")

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_VOWEL_MARKS = {
    "a": ("\u0302", "\u0306", ""),
    "o": ("\u0302", "\u031b", ""),
    "u": ("\u031b", ""),
    "e": ("\u0302", ""),
}
_MODIFIERS = "\u0302\u0306\u031b"
_VOWELS = "aeiouyAEIOUY"

# Administrative prefix (folded full word) → abbreviation, and back.
_PREFIXES = {
    "thanh pho": "TP.", "thi xa": "TX.", "thi tran": "TT.", "tinh": "T.", "quan": "Q.",
    "huyen": "H.", "phuong": "P.", "xa": "X.",
}  # fmt: skip
_FULL = {"TP.": "Thành phố", "TX.": "Thị xã", "TT.": "Thị trấn", "T.": "Tỉnh", "Q.": "Quận",
         "H.": "Huyện", "P.": "Phường", "X.": "Xã"}  # fmt: skip
_PREFIX_AT = re.compile(
    r"(?:^|(?<=,\s))(thành phố|thị xã|thị trấn|tỉnh|quận|huyện|phường|xã"
    r"|TP\.|TX\.|TT\.|T\.|Q\.|H\.|P\.|X\.)\s*",
    re.IGNORECASE,
)
_DEGREES = (("Thạc sĩ", "Ths."), ("Tiến sĩ", "TS."), ("Cử nhân", "CN"), ("Kỹ sư", "KS"), ("Bác sĩ", "BS"))


@dataclass(frozen=True, slots=True)
class Case:
    """One electronic record to verify a file against, and the change planted in it."""

    case_id: str
    file: str
    variant: str
    group: str  # discrepancy | equivalent | clean
    kind: str
    doc: int | None  # truth document index of the change (None: clean)
    field: str | None
    before: str | None
    after: str | None
    record: dict[str, Any]


# ---------------------------------------------------------------- records


def record_from_truth(truth: dict[str, Any]) -> tuple[dict[str, Any], dict[int, int | None]]:
    """The record of a file (SYLL fields at top level, one quyet_dinh entry per decision).

    Also returns, per truth document, where its fields live: None = top level, j = quyet_dinh[j].
    """
    record: dict[str, Any] = {}
    decisions: list[dict[str, Any]] = []
    slots: dict[int, int | None] = {}
    for i, doc in enumerate(truth.get("documents", [])):
        fields = doc.get("fields") or {}
        if doc.get("type") == SYLL and fields:
            for key, value in fields.items():
                record.setdefault(key, value)
            slots[i] = None
        elif doc.get("type") == QD and fields:
            slots[i] = len(decisions)
            decisions.append(dict(fields))
    if decisions:
        record["quyet_dinh"] = decisions
    return record, slots


def planted_record(record: dict[str, Any], slot: int | None, key: str, value: str | None) -> dict[str, Any]:
    """A deep copy of record with one value replaced (value None: the decision at slot removed)."""
    new = copy.deepcopy(record)
    if value is None:
        if slot is not None:
            del new["quyet_dinh"][slot]
        return new
    target = new if slot is None else new["quyet_dinh"][slot]
    target[key] = value
    return new


# ---------------------------------------------------------------- discrepancies (value level)


def change_diacritic(name: str, rng: random.Random) -> str:
    """One tone or vowel mark of one syllable changed: "Hương" → "Hường", "Tâm" → "Tăm"."""
    words = name.split()
    options = [i for i, w in enumerate(words) if any(c in _VOWELS for c in _nfd(w))]
    for _ in range(20):
        i = rng.choice(options)
        changed = _remark(words[i], rng)
        if fold_ascii(changed) == fold_ascii(words[i]) and _nfc(changed) != _nfc(words[i]):
            return " ".join([*words[:i], changed, *words[i + 1 :]])
    raise ValueError(f"no diacritic change found for {name!r}")


def _remark(word: str, rng: random.Random) -> str:
    chars = list(_nfd(word))
    tones = [j for j, c in enumerate(chars) if c in _TONES]
    marked = [j for j, c in enumerate(chars) if c in _MODIFIERS and chars[j - 1].lower() in _VOWEL_MARKS]
    if marked and rng.random() < 0.3:
        j = rng.choice(marked)
        chars[j] = rng.choice([m for m in _VOWEL_MARKS[chars[j - 1].lower()] if m != chars[j]])
    elif tones:
        j = tones[0]
        chars[j] = rng.choice([t for t in _TONES if t != chars[j]] + [""])
    else:
        chars.insert(_tone_slot(chars), rng.choice(_TONES))
    return _nfc("".join(chars))


def _tone_slot(chars: list[str]) -> int:
    """Where a tone goes in an unmarked NFD syllable: after the (last) modified vowel, else the main vowel."""
    vowels = [j for j, c in enumerate(chars) if c in _VOWELS]
    modified = [j for j in vowels if j + 1 < len(chars) and chars[j + 1] in _MODIFIERS]
    if modified:
        return modified[-1] + 2
    ends_open = chars[-1] in _VOWELS
    j = vowels[-2] if ends_open and len(vowels) >= 2 else vowels[-1]
    return j + 1


def change_given_name(name: str, rng: random.Random) -> str:
    """The given name (last word) replaced by another real one: "… Hương" → "… Lan"."""
    words = name.split()
    last = words[-1]
    pool = sorted({*pools.TEN_NAM, *pools.TEN_NU})
    other = rng.choice([w for w in pool if fold_ascii(w) != fold_ascii(last)])
    return " ".join([*words[:-1], other.upper() if last.isupper() else other])


def change_date_digit(iso: str, rng: random.Random) -> str | None:
    """One digit of a date changed (day, month or the year's last digit), still a valid date."""
    if parse_date(iso) != iso:
        return None
    options: list[str] = []
    for i, ch in enumerate(iso):
        if i < 3 or not ch.isdigit():
            continue
        for digit in "0123456789":
            new = iso[:i] + digit + iso[i + 1 :]
            if digit != ch and parse_date(new) == new and new != swap_day_month(iso):
                options.append(new)
    return rng.choice(options) if options else None


def swap_day_month(iso: str) -> str | None:
    """Day and month exchanged, only for a full date whose day and month are both ≤ 12 and differ."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return None
    y, m, d = iso.split("-")
    if m == d or int(d) > 12 or int(m) > 12:
        return None
    return f"{y}-{d}-{m}"


def other_he_so(value: str, ma_ngach: str | None, rng: random.Random) -> str | None:
    """Another bậc's hệ số from the same ngạch table (3.33 → 3.66 for A1)."""
    try:
        current = Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None
    tables = [catalog.HE_SO[g] for g in (catalog.salary_group(ma_ngach or ""),) if g]
    tables += [t for t in catalog.HE_SO.values() if current in t]
    table = next((t for t in tables if current in t), None)
    if table is None:
        return None
    i = table.index(current)
    neighbours = [table[j] for j in (i - 1, i + 1) if 0 <= j < len(table)]
    return f"{rng.choice(neighbours):.2f}" if neighbours else None


def other_bac(value: str, ma_ngach: str | None, rng: random.Random) -> str | None:
    """A neighbouring bậc within the ngạch's table."""
    if not value.strip().isdigit():
        return None
    bac, top = int(value), catalog.max_bac(ma_ngach or "") or 12
    options = [b for b in (bac - 1, bac + 1) if 1 <= b <= top]
    return str(rng.choice(options)) if options else None


def other_ma_ngach(code: str, rng: random.Random) -> str:
    """Another real code, from the same salary group when there is one: "01.003" → "01.002"."""
    key = _dotless(code)
    group = catalog.salary_group(code)
    others = sorted(c for c in catalog.MA_NGACH if _dotless(c) != key)
    same_group = [c for c in others if catalog.salary_group(c) == group]
    return rng.choice(same_group or others)


def change_one_digit(number: str, rng: random.Random) -> str | None:
    """One digit of a digit string replaced by another."""
    positions = [i for i, c in enumerate(number) if c.isdigit()]
    if not positions:
        return None
    i = rng.choice(positions)
    digit = rng.choice([d for d in "0123456789" if d != number[i]])
    return number[:i] + digit + number[i + 1 :]


def transpose_digits(number: str, rng: random.Random) -> str | None:
    """Two adjacent, different digits swapped; None when every neighbour pair is equal."""
    pairs = [i for i in range(len(number) - 1) if number[i] != number[i + 1]]
    pairs = [i for i in pairs if number[i].isdigit() and number[i + 1].isdigit()]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return number[:i] + number[i + 1] + number[i] + number[i + 2 :]


def other_dan_toc(value: str, rng: random.Random) -> str:
    """Another ethnic group: Kinh → a minority (Tày, Thái …), a minority → Kinh."""
    if fold_ascii(value) == "kinh":
        return rng.choice(pools.MINORITIES)
    return "Kinh"


# ---------------------------------------------------------------- equivalents (value level)


def swap_address_prefix(address: str, rng: random.Random) -> str | None:
    """One administrative prefix written the other way: "Thành phố Hà Nội" ↔ "TP. Hà Nội"."""
    hits = list(_PREFIX_AT.finditer(address))
    if not hits:
        return None
    m = rng.choice(hits)
    prefix = m.group(1)
    abbreviated = _FULL.get(prefix.upper())
    replacement = f"{abbreviated} " if abbreviated else f"{_PREFIXES[fold_ascii(prefix)]} "
    return address[: m.start()] + replacement + address[m.end() :]


def abbreviate_degree(text: str) -> str | None:
    """A degree written as its abbreviation: "Thạc sĩ Luật" → "Ths. Luật"."""
    for full, short in _DEGREES:
        if text.casefold().startswith(full.casefold()):
            return short + text[len(full) :]
    return None


def decimal_comma(value: str) -> str | None:
    """A decimal point written as a comma: "3.66" → "3,66"."""
    return value.replace(".", ",") if re.fullmatch(r"\d+\.\d+", value) else None


def upper_name(name: str) -> str | None:
    """The name in capitals, as forms print it."""
    return name.upper() if name.upper() != name else None


def to_nfd(text: str) -> str | None:
    """The same text decomposed (NFD), as some systems store it."""
    decomposed = _nfd(text)
    return decomposed if decomposed != text else None


def date_to_dmy(iso: str) -> str | None:
    """An ISO date as written by hand: "1985-06-15" → "15/06/1985", "1985-06" → "06/1985"."""
    parts = iso.split("-")
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return None
    return "/".join(reversed(parts))


# ---------------------------------------------------------------- per-document planting

Planter = Callable[[str, dict[str, str], random.Random], tuple[str, str | None] | None]


def _on(key: str, change: Callable[[str, random.Random], str | None]) -> Planter:
    """A planter that changes one given key of the document when it is there."""

    def plant(doc_type: str, fields: dict[str, str], rng: random.Random) -> tuple[str, str | None] | None:
        value = fields.get(key)
        new = change(value, rng) if value else None
        return (key, new) if new is not None and new != value else None

    return plant


def _on_any(
    keys: Callable[[str], tuple[str, ...]], change: Callable[[str, random.Random], str | None]
) -> Planter:
    """A planter that changes one of several keys, picked at random among those it can change."""

    def plant(doc_type: str, fields: dict[str, str], rng: random.Random) -> tuple[str, str | None] | None:
        options = [(k, change(fields[k], rng)) for k in keys(doc_type) if fields.get(k)]
        options = [(k, new) for k, new in options if new is not None and new != fields[k]]
        return rng.choice(options) if options else None

    return plant


def _with_code(key: str, change: Callable[[str, str | None, random.Random], str | None]) -> Planter:
    """A salary planter that knows the document's mã ngạch."""

    def plant(doc_type: str, fields: dict[str, str], rng: random.Random) -> tuple[str, str | None] | None:
        value = fields.get(key)
        new = change(value, fields.get("ma_ngach"), rng) if value else None
        return (key, new) if new is not None and new != value else None

    return plant


def _decision_missing(doc_type: str, fields: dict[str, str], rng: random.Random) -> tuple[str, None] | None:
    return ("so_ky_hieu", None) if doc_type == QD and fields.get("so_ky_hieu") else None


def _dates(doc_type: str) -> tuple[str, ...]:
    return DATE_FIELDS.get(doc_type, ())


def _addresses(doc_type: str) -> tuple[str, ...]:
    return ADDRESS_FIELDS if doc_type == SYLL else ()


DISCREPANCIES: dict[str, Planter] = {
    "name_diacritic": _on("ho_ten", change_diacritic),
    "given_name": _on("ho_ten", change_given_name),
    "date_digit": _on_any(_dates, change_date_digit),
    "day_month_swap": _on_any(_dates, lambda v, rng: swap_day_month(v)),
    "he_so": _with_code("he_so_luong", other_he_so),
    "bac": _with_code("bac_luong", other_bac),
    "ma_ngach": _on("ma_ngach", other_ma_ngach),
    "cccd_digit": _on("so_cccd", change_one_digit),
    "bhxh_transposed": _on("so_bhxh", transpose_digits),
    "dan_toc": _on("dan_toc", other_dan_toc),
    "decision_missing": _decision_missing,
}
EQUIVALENTS: dict[str, Planter] = {
    "address_prefix": _on_any(_addresses, swap_address_prefix),
    "degree_abbrev": _on("trinh_do_chuyen_mon", lambda v, rng: abbreviate_degree(v)),
    "decimal_comma": _on("he_so_luong", lambda v, rng: decimal_comma(v)),
    "name_case": _on("ho_ten", lambda v, rng: upper_name(v)),
    "nfd": _on("ho_ten", lambda v, rng: to_nfd(v)),
    "date_format": _on_any(_dates, lambda v, rng: date_to_dmy(v)),
}


def build_cases(file_id: str, truth: dict[str, Any], seed: int) -> list[Case]:
    """Every case of one file: per document, one case per applicable kind; plus the clean record."""
    rng = random.Random(f"{seed}-{file_id}")
    record, slots = record_from_truth(truth)
    variant = str(truth.get("variant", "?"))
    cases = [Case(f"{file_id}#clean", file_id, variant, CLEAN, CLEAN, None, None, None, None, record)]
    for doc_index, slot in slots.items():
        doc = truth["documents"][doc_index]
        fields = {k: str(v) for k, v in (doc.get("fields") or {}).items()}
        for group, planters in ((DISCREPANCY, DISCREPANCIES), (EQUIVALENT, EQUIVALENTS)):
            for kind, plant in planters.items():
                planted = plant(doc["type"], fields, rng)
                if planted is None:
                    continue
                key, new = planted
                cases.append(
                    Case(
                        f"{file_id}#{doc_index}:{kind}", file_id, variant, group, kind, doc_index, key,
                        fields[key], REMOVED if new is None else new, planted_record(record, slot, key, new),
                    )
                )  # fmt: skip
    return cases


def _nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _dotless(code: str) -> str:
    return re.sub(r"[\s.]", "", fold_ascii(code)).upper()
