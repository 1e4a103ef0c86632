"""In-memory repositories and unit of work: the fakes for unit tests and the quick demo, no database."""

from __future__ import annotations

import copy
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self, TypeVar

from hoso.domain.audit import AuditEvent, chain
from hoso.domain.model import Approval, Dossier, ElectronicRecord, Flag, Officer, User
from hoso.domain.ports import UnitOfWork
from hoso.domain.units import Unit, UnitTree
from hoso.errors import NotFound


@dataclass
class _Data:
    units: dict[str, Unit] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    officers: dict[str, Officer] = field(default_factory=dict)
    records: dict[str, ElectronicRecord] = field(default_factory=dict)
    dossiers: dict[str, Dossier] = field(default_factory=dict)
    flags: dict[str, Flag] = field(default_factory=dict)
    approvals: list[Approval] = field(default_factory=list)
    audit: list[AuditEvent] = field(default_factory=list)


T = TypeVar("T")


def _get(table: dict[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        raise NotFound(f"{what} {key!r} not found") from None


class InMemoryStore:
    """The shared 'database': data plus one lock that serialises units of work like row locks would."""

    def __init__(self) -> None:
        self.data = _Data()
        self.lock = threading.RLock()

    def uow(self) -> InMemoryUnitOfWork:
        """A fresh unit of work over this store."""
        return InMemoryUnitOfWork(self)


class _Units:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, unit: Unit) -> None:
        self._uow.data.units[unit.code] = unit

    def get(self, code: str) -> Unit:
        return _get(self._uow.data.units, code, "unit")

    def tree(self) -> UnitTree:
        return UnitTree(self._uow.data.units.values())


class _Users:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, user: User) -> None:
        self._uow.data.users[user.username] = user

    def get(self, username: str) -> User:
        return _get(self._uow.data.users, username, "user")


class _Officers:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, officer: Officer) -> None:
        self._uow.data.officers[officer.so_dinh_danh] = officer

    def get(self, so_dinh_danh: str) -> Officer:
        return _get(self._uow.data.officers, so_dinh_danh, "officer")

    def list_in_units(self, unit_codes: Collection[str]) -> list[Officer]:
        return [o for o in self._uow.data.officers.values() if o.unit_code in unit_codes]


class _Records:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, record: ElectronicRecord) -> None:
        self._uow.data.records[record.officer_id] = record

    def get(self, officer_id: str, *, for_update: bool = False) -> ElectronicRecord:
        return _get(self._uow.data.records, officer_id, "record of officer")


class _Dossiers:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, dossier: Dossier) -> None:
        self._uow.data.dossiers[dossier.id] = dossier

    def get(self, dossier_id: str, *, for_update: bool = False) -> Dossier:
        return _get(self._uow.data.dossiers, dossier_id, "dossier")

    def list_in_units(self, unit_codes: Collection[str]) -> list[Dossier]:
        return [d for d in self._uow.data.dossiers.values() if d.unit_code in unit_codes]


class _Flags:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, flag: Flag) -> None:
        self._uow.data.flags[flag.id] = flag

    def get(self, flag_id: str, *, for_update: bool = False) -> Flag:
        return _get(self._uow.data.flags, flag_id, "flag")

    def for_dossiers(self, dossier_ids: Collection[str], *, for_update: bool = False) -> list[Flag]:
        return [f for f in self._uow.data.flags.values() if f.dossier_id in dossier_ids]


class _Approvals:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def add(self, approval: Approval) -> None:
        self._uow.data.approvals.append(approval)

    def for_dossier(self, dossier_id: str) -> list[Approval]:
        return [a for a in self._uow.data.approvals if a.dossier_id == dossier_id]


class _Audit:
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    def append(self, event: AuditEvent) -> AuditEvent:
        linked = chain(self.head(), event)
        self._uow.data.audit.append(linked)
        return linked

    def head(self) -> AuditEvent | None:
        log = self._uow.data.audit
        return log[-1] if log else None

    def events(self, after_seq: int = 0, limit: int | None = None) -> list[AuditEvent]:
        out = [e for e in self._uow.data.audit if e.seq > after_seq]
        return out if limit is None else out[:limit]


class InMemoryUnitOfWork:
    """Holds the store's lock for the whole block; rollback restores a deep copy taken on entry."""

    def __init__(self, store: InMemoryStore) -> None:
        self._store = store
        self._snapshot: _Data | None = None
        self.committed = False
        self.units = _Units(self)
        self.users = _Users(self)
        self.officers = _Officers(self)
        self.records = _Records(self)
        self.dossiers = _Dossiers(self)
        self.flags = _Flags(self)
        self.approvals = _Approvals(self)
        self.audit = _Audit(self)

    @property
    def data(self) -> _Data:
        """The live data of the store."""
        return self._store.data

    def __enter__(self) -> Self:
        self._store.lock.acquire()
        self._snapshot = copy.deepcopy(self._store.data)
        self.committed = False
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.rollback()
        finally:
            self._snapshot = None
            self._store.lock.release()

    def commit(self) -> None:
        """Keep what was written; a later rollback in the same block only undoes what follows."""
        self._snapshot = copy.deepcopy(self._store.data)
        self.committed = True

    def rollback(self) -> None:
        """Undo everything since entry or the last commit."""
        if self._snapshot is not None:
            self._store.data = copy.deepcopy(self._snapshot)


def _conforms(store: InMemoryStore) -> UnitOfWork:
    """Never called: makes mypy check the fakes against the ports."""
    return store.uow()
