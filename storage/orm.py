"""The relational schema, declared once for SQLite and PostgreSQL; Alembic migrations are checked against it.

Nothing is ever deleted: officers leave by status, dossiers are archived, flags are resolved, history and
audit rows are appended. Unit parents carry no foreign key, so a tree can be imported in any order
(hoso.domain.units.UnitTree already tolerates an unknown parent).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so migrations can refer to them on both databases.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Json = JSON().with_variant(JSONB(), "postgresql")  # field maps: indexable on PostgreSQL


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and read back timezone-aware (SQLite would otherwise return naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base over one MetaData with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)
    __table__: ClassVar[Table]


class UnitRow(Base):
    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    parent_code: Mapped[str | None] = mapped_column(String(64), index=True)


class UserRow(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(128), primary_key=True)
    role: Mapped[str] = mapped_column(String(32))
    unit_code: Mapped[str | None] = mapped_column(ForeignKey("units.code"), index=True)
    officer_id: Mapped[str | None] = mapped_column(String(12))
    active: Mapped[bool] = mapped_column()


class OfficerRow(Base):
    __tablename__ = "officers"
    so_dinh_danh: Mapped[str] = mapped_column(String(12), primary_key=True)
    ho_ten: Mapped[str] = mapped_column(Text)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    ma_can_bo: Mapped[str | None] = mapped_column(String(64), index=True)
    cmnd_cu: Mapped[str | None] = mapped_column(String(9))
    ngay_sinh: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(32))


class RecordRow(Base):
    __tablename__ = "records"
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.so_dinh_danh"), primary_key=True)
    fields: Mapped[dict[str, str]] = mapped_column(Json)
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(Json)
    salary_history: Mapped[list[dict[str, Any]]] = mapped_column(Json)
    version: Mapped[int] = mapped_column(Integer)  # number of history rows: guards against lost updates


class RecordChangeRow(Base):
    __tablename__ = "record_history"
    officer_id: Mapped[str] = mapped_column(ForeignKey("records.officer_id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(128))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text)


class DossierRow(Base):
    __tablename__ = "dossiers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    clerk: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officers.so_dinh_danh"), index=True)
    state: Mapped[str] = mapped_column(String(32), index=True)
    trigger_on: Mapped[date | None] = mapped_column(Date)


class TransitionRow(Base):
    __tablename__ = "dossier_transitions"
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    old: Mapped[str] = mapped_column(String(32))
    new: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class DocumentRow(Base):
    __tablename__ = "documents"
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), primary_key=True)
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64), index=True)


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (
        ForeignKeyConstraint(
            ["dossier_id", "document_index"],
            ["documents.dossier_id", "documents.index"],
            name="fk_pages_document",
        ),
    )
    dossier_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_index: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    image_key: Mapped[str] = mapped_column(Text)


class FlagRow(Base):
    __tablename__ = "flags"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The foreign key matters for the gate on PostgreSQL: inserting a flag takes a key-share lock on the
    # dossier row, so it waits for an approval holding that row FOR UPDATE instead of slipping past it.
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    field: Mapped[str] = mapped_column(String(128))
    paper_value: Mapped[str | None] = mapped_column(Text)
    electronic_value: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    document_index: Mapped[int] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    bbox: Mapped[list[int] | None] = mapped_column(Json)
    blocking: Mapped[bool] = mapped_column()


class ResolutionRow(Base):
    __tablename__ = "resolutions"
    flag_id: Mapped[str] = mapped_column(ForeignKey("flags.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    value: Mapped[str | None] = mapped_column(Text)


class ApprovalRow(Base):
    __tablename__ = "approvals"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), index=True)
    user: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # Kept as the exact ISO text the hash covers: a timestamp type could change offset or precision.
    at: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(128))
    # Plain JSON, not JSONB: the text is kept as written, so numbers come back exactly as hashed.
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


# --- review UI (issue 4): passwords, upload progress, and the indexes its paginated screens read by ---


class CredentialRow(Base):
    """A web login's argon2 hash and lock-out counter, kept apart from users (CLI accounts need none)."""

    __tablename__ = "user_credentials"
    username: Mapped[str] = mapped_column(ForeignKey("users.username"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    failed_logins: Mapped[int] = mapped_column(Integer)
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UploadRow(Base):
    """One uploaded file (or ZIP member) and where its processing stands, so every browser sees the same."""

    __tablename__ = "uploads"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    clerk: Mapped[str] = mapped_column(String(128))
    officer_id: Mapped[str | None] = mapped_column(String(12))
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)  # queued processing done error duplicate
    pages_done: Mapped[int] = mapped_column(Integer)
    pages_total: Mapped[int] = mapped_column(Integer)
    dossier_id: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    staged_path: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


Index("ix_flags_created_at_id", FlagRow.created_at, FlagRow.id)  # the review queue, oldest (most due) first
Index("ix_dossiers_unit_received", DossierRow.unit_code, DossierRow.received_at)  # drill-down lists
Index("ix_dossiers_received_id", DossierRow.received_at, DossierRow.id)  # province-wide list, newest first


class IngestFileRow(Base):
    """Work on one uploaded file (issue 5): where it is in the pipeline, how often tried, why it failed.

    The dossier id is chosen when the file is queued; the dossier row itself is written by the last stage,
    exactly as the in-process path writes it, so a half-read file never shows up as a dossier.
    """

    __tablename__ = "ingest_files"
    dossier_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    display_path: Mapped[str] = mapped_column(Text)
    object_key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(ForeignKey("units.code"), index=True)
    clerk: Mapped[str] = mapped_column(String(128))
    state: Mapped[str] = mapped_column(String(16), index=True)  # queued | processing | done | failed
    stage: Mapped[str] = mapped_column(String(16))  # split | read | finish | done
    pages: Mapped[int | None] = mapped_column(Integer)
    problems: Mapped[list[str]] = mapped_column(JSON)  # why the file itself is unreadable (becomes a flag)
    attempts: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)  # why the work failed (storage down, lost message, …)
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the task finishing the file
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class IngestPageRow(Base):
    """Work on one page: queued (dispatched_at set once sent to a worker), processing, done or failed."""

    __tablename__ = "ingest_pages"
    __table_args__ = (Index("ix_ingest_pages_dispatch", "unit_code", "state", "dispatched_at", "queued_at"),)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("ingest_files.dossier_id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(64))  # copied from the file: the fair dispatch reads it
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    worker: Mapped[str | None] = mapped_column(String(128))
    result_key: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[float | None] = mapped_column(Float)
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
