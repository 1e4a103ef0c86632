"""Real processes for the Celery tests: redis-server, `celery worker`s, PostgreSQL, the `hoso` CLI.

Everything is started here and stopped deterministically (process groups, closed logs). The province is
the one of tests/hoso/test_cli_ingest.py: the born-digital golden dossier's officer with a record whose
hệ số lương differs from the paper (one cảnh báo), plus small generated scanned decision pages.
"""

import json
import os
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hoso.cli import app
from samples.decisions import make_decisions
from samples.generate import Part, write_file
from samples.values import make_officer
from storage.migrate import upgrade
from storage.uow import SqlStore
from tests.conftest import admin
from tests.pgcluster import PgCluster, pg_bindir
from tests.processes import BIN, RedisServer, Worker, wait_until

GOLDEN = Path("samples/golden/dossier_tt06_nang_luong_born_digital.pdf").resolve()


class Province:
    """A migrated PostgreSQL database with units, users and the golden officer's record; env for processes."""

    def __init__(self, url, folder, broker, extra_records=()):
        self.url, self.folder, self.extra = url, Path(folder), list(extra_records)
        self.env = {
            **os.environ, "HOSO_DATABASE_URL": url, "HOSO_DATA_DIR": str(self.folder / "data"),
            "HOSO_TASKS": "celery", "HOSO_BROKER_URL": broker, "HOSO_USER": "clerk", "HOSO_WORKERS": "1",
            "OMP_THREAD_LIMIT": "1", "HOSO_DISPATCH_WINDOW": "4", "HOSO_PAGE_TIME_LIMIT": "40",
            "HOSO_VISIBILITY_TIMEOUT": "60", "HOSO_RESTORE_INTERVAL": "1", "HOSO_BACKOFF_CAP": "2",
            "PYTHONWARNINGS": "ignore",
        }  # fmt: skip
        self.workers = []
        self._seed()

    def _seed(self):
        truth = json.loads(Path(f"{GOLDEN}.truth.json").read_text(encoding="utf-8"))
        syll, decision = (d["fields"] for d in truth["documents"])
        record = {**syll, "unit": "PQLXD", "ma_can_bo": "CB-1", "he_so_luong": "3.33", "quyet_dinh": [decision]}
        (self.folder / "records.json").write_text(json.dumps([record, *self.extra], ensure_ascii=False), encoding="utf-8")
        (self.folder / "units.csv").write_text(
            "code,name,parent_code\nSXD,Sở Xây dựng,\nPQLXD,Phòng Quản lý xây dựng,SXD\nSTC,Sở Tài chính,\n",
            encoding="utf-8")
        runner = CliRunner(env={k: v for k, v in self.env.items() if k.startswith("HOSO_")})
        for args in (["units", "import", self.folder / "units.csv"],
                     ["users", "add", "clerk", "--role", "admin"],
                     ["records", "import", self.folder / "records.json"]):  # fmt: skip
            result = runner.invoke(app, [str(a) for a in args])
            assert result.exit_code == 0, result.output

    def start_workers(self, n, **env):
        for _ in range(n):
            self.workers.append(Worker(f"w{len(self.workers) + 1}", {**self.env, **env}, self.folder))
        return self.workers[-n:]

    def hoso(self, *args, timeout=240, check=True):
        done = subprocess.run([str(BIN / "hoso"), *map(str, args)], env=self.env, capture_output=True, text=True,
                              timeout=timeout)  # fmt: skip
        assert not check or done.returncode == 0, f"hoso {args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done

    def store(self):
        return SqlStore.from_url(self.url)

    def close(self):
        for w in self.workers:
            w.stop()


def fresh_database(pg_server, pg_template, name):
    with admin(pg_server) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    return f"{pg_server}/{name}"


@pytest.fixture
def own_pg():
    """A PostgreSQL cluster of the test's own (it will be stopped mid-test), with a migrated `hoso` database."""
    cluster = PgCluster(pg_bindir())
    try:
        cluster.start()
        with admin(cluster.url) as conn:
            conn.execute("CREATE DATABASE hoso")
        upgrade(cluster.url + "/hoso")
        yield cluster
    finally:
        cluster.close()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def province(postgresql_url, tmp_path, redis_server, scanned):
    p = Province(postgresql_url, tmp_path, redis_server.url, [scanned.record])
    yield p
    p.close()


