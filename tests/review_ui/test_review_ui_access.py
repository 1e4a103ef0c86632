"""Access rules over the real app and database: sessions, CSRF, lock-out, unit scope (404), escaping."""

import pytest
from sqlalchemy import func, select

from storage.orm import AuditRow
from tests.review_ui.conftest import HUONG, LAN, add_dossier, csrf_of, login


@pytest.fixture
def dossiers(province):
    a = add_dossier(province, "DA", "A1", LAN, [("he_so_luong", "3.33", "3.66", "hệ số differs")])
    b = add_dossier(province, "DB", "B", HUONG, [("dan_toc", "<script>alert(1)</script>", "<b>Kinh</b>",
                                                  "enum differs")])
    return {"A": a, "B": b}


def audit_count(store, **where):
    with store.uow() as uow:
        stmt = select(func.count()).select_from(AuditRow.__table__)
        for k, v in where.items():
            stmt = stmt.where(getattr(AuditRow, k) == v)
        return uow.connection().execute(stmt).scalar_one()


def test_pages_redirect_to_login_and_api_answers_401_without_session(client, dossiers):
    page = client.get("/flags", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login?next=/flags")
    for path in ("/api/flags", "/api/dossiers", "/api/dossiers/DA", "/api/uploads", "/api/me"):
        r = client.get(path)
        assert r.status_code == 401, path
        assert r.json()["code"] == "not_authenticated"
    assert client.post("/api/dossiers/DA/approve", json={}).status_code == 401


def test_login_sets_http_only_session_and_lands_on_role_home(client):
    r = login(client, "rev_a")
    assert r.status_code == 303 and r.headers["location"] == "/flags"
    cookie = r.headers["set-cookie"]
    assert "hoso_session=" in cookie and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert client.get("/api/me").json()["username"] == "rev_a"


def test_secure_flag_is_set_on_the_cookie_by_default(make_client):
    c = make_client(cookie_secure=True)
    c.base_url = "https://testserver"
    r = login(c, "rev_a")
    assert "secure" in r.headers["set-cookie"].lower()


def test_wrong_password_five_times_locks_the_account_even_for_the_right_password(client, province):
    for _ in range(4):
        r = login(client, "rev_a", "sai-mat-khau")
        assert r.status_code == 401 and "không đúng" in r.text
    fifth = login(client, "rev_a", "sai-mat-khau")
    assert fifth.status_code == 423 and "khóa" in fifth.text
    locked = login(client, "rev_a")
    assert locked.status_code == 423 and client.get("/api/me").status_code == 401
    assert audit_count(province, action="login_failed", user="rev_a") == 6
    from review_ui.accounts import set_password

    set_password(province, "rev_a", "mat-khau-moi-123", actor="admin")  # an admin reset lifts the lock
    assert login(client, "rev_a", "mat-khau-moi-123").status_code == 303


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client):
    assert login(client, "nobody", "whatever-123").status_code == 401


def test_post_without_csrf_token_is_refused_and_changes_nothing(client, dossiers, province):
    login(client, "rev_a")
    flag = dossiers["A"][0]
    r = client.post(f"/flags/{flag}/resolve", data={"kind": "paper", "note": "đúng theo QĐ"})
    assert r.status_code == 403 and "CSRF" in r.text
    r = client.post(f"/flags/{flag}/resolve", data={"kind": "paper", "note": "x", "csrf_token": "forged"})
    assert r.status_code == 403
    api = client.post(f"/api/flags/{flag}/resolve", json={"kind": "paper", "note": "x"})
    assert api.status_code == 403 and api.json()["code"] == "csrf_refused"
    assert client.get(f"/api/flags/{flag}").json()["open"] is True
    login_without_token = client.post("/login", data={"username": "rev_a", "password": "x"})
    assert login_without_token.status_code == 403


def test_another_units_dossier_flag_page_and_api_answer_404(client, dossiers):
    login(client, "rev_a")
    own = client.get("/dossiers/DA")
    assert own.status_code == 200 and "Nguyễn Thị Lan" in own.text
    other_flag = dossiers["B"][0]
    for path in ("/dossiers/DB", f"/flags/{other_flag}", "/dossiers/DB/documents/0/pages/1.png",
                 "/api/dossiers/DB", f"/api/flags/{other_flag}", "/dossiers/NO-SUCH"):
        assert client.get(path).status_code == 404, path
    token = csrf_of(client, "/flags")
    r = client.post(f"/api/flags/{other_flag}/resolve", json={"kind": "paper", "note": "x"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 404
    r = client.post("/api/dossiers/DB/approve", json={}, headers={"X-CSRF-Token": token})
    assert r.status_code == 404
    listed = client.get("/api/flags").json()
    assert [f["dossier"] for f in listed["items"]] == ["DA"]
    assert [d["id"] for d in client.get("/api/dossiers").json()["items"]] == ["DA"]


def test_supervisor_of_the_parent_sees_both_units_and_officer_only_their_own(make_client, dossiers):
    sup = make_client()
    login(sup, "sup")
    assert sorted(d["id"] for d in sup.get("/api/dossiers").json()["items"]) == ["DA", "DB"]
    officer = make_client()
    assert login(officer, "lan").headers["location"] == "/me"
    me = officer.get("/me")
    assert me.status_code == 200 and "3.66" in me.text
    assert officer.get("/api/dossiers/DA").status_code == 200
    assert officer.get("/api/dossiers/DB").status_code == 404
    assert officer.get("/flags").status_code == 200 and "Hường" not in officer.get("/flags").text
    assert officer.get("/dashboard").status_code == 403


def test_every_dossier_view_is_audited(client, dossiers, province):
    login(client, "rev_a")
    before = audit_count(province, action="read", entity_id="DA")
    client.get("/dossiers/DA")
    client.get("/api/dossiers/DA")
    client.get(f"/flags/{dossiers['A'][0]}")
    assert audit_count(province, action="read", entity_id="DA") == before + 3


def test_html_in_values_and_notes_is_escaped(make_client, dossiers):
    rev = make_client()
    login(rev, "rev_b")
    flag = dossiers["B"][0]
    page = rev.get(f"/flags/{flag}").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Kinh</b>" not in page and "&lt;b&gt;Kinh&lt;/b&gt;" in page
    token = csrf_of(rev, "/flags")
    note = '<img src=x onerror="alert(2)">'
    r = rev.post(f"/flags/{flag}/resolve", data={"kind": "electronic", "note": note, "csrf_token": token},
                 follow_redirects=False)
    assert r.status_code == 303
    dossier = rev.get("/dossiers/DB").text
    assert note not in dossier and "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in dossier
    queue = rev.get("/flags").text
    assert "<script>alert(1)" not in queue


def test_logout_ends_the_session(client):
    login(client, "clerk_a")
    token = csrf_of(client, "/upload")
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert client.get("/api/me").status_code == 401


def test_open_redirect_after_login_is_refused(client):
    token = csrf_of(client)
    r = client.post("/login", data={"username": "rev_a", "password": "mat-khau-du-dai", "csrf_token": token,
                                    "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/flags"
