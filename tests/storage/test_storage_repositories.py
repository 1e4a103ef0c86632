"""Round trips and guards of the SQL repositories beyond the port contract, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from hoso.domain.audit import AuditEvent, verify_chain
from hoso.domain.model import (
    Decision,
    DocumentRef,
    Dossier,
    DossierState,
    ElectronicRecord,
    Flag,
    Officer,
    PageRef,
    Resolution,
    ResolutionKind,
    SalaryStep,
    StateChange,
)
from hoso.errors import Conflict, ValidationError

T = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
HANOI = timezone(timedelta(hours=7))
LAN = "079185000123"


def full_dossier():
    pages = (PageRef(1, "pages/ab/ab/0001.png"), PageRef(2, "pages/ab/ab/0002.png"))
    return Dossier(
        "D1", "THPT-A", "clerk_thpt", datetime(2026, 3, 2, 9, 0, tzinfo=HANOI), LAN, DossierState.PROCESSING,
        [DocumentRef(0, "so_yeu_ly_lich", "ab" * 32, pages), DocumentRef(1, "quyet_dinh", "cd" * 32)],
        [StateChange(DossierState.RECEIVED, DossierState.PROCESSING, "system", T)],
        date(2026, 2, 1),
    )


def test_dossier_round_trip_with_documents_pages_and_transitions(seeded_store):
    dossier = full_dossier()
    with seeded_store.uow() as uow:
        uow.dossiers.add(dossier)
        uow.commit()
    with seeded_store.uow() as uow:
        loaded = uow.dossiers.get("D1", for_update=True)
        assert loaded == dossier and loaded.received_at.tzinfo is not None
        assert uow.dossiers.list_in_units(["THPT-A"]) == [dossier]


def test_a_stale_dossier_cannot_undo_a_state_change(seeded_store):
    with seeded_store.uow() as uow:
        uow.dossiers.add(full_dossier())
        uow.commit()
    stale = full_dossier()
    stale.transitions.clear()
    with pytest.raises(Conflict), seeded_store.uow() as uow:
        uow.dossiers.add(stale)


def test_record_round_trip_and_history_is_appended_not_rewritten(seeded_store):
    with seeded_store.uow() as uow:
        record = uow.records.get(LAN, for_update=True)
        assert record.decisions[0] == Decision("123/QĐ-SGDĐT", "nâng lương", date(2024, 1, 10), date(2024, 2, 1))
        assert record.salary_history[-1] == SalaryStep(date(2024, 2, 1), "V.07.05.15", 4, "3.66")
        record.set_field("dan_toc", "Tày", "rev_thpt", T, "giấy khai sinh")
        uow.records.add(record)
        uow.commit()
    with seeded_store.uow() as uow:
        assert uow.records.get(LAN) == record and record.version == 1
    stale = ElectronicRecord(LAN, {"ho_ten": "x"})
    with pytest.raises(Conflict), seeded_store.uow() as uow:
        uow.records.add(stale)


def test_flag_round_trip_and_a_resolution_is_final(seeded_store):
    flag = Flag("F1", "D1", "ho_ten", "Hương", "Hường", 0.42, "dấu khác", T, 1, 2, (10, 20, 300, 40), False)
    with seeded_store.uow() as uow:
        uow.dossiers.add(full_dossier())
        uow.flags.add(flag)
        uow.commit()
    with seeded_store.uow() as uow:
        assert uow.flags.get("F1") == flag
        flag.resolution = Resolution(ResolutionKind.OCR_MISREAD, "đọc nhầm", "rev_thpt", T, "Hường")
        uow.flags.add(flag)
        uow.commit()
    with seeded_store.uow() as uow:
        assert uow.flags.get("F1", for_update=True) == flag and not flag.is_open
    for changed in (None, Resolution(ResolutionKind.PAPER_IS_RIGHT, "khác", "sup_gd", T)):
        flag.resolution = changed
        with pytest.raises(Conflict), seeded_store.uow() as uow:
            uow.flags.add(flag)


def test_rows_must_refer_to_existing_units_and_dossiers(seeded_store):
    with pytest.raises(ValidationError), seeded_store.uow() as uow:
        uow.flags.add(Flag("F9", "D404", "ho_ten", "a", "b", 0.0, "r", T))
    with pytest.raises(ValidationError), seeded_store.uow() as uow:
        uow.officers.add(Officer("001201000001", "Lê Văn A", "NO-SUCH-UNIT"))


def test_queries_over_more_ids_than_one_chunk(seeded_store):
    with seeded_store.uow() as uow:
        for i in range(620):
            uow.dossiers.add(Dossier(f"D{i:04d}", "XA-MA", "admin", T))
            uow.flags.add(Flag(f"F{i:04d}", f"D{i:04d}", "ho_ten", "a", "b", 0.0, "r", T))
        uow.commit()
    with seeded_store.uow() as uow:
        dossiers = uow.dossiers.list_in_units(["XA-MA", "THPT-A"])
        flags = uow.flags.for_dossiers([d.id for d in dossiers], for_update=True)
    assert len(dossiers) == len(flags) == 620 and flags[0].id == "F0000"


def test_audit_events_keep_their_hash_through_storage(seeded_store):
    payloads = [
        ({"ngay_sinh": date(1985, 6, 15)}, {"bbox": (1, 2, 3, 4), "score": 0.1 + 0.2, "n": 10**17}),
        (None, {"state": DossierState.FLAGGED, "note": "Nguyễn Thị Lan — hồ sơ gốc"}),
    ]
    with seeded_store.uow() as uow:
        for i, (before, after) in enumerate(payloads):
            at = datetime(2026, 3, 2, 9, 0, 0, 123456 * i, tzinfo=HANOI)
            uow.audit.append(AuditEvent(0, at, "admin", "update", "record", LAN, before, after))
        uow.commit()
    with seeded_store.uow() as uow:
        events = uow.audit.events()
    assert [e.seq for e in events] == [1, 2] and verify_chain(events) == []
    assert events[0].at.utcoffset() == timedelta(hours=7)
