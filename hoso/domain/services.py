"""Use cases over the ports: each runs in one unit of work, so a check and its write commit together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from hoso.domain import workflow
from hoso.domain.access import Action, allowed, authorize
from hoso.domain.audit import Action as AuditAction
from hoso.domain.audit import AuditEvent
from hoso.domain.backlog import UnitBacklog, compute_backlog
from hoso.domain.deadlines import SlaProfile, WorkCalendar, get_profile
from hoso.domain.model import Approval, Dossier, DossierState, Flag, Resolution, ResolutionKind, StateChange
from hoso.domain.ports import UnitOfWork
from hoso.errors import ApprovalRefused, ValidationError

SYSTEM = "system"  # the actor of pipeline steps no person triggered

# Short names the CLI accepts for `hoso resolve --as`.
KIND_ALIASES = {
    "paper": ResolutionKind.PAPER_IS_RIGHT,
    "electronic": ResolutionKind.ELECTRONIC_IS_RIGHT,
    "ocr": ResolutionKind.OCR_MISREAD,
}


def parse_kind(text: str | ResolutionKind) -> ResolutionKind:
    """A ResolutionKind from its value or CLI alias; ValidationError names the choices."""
    if isinstance(text, ResolutionKind):
        return text
    try:
        return KIND_ALIASES.get(text) or ResolutionKind(text)
    except ValueError:
        choices = ", ".join([*KIND_ALIASES, *(k.value for k in ResolutionKind)])
        raise ValidationError(f"unknown resolution {text!r}; one of: {choices}") from None


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def _log(
    uow: UnitOfWork,
    at: datetime,
    user: str,
    action: AuditAction,
    entity: str,
    entity_id: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    uow.audit.append(AuditEvent(0, at, user, action, entity, entity_id, before, after))


def _log_move(uow: UnitOfWork, dossier: Dossier, change: StateChange | None) -> None:
    if change is not None:
        before, after = {"state": change.old.value}, {"state": change.new.value}
        _log(uow, change.at, change.user, "transition", "dossier", dossier.id, before, after)


def receive(uow: UnitOfWork, dossier: Dossier, *, now: datetime | None = None) -> Dossier:
    """Register a new upload batch; the clerk must be allowed to ingest into the unit."""
    at = _now(now)
    with uow:
        authorize(uow.users.get(dossier.clerk), Action.INGEST, dossier.unit_code, uow.units.tree())
        uow.dossiers.add(dossier)
        after = {"unit": dossier.unit_code, "officer": dossier.officer_id, "state": dossier.state.value}
        _log(uow, at, dossier.clerk, "create", "dossier", dossier.id, None, after)
        uow.commit()
    return dossier


def record_extraction(
    uow: UnitOfWork,
    dossier_id: str,
    flags: Sequence[Flag],
    *,
    actor: str = SYSTEM,
    now: datetime | None = None,
) -> DossierState:
    """Store the comparison's cảnh báo and move the dossier to flagged or verified."""
    at = _now(now)
    with uow:
        dossier = uow.dossiers.get(dossier_id, for_update=True)
        for f in flags:
            if f.dossier_id != dossier_id:
                raise ValidationError(f"flag {f.id} belongs to dossier {f.dossier_id}, not {dossier_id}")
            uow.flags.add(f)
            after = {"field": f.field, "paper": f.paper_value, "electronic": f.electronic_value}
            _log(uow, at, actor, "create", "flag", f.id, None, {**after, "reason": f.reason})
        # The pipeline may report straight from received; walk the machine rather than jump it.
        for step in (DossierState.PROCESSING, DossierState.EXTRACTED):
            if workflow.can_transition(dossier.state, step):
                _log_move(uow, dossier, workflow.transition(dossier, step, actor, at))
        all_flags = uow.flags.for_dossiers([dossier_id])
        _log_move(uow, dossier, workflow.settle(dossier, all_flags, actor, at))
        uow.dossiers.add(dossier)
        uow.commit()
        return dossier.state


def resolve(
    uow: UnitOfWork,
    flag_id: str,
    kind: ResolutionKind | str,
    note: str,
    user: str,
    *,
    value: str | None = None,
    now: datetime | None = None,
) -> Resolution:
    """Close a cảnh báo; paper_is_right updates the e-record in the same transaction."""
    at, kind = _now(now), parse_kind(kind)
    with uow:
        # Lock order is always dossier → flags → record (as in approve), so the two cannot deadlock.
        dossier = uow.dossiers.get(uow.flags.get(flag_id).dossier_id, for_update=True)
        flag = uow.flags.get(flag_id, for_update=True)
        who = uow.users.get(user)
        res = workflow.resolve_flag(
            flag, kind, note, who, at, dossier=dossier, units=uow.units.tree(), value=value
        )
        uow.flags.add(flag)
        _log(uow, at, user, "resolve", "flag", flag.id, {"open": True}, _resolution_json(res))
        if kind is ResolutionKind.PAPER_IS_RIGHT:
            _update_record(uow, dossier, flag)
        _log_move(uow, dossier, workflow.settle(dossier, uow.flags.for_dossiers([dossier.id]), user, at))
        uow.dossiers.add(dossier)
        uow.commit()
        return res


