"""Task progress (issue 5): per-file and per-page work state for the Celery and in-process pipelines.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:48:38.051090
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_files",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("display_path", sa.Text(), nullable=False),
        sa.Column("object_key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("clerk", sa.String(length=128), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_ingest_files_unit_code_units")),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_ingest_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_ingest_files_sha256")),
    )
    with op.batch_alter_table("ingest_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ingest_files_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_ingest_files_unit_code"), ["unit_code"], unique=False)

    op.create_table(
        "ingest_pages",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("worker", sa.String(length=128), nullable=True),
        sa.Column("result_key", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["ingest_files.dossier_id"], name=op.f("fk_ingest_pages_dossier_id_ingest_files")
        ),
        sa.PrimaryKeyConstraint("dossier_id", "number", name=op.f("pk_ingest_pages")),
    )
    with op.batch_alter_table("ingest_pages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ingest_pages_dispatch", ["unit_code", "state", "dispatched_at", "queued_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_ingest_pages_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ingest_pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ingest_pages_state"))
        batch_op.drop_index("ix_ingest_pages_dispatch")

    op.drop_table("ingest_pages")
    with op.batch_alter_table("ingest_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ingest_files_unit_code"))
        batch_op.drop_index(batch_op.f("ix_ingest_files_state"))

    op.drop_table("ingest_files")
