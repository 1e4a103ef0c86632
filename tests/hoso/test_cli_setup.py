"""hoso init, units import, users add, records import and audit verify through the CLI (SQLite default)."""

import json

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from hoso.cli import app
from storage.uow import SqlStore

LOAN = "019197704204"
HEADER = "so_cccd,ho_ten,gioi_tinh,ngay_sinh,unit,ma_can_bo,he_so_luong,trang_thai"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.delenv("HOSO_DATABASE_URL", raising=False)
    monkeypatch.delenv("HOSO_USER", raising=False)
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def province(env):
    assert run("init").exit_code == 0
    units = env / "units.csv"
    units.write_text("code,name,parent_code\nSNV,Sở Nội vụ,\nSXD,Sở Xây dựng,SNV\n", encoding="utf-8")
    assert run("units", "import", units).exit_code == 0
    return env


def record(env, store_fn=None):
    store = SqlStore.from_url(f"sqlite:///{env / 'data' / 'hoso.db'}")
    try:
        with store.uow() as uow:
            return uow.officers.get(LOAN), uow.records.get(LOAN)
    finally:
        store.dispose()


def test_init_is_idempotent_and_creates_data_dir(env):
    first, second = run("init"), run("init")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert (env / "data" / "hoso.db").is_file() and (env / "data" / "objects").is_dir()


def test_commands_before_init_say_so(env):
    result = run("flags", "--user", "x")
    assert result.exit_code == 11 and "hoso init" in result.output


def test_units_and_users(province):
    bad = province / "bad_units.csv"
    bad.write_text("code,name,parent_code\nX1,Xã 1,NOPE\n", encoding="utf-8")
    result = run("units", "import", bad)
    assert result.exit_code == 1 and "dòng 2" in result.output and "NOPE" in result.output
    assert run("users", "add", "rev", "--role", "reviewer", "--unit", "SXD", "--name", "Lan").exit_code == 0
    unknown_unit = run("users", "add", "c", "--role", "clerk", "--unit", "ZZZ")
    assert unknown_unit.exit_code == 4 and "ZZZ" in unknown_unit.output
    assert run("users", "add", "c", "--role", "boss", "--unit", "SXD").exit_code == 3


def test_csv_import_rejects_bad_rows_by_line_and_keeps_good_ones(province):
    path = province / "records.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                f"{LOAN},Nguyễn Cẩm Minh Loan,Nữ,30/11/1997,SXD,CB-1,3.00,Đang công tác",
                "0191977042041,Trần Văn A,Nam,01/01/1980,SXD,CB-2,2.34,",  # 13 digits
                "019197700001,Lê Thị B,Nữ,31/02/1990,SXD,CB-3,2.67,",  # 31/02
                "019197700002,Phạm C,Nam,1985-06-15,SXD,CB-4,2.34,,EXTRA",  # a cell past the header
                "019197700003,Đỗ D,Nam,1985-06-15,SXD,CB-5,2.34,nghi_huu",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run("records", "import", path, "--json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["created"] == 2
    rejected = {r["line"]: " ".join(r["reasons"]) for r in report["rejected"]}
    assert set(rejected) == {3, 4, 5}
    assert "12 digits" in rejected[3] and "ngay_sinh" in rejected[4] and "EXTRA" in rejected[5]
    officer, rec = record(province)
    assert officer.ma_can_bo == "CB-1" and rec.fields["ngay_sinh"] == "1997-11-30"
    human = run("records", "import", path)
    assert human.exit_code == 1 and "3 dòng bị từ chối" in human.output


def test_unknown_column_refuses_the_file(province):
    path = province / "records.csv"
    path.write_text(f"so_cccd,ho_ten,unit,ngay_sinhh\n{LOAN},Loan,SXD,1997-11-30\n", encoding="utf-8")
    result = run("records", "import", path)
    assert result.exit_code == 3 and "ngay_sinhh" in result.output and "ngay_sinh" in result.output


def test_xlsx_import_then_reimport_keeps_history(province):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append([LOAN, "Nguyễn Cẩm Minh Loan", "Nữ", "30/11/1997", "SXD", "CB-1", "3.00", ""])
    sheet.append(["019197700009", "Lê Thị B", "Nữ", "31/02/1990", "SXD", "CB-3", "2.67", ""])
    path = province / "records.xlsx"
    book.save(path)
    first = json.loads(run("records", "import", path, "--json", "--user", "hr").stdout)
    assert first["created"] == 1 and [r["line"] for r in first["rejected"]] == [3]
    again = province / "update.json"
    again.write_text(json.dumps([{"so_cccd": LOAN, "ho_ten": "Nguyễn Cẩm Minh Loan", "unit": "SXD",
                                  "he_so_luong": "3,33", "quyet_dinh": [{"so_ky_hieu": "102/QĐ-UBND",
                                  "ngay_ban_hanh": "15/05/2026", "loai_quyet_dinh": "nang_luong"}]}]),
                     encoding="utf-8")  # fmt: skip
    result = run("records", "import", again, "--json", "--user", "hr")
    assert result.exit_code == 0 and json.loads(result.stdout)["updated"] == 1
    _, rec = record(province)
    change = next(c for c in rec.history if c.field == "he_so_luong")
    assert (change.old, change.new, change.user) == ("3.00", "3.33", "hr")
    assert rec.decisions[0].so_quyet_dinh == "102/QĐ-UBND"
    assert json.loads(run("records", "import", again, "--json").stdout)["unchanged"] == 1


def test_audit_verify(province):
    result = run("audit", "verify")
    assert result.exit_code == 0 and "OK" in result.output
