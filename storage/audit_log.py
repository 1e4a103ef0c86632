"""The audit chain in SQL: one writer at a time extends the head, so the chain cannot fork."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text

from hoso.domain.audit import AuditEvent, canonical_json, chain
from storage.orm import AuditRow
from storage.repositories import ConnectionSource

# Any constant will do: it names the one PostgreSQL advisory lock that guards the head of the chain.
AUDIT_LOCK_KEY = 0x686F736F  # "hoso"


class SqlAuditLog:
    """Append under a lock held to commit; seq and prev_hash are unique too, as the last line of defence.

    PostgreSQL: a transaction-scoped advisory lock; READ COMMITTED then shows the head another writer just
    committed. SQLite: the unit of work began with BEGIN IMMEDIATE, so this transaction is the only writer.
    Take row locks (dossier → flags → record) before the first append where you can: the audit lock is
    global and held until commit.
    """

    def __init__(self, conn: ConnectionSource) -> None:
        self._conn = conn

    def append(self, event: AuditEvent) -> AuditEvent:
        conn = self._conn()
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
        linked = chain(self.head(), event)
        # Store exactly what the hash covers (ISO time, JSON-able before/after), so verify re-derives it.
        body = json.loads(canonical_json(linked))
        conn.execute(insert(AuditRow.__table__).values(**body, hash=linked.hash))
        return linked

    def append_all(self, events: list[AuditEvent]) -> list[AuditEvent]:
        """Several events in one go (one head read, one INSERT), e.g. the reads of a 50-row list."""
        conn = self._conn()
        if not events:
            return []
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
        prev, linked = self.head(), []
        for event in events:
            prev = chain(prev, event)
            linked.append(prev)
        rows = [{**json.loads(canonical_json(e)), "hash": e.hash} for e in linked]
        conn.execute(insert(AuditRow.__table__), rows)
        return linked

    def head(self) -> AuditEvent | None:
        stmt = select(AuditRow.__table__).order_by(AuditRow.seq.desc()).limit(1)
        row = self._conn().execute(stmt).first()
        return None if row is None else _event(row)

    def events(self, after_seq: int = 0, limit: int | None = None) -> list[AuditEvent]:
        stmt = select(AuditRow.__table__).where(AuditRow.seq > after_seq).order_by(AuditRow.seq)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_event(r) for r in self._conn().execute(stmt)]


def _event(r: Any) -> AuditEvent:
    return AuditEvent(
        r.seq, datetime.fromisoformat(r.at), r.user, r.action, r.entity, r.entity_id,
        r.before, r.after, r.prev_hash, r.hash,
    )
