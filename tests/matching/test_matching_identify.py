import importlib.util
import random
import sys
import time
from pathlib import Path
from types import ModuleType

from matching.identify import OfficerIndex


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_identify.py"
    spec = importlib.util.spec_from_file_location("bench_identify", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_identify"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
RECORDS = BENCH.make_records(3000, seed=11)
INDEX = OfficerIndex(RECORDS)


def test_cccd_exact() -> None:
    rec = RECORDS[17]
    res = INDEX.identify(rec["so_cccd"], "Someone Else", None)
    assert res.matched and res.record is rec and res.method == "cccd"


def test_name_and_birth_with_ocr_noise() -> None:
    rng = random.Random(1)
    hits = 0
    for rec in rng.sample(RECORDS, 300):
        res = INDEX.identify(None, BENCH.noisy_name(rec["ho_ten"], rng), rec["ngay_sinh"])
        hits += res.matched and res.record is rec
    assert hits >= 295


def test_birth_date_written_as_on_paper() -> None:
    rec = RECORDS[5]
    y, m, d = rec["ngay_sinh"].split("-")
    res = INDEX.identify(None, rec["ho_ten"].upper(), f"{d}/{m}/{y}")
    assert res.matched and res.record is rec


def test_misread_birth_date_goes_to_review() -> None:
    rec = RECORDS[9]
    res = INDEX.identify(None, rec["ho_ten"], BENCH.slip_date(rec["ngay_sinh"], random.Random(2)))
    assert res.status == "ambiguous" and rec["ma_can_bo"] in res.candidates and res.record is None


def test_stranger_not_found() -> None:
    res = INDEX.identify(None, "Zzz Qqq Xxx", "1950-01-01")
    assert res.status == "not_found" and not res.matched


def test_other_given_name_same_birth_is_not_a_match() -> None:
    rec = dict(RECORDS[3])
    words = rec["ho_ten"].split()
    words[-1] = "Xuyến" if words[-1] != "Xuyến" else "Khuê"
    res = INDEX.identify(None, " ".join(words), rec["ngay_sinh"])
    assert not res.matched


def test_two_identical_officers_are_ambiguous() -> None:
    twin = {**RECORDS[0], "ma_can_bo": "TWIN", "so_cccd": "001000000000"}
    index = OfficerIndex([*RECORDS, twin])
    res = index.identify(None, RECORDS[0]["ho_ten"], RECORDS[0]["ngay_sinh"])
    assert res.status == "ambiguous" and set(res.candidates) == {RECORDS[0]["ma_can_bo"], "TWIN"}


def test_lookup_is_fast() -> None:
    rng = random.Random(3)
    sample = rng.sample(RECORDS, 200)
    start = time.perf_counter()
    for rec in sample:
        INDEX.identify(None, BENCH.noisy_name(rec["ho_ten"], rng), rec["ngay_sinh"])
    assert (time.perf_counter() - start) / len(sample) < 0.02


def test_identify_from_extracted_fields() -> None:
    from hoso.result import ExtractedField

    rec = RECORDS[42]
    fields = {k: ExtractedField(rec[k], rec[k], 0.9, 1, (0, 0, 1, 1)) for k in ("ho_ten", "ngay_sinh")}
    res = INDEX.identify_fields(fields)
    assert res.matched and res.record is rec and res.method == "name_birth"


def test_decision_without_birth_date_matches_the_only_officer_of_that_exact_name() -> None:
    unit = RECORDS[:40]  # the clerk's unit: the index is built over its subtree only
    names = [r["ho_ten"] for r in unit]
    rec = next(r for r in unit if names.count(r["ho_ten"]) == 1)
    res = OfficerIndex(unit).identify(None, rec["ho_ten"], None)
    assert res.matched and res.record is rec and res.method == "name_only"


def test_decision_without_birth_date_and_a_namesake_or_a_changed_mark_is_not_matched() -> None:
    rec = RECORDS[0]
    namesake = {**rec, "ma_can_bo": "NAMESAKE", "so_cccd": "001000000001", "ngay_sinh": "1970-01-01"}
    assert OfficerIndex([rec, namesake]).identify(None, rec["ho_ten"], None).status == "ambiguous"
    words = rec["ho_ten"].split()
    words[-1] = BENCH.strip_marks(words[-1]) if BENCH.strip_marks(words[-1]) != words[-1] else words[-1] + "h"
    assert not OfficerIndex([rec]).identify(None, " ".join(words), None).matched
