"""`hoso verify --json` end to end on the born-digital golden dossier (text layer: no OCR noise)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

GOLDEN = Path(__file__).resolve().parents[2] / "samples" / "golden"
PDF = GOLDEN / "dossier_tt06_nang_luong_born_digital.pdf"


def record_from_truth() -> dict[str, Any]:
    truth = json.loads(PDF.with_name(PDF.name + ".truth.json").read_text(encoding="utf-8"))
    syll, decision = truth["documents"]
    return {"ma_can_bo": "CB-000001", **syll["fields"], "quyet_dinh": [dict(decision["fields"])]}


def run_verify(record: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], int]:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "hoso", "verify", str(PDF), "--record", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr[-2000:]
    return json.loads(lines[0]), proc.returncode


def test_unchanged_record_is_approvable(tmp_path: Path) -> None:
    out, code = run_verify(record_from_truth(), tmp_path)
    assert out == {"path": str(PDF), "flags": [], "approvable": True}
    assert code == 0


@pytest.mark.parametrize(
    ("key", "value"),
    [("he_so_luong", "3.33"), ("dan_toc", "Tày"), ("so_bhxh", "1960998446"), ("ngay_sinh", "1997-03-11")],
)
def test_one_planted_change_is_one_flag(tmp_path: Path, key: str, value: str) -> None:
    record = record_from_truth()
    paper = record[key]
    record[key] = value
    out, code = run_verify(record, tmp_path)
    assert out["approvable"] is False and code == 0
    assert len(out["flags"]) == 1, out["flags"]
    flag = out["flags"][0]
    assert list(flag) == ["document", "field", "paper", "electronic", "score", "reason", "page", "bbox"]
    assert (flag["document"], flag["field"], flag["paper"], flag["electronic"]) == (0, key, paper, value)
    assert 0.0 <= flag["score"] < 1.0 and flag["reason"]
    assert isinstance(flag["page"], int) and len(flag["bbox"]) == 4


def test_decision_missing_from_record(tmp_path: Path) -> None:
    record = record_from_truth()
    record["quyet_dinh"][0]["so_ky_hieu"] = "999/QĐ-SNV"
    record["quyet_dinh"][0]["ngay_ban_hanh"] = "2019-01-02"
    out, _ = run_verify(record, tmp_path)
    assert [(f["document"], f["field"], f["reason"]) for f in out["flags"]] == [
        (1, "so_ky_hieu", "not in the electronic record")
    ]


def test_unusable_record_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text("[1, 2", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "hoso", "verify", str(PDF), "--record", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 2 and proc.stdout == ""


def test_table_for_a_person(tmp_path: Path) -> None:
    record = record_from_truth()
    record["he_so_luong"] = "3.33"
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "hoso", "verify", str(PDF), "--record", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert proc.returncode == 0
    for heading in ("Cảnh báo", "Trên giấy", "Hồ sơ điện tử", "Lý do", "Chưa thể phê duyệt"):
        assert heading in proc.stdout
