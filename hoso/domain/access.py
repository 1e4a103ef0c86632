"""Who may do what where: roles times unit subtree, checked in one place so no service forgets."""

from __future__ import annotations

from enum import StrEnum

from hoso.domain.model import Role, User
from hoso.domain.units import UnitTree
from hoso.errors import PermissionDenied


class Action(StrEnum):
    """Things a user asks to do to a dossier, record or flag."""

    READ = "read"
    INGEST = "ingest"
    RESOLVE = "resolve"
    APPROVE = "approve"
    ADMINISTER = "administer"


# The unit head's roles resolve and approve (Phú Thọ 002, Tây Ninh 004); clerks only upload and read.
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.SUPERVISOR: frozenset({Action.READ, Action.INGEST, Action.RESOLVE, Action.APPROVE}),
    Role.REVIEWER: frozenset({Action.READ, Action.INGEST, Action.RESOLVE, Action.APPROVE}),
    Role.CLERK: frozenset({Action.READ, Action.INGEST}),
    Role.OFFICER: frozenset({Action.READ}),
}


def allowed(
    user: User, action: Action, unit_code: str, units: UnitTree, officer_id: str | None = None
) -> bool:
    """True when the user's role allows the action and the unit lies in the user's subtree."""
    if not user.active or action not in ROLE_ACTIONS[user.role]:
        return False
    if user.role is Role.ADMIN:
        return True  # Sở Nội vụ holds the province account
    if user.role is Role.OFFICER:
        # Self-service: an officer sees only their own data (Phú Thọ 002), whatever the unit.
        return officer_id is not None and user.officer_id == officer_id
    return user.unit_code is not None and unit_code in units and units.is_within(unit_code, user.unit_code)


def authorize(
    user: User, action: Action, unit_code: str, units: UnitTree, officer_id: str | None = None
) -> None:
    """Raise PermissionDenied unless allowed(); the message names role, action and unit."""
    if not allowed(user, action, unit_code, units, officer_id):
        raise PermissionDenied(
            f"{user.username} ({user.role.value}, unit {user.unit_code}) "
            f"may not {action.value} in unit {unit_code}"
        )
