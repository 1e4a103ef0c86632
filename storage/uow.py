"""The SQL unit of work: one connection and one transaction per `with` block, errors mapped to hoso's.

sqlalchemy.exc.*            →  hoso.errors.*
 ├── IntegrityError unique  →  Conflict          a concurrent writer took the same key (history, audit seq)
 ├── IntegrityError other   →  ValidationError   a row refers to a unit, officer or dossier that is not there
 ├── deadlock, lock timeout,
 │   serialization, locked  →  Conflict          retryable
 └── other DBAPI errors     →  StorageUnavailable
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy import exc as sa_exc

from hoso.domain.ports import UnitOfWork
from hoso.errors import Conflict, HosoError, StorageUnavailable, ValidationError
from storage.audit_log import SqlAuditLog
from storage.db import make_engine
from storage.dossiers import SqlDossierRepository, SqlFlagRepository
from storage.repositories import (
    SqlApprovalRepository,
    SqlOfficerRepository,
    SqlRecordRepository,
    SqlUnitRepository,
    SqlUserRepository,
)

_CONFLICT_STATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def translate(error: sa_exc.SQLAlchemyError) -> HosoError:
    """The hoso error for a database error (the one place this mapping lives)."""
    orig = getattr(error, "orig", None)
    state = getattr(orig, "sqlstate", None)
    message = str(orig if orig is not None else error).strip().splitlines()[0]
    if isinstance(error, sa_exc.IntegrityError):
        if state == "23505" or "UNIQUE constraint" in message:
            return Conflict(f"a concurrent change took the same key: {message}")
        return ValidationError(f"row refused by the database (missing reference or value): {message}")
    if state in _CONFLICT_STATES or "database is locked" in message:
        return Conflict(f"concurrent transaction: {message}")
    return StorageUnavailable(f"database error: {message}")


class SqlUnitOfWork:
    """Repositories over one connection; nothing is written until commit(), the block's end rolls back."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Connection | None = None
        self.units = SqlUnitRepository(self.connection)
        self.users = SqlUserRepository(self.connection)
        self.officers = SqlOfficerRepository(self.connection)
        self.records = SqlRecordRepository(self.connection)
        self.dossiers = SqlDossierRepository(self.connection)
        self.flags = SqlFlagRepository(self.connection)
        self.approvals = SqlApprovalRepository(self.connection)
        self.audit = SqlAuditLog(self.connection)

    def connection(self) -> Connection:
        """The open connection; repositories are only usable inside the `with` block."""
        if self._conn is None:
            raise RuntimeError("use the unit of work inside `with uow:`")
        return self._conn

    def __enter__(self) -> Self:
        try:
            self._conn = self._engine.connect()
        except sa_exc.SQLAlchemyError as error:
            raise translate(error) from error
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        conn, self._conn = self._conn, None
        try:
            if conn is not None:
                conn.rollback()
                conn.close()
        except sa_exc.SQLAlchemyError as error:
            if exc is None:
                raise translate(error) from error
        if isinstance(exc, sa_exc.SQLAlchemyError):
            raise translate(exc) from exc

    def commit(self) -> None:
        """Make everything since the last commit durable; the connection starts a new transaction on use."""
        try:
            self.connection().commit()
        except sa_exc.SQLAlchemyError as error:
            raise translate(error) from error

    def rollback(self) -> None:
        """Undo everything since the last commit."""
        self.connection().rollback()


class SqlStore:
    """The database handle the application keeps: an engine and a factory of units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str | None = None) -> SqlStore:
        """A store on `url` (default: HOSO_DATABASE_URL or the SQLite file under HOSO_DATA_DIR)."""
        return cls(make_engine(url))

    def uow(self) -> SqlUnitOfWork:
        """A fresh unit of work."""
        return SqlUnitOfWork(self.engine)

    def dispose(self) -> None:
        """Close pooled connections (tests, shutdown)."""
        self.engine.dispose()


def _conforms(store: SqlStore) -> UnitOfWork:
    """Never called: makes mypy check the SQL implementation against the ports."""
    return store.uow()
