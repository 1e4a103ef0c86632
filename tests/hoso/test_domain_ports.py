"""Contract tests for the ports: run over every implementation (the storage package adds its own)."""

from datetime import UTC, datetime

import pytest

from hoso.domain.audit import AuditEvent, verify_chain
from hoso.domain.demo import seed
from hoso.domain.model import Dossier, Flag
from hoso.domain.units import Unit
from hoso.errors import NotFound

T = datetime(2026, 3, 2, tzinfo=UTC)


def memory_uow_factory():
    store = seed()
    return store.uow


# tests/storage/test_storage_ports.py re-runs these tests over SQLite and PostgreSQL.
FACTORIES = {"memory": memory_uow_factory}


@pytest.fixture(params=sorted(FACTORIES))
def make_uow(request):
    return FACTORIES[request.param]()


def test_get_unknown_raises_not_found(make_uow):
    with make_uow() as uow:
        for call in (
            lambda: uow.dossiers.get("nope"),
            lambda: uow.flags.get("nope"),
            lambda: uow.officers.get("000000000000"),
            lambda: uow.records.get("000000000000"),
            lambda: uow.users.get("nope"),
            lambda: uow.units.get("nope"),
        ):
            with pytest.raises(NotFound):
                call()


def test_uncommitted_work_is_rolled_back_and_committed_work_stays(make_uow):
    with make_uow() as uow:
        uow.dossiers.add(Dossier("D1", "THPT-A", "clerk_thpt", T))
    with make_uow() as uow:
        with pytest.raises(NotFound):
            uow.dossiers.get("D1")
        uow.dossiers.add(Dossier("D1", "THPT-A", "clerk_thpt", T))
        uow.commit()
    with make_uow() as uow:
        assert uow.dossiers.get("D1").unit_code == "THPT-A"


def test_add_is_an_upsert_and_queries_filter(make_uow):
    with make_uow() as uow:
        uow.units.add(Unit("THPT-B", "Trường THPT B", "SGD"))
        uow.dossiers.add(Dossier("D1", "THPT-A", "clerk_thpt", T))
        uow.dossiers.add(Dossier("D2", "XA-MA", "admin", T))
        uow.flags.add(Flag("F1", "D1", "ho_ten", "a", "b", 0.1, "r", T))
        uow.flags.add(Flag("F2", "D2", "ho_ten", "a", "b", 0.1, "r", T))
        uow.flags.add(Flag("F1", "D1", "ho_ten", "a", "c", 0.1, "r", T))
        uow.commit()
    with make_uow() as uow:
        assert [d.id for d in uow.dossiers.list_in_units(uow.units.tree().subtree("SGD"))] == ["D1"]
        assert [(f.id, f.electronic_value) for f in uow.flags.for_dossiers(["D1"])] == [("F1", "c")]
        assert [o.unit_code for o in uow.officers.list_in_units(["XA-MA"])] == ["XA-MA"]
        assert "THPT-B" in uow.units.tree()


def test_audit_append_chains_to_the_head(make_uow):
    with make_uow() as uow:
        assert uow.audit.head() is None
        for i in range(3):
            uow.audit.append(AuditEvent(0, T, "admin", "read", "dossier", f"D{i}"))
        uow.commit()
    with make_uow() as uow:
        events = uow.audit.events()
        assert [e.seq for e in events] == [1, 2, 3] and verify_chain(events) == []
        assert uow.audit.head() == events[-1]
        assert [e.seq for e in uow.audit.events(after_seq=1, limit=1)] == [2]
