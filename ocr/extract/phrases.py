"""The everyday vocabulary of dossier values, to settle unsure diacritics and small OCR damage in it.

On faxes and poor scans Tesseract swaps tone marks on short syllables (Sở → Sớ, Huyện → Huyền,
Trưởng → Trướng, tỉnh → tình). Values of agencies, addresses, posts and qualifications are mostly
made of a small vocabulary; a run of words that folds (marks and case dropped) to exactly one known
phrase takes its marks — but only words read with low confidence, and never in names, where a
changed mark is a real difference the reviewer must see.

Values that are nothing but vocabulary (agencies, posts, degrees, the closed lists) may also be
damaged beyond marks: a letter misread (SỞ → SỬ, Long → Lang), a glyph split ("(huyện" for
"Chuyên", "[.uật" for "Luật"), a lost space ("Trungcấp"). A run a letter or two away from exactly
one known phrase, and no nearer to any other, takes that phrase's spelling (`fuzzy=True`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from hoso.catalog import CCCD_PROVINCES
from hoso.normalize.confusions import readings
from hoso.normalize.text import same_but_tone_placement
from ocr.extract.anchors import fold
from ocr.extract.lexicon import unambiguous
from ocr.model import Word, union_bbox

_PREFIXES = """
xã; phường; thị trấn; huyện; quận; thị xã; thành phố; tỉnh; thôn; xóm; ấp; tổ dân phố
"""  # administrative prefixes: known only where an address part starts ("Huyền Trang" is a name)

_PROVINCE_PREFIX = frozenset({("tinh",)})  # folded: "Tịnh Khê, Sơn Tịnh, Quảng Ngãi" opens with no tỉnh

_PHRASES = """
ủy ban nhân dân; ubnd; hội đồng nhân dân; hđnd; ban chỉ đạo
bộ; ban; phòng; cục; chi cục; trung tâm; văn phòng; bệnh viện; trường; khoa
thanh tra; đa khoa; trung học phổ thông; trung học cơ sở; tiểu học; mầm non; quy hoạch; kiến trúc
trưởng phòng; phó trưởng phòng; trưởng khoa; phó trưởng khoa; giám đốc; phó giám đốc; chánh văn phòng
trưởng ban; phó trưởng ban; chủ tịch; phó chủ tịch; hiệu trưởng; phó hiệu trưởng; chuyên viên
chuyên viên chính; chuyên viên cao cấp; cán sự; nhân viên; giáo viên; bác sĩ; điều dưỡng; kế toán
cử nhân; thạc sĩ; tiến sĩ; kỹ sư; cao đẳng; trung cấp; sơ cấp; cao cấp; tin học; ứng dụng cntt
tin học a; tin học b; tin học c; cơ bản; nâng cao; tiếng anh; anh văn; luật; kinh tế; quản lý
hành chính; ngân hàng; doanh nghiệp; sư phạm; đại học; tổ trưởng; tổ phó; tổ trưởng chuyên môn
tổ phó chuyên môn; kế toán viên; kế toán viên chính; kế toán trưởng; điều dưỡng trưởng; văn thư
ứng dụng cntt cơ bản; ứng dụng cntt nâng cao; công nghệ thông tin; quản lý nhà nước
lý luận chính trị; hành chính học; quản lý công; tiếng pháp; tiếng trung; tiếng nga
phó chánh văn phòng; chánh thanh tra; phó chánh thanh tra; chánh văn phòng sở; phó chánh văn phòng sở
chánh thanh tra sở; phó chánh thanh tra sở
số #; số nhà #
"""  # "#" stands for any word that starts with a digit (a house number: "Số 152", never "Sở 152")
_DEPARTMENTS = """
nội vụ; tài chính; xây dựng; y tế; giáo dục và đào tạo; tư pháp; công thương; kế hoạch và đầu tư
nông nghiệp và phát triển nông thôn; tài nguyên và môi trường; lao động - thương binh và xã hội
giao thông vận tải; văn hóa, thể thao và du lịch; khoa học và công nghệ; thông tin và truyền thông
ngoại vụ; du lịch; văn hóa và thể thao; nông nghiệp và môi trường; dân tộc và tôn giáo
"""

_MINISTRIES = """
quốc phòng; công an; ngoại giao
"""  # what a ministry is named for beyond the provincial departments (Bộ Nội vụ, Bộ Tài chính …)


def _split(block: str) -> list[str]:
    return [p.strip() for line in block.strip().splitlines() for p in line.split(";") if p.strip()]


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.replace(",", " ").replace(" - ", " ").split())


@cache
def _prefixes() -> dict[tuple[str, ...], tuple[str, ...]]:
    return {tuple(fold(w) for w in p.split()): tuple(p.split()) for p in _split(_PREFIXES)}


@cache
def _known_phrases() -> tuple[list[str], list[str]]:
    """(phrases, bare province names), lower case: everyday words, agencies, "tỉnh <province>"."""
    departments = _split(_DEPARTMENTS)  # "sở" alone folds like "số": only "Sở <department>" is known
    provinces = [name.lower() for name in CCCD_PROVINCES.values()]
    phrases = _split(_PHRASES) + departments + [f"sở {d}" for d in departments]
    phrases += [f"bộ {d}" for d in departments + _split(_MINISTRIES)] + _split(_MINISTRIES)
    phrases += [f"tỉnh {p}" for p in provinces] + [f"thành phố {p}" for p in provinces]
    phrases += [f"ủy ban nhân dân {p}" for p in phrases if p.startswith(("tỉnh ", "thành phố "))]
    return phrases, provinces


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """Folded word tuple → canonical words, for phrases whose fold is unique; and the longest length."""
    phrases, provinces = _known_phrases()
    spelled = (_words_of(p) for p in phrases + provinces)
    table = unambiguous(spelled, lambda words: tuple(_slot(fold(w)) for w in words))
    return table, max(len(k) for k in table)


NUMBER = "#"  # a phrase's number slot


def _slot(folded: str) -> str:
    """A word as the lexicon keys it: any number is the number slot."""
    return NUMBER if folded[:1].isdigit() else folded


def core(text: str) -> str:
    """A value word without the punctuation around it ("Huyện," → "Huyện")."""
    return text.strip(",.;:()")


def same_case(canonical: str, read: str, at: int = 0) -> str:
    """The canonical spelling in the case pattern the paper used (TỈNH, Tỉnh, tỉnh).

    `at`: where in `read` the canonical word starts, when OCR joined it to the word before. A word
    spelt with the tone where older print puts it ("UỶ", "Hoà") is no misreading: it stays as read.
    """
    if same_but_tone_placement(read[at:], canonical):
        return read[at:]
    if read.isupper() and sum(c.isalpha() for c in read) > 1:  # "S%#" is one capital, not capitals
        return canonical.upper()
    if read[at : at + 1].isupper():
        return canonical[:1].upper() + canonical[1:]
    return canonical


_PHRASE_SURE = 0.99  # two or more words agreeing with a known phrase are evidence enough below this


def settle_phrases(
    words: list[Word], sure: float = 0.96, *, fuzzy: bool = False, printed: bool = False
) -> list[Word]:
    """Words of one value, with unsure marks inside known phrases set right; longest phrase first.

    `fuzzy`: the value is vocabulary through and through (an agency, a post, a degree), so a run a
    small edit away from one known phrase takes its spelling too. `printed`: a printed header,
    which cannot be misspelled, so two or more words agreeing with a phrase outweigh confidence.
    """
    table, longest = _lexicon()
    out = list(words)
    cores = [core(w.text) for w in words]
    phrase_sure = 2.0 if printed else _PHRASE_SURE
    known = [_neutral(c) for c in cores]  # words inside a known phrase (or without letters)
    damaged: list[tuple[int, int, list[Word], bool]] = []  # start, length, respelled, long phrase
    i = 0
    while i < len(out):
        for n in range(min(longest + 1 if fuzzy else longest, len(out) - i), 0, -1):
            span = cores[i : i + n]
            key = tuple(_slot(fold(c)) for c in span)
            starts_part = i == 0 or out[i - 1].text.endswith((",", ";"))
            canon = table.get(key) if all(span) else None
            if canon is not None:
                known[i : i + n] = [True] * n
            elif starts_part and all(span):  # a prefix names nothing: what follows it is a proper name
                canon = _prefixes().get(key)
                if key in _PROVINCE_PREFIX and sum(w.text.endswith((",", ";")) for w in out[i:]) >= 2:
                    canon = None  # a province is the last part (or the one before the country)
            if canon is None:
                if fuzzy and (found := _fuzzy_run(out[i : i + n], sure, printed, i == 0)) is not None:
                    damaged.append((i, n, *found))
                    known[i : i + n] = [True] * n
                    i += n - 1
                    break
                continue
            for j, (seen, right) in enumerate(zip(span, canon, strict=True)):
                if right == NUMBER:
                    continue
                word = out[i + j]
                fixed = same_case(right, seen)
                if fixed != seen and word.conf < (phrase_sure if n > 1 else sure):
                    out[i + j] = replace(word, text=word.text.replace(seen, fixed, 1))
            i += n - 1
            break
        i += 1
    # A short phrase a letter away ("Thanh Trì" ~ "thanh tra") is evidence only in a part of the
    # value made of nothing but known phrases; a long one ("Sử Giáo dục và Đào tạo") anywhere.
    part = [0, *accumulate(int(w.text.endswith((",", ";"))) for w in words)]  # part of each word
    for i, n, respelled, long in reversed(damaged):
        parts = range(part[i], part[i + n - 1] + 1)
        if long or all(k for k, p in zip(known, part, strict=False) if p in parts):
            out[i : i + n] = respelled
        else:  # not taken: its words may still hold marks-only settling of their own
            out[i : i + n] = settle_phrases(out[: i + n], sure, printed=printed)[i:]
    return out


_LEVEL = re.compile(r"^(?:[A-C][12]?|[IV]{1,3})$")  # a level or grade: "Tin học B", "Tiếng Anh B1"


def _neutral(text: str) -> bool:
    """A word that says nothing about the vocabulary: no letters, or a level ("B1", "A", "III")."""
    return not any(c.isalpha() for c in text) or bool(_LEVEL.match(text))


# --- fuzzy: small damage beyond marks ------------------------------------------------------------

_ACRONYM_STUTTER = re.compile(r"([A-ZĐ])\1\1")


def _vowel(text: str) -> bool:
    """Whether the third letter is a lower-case vowel, as a word's is after an H read as two."""
    return text[2:3].islower() and fold(text[2:3]) in "aeiouy"


