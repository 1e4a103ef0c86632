"""A small province in memory (units, users, officers, records), for the quick demo and the unit tests."""

from __future__ import annotations

from datetime import date

from hoso.domain.memory import InMemoryStore
from hoso.domain.model import Decision, ElectronicRecord, Officer, Role, SalaryStep, User
from hoso.domain.units import Unit

UNITS = (
    Unit("SNV", "Sở Nội vụ tỉnh Tây Ninh"),
    Unit("SGD", "Sở Giáo dục và Đào tạo", "SNV"),
    Unit("THPT-A", "Trường THPT Nguyễn Trung Trực", "SGD"),
    Unit("XA-MA", "UBND xã Mỹ An", "SNV"),
)

USERS = (
    User("admin", Role.ADMIN, "SNV"),
    User("sup_gd", Role.SUPERVISOR, "SGD"),
    User("rev_thpt", Role.REVIEWER, "THPT-A"),
    User("clerk_thpt", Role.CLERK, "THPT-A"),
    User("rev_xa", Role.REVIEWER, "XA-MA"),
    User("lan", Role.OFFICER, None, officer_id="079185000123"),
)

OFFICERS = (
    Officer("079185000123", "Nguyễn Thị Lan", "THPT-A", "GV-0042", "025123456", date(1985, 6, 15)),
    Officer("080190000456", "Trần Văn Hường", "XA-MA", "CC-0007", None, date(1990, 3, 2)),
)


def _records() -> list[ElectronicRecord]:
    lan = ElectronicRecord(
        "079185000123",
        {"ho_ten": "Nguyễn Thị Lan", "ngay_sinh": "1985-06-15", "he_so_luong": "3.66", "dan_toc": "Kinh"},
        [Decision("123/QĐ-SGDĐT", "nâng lương", date(2024, 1, 10), date(2024, 2, 1))],
        [
            SalaryStep(date(2021, 2, 1), "V.07.05.15", 3, "3.33"),
            SalaryStep(date(2024, 2, 1), "V.07.05.15", 4, "3.66"),
        ],
    )
    huong = ElectronicRecord("080190000456", {"ho_ten": "Trần Văn Hường", "ngay_sinh": "1990-03-02"})
    return [lan, huong]


def seed(store: InMemoryStore | None = None) -> InMemoryStore:
    """A store holding the demo province; nothing is audited, as it stands for a fresh import."""
    store = store or InMemoryStore()
    with store.uow() as uow:
        for unit in UNITS:
            uow.units.add(unit)
        for user in USERS:
            uow.users.add(user)
        for officer in OFFICERS:
            uow.officers.add(officer)
        for record in _records():
            uow.records.add(record)
        uow.commit()
    return store


def main() -> None:
    """`python -m hoso.domain.demo`: two dossiers with planted cảnh báo, a refused approval, the backlog."""
    from datetime import UTC, datetime

    from hoso.domain import services
    from hoso.domain.model import Dossier, Flag
    from hoso.errors import ApprovalRefused

    store, now = seed(), datetime.now(UTC)
    services.receive(
        store.uow(), Dossier("D1", "THPT-A", "clerk_thpt", now, officer_id=OFFICERS[0].so_dinh_danh)
    )
    planted = [Flag("F1", "D1", "he_so_luong", "3.33", "3.66", 0.0, "hệ số differs", now, page=2)]
    services.record_extraction(store.uow(), "D1", planted)
    for f in services.list_flags(store.uow(), "rev_thpt"):
        print(
            f"cảnh báo {f.id}: {f.field} paper={f.paper_value!r} record={f.electronic_value!r} ({f.reason})"
        )
    try:
        services.approve(store.uow(), "D1", "rev_thpt")
    except ApprovalRefused as exc:
        print(f"approve refused: {exc}")
    services.resolve(store.uow(), "F1", "paper", "QĐ nâng lương seen on paper", "rev_thpt")
    print(f"approved by {services.approve(store.uow(), 'D1', 'rev_thpt').user}")
    for row in services.backlog(store.uow(), "SNV", now.date()):
        print(row.to_json())


if __name__ == "__main__":
    main()
