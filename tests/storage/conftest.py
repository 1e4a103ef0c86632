"""Databases for the storage tests: a migrated SQLite file per test, and a throwaway PostgreSQL cluster.

The cluster comes from Debian's `postgresql` package (the Makefile installs it): initdb and pg_ctl run as
user `postgres` when the tests run as root (pg_ctl refuses root), in a fresh directory under /tmp, on a
free port, with fsync off. One cluster per pytest process (xdist workers get their own); every test gets
a fresh database copied from a template that the Alembic migration built once.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

from hoso.domain.demo import seed
from storage.migrate import upgrade
from storage.uow import SqlStore
from tests.storage.s3_server import MotoS3Server

PG_GLOB = "/usr/lib/postgresql/*/bin"


def pg_bindir() -> Path | None:
    """The newest installed PostgreSQL server binaries, if any."""
    found = [Path(p) for p in sorted(Path("/").glob(PG_GLOB.lstrip("/"))) if (Path(p) / "pg_ctl").exists()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(cmd, as_postgres):
    prefix = ["runuser", "-u", "postgres", "--"] if as_postgres else []
    done = subprocess.run(prefix + cmd, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@pytest.fixture(scope="session")
def pg_server():
    """Base URL (no database) of a PostgreSQL cluster started for this test session."""
    bindir = pg_bindir()
    if bindir is None:
        pytest.fail(
            f"PostgreSQL server binaries not found under {PG_GLOB}: install Debian's `postgresql` "
            "package (`make system-deps` does), the storage tests run against it",
            pytrace=False,
        )
    as_postgres = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="hoso-pg-", dir="/tmp"))
    if as_postgres:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", _free_port()
    try:
        _run([str(bindir / "initdb"), "--no-sync", "-D", str(data), "-U", "postgres", "-A", "trust",
              "-E", "UTF8", "--locale=C"], as_postgres)
        opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "start"],
             as_postgres)
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_postgres)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _admin(server_url):
    return psycopg.connect(server_url.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True)


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to head once, copied for each test (CREATE DATABASE … TEMPLATE is fast)."""
    with _admin(pg_server) as conn:
        conn.execute("CREATE DATABASE hoso_template")
    upgrade(f"{pg_server}/hoso_template")
    return "hoso_template"


@pytest.fixture
def postgresql_url(pg_server, pg_template):
    """A fresh, migrated PostgreSQL database for one test."""
    name = f"t_{os.getpid()}_{next(_counter)}"
    with _admin(pg_server) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    return f"{pg_server}/{name}"


_counter = iter(range(1, 1_000_000))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A SQLite file migrated to head once per session."""
    path = tmp_path_factory.mktemp("sqlite-template") / "hoso.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(sqlite_template, tmp_path):
    """A fresh, migrated SQLite database for one test (a copy of the template file)."""
    path = tmp_path / "hoso.db"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgresql"])
def sql_store(request):
    """An empty, migrated SqlStore on each database."""
    store = SqlStore.from_url(request.getfixturevalue(f"{request.param}_url"))
    yield store
    store.dispose()


def _seeded(store):
    """The demo province of hoso.domain.demo, copied from its in-memory seed into the database."""
    data = seed().data
    with store.uow() as uow:
        for unit in data.units.values():
            uow.units.add(unit)
        for user in data.users.values():
            uow.users.add(user)
        for officer in data.officers.values():
            uow.officers.add(officer)
        for record in data.records.values():
            uow.records.add(record)
        uow.commit()
    return store


@pytest.fixture
def seeded_store(sql_store):
    """The demo province on each database."""
    return _seeded(sql_store)


@pytest.fixture
def pg_store(postgresql_url):
    """The demo province on PostgreSQL only, where writers really run in parallel."""
    store = _seeded(SqlStore.from_url(postgresql_url))
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3 server in its own process, one per pytest process; each store uses a bucket of its own."""
    server = MotoS3Server(tmp_path_factory.mktemp("moto") / "moto.log").start()
    yield server
    server.stop()


@pytest.fixture
def s3_store(s3_server):
    """An S3ObjectStore on a fresh bucket of the session's server."""
    store = s3_server.store()
    yield store
    store.close()
