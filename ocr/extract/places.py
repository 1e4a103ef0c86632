"""Place names in addresses settled against the gazetteer of Vietnam's provinces, districts and communes.

An address is made of real place names: "Việt TTÌ, Phú Thọ" cannot be on the paper, "Việt Trì, Phú Thọ"
can. A part of an address that is no known name takes the one known name it is closest to — its
marks (Dong → Đông, Tiến Hải → Tiền Hải), or one letter (TTÌ → Trì) — within the province the address
ends with, or among provinces and districts when it names none, and only when exactly one name is
that close. A part that says what it is ("Xã Biến Hồ", "Huyện …") inside a named province must be
one of that province's units, so it is settled however confidently Tesseract read it: on faxes it
is confidently wrong (Biển → Biến, Lộc → Lậc). Elsewhere only unsure words change; a part without a
prefix may be a village the gazetteer does not hold.

The gazetteer (hoso/spec/places.tsv.gz, built by scripts/build_places.py) holds the names before the
2025 reform (63 provinces, their districts and communes), after it (34 provinces, their communes),
and of the GSO register of about 2019, so that communes merged away since (Vũ Thắng) are known:
quê quán and nơi sinh are historical facts.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from ocr.extract.anchors import fold
from ocr.extract.phrases import core, repair_glyphs, same_case
from ocr.model import Word

SURE = 0.96  # words read at least this confidently are what the paper says
_PREFIX_WORDS = {  # folded administrative prefixes, as whole words at the start of a part
    ("thi", "tran"), ("thi", "xa"), ("thanh", "pho"), ("dac", "khu"), ("xa",), ("phuong",), ("huyen",),
    ("quan",), ("tinh",), ("tp",), ("tp.",), ("tx.",), ("tt.",), ("x.",), ("p.",), ("h.",), ("q.",),
}
_NOT_IN_GAZETTEER = re.compile(r"^(thon|xom|ap|to|khu|khom|ban|bon|so|duong|pho|ngo|ngach|hem)\b")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names by folded province; `everywhere` is provinces and districts, for addresses without one."""

    provinces: frozenset[str]  # canonical short names ("Phú Thọ", "Hồ Chí Minh")
    inside: dict[str, frozenset[str]]  # folded province → its districts and communes, both eras
    everywhere: frozenset[str]


@cache
def gazetteer() -> Gazetteer:
    """The bundled names, loaded once per process (~14,000 rows)."""
    raw = resources.files("hoso").joinpath("spec/places.tsv.gz").read_bytes()
    provinces: set[str] = set()
    inside: dict[str, set[str]] = defaultdict(set)
    districts: set[str] = set()
    for line in gzip.decompress(raw).decode("utf-8").splitlines()[1:]:
        _, province, district, commune = line.split("\t")
        provinces.add(province)
        for name in (district, commune):
            if name:
                inside[fold(province)].add(name)
        if district:
            districts.add(district)
    return Gazetteer(
        frozenset(provinces),
        {k: frozenset(v) for k, v in inside.items()},
        frozenset(provinces | districts),
    )


def _repaired(word: Word) -> Word:
    """The word with its misread first letter set right ("Iluyện" → "Huyện", "1hành" → "Thành")."""
    seen = core(word.text)
    fixed = repair_glyphs(seen)
    return word if fixed == seen else replace(word, text=word.text.replace(seen, fixed, 1))


def _prefix_key(text: str) -> str:
    """Folded prefix word, read past a misread first letter ("Iluyện" → "huyen").

    A letter read as a sign inside it is read past too, when only one prefix word fits ("t:nh").
    """
    if text.endswith("."):
        return fold(text)
    key = fold(repair_glyphs(core(text)))
    signs = [i for i, c in enumerate(key) if not c.isalpha()]
    if len(signs) == 1 and 0 < signs[0] < len(key) - 1:
        fits = {p for p in _PREFIX_SPELLING if len(p) == len(key) and p[: signs[0]] + p[signs[0] + 1 :]
                == key[: signs[0]] + key[signs[0] + 1 :]}  # fmt: skip
        if len(fits) == 1:
            return fits.pop()
    return key