def repair_glyphs(text: str) -> str:
    """A word with the usual OCR glyph confusions undone, only to compare it with known phrases.

    "(huyện" → "Chuyện" (the C's bowl read as a bracket), "[.uật" / "|.uật" / "I.uật" → "Luật",
    "Ilà" / "lloàng" / "IIuyện" / "Iiuyện" / "IHIải" → "Hà" / "Hoàng" / "Huyện" / "Huyện" / "Hải",
    "[uật" → "Luật",
    "1hành" / "'Lrường" → "Thành" / "Trường", "rn" → "m" (no Vietnamese syllable has
    "rn"), "CNTTT" → "CNTT".
    """
    if text[:1] == "(" and text[1:2].islower() and ")" not in text:
        text = "C" + text[1:]
    elif text[:2] in ("[.", "|.", "I.") and text[2:3].isalpha():
        text = "L" + text[2:]
    elif text[:2] in ("'[", "'L", "'l", "'I") and text[2:3].islower():  # "'Lrường": a T's bar and stem
        text = "T" + text[2:]
    elif text[:1] == "[" and text[1:2].islower():  # "[uật": no word opens with a bracket
        text = "L" + text[1:]
    elif text[:3] == "IHI" and text[3:4].islower():  # "IHIải": the H's stems read apart
        text = "H" + text[3:]
    elif (text[:2] in ("Il", "ll") and text[2:3].isalpha()) or (text[:2] in ("II", "Ii") and _vowel(text)):
        text = "H" + text[2:]  # no word opens with "ll"; "IIuyện", "Iiuyện": an H, a vowel after it
    elif text[:1] == "1" and text[1:2].isalpha() and text[1:2].islower():
        text = "T" + text[1:]
    return _ACRONYM_STUTTER.sub(r"\1\1", text.replace("rn", "m").replace("RN", "M"))


