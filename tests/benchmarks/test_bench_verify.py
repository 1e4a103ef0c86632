"""Unit tests of bench_verify's pure case building and scoring (no extraction, no Tesseract)."""

from __future__ import annotations

import functools
import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from hoso import catalog
from hoso.fields import field_specs
from hoso.normalize import fold_for_compare, parse_date
from hoso.normalize.text import fold_ascii
from matching.fields import compare_field

_BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(_BENCH))

import verify_cases as vc  # noqa: E402
import verify_scoring as vs  # noqa: E402

GOLDEN = sorted((_BENCH.parent / "samples" / "golden").glob("*.truth.json"))
KINDS = {k: spec.kind for k, spec in field_specs().items()}
# Equivalents hoso.normalize alone already folds together (degree abbreviations and the one-letter
# "T." for Tỉnh need matching's vocabulary; they are checked through compare_field).
_NORMALIZE_FOLDS = {"decimal_comma", "name_case", "nfd", "date_format"}


@functools.cache
def _truths() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN]


@functools.cache
def _all_cases() -> list[vc.Case]:
    return [c for t in _truths() for seed in range(5) for c in vc.build_cases(t["path"], t, seed)]


def _leaves(record: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    out: dict[tuple[Any, ...], Any] = {}
    for k, v in record.items():
        if k == "quyet_dinh":
            for entry in v:  # numbers are unique within a file's record
                out.update({("quyet_dinh", entry.get("so_ky_hieu"), kk): vv for kk, vv in entry.items()})
        else:
            out[(k,)] = v
    return out


def _doc_type(case: vc.Case) -> str:
    truth = next(t for t in _truths() if t["path"] == case.file)
    return truth["documents"][case.doc]["type"]


def test_golden_truths_give_every_kind() -> None:
    kinds = {c.kind for c in _all_cases()}
    assert kinds >= set(vc.DISCREPANCIES) | set(vc.EQUIVALENTS) | {vc.CLEAN}


def test_record_from_truth_puts_decisions_in_entries() -> None:
    truth = json.loads((GOLDEN[0].parent / "dossier_tt06_nang_luong_born_digital.pdf.truth.json").read_text())
    record, slots = vc.record_from_truth(truth)
    assert record["ho_ten"] == truth["documents"][0]["fields"]["ho_ten"]
    assert slots == {0: None, 1: 0}
    assert record["quyet_dinh"][0]["so_ky_hieu"] == "102/QĐ-UBND"


def test_each_case_changes_exactly_one_value() -> None:
    for case in _all_cases():
        clean, _ = vc.record_from_truth(next(t for t in _truths() if t["path"] == case.file))
        before, after = _leaves(clean), _leaves(case.record)
        if case.group == vc.CLEAN:
            assert before == after
        elif case.kind == "decision_missing":
            assert len(case.record["quyet_dinh"]) == len(clean["quyet_dinh"]) - 1
            assert set(after) < set(before)
        else:
            changed = [k for k in before if before[k] != after.get(k)]
            assert len(changed) == 1 and set(before) == set(after), case.case_id
            assert changed[0][-1] == case.field and after[changed[0]] == case.after


def test_discrepancies_are_real_differences() -> None:
    for case in _all_cases():
        if case.group != vc.DISCREPANCY or case.kind == "decision_missing":
            continue
        kind = KINDS[(_doc_type(case), case.field)]
        assert fold_for_compare(kind, case.before, key=case.field) != fold_for_compare(
            kind, case.after, key=case.field
        ), case.case_id
        assert not compare_field(case.field, case.before, case.after).equal, case.case_id


def test_equivalents_stay_equivalent() -> None:
    for case in _all_cases():
        if case.group != vc.EQUIVALENT:
            continue
        assert case.before != case.after
        kind = KINDS[(_doc_type(case), case.field)]
        if case.kind in _NORMALIZE_FOLDS or (case.kind == "address_prefix" and "T. " not in case.after):
            assert fold_for_compare(kind, case.before, key=case.field) == fold_for_compare(
                kind, case.after, key=case.field
            ), case.case_id
        assert compare_field(case.field, case.after, case.before).equal, case.case_id


@pytest.mark.parametrize("name", ["Nguyễn Thị Hương", "Trần Văn An", "Lê Hoa", "Phạm Quốc Thắng"])
def test_change_diacritic_changes_one_mark_of_one_syllable(name: str) -> None:
    for seed in range(30):
        new = vc.change_diacritic(name, random.Random(seed))
        assert fold_ascii(new) == fold_ascii(name) and new != name
        diff = [(a, b) for a, b in zip(name.split(), new.split(), strict=True) if a != b]
        assert len(diff) == 1
        assert unicodedata.is_normalized("NFC", new)


def test_change_given_name_keeps_family_and_middle_names() -> None:
    new = vc.change_given_name("Nguyễn Thị Hương", random.Random(1))
    assert new.startswith("Nguyễn Thị ") and fold_ascii(new.split()[-1]) != "huong"


def test_date_changes() -> None:
    for seed in range(30):
        new = vc.change_date_digit("1985-06-15", random.Random(seed))
        assert new is not None and parse_date(new) == new
        assert sum(a != b for a, b in zip(new, "1985-06-15", strict=True)) == 1
    assert vc.swap_day_month("1985-06-15") is None
    assert vc.swap_day_month("1985-06-06") is None
    assert vc.swap_day_month("1985-06-05") == "1985-05-06"
    assert vc.swap_day_month("1985-06") is None
    assert vc.date_to_dmy("1985-06-15") == "15/06/1985"
    assert vc.date_to_dmy("1985-06") == "06/1985"


def test_salary_changes_stay_in_the_table() -> None:
    assert vc.other_he_so("3.33", "01.003", random.Random(0)) in {"3.00", "3.66"}
    assert vc.other_bac("1", "01.003", random.Random(0)) == "2"
    code = vc.other_ma_ngach("01.003", random.Random(0))
    assert code in catalog.MA_NGACH and code.replace(".", "") != "01003"


def test_digit_changes() -> None:
    new = vc.change_one_digit("079185001234", random.Random(3))
    assert new is not None and sum(a != b for a, b in zip(new, "079185001234", strict=True)) == 1
    assert vc.transpose_digits("0000", random.Random(0)) is None
    swapped = vc.transpose_digits("0123456789", random.Random(0))
    assert swapped is not None and sorted(swapped) == sorted("0123456789")
    assert re.fullmatch(r"\d{10}", swapped)


def test_equivalent_rewrites() -> None:
    rng = random.Random(0)
    assert vc.swap_address_prefix("Thành phố Hồ Chí Minh", rng) == "TP. Hồ Chí Minh"
    assert vc.swap_address_prefix("TP. Hồ Chí Minh", rng) == "Thành phố Hồ Chí Minh"
    assert vc.swap_address_prefix("Số 4, đường Lê Lợi", rng) is None
    assert vc.abbreviate_degree("Thạc sĩ Luật") == "Ths. Luật"
    assert vc.decimal_comma("3.66") == "3,66"
    assert vc.upper_name("Lê Thị Hoa") == "LÊ THỊ HOA"
    assert vc.to_nfd("Hương") == unicodedata.normalize("NFD", "Hương")
    assert vc.other_dan_toc("Kinh", rng) != "Kinh" and vc.other_dan_toc("Tày", rng) == "Kinh"


def _ctx() -> vs.FileContext:
    truth_docs = [
        {"type": "so_yeu_ly_lich", "pages": [1], "fields": {"ho_ten": "Lê Thị Hoa", "dan_toc": "Kinh"}}
    ]
    out_docs = [{"type": "so_yeu_ly_lich", "pages": [1], "fields": {"ho_ten": {"value": "Lê Thị Hoa"}}}]
    return vs.FileContext(truth_docs, out_docs, [0])


def _fold(kind: str, value: str, key: str) -> str:
    return fold_for_compare(kind, value, key=key)


def test_flag_causes() -> None:
    ctx = _ctx()
    case = vc.Case(
        "f#0:given_name",
        "f",
        "clean",
        vc.DISCREPANCY,
        "given_name",
        0,
        "ho_ten",
        "Lê Thị Hoa",
        "Lê Thị Lan",
        {},
    )
    hit = {
        "document": 0,
        "field": "ho_ten",
        "paper": "Lê Thị Hoa",
        "electronic": "Lê Thị Lan",
        "reason": "name differs",
    }
    unread = {"document": 0, "field": "dan_toc", "paper": None, "electronic": "Kinh", "reason": "unreadable"}
    outcome = vs.score_case(case, [hit, unread], ctx, KINDS, _fold)
    assert [f.cause for f in outcome.flags] == [vs.PLANTED, vs.EXTRACTION]
    assert outcome.hit and outcome.paper_ok
    equivalent = vc.Case(
        "f#0:name_case", "f", "clean", vc.EQUIVALENT, "name_case", 0, "ho_ten", "Lê Thị Hoa", "LÊ THỊ HOA", {}
    )
    flagged = vs.score_case(equivalent, [hit], ctx, KINDS, _fold)
    assert flagged.flags[0].cause == vs.MATCHING and flagged.flags[0].on_changed_field
    totals = vs.bucket([outcome, flagged])
    assert totals["precision"] == round(1 / 3, 4) and totals["recall"] == 1.0
    assert totals["changed_field_flagged"] == 1
