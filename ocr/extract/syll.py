"""Sơ yếu lý lịch: anchor on the printed labels in reading order and read each value."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from hoso.fields import FieldKind, field_specs
from hoso.normalize import normalize, normalize_address_parts
from hoso.normalize.numbers import plausible_length
from hoso.result import ExtractedField
from ocr.extract.anchors import Hit, KeyedLine, find_in_line, fold, is_letter, words_between
from ocr.extract.dates import settle_years
from ocr.extract.forms import LAYOUT_LABELS, Label
from ocr.extract.identity import settle_identity
from ocr.extract.lexicon import settle_name
from ocr.extract.ngach import settle_ngach
from ocr.extract.phrases import (
    closed_tail,
    core,
    fix_hang_numeral,
    settle_closed_value,
    settle_closed_words,
    settle_phrases,
)
from ocr.extract.places import settle_address, settle_places, split_parts, starts_part
from ocr.layout.lines import Line, is_leader
from ocr.model import Word, union_bbox

DOC = "so_yeu_ly_lich"


@dataclass(slots=True)
class _Found:
    label: Label
    hit: Hit


def locate_labels(keyed: list[KeyedLine], labels: list[Label]) -> list[_Found]:
    """Find each label after the previous one found, within a few lines (labels repeat).

    A label OCR damaged beyond finding leaves the cursor behind: each one missed widens the
    next search by the lines it could have taken, so one lost label does not lose the rest.
    """
    found: list[_Found] = []
    cur_line, cur_pos, slack, item = 0, 0, 0, 0
    for label in labels:
        last = min(len(keyed), cur_line + label.window + slack + 1)
        short_last = last  # where a short form of the label may still be found
        if (number := _item_number(label.text)) is not None:
            item = number
        elif item:  # a short form of item n's part is never taken on a line that opens a later item
            short_last = _item_barrier(keyed, cur_line, last, item)
        hit = None
        for text in (label.text, *label.alt):
            hit = _search(fold(text), keyed, cur_line, cur_pos, last if text == label.text else short_last)
            if hit is not None:
                break
        if hit is None and _ITEM.match(label.text):
            hit = _search_numbered(fold(label.text), keyed, cur_line, last)
        if hit is None and (bare := _ITEM.sub("", label.text)) != label.text and len(bare) >= 6:
            # OCR or leader erasure lost the item number ("…, 7) Tôn giáo:" → "Tôn giáo:")
            hit = _search(fold(bare), keyed, cur_line, cur_pos, last)
        if hit is not None:
            found.append(_Found(label, hit))
            cur_line, cur_pos, slack = hit.line, hit.end, 0
        else:
            slack += min(label.window, 2)
    return found


_ITEM_START = re.compile(r"^\d{1,2}(?:\.\d)?\s*[)\-]")  # "7) Nơi ở …": a new item, never a tail
_ITEM = re.compile(r"^((\d{1,2})(?:\.\d)?[)\-.])\s")  # group 1: "7)", group 2: the number


def _item_number(text: str) -> int | None:
    m = _ITEM.match(text)
    return int(m.group(2)) if m else None


def _item_barrier(keyed: list[KeyedLine], cur_line: int, last: int, item: int) -> int:
    """The first line past the cursor that opens an item after `item` (its short forms stop there).

    "TP):" of item 6's "(tỉnh, TP):" is also the end of item 7's "(…, đường phố, TP):"; found there,
    it would swallow item 7's value and push the cursor past item 7's own label. The full label text
    is still searched further: OCR noise may put a number before it ("6) Chức vụ (Đảng, …):").
    """
    for li in range(cur_line + 1, last):
        number = _item_number(keyed[li].key)
        if number is not None and number > item:
            return li
    return last



def _search(key: str, keyed: list[KeyedLine], cur_line: int, cur_pos: int, last: int) -> Hit | None:
    for li in range(cur_line, last):
        hit = find_in_line(key, keyed[li], cur_pos if li == cur_line else 0)
        if hit is not None:
            return Hit(li, hit.start, hit.end, hit.score)
    return None


def _search_numbered(key: str, keyed: list[KeyedLine], cur_line: int, last: int) -> Hit | None:
    """A numbered item whose words OCR mangled ("8) 58 CCCŒD:"): trust the number and colon."""
    m = _ITEM.match(key)
    assert m is not None
    for li in range(cur_line + 1, last):
        line = keyed[li].key
        if not line.startswith(m.group(1)):
            continue
        colon = line.find(":", len(m.group(1)), len(key) + 6)
        if colon > 0 and fuzz.ratio(key, line[: colon + 1]) >= 60:
            return Hit(li, 0, colon + 1, 60.0)
    return None


def _right_edges(lines: list[Line]) -> dict[int, int]:
    """Per page, where full text lines end (a value reaching it may wrap to the next line)."""
    ends: dict[int, list[int]] = {}
    for ln in lines:
        ends.setdefault(ln.page, []).append(ln.bbox[2])
    return {p: sorted(v)[int(0.9 * (len(v) - 1))] for p, v in ends.items()}


def _wraps(kl: KeyedLine, words: list[Word], end: int, edge: int, next_word: Word | None) -> bool:
    """A value wraps when it fills its line: no leader after it, and it reaches the margin.

    Or the next line's first word would not have fitted after it: how a word processor breaks lines.
    """
    if not words or end != len(kl.key) or is_leader(kl.line.words[-1].text):
        return False
    width = max(1, edge - kl.line.bbox[0])
    last = words[-1].bbox
    if last[2] >= edge - 0.08 * width:
        return True
    if next_word is None or is_leader(next_word.text) or next_word.bbox[0] > kl.line.bbox[0] + 0.05 * width:
        return False
    space = 0.3 * (last[3] - last[1])
    return last[2] + space + (next_word.bbox[2] - next_word.bbox[0]) > edge


def _next_text_line(keyed: list[KeyedLine], line: int) -> int:
    """Index of the next line with letters or digits (noise specks skipped); len(keyed) when none."""
    nxt = line + 1
    while nxt < len(keyed) and not any(c.isalnum() for c in keyed[nxt].key):
        nxt += 1
    return nxt


def _value_words(
    keyed: list[KeyedLine], found: list[_Found], i: int, edges: dict[int, int]
) -> list[Word]:
    """Words between a label and the next label on its line (or the line's end)."""
    f = found[i]
    kl = keyed[f.hit.line]
    end = len(kl.key)
    for g in found[i + 1 :]:
        if g.hit.line == f.hit.line and g.hit.start >= f.hit.end:
            end = g.hit.start
            break
    words = words_between(kl, f.hit.end, end)
    if f.label.next_line and words and _label_tail(words):
        words = []
    nxt = _next_text_line(keyed, f.hit.line)
    next_word = keyed[nxt].line.words[0] if nxt < len(keyed) and keyed[nxt].line.words else None
    if next_word is not None and keyed[nxt].line.page != kl.line.page:
        next_word = None
    if words and _wraps(kl, words, end, edges.get(kl.line.page, 0), next_word):
        # keep a trailing "-" that joins the two lines ("Tài chính -" / "Ngân hàng")
        return words_between(kl, f.hit.end, end, trim_end=False) + _continuation(found, keyed, f.hit.line)
    if not words and f.label.next_line:
        return _continuation(found, keyed, f.hit.line, stop_at_leader=False)
    return words


def _label_tail(words: list[Word]) -> bool:
    """The end of a long label the fuzzy match stopped short of ("…kiêm nhiệm):" left as "n)")."""
    letters = sum(c.isalpha() for w in words for c in w.text)
    return letters <= 3 and words[-1].text.rstrip(":?;.").endswith(")")


def _continuation(
    found: list[_Found], keyed: list[KeyedLine], line: int, *, stop_at_leader: bool = True
) -> list[Word]:
    """Leading words of the next line (noise specks skipped), unless a label starts it."""
    nxt = _next_text_line(keyed, line)
    if nxt >= len(keyed):
        return []
    starts = [g.hit.start for g in found if g.hit.line == nxt]
    if starts and min(starts) == 0 or _ITEM_START.match(keyed[nxt].key):
        return []
    if _is_title(keyed[nxt].line, keyed[line].line) or _far_below(keyed[nxt].line, keyed[line].line):
        return []
    end = min(starts) if starts else len(keyed[nxt].key)
    tail = words_between(keyed[nxt], 0, end) if not stop_at_leader else _until_leader(keyed[nxt], end)
    height = keyed[line].line.bbox[3] - keyed[line].line.bbox[1]
    if tail and all(_is_junk(w, height) for w in tail):
        return []  # a photo-box frame or a smudge before the next label, not the value's tail
    return tail


def _is_junk(w: Word, line_height: int) -> bool:
    """Not text: read with almost no confidence, or far taller than a line of type."""
    return w.conf < 0.4 or w.bbox[3] - w.bbox[1] > 1.8 * line_height


def _far_below(line: Line, above: Line) -> bool:
    """More than a line and a half of white between them: a new block (the photo box, the title)."""
    if line.page != above.page:
        return False
    height = max(1, above.bbox[3] - above.bbox[1])
    return line.bbox[1] - above.bbox[3] > 1.5 * height


def _is_title(line: Line, above: Line) -> bool:
    """An upper-case heading (the form's title), never the tail of a wrapped value.

    A capitalised name wrapping onto the next line ("NGUYỄN THỊ" / "HOÀNG ANH") starts at the margin
    under its label line; a title is indented (centred).
    """
    letters = [c for w in line.words for c in w.text if c.isalpha()]
    if len(letters) < 8 or not all(c.isupper() for c in letters):
        return False
    height = max(1, above.bbox[3] - above.bbox[1])
    return line.bbox[0] > above.bbox[0] + 2 * height


def _until_leader(kl: KeyedLine, end: int) -> list[Word]:
    """The wrapped tail of a long value: the next line's words up to its dotted leader."""
    out: list[Word] = []
    if kl.line.words and kl.line.words[0].text.startswith("("):
        return out  # the form's hint line under the value, not its tail
    for w in kl.line.words:
        if is_leader(w.text):
            break
        out.append(w)
    limit = words_between(kl, 0, end)
    return [w for w in out if any(w.bbox == x.bbox for x in limit)] if end < len(kl.key) else out


_VOCABULARY_KINDS = ("text", "address")  # agencies, posts, degrees, places; never names or numbers
_VOCABULARY_VALUES = frozenset({  # nothing but known vocabulary: small damage is settled too
    "co_quan_tuyen_dung", "co_quan_quan_ly", "co_quan_su_dung", "chuc_vu", "ngach",
    "trinh_do_chuyen_mon", "ly_luan_chinh_tri", "quan_ly_nha_nuoc", "tin_hoc", "ngoai_ngu",
})  # fmt: skip
_UNITS = {"chieu_cao": ("cm", "cm,"), "can_nang": ("kg", "(kg)", "kg,", "(kg),")}


def _written_in_capitals(words: list[Word]) -> list[Word]:
    """A name typed in capitals ends where the capitals end: what follows is a damaged label ("Nan:")."""
    caps = 0
    while caps < len(words) and core(words[caps].text).isupper():
        caps += 1
    return words[:caps] if caps >= 2 else words


def _drop_units(key: str, words: list[Word]) -> list[Word]:
    """The form prints the unit after the blank ("… cm", "… kg"): it is not part of the value."""
    units = _UNITS.get(key, ())
    while words and words[-1].text.lower() in units:
        words = words[:-1]
    return words


Box = tuple[int, list[Word], int]  # part number, words, page


def _is_mark_word(text: str) -> bool:
    """No Vietnamese word: letters outside the alphabet ("œøm") or a digit with a colon ("1:")."""
    core = text.rstrip(":")
    return any(c.isalpha() and not is_letter(c) for c in core) or (core.isdigit() and len(core) <= 2)


SMUDGE_CONF = 0.5  # a trailing word read below this, with no Vietnamese word in it, is a smudge


def _is_smudge(text: str) -> bool:
    """No letter, a letter outside the alphabet, or one lower-case letter alone ("l"): no word."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) == 1 and letters[0].islower():
        return True
    return not letters or _is_mark_word(text)


def _without_smudges(words: list[Word]) -> list[Word]:
    """A text value without the smudges read after it ("Cử nhân Kinh tế §-¬- 4øasse")."""
    end = len(words)
    while end > 1 and words[end - 1].conf < SMUDGE_CONF and _is_smudge(words[end - 1].text):
        end -= 1
    return words[:end]


def _label_start(words: list[Word], cut: int) -> int | None:
    """Where a mangled box label ending at `words[cut]` (its ":") begins; None if it is no label."""
    opener = next((j for j in range(cut, max(-1, cut - 4), -1) if words[j].text.startswith("(")), None)
    if opener is not None:
        return opener
    if cut >= 2 and words[cut - 1].text.endswith(","):
        return cut - 1  # "(huyện, quận):" without its bracket: "quyện, quận:"
    j = cut
    while j > 1 and _is_mark_word(words[j - 1].text):
        j -= 1
    return j if j < cut or _is_mark_word(words[cut].text) else None  # "(tỉnh, tp):" read as "œøm 1:"


def _opens_part(words: list[Word], cut: int) -> bool:
    """Whether the box after the label ending at `words[cut]` opens with its kind ("Huyện …")."""
    return starts_part(words[cut + 1 : cut + 3])


def _before_label(words: list[Word], start: int, cut: int) -> int:
    """Where the box before a label ends, when the next box opens with its kind.

    Then the lower-case words just before the label are what is left of it ("Kim Liên tuuyệu
    dua: Huyện …"): place names are capitalised.
    """
    if not _opens_part(words, cut):
        return start
    j = start
    while j > 1 and start - j < 2 and not words[j - 1].text[:1].isupper():
        j -= 1
    return j


SMALL_PRINT = 0.91  # a box label ("(huyện, quận):") is printed smaller than the shortest sure value word
SMALL_PRINT_CONF = 0.7  # … and OCR reads it unsurely: a value word that is short but sure stays
SURE_WORD = 0.9  # the words whose height sets the value's size


def _is_small_print(w: Word, size: int) -> bool:
    return w.conf < SMALL_PRINT_CONF and w.bbox[3] - w.bbox[1] < SMALL_PRINT * size


def _runs_between_small_print(words: list[Word], size: int) -> list[list[Word]]:
    """The value words of one box in runs, without the small print around and between them."""
    runs: list[list[Word]] = [[]]
    between: list[Word] = []  # small print and bare punctuation since the last value word
    for w in words:
        if _is_small_print(w, size) or not any(c.isalnum() for c in w.text):
            between.append(w)
            continue
        label = any(_is_small_print(x, size) for x in between)
        if label and runs[-1] and (len(between) >= 2 or between[-1].text.endswith((":", ";", ")", "?"))):
            runs.append([])  # a label's remnant between two values, not a speck inside a name
        elif runs[-1] and not label:
            runs[-1].extend(between)  # "Bà Rịa - Vũng Tàu": the dash is the name's
        between = []
        runs[-1].append(w)
    return [r for r in runs if r]


def _cut_small_print(boxes: list[Box]) -> list[Box]:
    """Boxes without the small print of the labels OCR could not place; two values in one box get a comma.

    A garbled box label stays inside the value ("Diễn Thành tuuyệa du2¿; huyện Diễn Châu"). Whatever
    it reads, it is printed smaller than the typed value and read unsurely; where it stands
    between value words, one box ends and the next begins.
    """
    words = [w for _, ws, _ in boxes for w in ws]
    heights = [w.bbox[3] - w.bbox[1] for w in words if w.conf >= SURE_WORD and core(w.text)]
    if len(heights) < 2:
        return boxes
    out: list[Box] = []
    for part, words, page in boxes:
        runs = _runs_between_small_print(words, min(heights))
        for r in runs[:-1]:
            if not r[-1].text.endswith((",", ";")):
                r[-1] = Word(r[-1].text + ",", r[-1].bbox, r[-1].conf)
        out.append((part, [w for r in runs for w in r], page))
    return out


def _split_boxes(boxes: list[Box]) -> list[Box]:
    """A box label OCR mangled past recognition still ends with ":" inside the value before it.

    "(œm, rmp):", "(œm,rp:", "quyện, quận:", "œøm 1:": cut there, as often as there are labels.
    """
    out: list[Box] = []
    todo = list(boxes)
    while todo:
        part, words, page = todo.pop(0)
        cut = next((i for i, w in enumerate(words) if i and w.text.endswith(":")), None)
        start = _label_start(words, cut) if cut is not None else None
        if cut is not None and (start is not None or _opens_part(words, cut)):
            start = _before_label(words, cut if start is None else start, cut)
        taken = {p for p, _, _ in boxes} | {p for p, _, _ in out} | {p for p, _, _ in todo}
        if cut is None or start is None or start == 0 or part + 1 in taken:
            out.append((part, words, page))
            continue
        out.append((part, words[:start], page))
        todo.insert(0, (part + 1, words[cut + 1 :], page))
    return [b for b in out if b[1]]


def _settle_boxes(boxes: list[Box]) -> list[Box]:
    """Place names of a boxed address settled across its boxes (the last box names the province)."""
    split = [split_parts(ws) for _, ws, _ in boxes]
    settled = iter(settle_places([p for parts in split for p in parts]))
    return [(part, [w for _ in parts for w in next(settled)], page)
            for (part, _, page), parts in zip(boxes, split, strict=True)]  # fmt: skip


def _confidence(words: list[Word]) -> float:
    """Mean word confidence pulled down by the weakest word: one bad word spoils a value."""
    confs = [w.conf for w in words]
    return 0.5 * (sum(confs) / len(confs)) + 0.5 * min(confs)


_LEVEL = re.compile(r"^(.*?):?\s+(\S{1,2})$")
_LEVELS = frozenset({"A", "B", "C", "D", "A1", "A2", "B1", "B2", "C1", "C2"})


def _level_as_printed(value: str) -> str:
    """A language or IT level as printed: "À2" is A2 (a speck for a mark), "Tiếng Pháp: B" is no colon."""
    m = _LEVEL.match(value)
    if m is None:
        return value
    level = fold(m.group(2)).upper()
    return f"{m.group(1)} {level}" if level in _LEVELS else value


def _normalized(kind: FieldKind, raw: str, key: str) -> str | None:
    """The value of a field's words; a date's impossible year is mended first (1379 → 1979).

    A hệ số followed by the next label's damaged words ("2.34 ttháng l1") is its first word.
    """
    value = normalize(kind, settle_years(raw) if kind == "date" else raw, key=key)
    if value is None and kind == "decimal" and " " in raw.strip():
        value = normalize(kind, raw.split()[0], key=key)
    return value


def _raw(words: list[Word]) -> str:
    return " ".join(w.text for w in words).strip(" :;,")


def extract_fields(lines: list[Line], layout: str) -> dict[str, ExtractedField]:
    """All labelled fields of one Sơ yếu lý lịch document (its lines in page order)."""
    keyed = [KeyedLine.build(ln) for ln in lines]
    found = locate_labels(keyed, LAYOUT_LABELS[layout])
    found.sort(key=lambda f: (f.hit.line, f.hit.start))
    edges = _right_edges(lines)
    specs = field_specs()
    fields: dict[str, ExtractedField] = {}
    parts: dict[str, list[tuple[int, list[Word], int]]] = {}
    for i, f in enumerate(found):
        key = f.label.key
        if key is None or (DOC, key) not in specs:
            continue
        words = _drop_units(key, _value_words(keyed, found, i, edges))
        if f.label.part:
            parts.setdefault(key, []).append((f.label.part, settle_phrases(words), lines[f.hit.line].page))
            continue
        if not words or key in fields:
            continue
        kind = specs[(DOC, key)].kind
        if kind == "text":
            words = _without_smudges(words)
        if kind in _VOCABULARY_KINDS:
            words = settle_closed_words(key, settle_phrases(words, fuzzy=key in _VOCABULARY_VALUES))
        elif kind == "enum":
            words = settle_closed_words(key, closed_tail(key, words) if f.label.examples else words)
        if kind == "address":
            words = settle_address(words)
        if kind == "name":
            words = _written_in_capitals(words)
        value = _normalized(kind, _raw(words), key)
        if kind == "date" and (value is None or len(value) < 7):
            # "từ tháng 7" at the end of a line, "/2021" on the next: read on
            more = words + _continuation(found, keyed, f.hit.line)
            longer = _normalized(kind, _raw(more), key)
            if longer and len(longer) > len(value or ""):
                words, value = more, longer
        if value is None:
            continue
        if kind == "name":
            value = settle_name(value, _confidence(words))
        elif kind == "enum":
            value = settle_closed_value(key, value, _confidence(words))
        elif key == "ngach":
            value = fix_hang_numeral(value)
        elif key in ("ngoai_ngu", "tin_hoc"):
            value = _level_as_printed(value)
        fields[key] = ExtractedField(
            value, _raw(words), _confidence(words), lines[f.hit.line].page,
            union_bbox([w.bbox for w in words]),
        )
    for key, boxes in parts.items():
        boxes = _split_boxes(_cut_small_print(sorted(boxes, key=lambda p: p[0])))
        boxes = _settle_boxes(boxes)
        texts = [_raw(ws) for _, ws, _ in boxes]
        all_words = [w for _, ws, _ in boxes for w in ws]
        value = normalize_address_parts(texts) if all_words else None
        if value:
            fields[key] = ExtractedField(
                value, " | ".join(texts), _confidence(all_words), boxes[0][2],
                union_bbox([w.bbox for w in all_words]),
            )
    return _unsure_lengths(settle_identity(settle_ngach(fields)))


WRONG_LENGTH_CONF = 0.3  # a number of a length its field never has: a misread, shown but never trusted


def _unsure_lengths(fields: dict[str, ExtractedField]) -> dict[str, ExtractedField]:
    """Number fields read with a digit count the field cannot have ("56 digits" for a phone) made unsure."""
    return {
        k: f if plausible_length(k, f.value) else replace(f, confidence=min(f.confidence, WRONG_LENGTH_CONF))
        for k, f in fields.items()
    }
