"""Review UI (issue 4): web credentials with lock-out, per-file upload progress, queue/drill-down indexes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:26:25.644243
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("uploads",
    sa.Column("id", sa.String(length=64), nullable=False),
    sa.Column("batch_id", sa.String(length=64), nullable=False),
    sa.Column("unit_code", sa.String(length=64), nullable=False),
    sa.Column("clerk", sa.String(length=128), nullable=False),
    sa.Column("officer_id", sa.String(length=12), nullable=True),
    sa.Column("filename", sa.Text(), nullable=False),
    sa.Column("sha256", sa.String(length=64), nullable=True),
    sa.Column("size", sa.Integer(), nullable=False),
    sa.Column("state", sa.String(length=16), nullable=False),
    sa.Column("pages_done", sa.Integer(), nullable=False),
    sa.Column("pages_total", sa.Integer(), nullable=False),
    sa.Column("dossier_id", sa.String(length=64), nullable=True),
    sa.Column("message", sa.Text(), nullable=False),
    sa.Column("staged_path", sa.Text(), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(["unit_code"], ["units.code"], name=op.f("fk_uploads_unit_code_units")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_uploads"))
    )
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_uploads_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_uploads_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_uploads_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_uploads_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_uploads_unit_code"), ["unit_code"], unique=False)

    op.create_table("user_credentials",
    sa.Column("username", sa.String(length=128), nullable=False),
    sa.Column("password_hash", sa.Text(), nullable=False),
    sa.Column("failed_logins", sa.Integer(), nullable=False),
    sa.Column("locked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(
        ["username"], ["users.username"], name=op.f("fk_user_credentials_username_users")
    ),
    sa.PrimaryKeyConstraint("username", name=op.f("pk_user_credentials"))
    )
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.create_index("ix_dossiers_unit_received", ["unit_code", "received_at"], unique=False)
        batch_op.create_index("ix_dossiers_received_id", ["received_at", "id"], unique=False)

    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.create_index("ix_flags_created_at_id", ["created_at", "id"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("flags", schema=None) as batch_op:
        batch_op.drop_index("ix_flags_created_at_id")

    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_index("ix_dossiers_unit_received")
        batch_op.drop_index("ix_dossiers_received_id")

    op.drop_table("user_credentials")
    with op.batch_alter_table("uploads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_uploads_unit_code"))
        batch_op.drop_index(batch_op.f("ix_uploads_state"))
        batch_op.drop_index(batch_op.f("ix_uploads_sha256"))
        batch_op.drop_index(batch_op.f("ix_uploads_created_at"))
        batch_op.drop_index(batch_op.f("ix_uploads_batch_id"))

    op.drop_table("uploads")