_PREFIX_SPELLING = {
    "xa": "xã", "phuong": "phường", "huyen": "huyện", "quan": "quận", "tinh": "tỉnh", "thanh": "thành",
    "pho": "phố", "thi": "thị", "tran": "trấn",
}  # fmt: skip


def _spell_prefix(word: Word) -> Word:
    """A prefix word in its only spelling, in the paper's case ("Tĩnh" → "Tỉnh", "1hành" → "Thành")."""
    word = _repaired(word)
    seen = core(word.text)
    right = _PREFIX_SPELLING.get(_prefix_key(seen))
    return word if right is None else replace(word, text=word.text.replace(seen, same_case(right, seen), 1))


def _is_damaged_pho(first: str, word: Word) -> bool:
    """The lower-case "phố" of "Thành phố" a letter off ("phế", "nhố", "nhõ"): after "Thành", no name."""
    seen = core(word.text)
    if first != "thanh" or not seen[:1].islower() or len(seen) != 3:
        return False
    return Levenshtein.distance(fold(seen), "pho") == 1


def _name_start(words: list[Word]) -> int:
    """Index of the first word after an administrative prefix ("Thành phố", "Huyện", "TP.")."""
    folded = [_prefix_key(w.text) for w in words[:2]]
    if len(folded) == 2 and _is_damaged_pho(folded[0], words[1]):
        folded[1] = "pho"
    for n in (2, 1):
        if tuple(folded[:n]) in _PREFIX_WORDS:
            return n
    return 0


@cache
def _index(known: frozenset[str]) -> tuple[frozenset[str], dict[int, list[tuple[str, str]]]]:
    """Lower-case names, and (fold, name) pairs by word count."""
    by_len: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for k in known:
        by_len[len(k.split())].append((fold(k.lower()), k))
    return frozenset(k.lower() for k in known), dict(by_len)


def _closest(name: list[str], known: frozenset[str]) -> str | None:
    """The one known name with the same words that folds the same, else the one a letter away."""
    lower, by_len = _index(known)
    if " ".join(name).lower() in lower:
        return None  # already a real name
    key = fold(" ".join(name).lower())
    pairs = by_len.get(len(name), [])
    seen = " ".join(name).lower()
    same = [k for f, k in pairs if f == key]
    if same:  # names that fold alike (Phù Đổng, Phú Đông): the one closest as read ("Phù Đống")
        return _nearest_as_read(same, seen)
    near = [k for f, k in pairs if Levenshtein.distance(f, key, score_cutoff=1) == 1]
    # Names a letter away (Tân An, Tân Ân; Lộc Hà, Bắc Hà for "Lậc Hà"): the one closest as read,
    # marks and all; a tie settles nothing.
    return _nearest_as_read(near, seen) if near else None


def _nearest_as_read(names: list[str], seen: str) -> str | None:
    """The one name fewest marks from the reading; None on a tie."""
    dist = sorted((Levenshtein.distance(k.lower(), seen), k) for k in names)
    return dist[0][1] if len(dist) == 1 or dist[0][0] < dist[1][0] else None


def _settle_part(part: list[Word], known: frozenset[str], in_province: bool = False,
                 province: bool = False) -> list[Word]:  # fmt: skip
    start = _name_start(part)
    trusted = in_province and start > 0  # "Xã …" in a named province: a unit of that province
    out = list(part)
    out[:start] = [w if w.text.endswith(".") else _spell_prefix(w) for w in part[:start]]  # "TP." stays
    if start == len(out[:2]) == 2 and _is_damaged_pho(_prefix_key(out[0].text), out[1]):
        out[1] = replace(out[1], text=out[1].text.replace(core(out[1].text), "phố", 1))
    names = [_repaired(w) for w in part[start:]]
    out[start:] = names
    cores = [core(w.text) for w in names]
    if not names or not all(cores) or any(c.isdigit() for w in cores for c in w):
        return out
    if _NOT_IN_GAZETTEER.match(fold(" ".join(core(w.text) for w in part).lower())):
        return out  # villages and streets are not in the gazetteer
    canon = _closest(cores, known)
    if canon is None:
        return out
    upper = all(c.isupper() for c in cores if len(c) > 1)
    settled = list(out)
    for j, (seen, right) in enumerate(zip(cores, canon.split(), strict=True)):
        if seen == right or seen.lower() == right.lower():
            continue
        word = names[j]
        # 63 provinces far apart: one that differs from the reading only in marks is the one
        marks_only = province and fold(" ".join(cores).lower()) == fold(canon.lower())
        if word.conf >= SURE and not (trusted or marks_only):
            return out  # a confident word that disagrees: the paper may really say this
        settled[start + j] = replace(word, text=word.text.replace(seen, right.upper() if upper else right, 1))
    return settled


