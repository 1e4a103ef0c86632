"""The service-layer tests of tests/hoso/test_domain_services.py (gate, resolutions, audit) over SQL."""

import inspect

import pytest

from tests.hoso import test_domain_services as service_tests

# Only the tests that take a store: those exercise the unit of work; the rest are covered once already.
globals().update(
    {
        name: test
        for name, test in vars(service_tests).items()
        if name.startswith("test_") and "store" in inspect.signature(test).parameters
    }
)


@pytest.fixture
def store(seeded_store):
    return seeded_store