def _resolution_json(res: Resolution) -> dict[str, Any]:
    return {"kind": res.kind.value, "note": res.note, "value": res.value, "giai_trinh": res.needs_giai_trinh}


def _update_record(uow: UnitOfWork, dossier: Dossier, flag: Flag) -> None:
    if dossier.officer_id is None:
        raise ValidationError(f"dossier {dossier.id} has no identified officer: no record to update")
    record = uow.records.get(dossier.officer_id, for_update=True)
    change = workflow.apply_resolution(record, flag)
    if change is not None:
        uow.records.add(record)
        before, after = {change.field: change.old}, {change.field: change.new}
        _log(uow, change.at, change.user, "update", "record", record.officer_id, before, after)


def approve(
    uow: UnitOfWork, dossier_id: str, user: str, *, note: str = "", now: datetime | None = None
) -> Approval:
    """Approve under row locks; a refusal is itself audited (committed) before it is raised."""
    at = _now(now)
    with uow:
        dossier = uow.dossiers.get(dossier_id, for_update=True)
        flags = uow.flags.for_dossiers([dossier_id], for_update=True)
        seen = len(dossier.transitions)
        try:
            approval = workflow.approve(
                dossier, flags, uow.users.get(user), at, units=uow.units.tree(), note=note
            )
        except ApprovalRefused as exc:
            uow.rollback()  # drop any half-made state change; keep only the audit line
            _log(
                uow,
                at,
                user,
                "approve_refused",
                "dossier",
                dossier_id,
                None,
                {"open_flags": list(exc.open_flags)},
            )
            uow.commit()
            raise
        for change in dossier.transitions[seen:]:  # flagged → verified → approved
            _log_move(uow, dossier, change)
        uow.dossiers.add(dossier)
        uow.approvals.add(approval)
        _log(uow, at, user, "approve", "dossier", dossier_id, None, {"approval": approval.id, "note": note})
        uow.commit()
        return approval


def read_dossier(
    uow: UnitOfWork, dossier_id: str, user: str, *, now: datetime | None = None
) -> tuple[Dossier, list[Flag]]:
    """A dossier and its flags for display; the read itself is audited (tài liệu mật regime)."""
    at = _now(now)
    with uow:
        dossier = uow.dossiers.get(dossier_id)
        authorize(uow.users.get(user), Action.READ, dossier.unit_code, uow.units.tree(), dossier.officer_id)
        flags = uow.flags.for_dossiers([dossier_id])
        _log(uow, at, user, "read", "dossier", dossier_id)
        uow.commit()
        return dossier, flags


def list_flags(
    uow: UnitOfWork,
    user: str,
    *,
    unit_code: str | None = None,
    open_only: bool = True,
    now: datetime | None = None,
) -> list[Flag]:
    """Flags in the user's scope (or a unit subtree of it); each dossier whose flags are shown is audited."""
    at = _now(now)
    with uow:
        who, units = uow.users.get(user), uow.units.tree()
        roots = [unit_code] if unit_code else ([who.unit_code] if who.unit_code else units.roots())
        codes = {c for r in roots for c in units.subtree(r)}
        dossiers = [
            d
            for d in uow.dossiers.list_in_units(codes)
            if allowed(who, Action.READ, d.unit_code, units, d.officer_id)
        ]
        flags = [f for f in uow.flags.for_dossiers([d.id for d in dossiers]) if f.is_open or not open_only]
        for dossier_id in sorted({f.dossier_id for f in flags}):
            _log(uow, at, user, "read", "dossier", dossier_id, None, {"flags": "listed"})
        uow.commit()
        return sorted(flags, key=lambda f: (f.created_at, f.id))


def backlog(
    uow: UnitOfWork,
    unit_code: str,
    today: date,
    *,
    profile: SlaProfile | None = None,
    cal: WorkCalendar | None = None,
    user: str | None = None,
) -> list[UnitBacklog]:
    """Counts per unit of the subtree; aggregate figures only, so no per-dossier read is audited."""
    with uow:
        units = uow.units.tree()
        if user is not None:
            authorize(uow.users.get(user), Action.READ, unit_code, units)
        dossiers = uow.dossiers.list_in_units(units.subtree(unit_code))
        flags = uow.flags.for_dossiers([d.id for d in dossiers])
        return compute_backlog(
            units, unit_code, dossiers, flags, today, profile or get_profile(), cal or WorkCalendar()
        )
