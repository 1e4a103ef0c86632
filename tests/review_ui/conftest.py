"""A small province in a throwaway SQLite database, the app over it, and a login helper."""

import json
import re
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert

from hoso.domain import services
from hoso.domain.model import Dossier, ElectronicRecord, Flag, Officer, Role, User
from hoso.domain.units import Unit
from hoso.records_import import import_records
from review_ui.accounts import hash_password
from review_ui.app import create_app
from review_ui.settings import UiSettings
from storage.migrate import upgrade
from storage.objects import LocalObjectStore
from storage.orm import CredentialRow
from storage.uow import SqlStore

PASSWORD = "mat-khau-du-dai"
LAN, HUONG = "079185000123", "080190000456"
USERS = [
    User("admin", Role.ADMIN, "SNV"),
    User("sup", Role.SUPERVISOR, "SNV"),
    User("rev_a", Role.REVIEWER, "A"),
    User("rev_b", Role.REVIEWER, "B"),
    User("clerk_a", Role.CLERK, "A"),
    User("lan", Role.OFFICER, None, officer_id=LAN),
]


@cache
def password_hash():
    return hash_password(PASSWORD)


@pytest.fixture
def province(tmp_path):
    url = f"sqlite:///{tmp_path / 'hoso.db'}"
    upgrade(url)
    store = SqlStore.from_url(url)
    with store.uow() as uow:
        for unit in (Unit("SNV", "Sở Nội vụ"), Unit("A", "Sở Xây dựng", "SNV"), Unit("B", "UBND xã Mỹ An", "SNV"),
                     Unit("A1", "Phòng Quản lý xây dựng", "A")):
            uow.units.add(unit)
        for user in USERS:
            uow.users.add(user)
        uow.officers.add(Officer(LAN, "Nguyễn Thị Lan", "A1"))
        uow.officers.add(Officer(HUONG, "Trần Văn Hường", "B"))
        uow.records.add(ElectronicRecord(LAN, {"ho_ten": "Nguyễn Thị Lan", "he_so_luong": "3.66"}))
        uow.records.add(ElectronicRecord(HUONG, {"ho_ten": "Trần Văn Hường", "dan_toc": "<b>Kinh</b>"}))
        uow.commit()
    with store.uow() as uow:  # one argon2 hash for all (hashing is deliberately slow)
        now = datetime.now(UTC)
        rows = [{"username": u.username, "password_hash": password_hash(), "failed_logins": 0, "locked_at": None,
                 "changed_at": now} for u in USERS]
        uow.connection().execute(insert(CredentialRow.__table__), rows)
        uow.commit()
    yield store
    store.dispose()


def add_dossier(store, dossier_id, unit, officer, flags=(), clerk="admin", days_ago=0):
    """A received dossier with the given (field, paper, electronic) flags, like ingest leaves it."""
    at = datetime.now(UTC) - timedelta(days=days_ago)
    services.receive(store.uow(), Dossier(dossier_id, unit, clerk, at, officer_id=officer), now=at)
    made = [Flag(f"{dossier_id}-f{i}", dossier_id, field, paper, electronic, 0.2, reason, at + timedelta(seconds=i),
                 page=1, bbox=(100, 200, 400, 260))
            for i, (field, paper, electronic, reason) in enumerate(flags)]
    services.record_extraction(store.uow(), dossier_id, made, now=at)
    return [f.id for f in made]


@pytest.fixture
def make_client(province, tmp_path):
    clients = []

    def make(**overrides):
        options = {"secret_key": "x" * 40, "cookie_secure": False, "staging_dir": tmp_path / "uploads", **overrides}
        settings = UiSettings(**options)
        app = create_app(province, LocalObjectStore(tmp_path / "objects"), settings, run_uploads=False)
        client = TestClient(app, base_url="http://testserver")
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()


def csrf_of(client, path="/login"):
    html = client.get(path).text
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def login(client, username, password=PASSWORD):
    token = csrf_of(client)
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token},
                       follow_redirects=False)


GOLDEN = Path("samples/golden/dossier_tt06_nang_luong_born_digital.pdf")
PLANTED = {"he_so_luong": "3.33", "dan_toc": "Tày"}  # the paper says 3.00 and Kinh


def import_golden_record(store, tmp_path, unit="A1", planted=PLANTED):
    """The golden dossier's officer in the records, with two planted differences from the paper."""
    truth = json.loads(Path(f"{GOLDEN}.truth.json").read_text(encoding="utf-8"))
    syll, decision = (d["fields"] for d in truth["documents"])
    record = {**syll, "unit": unit, "ma_can_bo": "CB-1", **planted, "quyet_dinh": [decision]}
    path = tmp_path / "records.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    report = import_records(store.uow, path, "admin")
    assert not report.rejected
    return syll["so_cccd"]