def _key(text: str) -> str:
    """Compare form: folded, and y = i (sĩ / sỹ, kĩ / kỹ are both correct spellings)."""
    return fold(text).replace("y", "i")


@dataclass(frozen=True, slots=True)
class _Choices:
    keys: list[str]  # compare forms
    spelled: list[tuple[str, ...]]  # canonical words, same order


@cache
def _fuzzy_table() -> dict[int, _Choices]:
    """Word count n → the multi-word phrases of n-1..n+1 words (a space lost or split), unique keys.

    Only phrases of two words or more: one damaged word alone ("Trung" ~ "Trường") is no evidence.
    Bare province names are left to the gazetteer (places.py), which knows districts too.
    """
    phrases = _known_phrases()[0]
    spelled = (_words_of(p) for p in phrases if " " in p and NUMBER not in p)  # a number slot is exact
    by_key = unambiguous(spelled, lambda ws: _key(" ".join(ws)))
    longest = max(len(ws) for ws in by_key.values())
    out: dict[int, _Choices] = {}
    for n in range(1, longest + 2):
        near = [(k, ws) for k, ws in by_key.items() if abs(len(ws) - n) <= 1]
        out[n] = _Choices([k for k, _ in near], [ws for _, ws in near])
    return out


@cache
def _commas(canon: tuple[str, ...]) -> frozenset[int]:
    """The words of a known phrase a comma follows ("văn hóa, thể thao và du lịch": 1)."""
    phrases = _known_phrases()[0]
    spelled = next((p for p in phrases if _words_of(p) == canon), "")
    return frozenset(i for i, w in enumerate(spelled.replace(" - ", " ").split()) if w.endswith(","))


