"""What a user may see: the unit subtree (or, for an officer, their own dossiers), as SQL and as a check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, false, true

from hoso.domain.access import Action, allowed
from hoso.domain.model import Role, User
from hoso.domain.units import UnitTree
from hoso.errors import NotFound
from storage.orm import DossierRow


@dataclass(frozen=True, slots=True)
class Scope:
    """The signed-in user with the unit tree; every query and every object access goes through it."""

    user: User
    units: UnitTree

    @property
    def codes(self) -> list[str] | None:
        """Unit codes the user sees, None for the whole province (admin), [] for an officer."""
        if self.user.role is Role.ADMIN:
            return None
        if self.user.role is Role.OFFICER or self.user.unit_code not in self.units:
            return []
        return self.units.subtree(self.user.unit_code or "")

    def dossier_filter(self) -> ColumnElement[bool]:
        """WHERE clause on `dossiers` that keeps only what the user may read."""
        if self.user.role is Role.ADMIN:
            return true()
        if self.user.role is Role.OFFICER:
            return DossierRow.officer_id == self.user.officer_id if self.user.officer_id else false()
        codes = self.codes or []
        return DossierRow.unit_code.in_(codes) if codes else false()

    def can(self, action: Action, unit_code: str, officer_id: str | None = None) -> bool:
        """The domain's rule (role × subtree), so the UI and the services agree."""
        return allowed(self.user, action, unit_code, self.units, officer_id)

    def check_dossier(self, row: Any, what: str = "hồ sơ") -> None:
        """NotFound (never 'forbidden') for a dossier outside the scope: its existence is not revealed."""
        if row is None or not self.can(Action.READ, row.unit_code, row.officer_id):
            raise NotFound(f"{what} không tồn tại")

    def unit_choices(self) -> list[tuple[str, str]]:
        """(code, name) of the units the user may pick, parents before children."""
        codes = (
            self.codes
            if self.codes is not None
            else [c for r in self.units.roots() for c in self.units.subtree(r)]
        )
        return [(c, self.units.get(c).name) for c in codes]

    def can_see_unit(self, code: str) -> bool:
        """True when `code` lies in the user's subtree (an officer sees no unit as such)."""
        codes = self.codes
        return code in self.units if codes is None else code in codes