def _without_tail_mark(part: list[Word], g: Gazetteer) -> list[Word]:
    """The province part without a stray mark read after the province ("Đồng Tháp C2").

    Only a short token with a digit in it, after words that name a province exactly.
    """
    if len(part) < 2:
        return part
    tail = core(part[-1].text)
    if not (len(tail) <= 3 and any(c.isdigit() for c in tail)):
        return part
    head = part[:-1]
    name = fold(" ".join(core(w.text) for w in head[_name_start(head) :]).lower())
    return head if name in g.inside else part


def settle_places(parts: list[list[Word]]) -> list[list[Word]]:
    """Address parts (xã, huyện, tỉnh order) with unsure misread place names set right."""
    g = gazetteer()
    if not parts:
        return parts
    last = _settle_part(_without_tail_mark(parts[-1], g), g.provinces, province=True)
    province_words = [core(w.text) for w in last[_name_start(last) :]]
    province = fold(" ".join(province_words).lower())
    known = g.inside.get(province)
    if known is None:
        return [_settle_part(p, g.everywhere) for p in parts]
    return [_settle_part(p, known, in_province=True) for p in parts[:-1]] + [last]


def starts_part(words: list[Word]) -> bool:
    """Whether the words open an address part with its kind ("Huyện …", "Thành phố …", "TP.")."""
    return _name_start(words) > 0


def _is_speck(word: Word) -> bool:
    """A sign standing alone between names ("Long / An"): no letter, digit, comma or dash in it."""
    return not any(c.isalnum() or c in ",;.-–—" for c in word.text)


def split_parts(words: list[Word]) -> list[list[Word]]:
    """One address's words cut at the commas ("Hy Cương, Việt Trì, Phú Thọ" → three parts).

    A dot after a word (not an abbreviation such as "TP.") before an administrative prefix or a
    capitalised name ("Tân Hương. huyện Châu Thành", "Mỹ Hạnh Nam. Đức Hòa") is a comma misread.
    """
    words = [w for w in words if not _is_speck(w)]
    parts: list[list[Word]] = [[]]
    for i, w in enumerate(words):
        after = words[i + 1 : i + 3]
        opens = bool(after) and (starts_part(after) or core(after[0].text)[:1].isupper())
        misread = w.text.endswith(".") and len(core(w.text)) > 2 and opens
        parts[-1].append(replace(w, text=w.text[:-1] + ",") if misread else w)
        if w.text.endswith((",", ";")) or misread:
            parts.append([])
    return [_without_label_remnant(p) for p in parts if p]


def _without_label_remnant(part: list[Word]) -> list[Word]:
    """A part's capitalised name (and its kind), cut of the lower-case junk a box label left after it.

    The current form prints "(huyện, quận)" under each box; a fax reads it as "tuuyện quà" glued to
    the name before it. Place names are capitalised: lower-case words after one are no name.
    """
    start = _name_start(part)
    if len(part) <= start or not core(part[start].text)[:1].isupper():
        return part  # a part that opens lower-case ("thôn 3") is no capitalised name
    end = start
    while end < len(part) and (core(part[end].text)[:1].isupper() or core(part[end].text).isdigit()):
        end += 1
    rest = part[end:]
    if not rest or any(c.isdigit() or c.isupper() for w in rest for c in w.text):
        return part  # nothing after the name, or more than lower-case junk
    sep = part[-1].text[-1] if part[-1].text.endswith((",", ";")) else ""
    last = part[end - 1]
    return [*part[: end - 1], replace(last, text=last.text.rstrip(",;") + sep)]


def settle_address(words: list[Word]) -> list[Word]:
    """One address value's words, its place names settled part by part."""
    return [w for part in settle_places(split_parts(words)) for w in part]