def allowed_edits(key: str) -> int:
    """Letters of damage a known phrase survives: one per ~8 letters, at most 2, none when short."""
    return 0 if len(key) < 6 else 1 if len(key) < 16 else 2


def closest(key: str, keys: list[str], edits: int) -> tuple[int, int] | None:
    """(index, distance) of the one key within `edits` of `key` that no other key is as near to.

    Two letters of damage need a clear lead: a runner-up one letter further is no evidence
    ("Thành phố Đà Lạt" is two letters from "thành phố Đắk Lắk", three from "thành phố Đà Nẵng").
    """
    found = process.extract(key, keys, scorer=Levenshtein.distance, score_cutoff=edits + 1, limit=2)
    if not found or found[0][1] > edits:
        return None
    best = int(found[0][1])
    if len(found) > 1 and found[1][1] < best + (2 if best >= 2 else 1):
        return None
    return found[0][2], best


@dataclass(frozen=True, slots=True)
class _Read:
    repaired: str  # the word with glyph confusions undone
    core: str  # … without the punctuation around it
    key: str  # … in compare form
    letters: bool


@lru_cache(maxsize=16384)
def _read(text: str) -> _Read:
    """One word as the fuzzy match compares it (cached: every span of a value rereads its words)."""
    repaired = repair_glyphs(text)
    bare = core(repaired)
    letters = "".join(c for c in bare if c.isalnum() or c in "-'")  # "S%#": signs inside are specks
    return _Read(repaired, bare, _key(letters), any(c.isalpha() for c in bare))


@lru_cache(maxsize=8192)
def _nearest_phrase(key: str, words: int) -> tuple[int, int] | None:
    """`closest` over the phrases of about `words` words; cached, as agencies repeat page after page."""
    return closest(key, _fuzzy_table()[words].keys, allowed_edits(key))


_AGREE = 2  # this many words read exactly as the phrase has them, with at most
_SMALL = 1  # this much damage elsewhere: the phrase outweighs the confidence of the damaged word


def _fuzzy_run(span: list[Word], sure: float, printed: bool, opens: bool) -> tuple[list[Word], bool] | None:
    """The span respelled as the one known phrase it is a little damaged from, and whether it is long.

    A changed word must be unsure, unless the phrase agrees: two or more words read exactly and
    one letter of damage (any small damage under a printed header, which cannot be misspelled).
    """
    choices = _fuzzy_table().get(len(span))
    reads = [_read(w.text) for w in span]
    if choices is None or not all(r.letters for r in reads):
        return None
    repaired, cores = [r.repaired for r in reads], [r.core for r in reads]
    glyphs = repaired != [w.text for w in span]
    exact = _lexicon()[0].get(tuple(fold(c) for c in cores)) if glyphs else None
    key = " ".join(r.key for r in reads)
    if exact is not None:
        canon, dist = exact, 0  # "[.uật" is "Luật" once its glyphs are read right
    else:
        hit = _nearest_phrase(key, len(span))
        if hit is None or (hit[1] == 0 and not glyphs):
            return None  # nothing but marks (the exact table's business) or a y/i spelling ("Bác sỹ")
        canon, dist = choices.spelled[hit[0]], hit[1]
    if any(w.text.endswith((",", ";")) and j not in _commas(canon) for j, w in enumerate(span[:-1])):
        return None  # a run across parts ("Châu Thành, Tiền Giang") is no phrase
    new = respell(span, cores, repaired, canon, opens=opens)
    if len(new) == len(span):
        changed = [n for n, s in zip(new, span, strict=True) if n.text != s.text]
        agree = sum(fold(core(n.text)) == fold(core(s.text)) for n, s in zip(new, span, strict=True))
    else:  # a space lost or split: compare the words as sets
        seen = {w.text for w in span}
        changed = [w for w in new if w.text not in seen]
        agree = len({fold(core(w.text)) for w in new} & {fold(c) for c in cores})
    trusted = agree >= _AGREE and (printed or dist <= _SMALL)
    if not changed or not (trusted or all(w.conf < sure for w in changed)):
        return None
    return new, allowed_edits(key) >= 2


