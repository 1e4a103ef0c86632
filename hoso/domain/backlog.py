"""Per-unit backlog figures, computed on demand from dossiers and flags, since overdue is never stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hoso.domain.deadlines import SlaProfile, WorkCalendar, days_overdue, dossier_due, flag_due
from hoso.domain.model import Dossier, DossierState, Flag
from hoso.domain.units import UnitTree
from hoso.domain.workflow import OPEN_STATES


@dataclass(slots=True)
class UnitBacklog:
    """One unit's own work (not its children's): dossiers per state, open and overdue items."""

    unit_code: str
    unit_name: str
    states: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in DossierState})
    open_flags: int = 0
    overdue_dossiers: int = 0
    overdue_flags: int = 0
    max_days_overdue: int = 0  # in working days, the worst item of the unit

    def add(self, other: UnitBacklog) -> None:
        """Fold another unit's figures into this one (for subtree totals)."""
        for state, n in other.states.items():
            self.states[state] = self.states.get(state, 0) + n
        self.open_flags += other.open_flags
        self.overdue_dossiers += other.overdue_dossiers
        self.overdue_flags += other.overdue_flags
        self.max_days_overdue = max(self.max_days_overdue, other.max_days_overdue)

    def to_json(self) -> dict[str, Any]:
        """The `hoso backlog --json` row."""
        return {
            "unit": self.unit_code,
            "name": self.unit_name,
            "states": dict(self.states),
            "open_flags": self.open_flags,
            "overdue_dossiers": self.overdue_dossiers,
            "overdue_flags": self.overdue_flags,
            "max_days_overdue": self.max_days_overdue,
        }


def compute_backlog(
    units: UnitTree,
    root: str,
    dossiers: Iterable[Dossier],
    flags: Iterable[Flag],
    today: date,
    profile: SlaProfile,
    cal: WorkCalendar,
) -> list[UnitBacklog]:
    """One row per unit of the subtree under `root`, parents before children."""
    rows = {code: UnitBacklog(code, units.get(code).name) for code in units.subtree(root)}
    unit_of: dict[str, str] = {}
    for d in dossiers:
        row = rows.get(d.unit_code)
        if row is None:
            continue
        unit_of[d.id] = d.unit_code
        row.states[d.state.value] += 1
        if d.state in OPEN_STATES:
            late = days_overdue(dossier_due(d, profile, cal), today, cal)
            row.overdue_dossiers += late > 0
            row.max_days_overdue = max(row.max_days_overdue, late)
    for f in flags:
        if f.dossier_id not in unit_of or not f.is_open:
            continue
        row = rows[unit_of[f.dossier_id]]
        row.open_flags += 1
        late = days_overdue(flag_due(f, profile, cal), today, cal)
        row.overdue_flags += late > 0
        row.max_days_overdue = max(row.max_days_overdue, late)
    return list(rows.values())


def total(rows: Sequence[UnitBacklog], code: str = "*", name: str = "total") -> UnitBacklog:
    """The sum of the rows, e.g. the whole subtree."""
    out = UnitBacklog(code, name)
    for row in rows:
        out.add(row)
    return out
