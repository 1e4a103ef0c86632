"""The service layer over the in-memory unit of work: gate, resolutions, audit reads, backlog."""

import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from hoso.domain import services
from hoso.domain.audit import verify_chain
from hoso.domain.backlog import total
from hoso.domain.demo import seed
from hoso.domain.model import Dossier, DossierState, Flag, ResolutionKind
from hoso.errors import (
    ApprovalRefused,
    ExitCode,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hà Nội
S = DossierState
LAN = "079185000123"


def new_flag(fid, dossier_id="D1", field="he_so_luong", paper="3.33", electronic="3.66", at=NOW):
    return Flag(fid, dossier_id, field, paper, electronic, 0.0, f"{field} differs", at, page=1)


@pytest.fixture
def store():
    return seed()


def received(store, did="D1", unit="THPT-A", officer=LAN, at=NOW, clerk="clerk_thpt"):
    return services.receive(store.uow(), Dossier(did, unit, clerk, at, officer_id=officer), now=at)


def flagged(store):
    received(store)
    state = services.record_extraction(
        store.uow(), "D1", [new_flag("F1"), new_flag("F2", field="dan_toc")], now=NOW
    )
    assert state is S.FLAGGED
    return store


def audit(store):
    with store.uow() as uow:
        return uow.audit.events()


def test_extraction_without_flags_verifies_walking_the_machine(store):
    received(store)
    assert services.record_extraction(store.uow(), "D1", [], now=NOW) is S.VERIFIED
    moves = [(e.before["state"], e.after["state"]) for e in audit(store) if e.action == "transition"]
    assert moves == [("received", "processing"), ("processing", "extracted"), ("extracted", "verified")]


def test_flags_must_belong_to_the_dossier(store):
    received(store)
    with pytest.raises(ValidationError):
        services.record_extraction(store.uow(), "D1", [new_flag("F1", dossier_id="D2")], now=NOW)
    with store.uow() as uow:
        assert uow.flags.for_dossiers(["D1", "D2"]) == []
        assert uow.dossiers.get("D1").state is S.RECEIVED


def test_approval_refused_names_open_flags_and_the_refusal_is_audited(store):
    flagged(store)
    with pytest.raises(ApprovalRefused) as err:
        services.approve(store.uow(), "D1", "rev_thpt", now=NOW)
    assert err.value.open_flags == ("F1", "F2") and err.value.exit_code == ExitCode.APPROVAL_REFUSED
    last = audit(store)[-1]
    assert (last.action, last.user, last.after) == (
        "approve_refused",
        "rev_thpt",
        {"open_flags": ["F1", "F2"]},
    )
    with store.uow() as uow:
        assert uow.dossiers.get("D1").state is S.FLAGGED and uow.approvals.for_dossier("D1") == []


def test_resolve_then_approve_updates_the_record_with_history(store):
    flagged(store)
    services.resolve(store.uow(), "F1", "paper", "QĐ 45/QĐ-SGDĐT seen", "rev_thpt", now=NOW)
    services.resolve(store.uow(), "F2", "electronic", "giấy ghi sai dân tộc", "sup_gd", now=NOW)
    with store.uow() as uow:
        record = uow.records.get(LAN)
        assert uow.dossiers.get("D1").state is S.VERIFIED
    assert record.fields["he_so_luong"] == "3.33" and record.fields["dan_toc"] == "Kinh"
    assert [(c.field, c.old, c.new, c.user) for c in record.history] == [
        ("he_so_luong", "3.66", "3.33", "rev_thpt")
    ]
    approval = services.approve(store.uow(), "D1", "rev_thpt", note="khớp hồ sơ giấy", now=NOW)
    events = audit(store)
    assert verify_chain(events) == []
    update = next(e for e in events if e.action == "update")
    assert (update.entity, update.before, update.after) == (
        "record",
        {"he_so_luong": "3.66"},
        {"he_so_luong": "3.33"},
    )
    assert events[-1].action == "approve" and events[-1].after["approval"] == approval.id
    with store.uow() as uow:
        assert uow.dossiers.get("D1").state is S.APPROVED
        assert uow.approvals.for_dossier("D1") == [approval]


def test_resolution_kind_aliases_and_bad_kind():
    assert services.parse_kind("ocr") is ResolutionKind.OCR_MISREAD
    assert services.parse_kind("paper_is_right") is ResolutionKind.PAPER_IS_RIGHT
    with pytest.raises(ValidationError):
        services.parse_kind("both")


def test_unknown_flag_dossier_or_user_is_not_found(store):
    flagged(store)
    with pytest.raises(NotFound) as err:
        services.resolve(store.uow(), "F404", "paper", "note", "rev_thpt")
    assert err.value.exit_code == ExitCode.NOT_FOUND and "F404" in str(err.value)
    with pytest.raises(NotFound):
        services.approve(store.uow(), "D404", "rev_thpt")
    with pytest.raises(NotFound):
        services.resolve(store.uow(), "F1", "paper", "note", "nobody")


def test_failed_resolution_rolls_everything_back(store):
    received(store, officer=None)
    services.record_extraction(store.uow(), "D1", [new_flag("F1")], now=NOW)
    before = len(audit(store))
    with pytest.raises(ValidationError):  # no officer identified: no record to take the paper value
        services.resolve(store.uow(), "F1", "paper", "note", "rev_thpt", now=NOW)
    with store.uow() as uow:
        assert uow.flags.get("F1").is_open
    assert len(audit(store)) == before


def test_clerk_may_not_resolve_nor_ingest_elsewhere(store):
    flagged(store)
    with pytest.raises(PermissionDenied):
        services.resolve(store.uow(), "F1", "paper", "note", "clerk_thpt")
    with pytest.raises(PermissionDenied):
        received(store, did="D2", unit="XA-MA")


def test_every_read_is_audited_and_scoped(store):
    flagged(store)
    dossier, flags = services.read_dossier(store.uow(), "D1", "lan", now=NOW)  # the officer's own dossier
    assert dossier.id == "D1" and {f.id for f in flags} == {"F1", "F2"}
    last = audit(store)[-1]
    assert (last.action, last.user, last.entity, last.entity_id) == ("read", "lan", "dossier", "D1")
    with pytest.raises(PermissionDenied):
        services.read_dossier(store.uow(), "D1", "rev_xa")
    assert audit(store)[-1] == last


def test_list_flags_is_scoped_and_audited(store):
    flagged(store)
    received(store, did="D2", unit="XA-MA", officer="080190000456", clerk="admin")
    services.record_extraction(store.uow(), "D2", [new_flag("F3", dossier_id="D2", field="ho_ten")], now=NOW)
    assert [f.id for f in services.list_flags(store.uow(), "rev_xa")] == ["F3"]
    assert [f.id for f in services.list_flags(store.uow(), "sup_gd")] == ["F1", "F2"]
    assert len(services.list_flags(store.uow(), "admin")) == 3
    assert [f.id for f in services.list_flags(store.uow(), "admin", unit_code="XA-MA")] == ["F3"]
    reads = [e.entity_id for e in audit(store) if e.action == "read"]
    assert reads == ["D2", "D1", "D1", "D2", "D2"]


def test_concurrent_approvals_pass_the_gate_once(store):
    received(store)
    services.record_extraction(store.uow(), "D1", [], now=NOW)
    outcomes: list[str] = []

    def attempt(user):
        try:
            services.approve(store.uow(), "D1", user, now=NOW)
            outcomes.append("approved")
        except InvalidTransition:
            outcomes.append("refused")

    threads = [threading.Thread(target=attempt, args=(u,)) for u in ("rev_thpt", "sup_gd", "admin")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["approved", "refused", "refused"]


def test_backlog_counts_per_unit(store):
    old = datetime(2026, 2, 2, 2, 0, tzinfo=UTC)  # 10 wd, Tết skipped → due 23/2
    received(store, did="D1", at=old)
    services.record_extraction(store.uow(), "D1", [new_flag("F1", at=old)], now=old)
    received(store, did="D2", at=NOW)
    services.record_extraction(store.uow(), "D2", [], now=NOW)
    received(store, did="D3", at=NOW)
    services.approve(store.uow(), "D2", "rev_thpt", now=NOW)
    received(store, did="D4", unit="XA-MA", officer="080190000456", clerk="admin", at=NOW)
    services.record_extraction(store.uow(), "D4", [new_flag("F4", dossier_id="D4", field="ho_ten")], now=NOW)

    today = date(2026, 3, 2)
    rows = {r.unit_code: r for r in services.backlog(store.uow(), "SNV", today)}
    assert list(rows) == ["SNV", "SGD", "THPT-A", "XA-MA"]
    thpt = rows["THPT-A"]
    assert {k: v for k, v in thpt.states.items() if v} == {"flagged": 1, "approved": 1, "received": 1}
    assert (thpt.open_flags, thpt.overdue_dossiers, thpt.overdue_flags) == (1, 1, 1)
    # D1 due 23/2, F1 due 9/2; up to Monday 2/3 with Tết 16–20/2 off: 5 and 10 working days late.
    assert thpt.max_days_overdue == 10
    xa = rows["XA-MA"]
    assert (xa.open_flags, xa.overdue_dossiers, xa.overdue_flags, xa.max_days_overdue) == (1, 0, 0, 0)
    assert rows["SNV"].to_json()["open_flags"] == 0
    whole = total(list(rows.values()))
    assert (whole.open_flags, whole.states["flagged"], whole.overdue_dossiers) == (2, 2, 1)
    assert [r.unit_code for r in services.backlog(store.uow(), "SGD", today)] == ["SGD", "THPT-A"]
    with pytest.raises(PermissionDenied):
        services.backlog(store.uow(), "SNV", today, user="rev_xa")
    later = {r.unit_code: r for r in services.backlog(store.uow(), "SNV", today + timedelta(days=30))}
    assert later["XA-MA"].overdue_flags == 1


def test_quick_demo_runs(capsys):
    from hoso.domain.demo import main

    main()
    out = capsys.readouterr().out
    assert (
        "approve refused: dossier D1: 1 open cảnh báo: F1 (he_so_luong)" in out
        and "approved by rev_thpt" in out
    )