def _dest_to_src(src: str, dst: str) -> list[int]:
    """For each character of dst, the position in src it was aligned with (edit-distance opcodes)."""
    out = [0] * len(dst)
    for op in Levenshtein.opcodes(src, dst):
        for k in range(op.dest_start, op.dest_end):
            out[k] = op.src_start + (k - op.dest_start) if op.tag in ("equal", "replace") else op.src_start
    return [min(p, max(0, len(src) - 1)) for p in out]


def _edges(text: str, inner: str) -> tuple[str, str]:
    """The punctuation before and after `inner` inside `text`."""
    at = text.find(inner)
    return (text[:at], text[at + len(inner) :]) if at >= 0 else ("", "")


def respell(
    span: list[Word], cores: list[str], repaired: list[str], canon: Iterable[str], *, opens: bool = False
) -> list[Word]:
    """The span's words spelled as the known phrase, in the paper's case, boxes and conf carried over.

    Words map by alignment, so a lost space splits a word ("Trungcấp" → "Trung cấp", box halved by
    letters) and a stray space joins two. A value's first letter lost by OCR ("in học A") was a
    capital when the span `opens` the value: a form's blanks are filled starting with one.
    """
    canon = list(canon)
    src = " ".join(fold(c) for c in cores)
    dst = " ".join(fold(c) for c in canon)
    owner = [j for j, c in enumerate(cores) for _ in range(len(c) + 1)][: len(src)]
    offset = [k for c in cores for k in range(len(c) + 1)][: len(src)]
    to_src = _dest_to_src(src, dst)
    starts: list[int] = []  # dst position of each canonical word
    pos = 0
    for word in canon:
        starts.append(pos)
        pos += len(word) + 1
    first = [owner[to_src[s]] for s in starts]
    first[0] = 0
    for k in range(1, len(first)):
        first[k] = max(first[k], first[k - 1])
    groups: list[tuple[list[int], list[int]]] = []  # (canonical words, span words)
    for j in range(len(span)):
        ks = [k for k, f in enumerate(first) if f == j]
        if ks or not groups:
            groups.append((ks or [0], [j]))
        else:
            groups[-1][1].append(j)
    out: list[Word] = []
    for ks, js in groups:
        box = union_bbox([span[j].bbox for j in js])
        conf = min(span[j].conf for j in js)
        lead = _edges(repaired[js[0]], cores[js[0]])[0]
        trail = _edges(repaired[js[-1]], cores[js[-1]])[1]
        total = sum(len(canon[k]) + 1 for k in ks)
        x = box[0]
        for n, k in enumerate(ks):
            j, p = first[k], to_src[starts[k]]
            at = offset[p] if owner[p] == j else 0
            read = "".join(cores[m] for m in js) if len(js) > 1 else cores[j]  # "Đ ÀO" reads as "ĐÀO"
            text = same_case(canon[k], read, at)
            if k == 0 and opens and fold(cores[j][at : at + 1]) != fold(canon[k][:1]):
                text = text[:1].upper() + text[1:]
            width = (box[2] - box[0]) * (len(canon[k]) + 1) // total
            x1 = box[2] if n == len(ks) - 1 else x + width
            out.append(Word((lead if n == 0 else "") + text + (trail if n == len(ks) - 1 else ""),
                            (x, box[1], x1, box[3]), conf))  # fmt: skip
            x = x1
    return out


# --- closed lists ------------------------------------------------------------------------------


@cache
def _closed_lists() -> dict[str, dict[str, str]]:
    """Field → folded name → catalog spelling, for the closed lists (dân tộc, tôn giáo, lý luận)."""
    from hoso.catalog import DAN_TOC, LY_LUAN_CHINH_TRI, TON_GIAO

    lists = {"dan_toc": DAN_TOC, "ton_giao": TON_GIAO, "ly_luan_chinh_tri": LY_LUAN_CHINH_TRI}
    return {key: unambiguous(entries, fold) for key, entries in lists.items()}


