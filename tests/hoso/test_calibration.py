"""The calibration map (hoso/calibration.py) and its use at the contract boundary (hoso/result.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hoso import calibration
from hoso.calibration import POOLED, CalibrationMap, parse_table
from hoso.result import Document, ExtractedField, FileResult, field_kind

TABLE = """\
# a comment line
field_kind,upper,probability,samples
date,0.5,0.20,40
date,0.9,0.70,60
date,1.0,0.99,500
*,0.8,0.50,30
*,1.0,0.95,300
"""


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> CalibrationMap:
    """The test table in place of the shipped one."""
    mapping = parse_table(TABLE)
    monkeypatch.setattr(calibration, "default_map", lambda: mapping)
    return mapping


def test_a_raw_confidence_takes_the_probability_of_the_first_bin_whose_upper_bound_holds_it():
    m = parse_table(TABLE)
    assert m.probability("date", 0.45) == 0.20
    assert m.probability("date", 0.5) == 0.20  # the upper bound belongs to its bin
    assert m.probability("date", 0.5001) == 0.70
    assert m.probability("date", 0.95) == 0.99
    assert m.probability("date", 1.0) == 0.99
    assert m.probability("date", 1.5) == 0.99  # above the last bound: the last bin


def test_below_the_floor_the_first_bin_is_not_extrapolated():
    m = parse_table(TABLE)
    assert m.probability("date", 0.0) == 0.0
    assert m.probability("date", 0.1) == 0.1  # lower than the first bin's 0.20: the raw stands
    assert m.probability("name", 0.3) == 0.3  # the pooled map's first bin is 0.50
    assert m.probability("date", calibration.FLOOR) == 0.20


def test_a_kind_without_rows_and_an_unknown_kind_use_the_pooled_map():
    m = parse_table(TABLE)
    assert m.probability("name", 0.7) == 0.50
    assert m.probability(None, 0.9) == 0.95
    assert m.probability(POOLED, 0.9) == 0.95


def test_without_any_row_the_raw_confidence_passes_unchanged():
    assert CalibrationMap().probability("date", 0.42) == 0.42
    only_date = parse_table("field_kind,upper,probability\ndate,1.0,0.9\n")
    assert only_date.probability("name", 0.42) == 0.42  # no pooled fallback either


def test_the_map_is_monotone_in_the_raw_confidence():
    m = parse_table(TABLE)
    for kind in ("date", "name"):
        got = [m.probability(kind, i / 100) for i in range(101)]
        assert got == sorted(got)


@pytest.mark.parametrize(
    "rows",
    [
        "date,0.5,0.9\ndate,1.0,0.8\n",  # probability falls
        "date,0.5,0.8\ndate,0.5,0.9\n",  # the same bound twice
        "date,1.0,1.2\n",  # not a probability
    ],
)
def test_a_table_that_is_not_a_monotone_probability_map_is_refused(rows: str):
    with pytest.raises(ValueError):
        parse_table("field_kind,upper,probability\n" + rows)


def test_a_table_without_its_columns_is_refused():
    with pytest.raises(ValueError, match="columns"):
        parse_table("kind,bound,p\ndate,1.0,0.9\n")


def test_the_shipped_table_loads_and_maps_into_0_1():
    calibration.default_map.cache_clear()
    m = calibration.default_map()
    assert POOLED in m.steps  # the fallback every kind can reach
    for kind in ("name", "text", "address", "date", "int", "decimal", "digits", "code", "enum"):
        got = [m.probability(kind, i / 50) for i in range(51)]
        assert got == sorted(got) and all(0.0 <= p <= 1.0 for p in got)


def _result(conf: float) -> FileResult:
    fields = {"ngay_sinh": ExtractedField("1985-06-15", "15/06/1985", conf, 1, (1, 2, 3, 4))}
    return FileResult("d.pdf", "ab", 1, [Document("so_yeu_ly_lich", [1], fields)])


def test_the_contract_output_reports_the_calibrated_confidence_and_keeps_the_raw_one(table: CalibrationMap):
    result = _result(0.6)
    out = result.to_json()["documents"][0]["fields"]["ngay_sinh"]
    assert field_kind("so_yeu_ly_lich", "ngay_sinh") == "date"
    assert out["confidence"] == 0.70 == table.probability("date", 0.6)
    assert out["raw_confidence"] == 0.6
    assert result.documents[0].reported_confidence("ngay_sinh") == 0.70
    out_low = _result(0.3).to_json()["documents"][0]["fields"]["ngay_sinh"]
    assert (out_low["confidence"], out_low["raw_confidence"]) == (0.2, 0.3)


def test_the_field_itself_keeps_the_raw_confidence_for_matching(table: CalibrationMap):
    result = _result(0.3)
    result.to_json()
    assert result.documents[0].fields["ngay_sinh"].confidence == 0.3  # thresholds see the engine's value


def test_a_key_outside_the_contract_is_calibrated_with_the_pooled_map(table: CalibrationMap):
    doc = Document("khac", [1], {"extra_key": ExtractedField("x", "x", 0.7, 1, (0, 0, 1, 1))})
    assert field_kind("khac", "extra_key") is None
    assert doc.to_json()["fields"]["extra_key"]["confidence"] == 0.5


def test_the_contract_keys_and_their_order_are_kept(table: CalibrationMap):
    out = _result(0.95).to_json()["documents"][0]["fields"]["ngay_sinh"]
    assert list(out)[:5] == ["value", "raw", "confidence", "page", "bbox"]


def test_a_result_re_read_by_bench_verify_gives_matching_the_raw_confidence(table: CalibrationMap):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_verify import file_result_from_json

    data = json.loads(json.dumps(_result(0.3).to_json()))
    assert data["documents"][0]["fields"]["ngay_sinh"]["confidence"] == 0.2
    again = file_result_from_json(data)
    assert again.documents[0].fields["ngay_sinh"].confidence == 0.3
