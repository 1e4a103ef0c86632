"""An append-only, hash-chained audit log, so a changed, removed or reordered entry shows on verify."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

Action = Literal[
    "read", "create", "update", "transition", "resolve", "approve", "approve_refused", "import",
    "login", "login_failed", "logout",  # web sessions (review UI)
]

GENESIS = "0" * 64  # prev_hash of the first event


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Who did what to which entity when, with the before/after state; hash covers all but itself."""

    seq: int
    at: datetime
    user: str
    action: Action
    entity: str  # "dossier", "flag", "record", "officer", …
    entity_id: str
    before: Mapping[str, Any] | None = None
    after: Mapping[str, Any] | None = None
    prev_hash: str = ""
    hash: str = ""


def _jsonable(value: Any) -> Any:
    """Dates, enums and tuples in a fixed textual form, so the hash does not depend on Python types."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


def canonical_json(event: AuditEvent) -> str:
    """Sorted keys, no spaces, UTF-8 text kept as is; `hash` itself left out."""
    body = {f.name: _jsonable(getattr(event, f.name)) for f in fields(event) if f.name != "hash"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compute_hash(event: AuditEvent) -> str:
    """SHA-256 over the canonical JSON, which includes prev_hash: that is what makes it a chain."""
    return hashlib.sha256(canonical_json(event).encode("utf-8")).hexdigest()


def chain(prev: AuditEvent | None, event: AuditEvent) -> AuditEvent:
    """The event placed after `prev`: next seq, prev's hash, and its own hash."""
    linked = replace(
        event,
        seq=1 if prev is None else prev.seq + 1,
        prev_hash=GENESIS if prev is None else prev.hash,
        hash="",
    )
    return replace(linked, hash=compute_hash(linked))


def verify_chain(events: Sequence[AuditEvent], anchor: AuditEvent | None = None) -> list[str]:
    """Problems found, empty when intact; `anchor` is the event before the first when checking a window."""
    problems: list[str] = []
    prev = anchor
    for event in events:
        if compute_hash(event) != event.hash:
            problems.append(f"event {event.seq}: hash does not match its content (changed)")
        expected_seq = 1 if prev is None else prev.seq + 1
        if event.seq != expected_seq:
            kind = "gap" if event.seq > expected_seq else "out of order"
            problems.append(f"event {event.seq}: {kind}, expected seq {expected_seq}")
        expected_prev = GENESIS if prev is None else prev.hash
        if event.prev_hash != expected_prev:
            problems.append(f"event {event.seq}: prev_hash does not match the event before it")
        prev = event
    return problems
