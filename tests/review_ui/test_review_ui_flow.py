"""Upload → per-file state → queue → flag screen → resolve → approval, through the real app and ingest."""

import io
import zipfile

import pytest
from PIL import Image

from tests.review_ui.conftest import GOLDEN, add_dossier, csrf_of, import_golden_record, login


@pytest.fixture
def clerk(make_client):
    c = make_client()
    login(c, "clerk_a")
    return c


def upload(client, files, unit="A", **extra):
    token = csrf_of(client, "/upload")
    parts = [("files", (name, data, "application/octet-stream")) for name, data in files]
    return client.post("/api/uploads", files=parts, data={"unit": unit, **extra}, headers={"X-CSRF-Token": token})


def states(client, batch):
    return {u["file"]: u for u in client.get(f"/api/uploads?batch={batch}").json()["items"]}


@pytest.fixture
def ingested(province, tmp_path, clerk, monkeypatch):
    """The golden dossier uploaded by the clerk and processed by the upload worker."""
    monkeypatch.setenv("HOSO_WORKERS", "1")
    import_golden_record(province, tmp_path)
    r = upload(clerk, [("ho-so.pdf", GOLDEN.read_bytes())])
    assert r.status_code == 200, r.text
    batch = r.json()["batch"]
    assert states(clerk, batch)["ho-so.pdf"]["state"] == "queued"
    clerk.app.state.runner.drain()
    row = states(clerk, batch)["ho-so.pdf"]
    assert row["state"] == "done" and row["pages_done"] == row["pages_total"] == 5, row
    return row["dossier"]


def test_upload_is_processed_and_flags_reach_the_reviewer_queue(ingested, make_client, clerk):
    rev = make_client()
    login(rev, "rev_a")
    flags = rev.get("/api/flags").json()["items"]
    assert sorted((f["field"], f["paper"], f["electronic"]) for f in flags) == [
        ("dan_toc", "Kinh", "Tày"), ("he_so_luong", "3.00", "3.33")]
    assert {f["dossier"] for f in flags} == {ingested}
    html = rev.get("/flags").text
    assert "Hệ số" in html and "Dân tộc" in html and "3.33" in html
    again = upload(clerk, [("lan-nua.pdf", GOLDEN.read_bytes())])
    row = states(clerk, again.json()["batch"])["lan-nua.pdf"]
    assert row["state"] == "duplicate" and row["dossier"] == ingested and "trùng" in row["message"]


def test_flag_screen_shows_the_page_with_the_box_and_the_resolve_keys(ingested, make_client):
    rev = make_client()
    login(rev, "rev_a")
    flag = next(f for f in rev.get("/api/flags").json()["items"] if f["field"] == "he_so_luong")
    detail = rev.get(f"/api/flags/{flag['id']}").json()
    assert detail["page"] and detail["bbox"]
    html = rev.get(f"/flags/{flag['id']}").text
    img = f"/dossiers/{ingested}/documents/{detail['document']}/pages/{detail['page']}.png"
    assert img in html and 'data-bbox="' + ",".join(map(str, detail["bbox"])) in html
    assert 'value="paper"' in html and "<kbd>1</kbd>" in html and 'id="note"' in html
    png = rev.get(img)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    width, height = Image.open(io.BytesIO(png.content)).size
    assert 1200 < width < 1300 and 1700 < height < 1800  # A4 at 150 dpi: half the 300-dpi box space
    x0, y0, x1, y1 = detail["bbox"]
    assert x1 / 2 <= width and y1 / 2 <= height
    assert rev.get(img).content == png.content  # served from the cache the second time


