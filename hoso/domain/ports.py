"""What the core needs from storage, as Protocols: SQLAlchemy and the in-memory fakes both fit them.

Contract for every implementation (tests/hoso/test_domain_ports.py can be run over each):
- `get` raises hoso.errors.NotFound for an unknown key; it never returns None.
- `add` inserts or replaces by key (an upsert); objects read inside a unit of work and changed must be
  passed to `add` again before commit.
- `for_update=True` takes a row lock (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers with
  BEGIN IMMEDIATE), so two concurrent approvals cannot both pass the open-flag check. Services lock
  in one order, dossier → its flags → the record, so implementations need no deadlock handling beyond it.
- `AuditLog.append` chains the event to the current head (next seq, prev hash) under a lock on the head.
- Nothing is written until `UnitOfWork.commit()`; leaving the `with` block without commit rolls back.
"""

from __future__ import annotations

from collections.abc import Collection
from types import TracebackType
from typing import Protocol, Self

from hoso.domain.audit import AuditEvent
from hoso.domain.model import Approval, Dossier, ElectronicRecord, Flag, Officer, User
from hoso.domain.units import Unit, UnitTree


class UnitRepository(Protocol):
    """The organisation tree."""

    def add(self, unit: Unit) -> None: ...
    def get(self, code: str) -> Unit: ...
    def tree(self) -> UnitTree: ...


class UserRepository(Protocol):
    """Accounts and their role and unit scope."""

    def add(self, user: User) -> None: ...
    def get(self, username: str) -> User: ...


class OfficerRepository(Protocol):
    """CBCCVC by số định danh; never deleted, so there is no delete."""

    def add(self, officer: Officer) -> None: ...
    def get(self, so_dinh_danh: str) -> Officer: ...
    def list_in_units(self, unit_codes: Collection[str]) -> list[Officer]: ...


class RecordRepository(Protocol):
    """Electronic records with their full field history."""

    def add(self, record: ElectronicRecord) -> None: ...
    def get(self, officer_id: str, *, for_update: bool = False) -> ElectronicRecord: ...


class DossierRepository(Protocol):
    """Upload batches and their state."""

    def add(self, dossier: Dossier) -> None: ...
    def get(self, dossier_id: str, *, for_update: bool = False) -> Dossier: ...
    def list_in_units(self, unit_codes: Collection[str]) -> list[Dossier]: ...


class FlagRepository(Protocol):
    """Cảnh báo, open and resolved; resolved ones are kept forever."""

    def add(self, flag: Flag) -> None: ...
    def get(self, flag_id: str, *, for_update: bool = False) -> Flag: ...
    def for_dossiers(self, dossier_ids: Collection[str], *, for_update: bool = False) -> list[Flag]: ...


class ApprovalRepository(Protocol):
    """Sign-offs, one per approval of a dossier."""

    def add(self, approval: Approval) -> None: ...
    def for_dossier(self, dossier_id: str) -> list[Approval]: ...


class AuditLog(Protocol):
    """The append-only chain; no update, no delete."""

    def append(self, event: AuditEvent) -> AuditEvent: ...
    def head(self) -> AuditEvent | None: ...
    def events(self, after_seq: int = 0, limit: int | None = None) -> list[AuditEvent]: ...


class UnitOfWork(Protocol):
    """One transaction over all repositories."""

    @property
    def units(self) -> UnitRepository: ...
    @property
    def users(self) -> UserRepository: ...
    @property
    def officers(self) -> OfficerRepository: ...
    @property
    def records(self) -> RecordRepository: ...
    @property
    def dossiers(self) -> DossierRepository: ...
    @property
    def flags(self) -> FlagRepository: ...
    @property
    def approvals(self) -> ApprovalRepository: ...
    @property
    def audit(self) -> AuditLog: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
