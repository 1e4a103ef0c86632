"""The hash-chained audit log: any change, gap or reordering shows on verification."""

from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoso.domain.audit import GENESIS, AuditEvent, canonical_json, chain, compute_hash, verify_chain

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def build(n: int = 5) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    for i in range(n):
        raw = AuditEvent(
            0,
            T0 + timedelta(minutes=i),
            f"user{i % 2}",
            "update",
            "record",
            "079185000123",
            {"ho_ten": "Nguyễn Thị Hương"},
            {"ho_ten": f"Nguyễn Thị Hường {i}"},
        )
        events.append(chain(events[-1] if events else None, raw))
    return events


def test_a_fresh_chain_verifies():
    events = build()
    assert verify_chain(events) == []
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == GENESIS and events[1].prev_hash == events[0].hash


def test_canonical_json_is_stable_and_keeps_vietnamese_text():
    e = build(1)[0]
    text = canonical_json(e)
    assert "Hường" in text and '"hash"' not in text
    assert (
        compute_hash(e) == e.hash == compute_hash(replace(e, before=dict(reversed(list(e.before.items())))))
    )


def test_tampering_is_detected():
    events = build()
    events[2] = replace(events[2], after={"ho_ten": "someone else"})
    assert verify_chain(events) == ["event 3: hash does not match its content (changed)"]


def test_tampering_with_a_recomputed_hash_breaks_the_next_link():
    events = build()
    forged = replace(events[2], user="intruder", hash="")
    events[2] = replace(forged, hash=compute_hash(forged))
    assert verify_chain(events) == ["event 4: prev_hash does not match the event before it"]


def test_a_removed_event_shows_as_a_gap():
    events = build()
    del events[2]
    problems = verify_chain(events)
    assert any("gap" in p for p in problems) and any("prev_hash" in p for p in problems)


def test_reordered_events_show():
    events = build()
    events[1], events[2] = events[2], events[1]
    problems = verify_chain(events)
    assert any("gap" in p or "out of order" in p for p in problems)


def test_a_window_verifies_against_its_anchor():
    events = build()
    assert verify_chain(events[2:], anchor=events[1]) == []
    assert verify_chain(events[2:]) != []


FIELD_NAMES = [f.name for f in fields(AuditEvent)]


@given(
    index=st.integers(0, 4),
    name=st.sampled_from(FIELD_NAMES),
    text=st.text(min_size=1, max_size=20),
)
def test_any_single_field_change_breaks_verification(index, name, text):
    events = build()
    old = getattr(events[index], name)
    new: object
    if name == "seq":
        new = old + 1 + len(text)
    elif name == "at":
        new = old + timedelta(seconds=1 + len(text))
    elif name in ("before", "after"):
        new = {"ho_ten": text} if old != {"ho_ten": text} else {"ho_ten": text + "x"}
    elif name == "action":
        new = "read" if old != "read" else "approve"
    else:
        new = text if old != text else text + "x"
    events[index] = replace(events[index], **{name: new})
    assert verify_chain(events) != []


@pytest.mark.parametrize("value", [None, {}, {"a": [1, 2]}, {"when": T0}])
def test_before_after_of_any_shape_hash(value):
    e = chain(None, AuditEvent(0, T0, "u", "read", "dossier", "D1", value, value))
    assert verify_chain([e]) == []