def test_resolving_goes_to_the_next_flag_and_approval_waits_for_the_last(ingested, make_client, province):
    rev = make_client()
    login(rev, "rev_a")
    token = csrf_of(rev, "/flags")
    (first, field, paper), (second, *_) = ((f["id"], f["field"], f["paper"]) for f in rev.get("/api/flags").json()["items"])
    dossier = rev.get(f"/dossiers/{ingested}").text
    assert 'id="approve-btn" type="submit" disabled' in dossier and "2</strong> cảnh báo" in dossier
    empty = rev.post(f"/flags/{first}/resolve", data={"kind": "paper", "note": "  ", "csrf_token": token},
                     follow_redirects=False)
    assert empty.status_code == 303 and rev.get(empty.headers["location"]).text.count("cần ghi chú") == 1
    r = rev.post(f"/flags/{first}/resolve", data={"kind": "paper", "note": "đúng theo giấy", "csrf_token": token},
                 follow_redirects=False)
    assert r.headers["location"] == f"/flags/{second}"
    refused = rev.post(f"/api/dossiers/{ingested}/approve", json={}, headers={"X-CSRF-Token": token})
    assert refused.status_code == 409 and refused.json()["open_flags"] == [second]
    form_refused = rev.post(f"/dossiers/{ingested}/approve", data={"csrf_token": token})
    assert "Không thể phê duyệt" in form_refused.text
    r = rev.post(f"/flags/{second}/resolve", data={"kind": "ocr", "value": "Kinh", "note": "máy đọc sai",
                                                   "csrf_token": token}, follow_redirects=False)
    assert r.headers["location"] == "/flags"
    ok = rev.post(f"/api/dossiers/{ingested}/approve", json={"note": "đủ"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    assert rev.get(f"/api/dossiers/{ingested}").json()["state"] == "approved"
    with province.uow() as uow:
        assert uow.records.get(rev.get(f"/api/dossiers/{ingested}").json()["officer"]).fields[field] == paper


def test_clerk_cannot_resolve_or_see_the_dashboard(ingested, clerk):
    flag = clerk.get("/api/flags").json()["items"][0]["id"]
    token = csrf_of(clerk, "/upload")
    r = clerk.post(f"/api/flags/{flag}/resolve", json={"kind": "paper", "note": "x"}, headers={"X-CSRF-Token": token})
    assert r.status_code == 403
    assert clerk.get("/dashboard").status_code == 403


def test_bad_uploads_get_clear_messages_and_touch_nothing_else(clerk, make_client):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024))
    r = upload(clerk, [("ghi-chu.txt", "chỉ là văn bản".encode()), ("bom.zip", bomb.getvalue())])
    rows = states(clerk, r.json()["batch"])
    assert rows["ghi-chu.txt"]["state"] == "error" and "Không phải tệp tài liệu" in rows["ghi-chu.txt"]["message"]
    assert rows["bom.zip/bomb.pdf"]["state"] == "error" and "ZIP bomb" in rows["bom.zip/bomb.pdf"]["message"]
    small = make_client(max_upload_bytes=1024 * 1024)
    login(small, "clerk_a")
    big = upload(small, [("to.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))])
    assert big.status_code == 413 and "vượt quá giới hạn 1 MB" in big.json()["message"]
    token = csrf_of(small, "/upload")
    declared = small.post("/api/uploads", content=b"x", headers={"X-CSRF-Token": token, "Content-Length": str(200 * 1024 * 1024),
                                                               "Content-Type": "multipart/form-data; boundary=x"})
    assert declared.status_code == 413
    assert small.get("/api/uploads").json()["items"][0]["file"] == "bom.zip/bomb.pdf"  # nothing was staged


def test_queue_is_sorted_by_due_date_and_filtered(province, make_client):
    add_dossier(province, "D1", "A1", None, [("ngay_sinh", "1990-01-01", "1990-01-02", "date differs")], days_ago=1)
    add_dossier(province, "D2", "A", None, [("he_so_luong", "3.00", "3.33", "hệ số differs")], days_ago=9)
    add_dossier(province, "D3", "A1", None, [("he_so_luong", "2.34", "2.67", "hệ số differs")], days_ago=3)
    rev = make_client()
    login(rev, "rev_a")
    assert [f["dossier"] for f in rev.get("/api/flags").json()["items"]] == ["D2", "D3", "D1"]
    assert [f["dossier"] for f in rev.get("/api/flags?field=he_so_luong").json()["items"]] == ["D2", "D3"]
    assert [f["dossier"] for f in rev.get("/api/flags?unit=A1").json()["items"]] == ["D3", "D1"]
    assert [f["dossier"] for f in rev.get("/api/flags?reason=date").json()["items"]] == ["D1"]
    assert rev.get("/api/flags?unit=B").json()["items"] == []  # outside the scope: nothing, not an error
    html = rev.get("/flags").text
    assert html.index("D2-f0") < html.index("D3-f0") < html.index("D1-f0") and "quá" in html
