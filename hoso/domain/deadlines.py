"""Working days and SLA due dates per BLDS 2015 Đ147–148, with the calendar kept as editable data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import holidays

from hoso.domain.model import Dossier, Flag
from hoso.errors import ConfigError

# Vietnam keeps UTC+7 all year; a timestamp's calendar day is the day in Hà Nội, not in UTC.
VN_TZ = timezone(timedelta(hours=7), "ICT")

# Saturdays the government turned into working days (làm bù). `holidays` lists the matching weekday
# off but not the Saturday, so we keep them here; admins extend the table as swaps are announced.
LAM_BU_SATURDAYS = (date(2024, 5, 4), date(2025, 4, 26), date(2026, 8, 22))


@cache
def _official_days_off(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year).keys())


def local_date(at: datetime) -> date:
    """The Vietnamese calendar day of a timestamp; naive timestamps are taken as local already."""
    return at.astimezone(VN_TZ).date() if at.tzinfo else at.date()


def _parse_dates(raw: Any, key: str) -> frozenset[date]:
    try:
        return frozenset(date.fromisoformat(str(d)) for d in raw or ())
    except ValueError as exc:
        raise ConfigError(f"calendar {key}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Mon–Fri minus official holidays and extra days off, plus extra working days (làm bù)."""

    extra_days_off: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset(LAM_BU_SATURDAYS)
    official_holidays: bool = True  # False: only the tables count (tests, or a year `holidays` lacks)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkCalendar:
        """Build from {"extra_days_off": ["2027-..."], "extra_working_days": [...]} (JSON-friendly)."""
        unknown = set(data) - {"extra_days_off", "extra_working_days", "official_holidays"}
        if unknown:
            raise ConfigError(f"calendar: unknown keys {sorted(unknown)}")
        work = data.get("extra_working_days")
        return cls(
            extra_days_off=_parse_dates(data.get("extra_days_off"), "extra_days_off"),
            extra_working_days=frozenset(LAM_BU_SATURDAYS)
            if work is None
            else _parse_dates(work, "extra_working_days"),
            official_holidays=bool(data.get("official_holidays", True)),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form from_dict() reads."""
        return {
            "extra_days_off": sorted(d.isoformat() for d in self.extra_days_off),
            "extra_working_days": sorted(d.isoformat() for d in self.extra_working_days),
            "official_holidays": self.official_holidays,
        }

    def is_working_day(self, day: date) -> bool:
        """State agencies work Mon–Fri (QĐ 188/1999); the tables override the official list."""
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off or day.weekday() >= 5:
            return False
        return not (self.official_holidays and day in _official_days_off(day.year))


def add_working_days(start: date, n: int, cal: WorkCalendar) -> date:
    """The n-th working day after `start`; the trigger day itself is not counted (BLDS Đ147)."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day = start
    while n > 0:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


def next_working_day(day: date, cal: WorkCalendar) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def add_calendar_days(start: date, n: int, cal: WorkCalendar) -> date:
    """`n` days after `start`; an end on a day off rolls to the next working day (BLDS Đ148 k5)."""
    return next_working_day(start + timedelta(days=n), cal)


def working_days_between(start: date, end: date, cal: WorkCalendar) -> int:
    """Working days in (start, end]; negative when end is before start. Inverse of add_working_days."""
    if end < start:
        return -working_days_between(end, start, cal)
    return sum(cal.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


def is_overdue(due: date, today: date) -> bool:
    """A deadline ends at 24:00 of its last day, so it is overdue from the next day on."""
    return today > due


def days_overdue(due: date, today: date, cal: WorkCalendar) -> int:
    """Working days past the due date, 0 when not overdue."""
    return max(0, working_days_between(due, today, cal)) if is_overdue(due, today) else 0


@dataclass(frozen=True, slots=True)
class SlaRule:
    """One deadline of a regulation: N (working or calendar) days from a trigger to do something."""

    name: str
    province: str
    days: int
    working: bool
    trigger: str
    obligation: str
    note: str = ""

    def due(self, trigger_on: date, cal: WorkCalendar) -> date:
        """The last day on which the obligation is still on time."""
        if self.working:
            return add_working_days(trigger_on, self.days, cal)
        return add_calendar_days(trigger_on, self.days, cal)


@dataclass(frozen=True, slots=True)
class SlaProfile:
    """The rules a deployment follows: one for getting a dossier into the record, one for a cảnh báo."""

    name: str
    dossier: SlaRule
    flag: SlaRule
    others: tuple[SlaRule, ...] = field(default=())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaProfile:
        """Build from {"name": ..., "dossier": {SlaRule fields}, "flag": {...}}."""
        try:
            return cls(
                name=str(data["name"]),
                dossier=SlaRule(**data["dossier"]),
                flag=SlaRule(**data["flag"]),
                others=tuple(SlaRule(**r) for r in data.get("others", ())),
            )
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"SLA profile: {exc}") from exc


BNV = "Bộ Nội vụ (dự thảo)"
PROFILES: dict[str, SlaProfile] = {
    "bnv_draft": SlaProfile(
        "bnv_draft",
        SlaRule("create", BNV, 10, True, "paper dossier confirmed", "create or update the e-record"),
        SlaRule("correct", BNV, 5, True, "cảnh báo raised", "correct the software after verification"),
        (SlaRule("update_decision", BNV, 10, True, "document received", "update after a decision"),),
    ),
    "long_an": SlaProfile(
        "long_an",
        SlaRule("update", "Long An", 15, True, "decision takes effect", "update the e-record (QĐ 25/2015)"),
        SlaRule(
            "correct",
            "Long An",
            15,
            True,
            "cảnh báo raised",
            "update the e-record (QĐ 25/2015)",
            note="QĐ 25/2015 sets no correction deadline; the 15 wd update rule stands in",
        ),
        (SlaRule("create_new", "Long An", 45, True, "QĐ tuyển dụng", "create the new e-record"),),
    ),
    "binh_dinh": SlaProfile(
        "binh_dinh",
        SlaRule("update", "Bình Định", 3, True, "document takes effect", "move or change the record"),
        SlaRule(
            "correct",
            "Bình Định",
            5,
            False,
            "change or valid paper",
            "update changed information",
            note="HD 2022 says '05 ngày' without 'làm việc': read as calendar days with Đ148 k5",
        ),
    ),
    "tay_ninh": SlaProfile(
        "tay_ninh",
        SlaRule("check", "Tây Ninh", 5, True, "data entered", "check entered fields against the paper"),
        SlaRule("correct", "Tây Ninh", 5, True, "cảnh báo raised", "update changes or corrections"),
    ),
}
DEFAULT_PROFILE = "bnv_draft"


def get_profile(name: str = DEFAULT_PROFILE) -> SlaProfile:
    """A built-in profile by name; ConfigError lists the known ones."""
    try:
        return PROFILES[name]
    except KeyError:
        raise ConfigError(f"unknown SLA profile {name!r}; known: {', '.join(sorted(PROFILES))}") from None


def dossier_due(dossier: Dossier, profile: SlaProfile, cal: WorkCalendar) -> date:
    """Due date of a dossier: from its trigger date if known (e.g. QĐ effective), else from receipt."""
    return profile.dossier.due(dossier.trigger_on or local_date(dossier.received_at), cal)


def flag_due(flag: Flag, profile: SlaProfile, cal: WorkCalendar) -> date:
    """Due date of a cảnh báo: from the day it was raised."""
    return profile.flag.due(local_date(flag.created_at), cal)
