"""The officer's name, read once per document of a dossier, settled from all of its readings.

A dossier names its officer on the Sơ yếu lý lịch and again in each decision's Điều 1. A fax
damages each copy differently ("Đặng Thị Lình", "Đăng Thị Linh", "Đặng Thị Lính"): where the
copies of one syllable differ and exactly one of them is a name syllable (Đặng, Linh), that is the
syllable on the paper, and the unsure copies take it. Copies that are all names (Thủy, Thùy) are
left as read: a majority of one misreading proves nothing.
"""

from __future__ import annotations

from dataclasses import replace

from hoso.result import Document, ExtractedField
from ocr.extract.anchors import fold
from ocr.extract.lexicon import is_name_syllable, is_surname

SURE = 0.95  # a copy read at least this surely is what its paper says


def _known(syllable: str, position: int) -> bool:
    return is_surname(syllable) if position == 0 else is_name_syllable(syllable)


def _agreed(readings: list[list[str]]) -> list[str | None]:
    """Per syllable: the one name syllable among differing copies, else None."""
    out: list[str | None] = []
    for i, copies in enumerate(zip(*readings, strict=True)):
        known = {c for c in copies if _known(c, i)}
        out.append(known.pop() if len(set(copies)) > 1 and len(known) == 1 else None)
    return out


def settle_officer_names(docs: list[Document]) -> None:
    """Each unsure ho_ten of the dossier's documents settled from the copies of the same name."""
    fields = [(d, f) for d in docs if (f := d.fields.get("ho_ten")) is not None]
    groups: dict[str, list[tuple[Document, ExtractedField]]] = {}
    for d, f in fields:
        groups.setdefault(fold(f.value.lower()), []).append((d, f))
    for group in groups.values():
        if len(group) < 2 or len({f.value for _, f in group}) < 2:
            continue
        agreed = _agreed([f.value.split() for _, f in group])
        for d, f in group:
            if f.confidence >= SURE:
                continue
            words = [a or w for a, w in zip(agreed, f.value.split(), strict=True)]
            if words != f.value.split():
                d.fields["ho_ten"] = replace(f, value=" ".join(words))
