"""Supervisor dashboard (SQL aggregates agree with the domain's backlog), SVG charts, Excel report, CLI."""

import io
from datetime import UTC, datetime

from openpyxl import load_workbook
from typer.testing import CliRunner

from hoso.cli import app as cli
from hoso.domain import services
from hoso.domain.backlog import total
from tests.review_ui.conftest import HUONG, LAN, add_dossier, login


def seed(province):
    add_dossier(province, "D1", "A1", LAN, [("he_so_luong", "3.00", "3.33", "hệ số differs")], days_ago=40)
    add_dossier(province, "D2", "A", None, [], days_ago=2)
    add_dossier(province, "D3", "B", HUONG, [("dan_toc", "Kinh", "Tày", "enum differs"),
                                             ("ngay_sinh", "1990-01-01", "1990-01-02", "date differs")], days_ago=20)


def test_dashboard_figures_match_the_domain_backlog(province, make_client):
    seed(province)
    sup = make_client()
    login(sup, "sup")
    api = sup.get("/api/dashboard").json()
    expected = services.backlog(province.uow(), "SNV", datetime.now(UTC).date())
    assert api["units"] == [r.to_json() for r in expected]
    assert api["total"]["open_flags"] == 3 == total(expected).open_flags
    assert api["total"]["overdue_flags"] == 3 and api["total"]["overdue_dossiers"] == 2
    page = sup.get("/dashboard")
    assert page.status_code == 200 and page.text.count("<svg") == 2 and "Sở Xây dựng" in page.text
    sub = sup.get("/api/dashboard?unit=A").json()
    assert [u["unit"] for u in sub["units"]] == ["A", "A1"] and sub["total"]["open_flags"] == 1
    drill = sup.get("/dossiers?unit=A")
    assert "Nguyễn Thị Lan" in drill.text and "Trần Văn Hường" not in drill.text


def test_supervisor_cannot_open_a_unit_outside_the_subtree(province, make_client):
    rev = make_client()
    login(rev, "admin")
    assert rev.get("/api/dashboard?unit=NOPE").status_code == 404


def test_excel_export_has_the_report_layout(province, make_client):
    seed(province)
    sup = make_client()
    login(sup, "sup")
    r = sup.get("/dashboard/export.xlsx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content)).active
    assert ws["A4"].value.startswith("BÁO CÁO TIẾN ĐỘ SỐ HÓA") and ws["H1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    rows = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(3, 13)] for r in range(8, 14)}
    assert rows["UBND xã Mỹ An"][:1] == [1] and rows["UBND xã Mỹ An"][6] == 2
    assert rows["Tổng cộng"][0] == 3 and rows["Tổng cộng"][6] == 3


def test_users_add_with_password_from_stdin_allows_web_login(tmp_path, monkeypatch, make_client):
    monkeypatch.delenv("HOSO_DATABASE_URL", raising=False)
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    (tmp_path / "units.csv").write_text("code,name,parent_code\nX,Sở X,\n", encoding="utf-8")
    assert runner.invoke(cli, ["units", "import", str(tmp_path / "units.csv")]).exit_code == 0
    short = runner.invoke(cli, ["users", "add", "u", "--role", "clerk", "--unit", "X", "--password-stdin"],
                          input="ngan\n")
    assert short.exit_code == 3 and "at least 8" in short.output
    ok = runner.invoke(cli, ["users", "add", "u", "--role", "clerk", "--unit", "X", "--password-stdin"],
                       input="mot-mat-khau-dai\n")
    assert ok.exit_code == 0 and "đã đặt mật khẩu" in ok.output
    from review_ui.accounts import LockPolicy, authenticate
    from storage.uow import SqlStore

    store = SqlStore.from_url()
    try:
        assert authenticate(store, "u", "mot-mat-khau-dai", LockPolicy()).username == "u"
    finally:
        store.dispose()
