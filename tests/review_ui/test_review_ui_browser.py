"""The whole flow in Debian's Chromium: clerk uploads, reviewer resolves by keyboard, approval gate.

Runs the app with uvicorn on a free port (its upload worker thread included) and saves screenshots of
the main screens to var/screenshots/.
"""

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from review_ui.app import create_app
from review_ui.settings import UiSettings
from storage.objects import LocalObjectStore
from tests.review_ui.conftest import GOLDEN, PASSWORD, import_golden_record

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not shutil.which("chromium"), reason="needs chromium")]
SHOTS = Path("var/screenshots")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(province, tmp_path, monkeypatch):
    monkeypatch.setenv("HOSO_WORKERS", "1")
    import_golden_record(province, tmp_path)
    settings = UiSettings(secret_key="s" * 40, cookie_secure=False, staging_dir=tmp_path / "uploads")
    app = create_app(province, LocalObjectStore(tmp_path / "objects"), settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=20)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
            context.set_default_timeout(30_000)
            yield context.new_page()
            context.close()
        finally:
            browser.close()


def sign_in(page, base, username):
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def sign_out(page):
    page.click("header .who button")
    page.wait_for_url("**/login")


def test_clerk_uploads_reviewer_resolves_by_keyboard_and_approves(server, page):
    base = server
    sign_in(page, base, "clerk_a")
    assert page.url.endswith("/upload")
    page.set_input_files("#files", str(GOLDEN))
    assert "1 tệp" in page.inner_text("#chosen")
    page.click("#upload-btn")
    page.wait_for_url("**/upload?batch=*")
    page.wait_for_selector('#uploads tr[data-state="done"]', timeout=90_000)
    row = page.inner_text("#uploads tbody tr")
    assert "Hoàn tất" in row and "2 cảnh báo" in row
    page.screenshot(path=str(SHOTS / "upload.png"), full_page=True)
    sign_out(page)

    sign_in(page, base, "rev_a")
    assert page.url.endswith("/flags")
    assert page.locator("#queue tbody tr[data-href]").count() == 2
    page.screenshot(path=str(SHOTS / "queue.png"), full_page=True)
    page.keyboard.press("Enter")  # opens the selected (most urgent) flag
    page.wait_for_selector('#viewer[data-ready="1"]')
    box = page.locator("#bbox").bounding_box()
    viewer = page.locator("#viewer").bounding_box()
    assert box and viewer and box["width"] > 10 and viewer["x"] <= box["x"] <= viewer["x"] + viewer["width"]
    page.screenshot(path=str(SHOTS / "flag.png"))
    dossier_href = page.locator(".crumbs a").nth(1).get_attribute("href")

    page.keyboard.press("1")  # paper is right; the note gets the focus
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type("Đã đối chiếu bản giấy")
    page.keyboard.press("Enter")
    page.wait_for_selector('#viewer[data-ready="1"]')
    assert "Đã xử lý cảnh báo" in page.inner_text(".flash")

    page.goto(base + dossier_href)  # one flag still open: the button is disabled and the server refuses
    assert page.locator("#approve-btn").is_disabled()
    assert page.locator("#open-flags li").count() == 1
    token = page.get_attribute('meta[name="csrf-token"]', "content")
    refused = page.request.post(f"{base}/api/dossiers/{dossier_href.rsplit('/', 1)[1]}/approve",
                                data={}, headers={"X-CSRF-Token": token})
    assert refused.status == 409 and len(refused.json()["open_flags"]) == 1
    page.go_back()
    page.wait_for_selector('#viewer[data-ready="1"]')

    page.keyboard.press("2")  # electronic is right
    page.keyboard.type("Hồ sơ điện tử đúng, giấy ghi nhầm")
    page.keyboard.press("Enter")
    page.wait_for_url("**/flags")
    assert page.locator("#queue tbody tr[data-href]").count() == 0

    page.goto(base + dossier_href)
    assert page.locator("#approve-btn").is_enabled()
    page.click("#approve-btn")
    page.wait_for_load_state("networkidle")
    assert "Đã phê duyệt hồ sơ" in page.inner_text(".flash") and "Đã phê duyệt" in page.inner_text("h1")
    page.screenshot(path=str(SHOTS / "dossier.png"), full_page=True)
    sign_out(page)

    sign_in(page, base, "sup")
    assert page.url.endswith("/dashboard") and page.locator("svg.chart").count() == 2
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
