"""hoso ingest → flags → resolve → approve → backlog on the born-digital golden dossier (text layer, fast)."""

import gc
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hoso.cli import app

GOLDEN = Path("samples/golden/dossier_tt06_nang_luong_born_digital.pdf")


@pytest.fixture
def province(tmp_path, monkeypatch):
    monkeypatch.delenv("HOSO_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOSO_WORKERS", "1")
    monkeypatch.setenv("HOSO_USER", "rev")
    truth = json.loads(Path(f"{GOLDEN}.truth.json").read_text(encoding="utf-8"))
    syll, decision = (d["fields"] for d in truth["documents"])
    record = {**syll, "unit": "PQLXD", "ma_can_bo": "CB-1", "he_so_luong": "3.33", "quyet_dinh": [decision]}
    (tmp_path / "records.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "units.csv").write_text(
        "code,name,parent_code\nSXD,Sở Xây dựng,\nPQLXD,Phòng Quản lý xây dựng,SXD\n", encoding="utf-8"
    )
    for args in (
        ["init"],
        ["units", "import", tmp_path / "units.csv"],
        ["users", "add", "clerk", "--role", "clerk", "--unit", "SXD"],
        ["users", "add", "rev", "--role", "reviewer", "--unit", "SXD"],
        ["records", "import", tmp_path / "records.json"],
    ):
        result = run(*args)
        assert result.exit_code == 0, result.output
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_ingest_flag_resolve_approve_backlog(province):
    first = run("ingest", GOLDEN, "--unit", "SXD", "--user", "clerk", "--json")
    assert first.exit_code == 0, first.output
    outcome = json.loads(first.stdout)
    assert outcome["status"] == "ingested" and outcome["state"] == "flagged"
    dossier = outcome["dossier"]

    flags = json.loads(run("flags", "--json").stdout)
    assert [(f["field"], f["paper"], f["electronic"]) for f in flags] == [("he_so_luong", "3.00", "3.33")]
    flag_id = flags[0]["id"]

    unknown = run("resolve", "no-such-flag", "--as", "paper", "--note", "x")
    assert unknown.exit_code == 4 and "no-such-flag" in unknown.output
    assert run("approve", "no-such-dossier").exit_code == 4

    refused = run("approve", dossier)
    assert refused.exit_code == 7 and flag_id in refused.output and "he_so_luong" in refused.output

    resolved = run("resolve", flag_id, "--as", "paper", "--note", "QĐ 102/QĐ-UBND: hệ số 3.00")
    assert resolved.exit_code == 0, resolved.output
    assert run("approve", dossier).exit_code == 0

    again = run("ingest", GOLDEN, "--unit", "SXD", "--user", "clerk")
    assert again.exit_code == 0 and "already stored" in again.output

    backlog = json.loads(run("backlog", "--json").stdout)
    assert backlog["total"]["states"]["approved"] == 1 and backlog["total"]["open_flags"] == 0
    assert sum(r["states"]["approved"] for r in backlog["units"]) == 1
    assert run("audit", "verify").exit_code == 0


def test_unknown_officer_is_a_flag_and_nothing_is_duplicated(province, tmp_path):
    empty = tmp_path / "other.json"
    empty.write_text(json.dumps([{"so_cccd": "001080000001", "ho_ten": "Trần Văn Hùng", "unit": "SXD"}]),
                     encoding="utf-8")  # fmt: skip
    data = tmp_path / "data2"
    for args in (["init"], ["units", "import", tmp_path / "units.csv"],
                 ["users", "add", "clerk", "--role", "clerk", "--unit", "SXD"],
                 ["users", "add", "rev", "--role", "reviewer", "--unit", "SXD"],
                 ["records", "import", empty]):  # fmt: skip
        assert CliRunner(env={"HOSO_DATA_DIR": str(data)}).invoke(app, [str(a) for a in args]).exit_code == 0
    runner = CliRunner(env={"HOSO_DATA_DIR": str(data)})
    out = runner.invoke(app, ["ingest", str(GOLDEN), str(GOLDEN), "--unit", "SXD", "--user", "clerk", "--json"])
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert sorted(o["status"] for o in lines) == ["already_stored", "ingested"]
    flags = json.loads(runner.invoke(app, ["flags", "--json"]).stdout)
    assert [f["field"] for f in flags] == ["officer"]


def test_interrupted_ingest_resumes_without_duplicates(province, tmp_path, monkeypatch):
    import hoso.recording

    copy = tmp_path / "copy.pdf"
    copy.write_bytes(GOLDEN.read_bytes() + b"\n% second upload\n")  # another hash, same content
    real, calls = hoso.recording.services.record_extraction, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C between the second file's two commits
        return real(*args, **kwargs)

    monkeypatch.setattr(hoso.recording.services, "record_extraction", interrupted)
    assert run("ingest", GOLDEN, copy, "--unit", "SXD", "--user", "clerk").exit_code != 0
    gc.collect()  # an interrupted run must already have cleaned up: nothing left for the collector to warn of
    monkeypatch.setattr(hoso.recording.services, "record_extraction", real)
    rerun = run("ingest", GOLDEN, copy, "--unit", "SXD", "--user", "clerk", "--json")
    assert rerun.exit_code == 0, rerun.output
    statuses = sorted(json.loads(line)["status"] for line in rerun.stdout.splitlines())
    assert statuses == ["already_stored", "resumed"]
    backlog = json.loads(run("backlog", "--json").stdout)["total"]
    assert sum(backlog["states"].values()) == 2 and backlog["states"]["flagged"] == 2
    assert len(json.loads(run("flags", "--json").stdout)) == 2  # one cảnh báo per dossier, none twice
    assert len(list((tmp_path / "data" / "objects" / "originals").rglob("*.pdf"))) == 2
