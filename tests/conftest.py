"""Fixtures shared across packages: a throwaway PostgreSQL cluster per pytest process (tests/pgcluster.py).

Every test gets a fresh database copied from a template that the Alembic migration built once.
"""

import os

import psycopg
import pytest

from storage.migrate import upgrade
from tests.pgcluster import PG_GLOB, PgCluster, pg_bindir


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
    cluster = PgCluster(bindir)
    try:
        cluster.start()
        yield cluster.url
    finally:
        cluster.close()


def admin(server_url):
    """An autocommit connection to the cluster's `postgres` database (CREATE DATABASE needs one)."""
    return psycopg.connect(server_url.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True)


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to head once, copied for each test (CREATE DATABASE … TEMPLATE is fast)."""
    with admin(pg_server) as conn:
        conn.execute("CREATE DATABASE hoso_template")
    upgrade(f"{pg_server}/hoso_template")
    return "hoso_template"


@pytest.fixture
def postgresql_url(pg_server, pg_template):
    """A fresh, migrated PostgreSQL database for one test."""
    name = f"t_{os.getpid()}_{next(_counter)}"
    with admin(pg_server) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    return f"{pg_server}/{name}"


_counter = iter(range(1, 1_000_000))
