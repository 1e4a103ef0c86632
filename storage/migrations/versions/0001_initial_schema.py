"""Initial schema: every table of storage/orm.py as of issue 3.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 03:09:11.949747
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Field maps: JSONB on PostgreSQL (indexable), JSON text on SQLite.
JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("user", sa.String(length=128), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=128), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_events_prev_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "units",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("parent_code", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_units")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "officers",
        sa.Column("so_dinh_danh", sa.String(length=12), nullable=False),
        sa.Column("ho_ten", sa.Text(), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("ma_can_bo", sa.String(length=64), nullable=True),
        sa.Column("cmnd_cu", sa.String(length=9), nullable=True),
        sa.Column("ngay_sinh", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_officers_unit_code_units")),
        sa.PrimaryKeyConstraint("so_dinh_danh", name=op.f("pk_officers")),
    )
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_officers_ma_can_bo"), ["ma_can_bo"], unique=False)
        batch_op.create_index(batch_op.f("ix_officers_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "users",
        sa.Column("username", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=True),
        sa.Column("officer_id", sa.String(length=12), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_users_unit_code_units")),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_users")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "dossiers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("clerk", sa.String(length=128), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("officer_id", sa.String(length=12), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("trigger_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.so_dinh_danh"], name=op.f("fk_dossiers_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_dossiers_unit_code_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossiers")),
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dossiers_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossiers_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_dossiers_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "records",
        sa.Column("officer_id", sa.String(length=12), nullable=False),
        sa.Column("fields", JSON_DOC, nullable=False),
        sa.Column("decisions", JSON_DOC, nullable=False),
        sa.Column("salary_history", JSON_DOC, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.so_dinh_danh"], name=op.f("fk_records_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("officer_id", name=op.f("pk_records")),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("user", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_approvals_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_approvals_dossier_id"), ["dossier_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_documents_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("dossier_id", "index", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)

    op.create_table(
        "dossier_transitions",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("old", sa.String(length=32), nullable=False),
        sa.Column("new", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_dossier_transitions_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("dossier_id", "seq", name=op.f("pk_dossier_transitions")),
    )
    op.create_table(
        "flags",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=128), nullable=False),
        sa.Column("paper_value", sa.Text(), nullable=True),
        sa.Column("electronic_value", sa.Text(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document_index", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("bbox", JSON_DOC, nullable=True),
        sa.Column("blocking", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossiers.id"], name=op.f("fk_flags_dossier_id_dossiers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flags")),
    )
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flags_dossier_id"), ["dossier_id"], unique=False)

    op.create_table(
        "record_history",
        sa.Column("officer_id", sa.String(length=12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=128), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("user", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["records.officer_id"], name=op.f("fk_record_history_officer_id_records")
        ),
        sa.PrimaryKeyConstraint("officer_id", "version", name=op.f("pk_record_history")),
    )
    op.create_table(
        "pages",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("document_index", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("image_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id", "document_index"],
            ["documents.dossier_id", "documents.index"],
            name="fk_pages_document",
        ),
        sa.PrimaryKeyConstraint("dossier_id", "document_index", "number", name=op.f("pk_pages")),
    )
    op.create_table(
        "resolutions",
        sa.Column("flag_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("user", sa.String(length=128), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["flag_id"], ["flags.id"], name=op.f("fk_resolutions_flag_id_flags")),
        sa.PrimaryKeyConstraint("flag_id", name=op.f("pk_resolutions")),
    )


def downgrade() -> None:
    op.drop_table("resolutions")
    op.drop_table("pages")
    op.drop_table("record_history")
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flags_dossier_id"))

    op.drop_table("flags")
    op.drop_table("dossier_transitions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))

    op.drop_table("documents")
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_approvals_dossier_id"))

    op.drop_table("approvals")
    op.drop_table("records")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossiers_unit_code"))
        batch_op.drop_index(batch_op.f("ix_dossiers_state"))
        batch_op.drop_index(batch_op.f("ix_dossiers_officer_id"))

    op.drop_table("dossiers")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_unit_code"))

    op.drop_table("users")
    with op.batch_alter_table("officers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_officers_unit_code"))
        batch_op.drop_index(batch_op.f("ix_officers_ma_can_bo"))

    op.drop_table("officers")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_parent_code"))

    op.drop_table("units")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")

    op.drop_table("audit_events")
