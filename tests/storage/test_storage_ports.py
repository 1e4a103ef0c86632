"""The port contract tests of tests/hoso/test_domain_ports.py, re-run over SQLite and PostgreSQL."""

import pytest

from tests.hoso import test_domain_ports as contract

# Every contract test is collected here too; the make_uow fixture below replaces the in-memory one.
globals().update({name: test for name, test in vars(contract).items() if name.startswith("test_")})


@pytest.fixture
def make_uow(seeded_store):
    return seeded_store.uow