@cache
def _closed_keys(key: str) -> tuple[list[str], list[str]]:
    """Compare forms (without spaces: OCR loses and adds them) and spellings of one closed list."""
    table = _closed_lists()[key]
    return [_key(k).replace(" ", "") for k in table], list(table.values())


def _closed_edits(key: str) -> int:
    """Damage a closed-list entry survives: entries are few and far apart, so a little more."""
    return 0 if len(key) < 4 else 1 if len(key) < 8 else 2


def _closed_entry(key: str, value: str) -> str | None:
    """The one entry `value` folds to, or is a little damaged from."""
    table = _closed_lists()[key]
    if (exact := table.get(fold(value))) is not None:
        return exact
    spaced = " ".join(_key(core(repair_glyphs(w))) for w in value.split())
    keys, spelled = _closed_keys(key)
    hit = closest(spaced.replace(" ", ""), keys, _closed_edits(spaced))
    return spelled[hit[0]] if hit is not None else None


def settle_closed_value(key: str, value: str, conf: float, sure: float = 0.99) -> str:
    """An unsure value of a closed list that folds to, or is a letter or two from, one entry takes it."""
    if key not in _closed_lists() or conf >= sure:
        return value
    entry = _closed_entry(key, value)
    return value if entry is None else entry


JUNK_CONF = 0.5  # a tail word read below this, after a whole entry, is a smudge


def _is_junk(word: Word) -> bool:
    return not any(c.isalpha() for c in word.text) or word.conf < JUNK_CONF


def settle_closed_words(key: str, words: list[Word], sure: float = 0.99) -> list[Word]:
    """The words of a closed-list value without the junk after a whole entry ("Kinh . 2" → "Kinh").

    The longest run of leading words that is (or is a little damaged from) one entry, when all that
    follows has no letters or was read with almost no confidence; an unsure run takes the entry's
    spelling, a sure one stays as read.
    """
    if key not in _closed_lists():
        return words
    for n in range(len(words), 0, -1):
        head, tail = words[:n], words[n:]
        if not all(_is_junk(w) for w in tail) or not core(head[0].text):
            continue
        read = " ".join(w.text for w in head)
        entry = _closed_entry(key, read)
        if entry is None:
            continue
        conf = min(w.conf for w in head)
        text = entry if conf < sure else read
        if not tail and text == read:
            return words
        return [Word(text, union_bbox([w.bbox for w in head]), conf)]
    return words


def closed_tail(key: str, words: list[Word]) -> list[Word]:
    """The value after a label's garbled list of examples: the last words that make one entry.

    "(Kinh, Tày, Mông, Ê đê…): Kính" read as "œ›", tay. Móng Ê đc y Kính": the examples are
    entries too, so the value is the entry nearest the end, not the first one.
    """
    for n in range(1, min(len(words), 4) + 1):
        tail = words[-n:]
        if core(tail[0].text) and _closed_entry(key, " ".join(w.text for w in tail)) is not None:
            return tail
    return words


_ROMAN = readings("roman")  # the roman I as OCR reads it: H (two run together), l, 1, a bar, a speck
_ROMAN_I = "".join(_ROMAN)
# at the end of the value or inside its closing bracket ("Bác sĩ chính (hạng 1I)"); OCR may
# split the numeral ("hạng | H")
_HANG = re.compile(rf"(\bhạng)[.:,]?(\s+)((?:[{_ROMAN_I}]\s?){{0,2}}[{_ROMAN_I}]|[{_ROMAN_I}]?V)(?=\)?$)",
                   re.IGNORECASE)  # fmt: skip


def fix_hang_numeral(value: str) -> str:
    """A ngạch's hạng is I–IV; OCR reads the roman I as H, l, 1 or |: "hạng HII" → "hạng III".

    An H is two I's run together ("hạng HI" is hạng III) unless that makes more than three
    ("hạng HII": then the H is one). A speck after "hạng" ("hạng. II") is no part of it.
    """
    def roman(m: re.Match[str]) -> str:
        numeral = m.group(3).replace(" ", "").replace("h", "H")
        joined = "".join(_ROMAN.get(ch, ch) for ch in numeral)
        numeral = joined if joined.count("I") <= 3 else "".join("I" if ch in _ROMAN else ch for ch in numeral)
        return m.group(1) + m.group(2) + numeral

    return _HANG.sub(roman, value)
