"""The dossier state machine and the cảnh báo gate: approve() refuses while a blocking flag is open."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from hoso.domain.access import Action, authorize
from hoso.domain.model import (
    Approval,
    Dossier,
    DossierState,
    ElectronicRecord,
    FieldChange,
    Flag,
    Resolution,
    ResolutionKind,
    StateChange,
    User,
    new_id,
)
from hoso.domain.units import UnitTree
from hoso.errors import ApprovalRefused, InvalidTransition, ValidationError

S = DossierState

# Explicit, so a reviewer can read the whole machine in one glance. A verified dossier may go back to
# flagged when a later comparison (a re-read, a newly imported record) raises a new cảnh báo.
ALLOWED: dict[DossierState, frozenset[DossierState]] = {
    S.RECEIVED: frozenset({S.PROCESSING, S.ARCHIVED}),
    S.PROCESSING: frozenset({S.EXTRACTED, S.RECEIVED}),  # back to received when processing failed
    S.EXTRACTED: frozenset({S.FLAGGED, S.VERIFIED}),
    S.FLAGGED: frozenset({S.VERIFIED}),
    S.VERIFIED: frozenset({S.APPROVED, S.FLAGGED}),
    S.APPROVED: frozenset({S.TRANSFERRED, S.ARCHIVED, S.FLAGGED}),
    S.TRANSFERRED: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}

# States in which the dossier is still someone's work; the backlog and overdue counts look at these.
OPEN_STATES = frozenset({S.RECEIVED, S.PROCESSING, S.EXTRACTED, S.FLAGGED, S.VERIFIED})


def can_transition(old: DossierState, new: DossierState) -> bool:
    """True when the machine allows old → new."""
    return new in ALLOWED[old]


def transition(dossier: Dossier, new: DossierState, user: str, now: datetime) -> StateChange:
    """Move the dossier, or raise InvalidTransition; approval goes through approve() only."""
    if new is S.APPROVED:
        raise InvalidTransition(f"dossier {dossier.id}: use approve() to approve")
    return _move(dossier, new, user, now)


def _move(dossier: Dossier, new: DossierState, user: str, now: datetime) -> StateChange:
    if not can_transition(dossier.state, new):
        raise InvalidTransition(f"dossier {dossier.id}: {dossier.state.value} → {new.value} is not allowed")
    change = StateChange(dossier.state, new, user, now)
    dossier.state = new
    dossier.transitions.append(change)
    return change


def open_flags(dossier_id: str, flags: Iterable[Flag]) -> list[Flag]:
    """The blocking flags of this dossier that are still open."""
    return [f for f in flags if f.dossier_id == dossier_id and f.blocking and f.is_open]


def settle(dossier: Dossier, flags: Iterable[Flag], user: str, now: datetime) -> StateChange | None:
    """After extraction or a resolution: flagged while a blocking flag is open, else verified."""
    still_open = open_flags(dossier.id, flags)
    if dossier.state is S.EXTRACTED:
        return _move(dossier, S.FLAGGED if still_open else S.VERIFIED, user, now)
    if dossier.state is S.FLAGGED and not still_open:
        return _move(dossier, S.VERIFIED, user, now)
    if dossier.state in (S.VERIFIED, S.APPROVED) and still_open:
        return _move(dossier, S.FLAGGED, user, now)
    return None


def resolve_flag(
    flag: Flag,
    kind: ResolutionKind,
    note: str,
    user: User,
    now: datetime,
    *,
    dossier: Dossier,
    units: UnitTree,
    value: str | None = None,
) -> Resolution:
    """Close a cảnh báo; a note and a reviewer/supervisor/admin of the dossier's unit are required."""
    if flag.dossier_id != dossier.id:
        raise ValidationError(f"flag {flag.id} does not belong to dossier {dossier.id}")
    authorize(user, Action.RESOLVE, dossier.unit_code, units)
    if not flag.is_open:
        raise InvalidTransition(f"flag {flag.id} is already resolved")
    if not note.strip():
        raise ValidationError(f"flag {flag.id}: a resolution needs a note")
    if kind is ResolutionKind.OCR_MISREAD and not (value and value.strip()):
        raise ValidationError(f"flag {flag.id}: ocr_misread needs the value read by hand")
    flag.resolution = Resolution(kind, note.strip(), user.username, now, value)
    return flag.resolution


def apply_resolution(record: ElectronicRecord, flag: Flag) -> FieldChange | None:
    """paper_is_right: the record takes the paper value, keeping old and new in its history."""
    res = flag.resolution
    if res is None or res.kind is not ResolutionKind.PAPER_IS_RIGHT:
        return None
    reason = f"cảnh báo {flag.id}: {res.note}"
    return record.set_field(flag.field, flag.paper_value, res.user, res.at, reason)


def approve(
    dossier: Dossier, flags: Iterable[Flag], user: User, now: datetime, *, units: UnitTree, note: str = ""
) -> Approval:
    """The gate: refuse while any blocking flag of the dossier is open, naming each one."""
    authorize(user, Action.APPROVE, dossier.unit_code, units)
    blocking = open_flags(dossier.id, flags)
    if blocking:
        names = tuple(f.id for f in blocking)
        detail = ", ".join(f"{f.id} ({f.field})" for f in blocking)
        raise ApprovalRefused(f"dossier {dossier.id}: {len(blocking)} open cảnh báo: {detail}", names)
    if dossier.state is S.FLAGGED:
        _move(dossier, S.VERIFIED, user.username, now)  # every flag is resolved: verified first
    if dossier.state is not S.VERIFIED:
        raise InvalidTransition(f"dossier {dossier.id}: cannot approve from {dossier.state.value}")
    _move(dossier, S.APPROVED, user.username, now)
    return Approval(new_id(), dossier.id, user.username, now, note)