@dataclass
class Scans:
    files: list
    record: dict


@pytest.fixture(scope="session")
def scanned(tmp_path_factory):
    """Small generated scans: three single-page decisions (clean 300-dpi PNG), for real OCR.

    Their officer has an electronic record listing the decisions, one with a different hệ số lương (a flag
    read off the scan, with its box).
    """
    out = tmp_path_factory.mktemp("scans")
    rng = random.Random(5150)
    officer = make_officer(rng)
    decisions = make_decisions(rng, officer, 3)
    files = [write_file(out, f"qd{i}", [Part("qd", decision=d)], officer, "clean", True, rng, ext=".png")
             for i, d in enumerate(decisions)]  # fmt: skip
    truths = [json.loads(Path(f"{f}.truth.json").read_text(encoding="utf-8"))["documents"][0]["fields"]
              for f in files]  # fmt: skip
    truths[0] = {**truths[0], "he_so_luong": "9.99"} if "he_so_luong" in truths[0] else truths[0]
    record = {"so_cccd": officer.so_cccd, "ho_ten": officer.ho_ten, "ngay_sinh": officer.ngay_sinh.isoformat(),
              "unit": "PQLXD", "ma_can_bo": "CB-2", "quyet_dinh": truths}  # fmt: skip
    return Scans(files, record)


def outcome_view(store):
    """Everything the pipeline decided per file (by hash), free of random ids: dossier, documents, flags."""
    from sqlalchemy import select

    from storage.orm import DocumentRow, DossierRow, FlagRow

    out = {}
    with store.engine.connect() as conn:
        docs = conn.execute(select(DocumentRow.dossier_id, DocumentRow.index, DocumentRow.doc_type,
                                   DocumentRow.sha256)).all()  # fmt: skip
        states = {r.id: (r.state, r.officer_id) for r in conn.execute(select(DossierRow))}
        flags = conn.execute(select(FlagRow)).all()
    for dossier_id, index, doc_type, sha in docs:
        entry = out.setdefault(sha, {"dossier": states[dossier_id], "documents": [], "flags": []})
        entry["documents"].append((index, doc_type))
        entry["_id"] = dossier_id
    for entry in out.values():
        entry["documents"].sort()
        entry["flags"] = sorted(
            (f.field, f.paper_value, f.electronic_value, f.reason, f.document_index, f.page, str(f.bbox))
            for f in flags if f.dossier_id == entry["_id"]
        )  # fmt: skip
        del entry["_id"]
    return out


def work_rows(url):
    """(files, pages) rows of the work tables, read on a short-lived engine."""
    from sqlalchemy import select

    from storage.orm import IngestFileRow, IngestPageRow

    store = SqlStore.from_url(url)
    try:
        with store.engine.connect() as conn:
            return conn.execute(select(IngestFileRow)).all(), conn.execute(select(IngestPageRow)).all()
    finally:
        store.dispose()


def wait_all_done(url, files, timeout):
    """Poll until `files` files are registered and done (database errors while it is down are waited out)."""

    def done():
        try:
            work, _ = work_rows(url)
        except Exception:  # noqa: BLE001 - the database may be away on purpose
            return False
        return len(work) == files and all(w.state == "done" for w in work)

    wait_until(done, timeout, f"{files} files done", poll=0.5)


def assert_no_duplicates(url):
    """One dossier per file, each flag once, every page read and done, the audit chain intact."""
    store = SqlStore.from_url(url)
    try:
        view = outcome_view(store)
    finally:
        store.dispose()
    for sha, entry in view.items():
        assert len(entry["flags"]) == len(set(entry["flags"])), (sha, entry["flags"])
    # the batch raises cảnh báo (a decision naming its officer may raise none), so "once" is tested
    assert any(entry["flags"] for entry in view.values()), view
    work, pages = work_rows(url)
    assert len(view) == len(work) and all(p.state == "done" for p in pages)
    return view, work, pages
