"""Databases for the storage tests: a migrated SQLite file per test; PostgreSQL comes from tests/conftest.py.

The cluster comes from Debian's `postgresql` package (the Makefile installs it), one per pytest process
(xdist workers get their own); every test gets a fresh database copied from a migrated template.
"""

import shutil

import pytest

from hoso.domain.demo import seed
from storage.migrate import upgrade
from storage.uow import SqlStore
from tests.storage.s3_server import MotoS3Server


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
