"""Working days and SLA due dates: Vietnamese holidays, làm-bù Saturdays, BLDS Đ147–148 counting."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hoso.domain.deadlines import (
    PROFILES,
    SlaProfile,
    WorkCalendar,
    add_calendar_days,
    add_working_days,
    days_overdue,
    dossier_due,
    flag_due,
    get_profile,
    is_overdue,
    local_date,
    working_days_between,
)
from hoso.domain.model import Dossier, Flag
from hoso.errors import ConfigError

CAL = WorkCalendar()


@pytest.mark.parametrize("day", [16, 17, 18, 19, 20])
def test_tet_2026_is_off(day):
    assert not CAL.is_working_day(date(2026, 2, day))


def test_deadline_across_tet_2026_skips_the_whole_week():
    assert add_working_days(date(2026, 2, 13), 1, CAL) == date(2026, 2, 23)
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23), CAL) == 1


def test_quoc_khanh_2026_two_days_and_the_swap_monday():
    for d in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)):
        assert not CAL.is_working_day(d)
    assert add_working_days(date(2026, 8, 28), 1, CAL) == date(2026, 9, 3)


def test_quoc_khanh_adjacent_day_in_other_years():
    assert not CAL.is_working_day(date(2024, 9, 3))  # 2/9 Monday + Tuesday
    assert not CAL.is_working_day(date(2025, 9, 1))  # Monday before 2/9 Tuesday


def test_lam_bu_saturday_2026_08_22_counts_as_a_working_day():
    assert CAL.is_working_day(date(2026, 8, 22))
    assert add_working_days(date(2026, 8, 21), 1, CAL) == date(2026, 8, 22)
    without = WorkCalendar(extra_working_days=frozenset())
    assert add_working_days(date(2026, 8, 21), 1, without) == date(2026, 8, 24)


@pytest.mark.parametrize("day", [date(2024, 5, 4), date(2025, 4, 26)])
def test_earlier_lam_bu_saturdays(day):
    assert CAL.is_working_day(day) and day.weekday() == 5


def test_ngay_van_hoa_24_11_is_off_from_2026_only():
    assert not CAL.is_working_day(date(2026, 11, 24))
    assert not CAL.is_working_day(date(2027, 11, 24))
    assert CAL.is_working_day(date(2025, 11, 24))


def test_holiday_on_a_weekend_is_given_back_on_the_next_working_day():
    assert not CAL.is_working_day(date(2026, 4, 27))  # Giỗ Tổ fell on Sunday 26/4
    assert not CAL.is_working_day(date(2027, 5, 3))  # 1/5/2027 is a Saturday


def test_counting_starts_the_day_after_the_trigger():
    monday = date(2026, 3, 2)
    assert add_working_days(monday, 0, CAL) == monday
    assert add_working_days(monday, 1, CAL) == date(2026, 3, 3)
    assert add_working_days(monday, 10, CAL) == date(2026, 3, 16)
    assert add_working_days(date(2026, 3, 7), 1, CAL) == date(2026, 3, 9)  # trigger on a Saturday


def test_calendar_day_rule_rolls_forward_to_the_next_working_day():
    assert add_calendar_days(date(2026, 3, 2), 5, CAL) == date(2026, 3, 9)  # Sat 7/3 → Mon 9/3
    assert add_calendar_days(date(2026, 2, 11), 5, CAL) == date(2026, 2, 23)  # lands in Tết
    assert add_calendar_days(date(2026, 3, 2), 3, CAL) == date(2026, 3, 5)  # a working day stays


def test_overdue_is_computed_the_deadline_ends_at_midnight():
    due = date(2026, 3, 16)
    assert not is_overdue(due, due)
    assert is_overdue(due, due + timedelta(days=1))
    assert days_overdue(due, date(2026, 3, 18), CAL) == 2
    assert days_overdue(due, date(2026, 3, 10), CAL) == 0


def test_extra_days_off_from_an_editable_table():
    cal = WorkCalendar.from_dict({"extra_days_off": ["2026-03-03"]})
    assert not cal.is_working_day(date(2026, 3, 3))
    assert add_working_days(date(2026, 3, 2), 1, cal) == date(2026, 3, 4)
    assert cal.is_working_day(date(2026, 8, 22))  # the làm-bù defaults stay unless replaced


def test_calendar_round_trips_through_json_form():
    cal = WorkCalendar(frozenset({date(2027, 1, 2)}), frozenset({date(2027, 1, 9)}), official_holidays=False)
    assert WorkCalendar.from_dict(cal.to_dict()) == cal


@pytest.mark.parametrize("data", [{"extra_days_off": ["2026-02-31"]}, {"days_off": []}])
def test_bad_calendar_data_is_a_config_error(data):
    with pytest.raises(ConfigError):
        WorkCalendar.from_dict(data)


@settings(deadline=None)  # a first example builds a year's holiday table: slow on a loaded CI machine
@given(st.dates(date(2024, 1, 1), date(2027, 12, 31)), st.integers(0, 60))
def test_working_days_between_inverts_add_working_days(start, n):
    due = add_working_days(start, n, CAL)
    assert working_days_between(start, due, CAL) == n
    assert working_days_between(due, start, CAL) == -n
    if n:
        assert CAL.is_working_day(due)


def test_provincial_rules():
    trigger = date(2026, 3, 2)
    assert PROFILES["long_an"].dossier.due(trigger, CAL) == add_working_days(trigger, 15, CAL)
    assert PROFILES["binh_dinh"].dossier.due(trigger, CAL) == date(2026, 3, 5)
    assert PROFILES["tay_ninh"].dossier.due(trigger, CAL) == date(2026, 3, 9)
    draft = get_profile()
    assert (draft.name, draft.dossier.days, draft.flag.days) == ("bnv_draft", 10, 5)
    assert not PROFILES["binh_dinh"].flag.working and "05 ngày" in PROFILES["binh_dinh"].flag.note


def test_unknown_profile_and_profile_from_data():
    with pytest.raises(ConfigError):
        get_profile("ha_noi")
    rule = {"name": "r", "province": "X", "days": 7, "working": True, "trigger": "t", "obligation": "o"}
    profile = SlaProfile.from_dict({"name": "x", "dossier": rule, "flag": {**rule, "days": 2}})
    assert profile.flag.days == 2
    with pytest.raises(ConfigError):
        SlaProfile.from_dict({"name": "x", "dossier": rule})


def test_dossier_and_flag_due_dates_use_the_vietnamese_day():
    late_evening_utc = datetime(2026, 2, 27, 18, 0, tzinfo=UTC)  # already Saturday 28/2 in Hà Nội
    assert local_date(late_evening_utc) == date(2026, 2, 28)
    d = Dossier("D1", "THPT-A", "clerk", late_evening_utc)
    assert dossier_due(d, get_profile(), CAL) == date(2026, 3, 13)
    d.trigger_on = date(2026, 3, 2)  # e.g. the QĐ's effective date
    assert dossier_due(d, get_profile(), CAL) == date(2026, 3, 16)
    f = Flag(
        "F1", "D1", "ho_ten", "Hương", "Hường", 0.4, "diacritic", datetime(2026, 2, 13, 3, 0, tzinfo=UTC)
    )
    assert flag_due(f, get_profile(), CAL) == date(2026, 2, 27)  # 5 wd after Fri 13/2, Tết skipped
