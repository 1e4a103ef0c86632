"""Unit tests of the benchmark's pure scoring functions (benchmarks/bench_scoring.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_scoring.py"
_SPEC = importlib.util.spec_from_file_location("bench_scoring", _PATH)
assert _SPEC and _SPEC.loader
sc = importlib.util.module_from_spec(_SPEC)
sys.modules["bench_scoring"] = sc  # dataclasses look their module up by name
_SPEC.loader.exec_module(sc)

CORE = {
    ("so_yeu_ly_lich", "ho_ten"): "name",
    ("so_yeu_ly_lich", "ngay_sinh"): "date",
    ("so_yeu_ly_lich", "que_quan"): "address",
    ("so_yeu_ly_lich", "so_cccd"): "digits",
    ("so_yeu_ly_lich", "so_bhxh"): "digits",
    ("quyet_dinh", "so_ky_hieu"): "code",
    ("quyet_dinh", "ho_ten"): "name",
}


def fold(kind: str, value: str, key: str = "") -> str:
    """A small, predictable fold: case-insensitive names and addresses."""
    value = " ".join(value.split())
    return value.casefold() if kind in ("name", "address") else value


def field(value: str, conf: float = 0.9) -> dict:
    return {"value": value, "raw": value, "confidence": conf, "page": 1, "bbox": [0, 0, 1, 1]}


def truth_file() -> dict:
    return {
        "path": "d1.pdf",
        "variant": "scanner",
        "pages": 5,
        "documents": [
            {
                "type": "so_yeu_ly_lich",
                "layout": "tt06_2023",
                "pages": [1, 2, 3],
                "fields": {
                    "ho_ten": "Nguyễn Thị Minh Khai",
                    "ngay_sinh": "1985-06-15",
                    "que_quan": "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An",
                    "so_cccd": "079185001234",
                    "ten_goi_khac": "Khai",
                },
            },
            {
                "type": "quyet_dinh",
                "layout": "quyet_dinh",
                "pages": [4],
                "fields": {"so_ky_hieu": "25/2015/QĐ-UBND", "ho_ten": "Lê Văn Tám"},
            },
            {"type": "khac", "layout": None, "pages": [5], "fields": {}},
        ],
    }


def output_file() -> dict:
    return {
        "path": "d1.pdf",
        "pages": 5,
        "errors": [],
        "documents": [
            {
                "type": "so_yeu_ly_lich",
                "pages": [1, 2, 3],
                "fields": {
                    "ho_ten": field("NGUYỄN THỊ MINH KHAI"),  # equal after folding
                    "ngay_sinh": field("1985-06-16", 0.99),  # wrong
                    "que_quan": field("xã tân phú,  huyện đức hòa, tỉnh long an"),
                    # so_cccd absent: a miss
                    "so_bhxh": field("123"),
                },
            },  # core, not in truth: spurious
            {
                "type": "quyet_dinh",
                "pages": [4, 5],
                "fields": {"so_ky_hieu": field("25/2015/QĐ-UBND"), "ho_ten": field("Lê Văn Tám")},
            },
        ],
    }


def test_match_documents_is_one_to_one_by_overlap() -> None:
    truth = [
        {"type": "a", "pages": [1, 2]},
        {"type": "b", "pages": [3]},
        {"type": "c", "pages": [9]},
    ]
    out = [{"type": "b", "pages": [2, 3]}, {"type": "a", "pages": [1, 2]}]
    assert sc.match_documents(truth, out) == [1, 0, None]


def test_match_documents_prefers_same_type_on_equal_overlap() -> None:
    truth = [{"type": "quyet_dinh", "pages": [1]}]
    out = [{"type": "khac", "pages": [1]}, {"type": "quyet_dinh", "pages": [1]}]
    assert sc.match_documents(truth, out) == [1]


def test_score_file_counts_ok_wrong_missing_and_spurious() -> None:
    score = sc.score_file(truth_file(), output_file(), CORE, fold)
    status = {(r.doc_type, r.key): r.status for r in score.fields}
    assert status == {
        ("so_yeu_ly_lich", "ho_ten"): "ok",
        ("so_yeu_ly_lich", "ngay_sinh"): "wrong",
        ("so_yeu_ly_lich", "que_quan"): "ok",
        ("so_yeu_ly_lich", "so_cccd"): "missing",
        ("quyet_dinh", "so_ky_hieu"): "ok",
        ("quyet_dinh", "ho_ten"): "ok",
    }  # ten_goi_khac is not core: not scored
    assert score.spurious == 1
    assert score.extra_documents == 0


def test_split_needs_exact_pages_and_type() -> None:
    score = sc.score_file(truth_file(), output_file(), CORE, fold)
    assert [s.ok for s in score.splits] == [True, False, False]
    assert score.splits[1].got == "quyet_dinh [4, 5]"
    assert score.splits[2].got == "-"
    assert sc.split_accuracy(score.splits) == pytest.approx(1 / 3)


def test_wrong_type_with_right_pages_fails_the_split() -> None:
    output = output_file()
    output["documents"][0]["type"] = "khac"
    score = sc.score_file(truth_file(), output, CORE, fold)
    assert not score.splits[0].ok


def test_missing_output_line_makes_every_field_a_miss() -> None:
    score = sc.score_file(truth_file(), None, CORE, fold)
    assert len(score.fields) == 6
    assert all(r.status == "missing" for r in score.fields)
    assert sc.split_accuracy(score.splits) == 0.0


def test_extra_output_documents_are_counted() -> None:
    output = output_file()
    output["documents"].append({"type": "khac", "pages": [6], "fields": {}})
    assert sc.score_file(truth_file(), output, CORE, fold).extra_documents == 1


def test_empty_value_counts_as_missing_and_fold_errors_as_wrong() -> None:
    output = output_file()
    output["documents"][1]["fields"]["ho_ten"] = field("")

    def picky(kind: str, value: str, key: str) -> str:
        if value.startswith("25/"):
            raise ValueError("unparsable")
        return fold(kind, value, key)

    status = {(r.doc_type, r.key): r.status for r in sc.score_file(truth_file(), output, CORE, picky).fields}
    assert status[("quyet_dinh", "ho_ten")] == "missing"
    assert status[("quyet_dinh", "so_ky_hieu")] == "wrong"


def test_breakdown_and_bucket_accuracy() -> None:
    score = sc.score_file(truth_file(), output_file(), CORE, fold)
    by_type = sc.breakdown(score.fields, lambda r: r.doc_type)
    assert list(by_type) == ["quyet_dinh", "so_yeu_ly_lich"]
    syll = by_type["so_yeu_ly_lich"]
    assert (syll.total, syll.correct, syll.missing, syll.wrong) == (4, 2, 1, 1)
    assert syll.accuracy == 0.5
    assert syll.to_json()["accuracy"] == 0.5
    assert sc.Bucket().accuracy == 0.0


def test_merge_scores_adds_everything() -> None:
    one = sc.score_file(truth_file(), output_file(), CORE, fold)
    both = sc.merge_scores([one, sc.score_file(truth_file(), None, CORE, fold)])
    assert len(both.fields) == 12 and len(both.splits) == 6 and both.spurious == 1


def test_worst_misses_puts_confident_wrong_values_first() -> None:
    score = sc.score_file(truth_file(), output_file(), CORE, fold)
    worst = sc.worst_misses(score.fields, limit=5)
    assert [(r.key, r.status) for r in worst] == [("ngay_sinh", "wrong"), ("so_cccd", "missing")]
    assert sc.worst_misses(score.fields, limit=1)[0].key == "ngay_sinh"


def test_rate_and_target() -> None:
    assert sc.rate(120, 60.0)["pages_per_min"] == 120.0
    assert sc.rate(120, 60.0)["pages_per_s"] == 2.0
    assert sc.rate(5, 0.0)["pages_per_min"] == 0.0
    assert sc.target("x", 0.99, 0.98)["status"] == "PASS"
    assert sc.target("x", 0.97, 0.98)["status"] == "FAIL"
    assert sc.target("mem", 2e9, 1e9, higher_is_better=False)["status"] == "FAIL"
    assert sc.target("x", None, 0.98)["status"] == "n/a"


def test_fallback_fold_folds_address_prefixes_case_and_code_spaces() -> None:
    a = sc.fallback_fold("address", "Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An")
    b = sc.fallback_fold("address", "tân phú, đức hòa,  TP. long an")
    assert a == b
    assert sc.fallback_fold("code", "25 / 2015 / QĐ - UBND") == "25/2015/QĐ-UBND"
    assert sc.fallback_fold("date", "1985-06-15") != sc.fallback_fold("date", "1985-06-16")


def test_pair_outputs_by_order_then_by_path_or_name() -> None:
    paths = [Path("/x/b00/a.pdf"), Path("/x/b01/a.pdf"), Path("/x/b00/c.jpg")]
    lines = [{"path": "/x/b00/a.pdf"}, {"path": "/x/b01/a.pdf"}, {"path": "c.jpg"}]
    assert sc.pair_outputs(paths, lines) == lines
    shuffled = [lines[2], lines[1]]  # one line lost, order broken
    assert sc.pair_outputs(paths, shuffled) == [None, lines[1], lines[2]]


def test_fold_gets_the_key_and_an_empty_fold_of_the_truth_compares_as_written() -> None:
    seen: list[str] = []

    def giving_up(kind: str, value: str, key: str) -> str:
        seen.append(key)
        return ""  # what a fold returns when it cannot normalize the value

    output = output_file()
    output["documents"][1]["fields"]["ho_ten"] = field("Lê Văn  Tám")
    results = sc.score_file(truth_file(), output, CORE, giving_up).fields
    status = {(r.doc_type, r.key): r.status for r in results}
    assert status[("quyet_dinh", "ho_ten")] == "ok"  # equal once spaces are collapsed
    assert status[("so_yeu_ly_lich", "ho_ten")] == "wrong"  # differs in case: not equal
    assert "so_ky_hieu" in seen


def test_project_fold_is_used_when_present() -> None:
    fold_fn, name = sc.default_fold()
    if name.startswith("fallback"):
        pytest.skip("hoso.normalize not available")
    assert fold_fn("address", "Xã Tân Phú, Huyện Đức Hòa", "que_quan") == fold_fn(
        "address", "tân phú, đức hòa", "que_quan"
    )


def test_the_agency_with_its_parent_line_joined_is_right_as_the_contract_allows() -> None:
    core = {("quyet_dinh", "co_quan_ban_hanh"): "text"}
    tdoc = {"type": "quyet_dinh", "pages": [1], "fields": {"co_quan_ban_hanh": "SỞ NỘI VỤ"}}
    for got, ok in (("SỞ NỘI VỤ", True), ("UBND TỈNH LONG AN SỞ NỘI VỤ", True), ("UBND TỈNH LONG AN", False),
                    ("UBND TỈNH LONG AN SỞ NỘI VỤ X", False), ("Phòng SỞ NỘI VỤ", False)):
        odoc = {"type": "quyet_dinh", "pages": [1], "fields": {"co_quan_ban_hanh": field(got)}}
        results, spurious = sc.score_document(("d.pdf", "clean"), tdoc, odoc, core, fold)
        assert [r.ok for r in results] == [ok] and spurious == 0


def result(key: str, got: str | None, conf: float | None, ok: bool, raw: float | None = None) -> object:
    return sc.FieldResult("f", "scanner", "so_yeu_ly_lich", "tt06_2023", key, "x", got, conf, ok, raw)


def test_the_output_raw_confidence_is_kept_beside_the_reported_one() -> None:
    output = output_file()
    output["documents"][0]["fields"]["ngay_sinh"]["raw_confidence"] = 0.5
    by_key = {(r.doc_type, r.key): r for r in sc.score_file(truth_file(), output, CORE, fold).fields}
    wrong = by_key[("so_yeu_ly_lich", "ngay_sinh")]
    assert (wrong.confidence, wrong.raw_confidence) == (0.99, 0.5)
    same = by_key[("so_yeu_ly_lich", "ho_ten")]  # no raw_confidence in the output: the reported one is raw
    assert same.confidence == same.raw_confidence == 0.9
    assert by_key[("so_yeu_ly_lich", "so_cccd")].raw_confidence is None  # absent


def test_calibration_pairs_leave_out_absent_values_and_keep_wrong_ones_per_kind() -> None:
    results = [
        result("ho_ten", "A", 0.9, True, 0.6),
        result("ngay_sinh", "1985", 0.8, False, 0.7),  # present but wrong: counted
        result("so_cccd", None, None, False),  # absent: no confidence, left out
        result("ngay_sinh", "1985", None, True),  # a bare value without confidence: left out
        result("unknown_key", "?", 0.5, True),  # no kind: left out
    ]
    assert sc.calibration_pairs(results, CORE) == {"date": [(0.8, False)], "name": [(0.9, True)]}
    assert sc.calibration_pairs(results, CORE, raw=True) == {"date": [(0.7, False)], "name": [(0.6, True)]}


def test_reliability_bins_and_expected_calibration_error() -> None:
    table = sc.Reliability.empty(10)
    for conf, ok in [(0.95, True), (0.95, True), (0.95, True), (0.95, False), (0.35, True), (1.0, True)]:
        table.add(conf, ok)
    assert table.total == 6
    top, low = table.bins[9], table.bins[3]
    assert (top.count, top.correct) == (5, 4)  # 1.0 goes in the last bin
    assert top.mean_confidence == pytest.approx(0.96) and top.accuracy == pytest.approx(0.8)
    assert (low.count, low.accuracy) == (1, 1.0)
    # ECE = 5/6 · |0.8 − 0.96| + 1/6 · |1.0 − 0.35|
    assert table.ece == pytest.approx(5 / 6 * 0.16 + 1 / 6 * 0.65)
    js = table.to_json()
    assert [b["lower"] for b in js["bins"]] == [0.3, 0.9] and js["total"] == 6
    assert sc.Reliability.empty().ece is None
    table.add(-0.2, False)  # clipped into 0–1
    assert table.bins[0].count == 1 and table.bins[0].mean_confidence == 0.0


def test_ece_weights_each_bin_by_its_count() -> None:
    table = sc.Reliability.empty(10)
    for i in range(10):
        table.add(0.75, i < 8)  # 8 of 10 right at 0.75: off by 0.05
    for i in range(5):
        table.add(0.25, i == 0)  # 1 of 5 right at 0.25: off by 0.05
    assert table.ece == pytest.approx(0.05)
    for _ in range(5):
        table.add(0.05, False)  # 0 of 5 right at 0.05: off by 0.05
    assert table.ece == pytest.approx(0.05)


def test_reliability_by_kind_adds_all_kinds_together() -> None:
    results = [result("ho_ten", "A", 0.9, True), result("ngay_sinh", "1", 0.9, False)]
    tables = sc.reliability_by_kind(results, CORE)
    assert list(tables) == ["date", "name", "all"]
    assert tables["all"].total == 2 and tables["all"].ece == pytest.approx(0.4)
    assert tables["name"].ece == pytest.approx(0.1) and tables["date"].ece == pytest.approx(0.9)
    assert sc.reliability_by_kind([], CORE) == {}
