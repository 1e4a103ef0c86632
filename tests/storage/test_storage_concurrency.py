"""The approval gate under concurrency: no approval ever passes a cảnh báo that is open, on real databases."""

import threading
import time
from datetime import UTC, datetime

from hoso.domain import services
from hoso.domain.audit import verify_chain
from hoso.domain.model import Dossier, Flag
from hoso.errors import ApprovalRefused, InvalidTransition
from storage.dossiers import SqlFlagRepository

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
LAN = "079185000123"


def flag(fid, dossier_id="D1"):
    return Flag(fid, dossier_id, "he_so_luong", "3.33", "3.66", 0.0, "hệ số differs", NOW)


def verified(store, did="D1"):
    services.receive(store.uow(), Dossier(did, "THPT-A", "clerk_thpt", NOW, officer_id=LAN), now=NOW)
    services.record_extraction(store.uow(), did, [], now=NOW)


def started(target):
    errors = []

    def run():
        try:
            target()
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.errors = errors
    thread.start()
    return thread


def test_a_flag_written_during_an_approval_waits_until_it_commits(seeded_store):
    verified(seeded_store)
    locked, release = threading.Event(), threading.Event()

    class PausingFlags(SqlFlagRepository):
        def for_dossiers(self, ids, *, for_update=False):
            out = super().for_dossiers(ids, for_update=for_update)
            if for_update:  # the gate has its locks and has seen no open flag: hold it here
                locked.set()
                release.wait(10)
            return out

    uow = seeded_store.uow()
    uow.flags = PausingFlags(uow.connection)
    approver = started(lambda: services.approve(uow, "D1", "rev_thpt", now=NOW))
    assert locked.wait(10)

    def add_flag():
        with seeded_store.uow() as writer:
            writer.flags.add(flag("F9"))
            writer.commit()

    writer = started(add_flag)
    time.sleep(0.5)
    assert writer.is_alive(), "the flag was written while the approval held the dossier"
    release.set()
    approver.join(10), writer.join(10)
    assert approver.errors == [] and writer.errors == []
    with seeded_store.uow() as check:
        assert len(check.approvals.for_dossier("D1")) == 1 and check.flags.get("F9").is_open


def test_an_approval_waits_for_a_flag_being_written_and_then_refuses(seeded_store):
    verified(seeded_store)
    inserted, go = threading.Event(), threading.Event()

    def add_flag():
        with seeded_store.uow() as writer:
            writer.flags.add(flag("F9"))
            inserted.set()
            go.wait(10)
            writer.commit()

    writer = started(add_flag)
    assert inserted.wait(10)
    approver = started(lambda: services.approve(seeded_store.uow(), "D1", "rev_thpt", now=NOW))
    time.sleep(0.5)
    assert approver.is_alive(), "the approval did not wait for the uncommitted flag"
    go.set()
    writer.join(10), approver.join(10)
    assert writer.errors == []
    assert [type(e) for e in approver.errors] == [ApprovalRefused] and approver.errors[0].open_flags == ("F9",)
    with seeded_store.uow() as check:
        assert check.approvals.for_dossier("D1") == []


def race(*calls):
    """Run the calls at once (a barrier releases them together); return what each returned or raised."""
    barrier, outcomes = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        barrier.wait(10)
        try:
            outcomes[i] = call()
        except Exception as exc:
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes


def seq_of(events, action, entity_id):
    return [e.seq for e in events if e.action == action and e.entity_id == entity_id]


def test_stress_approvals_racing_a_new_flag(pg_store):
    for k in range(12):
        did = f"D{k}"
        verified(pg_store, did)
        outcomes = race(
            lambda did=did: services.approve(pg_store.uow(), did, "rev_thpt", now=NOW),
            lambda did=did: services.approve(pg_store.uow(), did, "sup_gd", now=NOW),
            lambda did=did, k=k: services.record_extraction(pg_store.uow(), did, [flag(f"F{k}", did)], now=NOW),
        )
        assert all(isinstance(o, ApprovalRefused | InvalidTransition) or not isinstance(o, Exception)
                   for o in outcomes), outcomes
        with pg_store.uow() as uow:
            approvals, events = uow.approvals.for_dossier(did), uow.audit.events()
        assert len(approvals) <= 1
        if approvals:  # it passed the gate: then the flag must have come after it in commit order
            assert seq_of(events, "approve", did) < seq_of(events, "create", f"F{k}")
    assert verify_chain(events) == []


def test_stress_approvals_racing_a_resolution(pg_store):
    for k in range(12):
        did = f"D{k}"
        verified(pg_store, did)
        services.record_extraction(pg_store.uow(), did, [flag(f"F{k}", did)], now=NOW)
        outcomes = race(
            lambda did=did: services.approve(pg_store.uow(), did, "rev_thpt", now=NOW),
            lambda did=did: services.approve(pg_store.uow(), did, "sup_gd", now=NOW),
            lambda k=k: services.resolve(pg_store.uow(), f"F{k}", "electronic", "giải trình", "rev_thpt", now=NOW),
        )
        assert not any(isinstance(o, Exception) and not isinstance(o, ApprovalRefused | InvalidTransition)
                       for o in outcomes), outcomes
        with pg_store.uow() as uow:
            approvals, events = uow.approvals.for_dossier(did), uow.audit.events()
        assert len(approvals) <= 1
        if approvals:  # approved only after the cảnh báo was resolved
            assert seq_of(events, "resolve", f"F{k}") < seq_of(events, "approve", did)
    assert verify_chain(events) == []


def test_concurrent_audited_reads_keep_one_unbroken_chain(pg_store):
    verified(pg_store)
    outcomes = race(*[lambda: services.read_dossier(pg_store.uow(), "D1", "admin", now=NOW)] * 8)
    assert not any(isinstance(o, Exception) for o in outcomes), outcomes
    with pg_store.uow() as uow:
        events = uow.audit.events()
    assert verify_chain(events) == [] and [e.seq for e in events] == list(range(1, len(events) + 1))
    assert sum(e.action == "read" for e in events) == 8
