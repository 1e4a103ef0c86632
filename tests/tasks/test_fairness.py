"""The dispatch window is fair across units: a unit's few pages never wait behind another's thousands."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert

from hoso.tasks.fairness import fair_order
from storage import progress, work_queue
from storage.migrate import upgrade
from storage.orm import UnitRow
from storage.uow import SqlStore


def test_each_slot_goes_to_the_unit_with_fewest_pages_in_flight():
    queued = {"A": [f"a{i}" for i in range(40)], "B": ["b0", "b1", "b2"]}
    assert fair_order({"A": 4}, queued, 4) == ["b0", "b1", "b2", "a0"]
    assert fair_order({}, queued, 5) == [
        "a0",
        "b0",
        "a1",
        "b1",
        "a2",
    ]  # ties: round-robin, first arrival first
    assert fair_order({"A": 1, "B": 0}, {"A": ["a0"], "B": []}, 3) == ["a0"]


@given(
    st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 6)),
    st.dictionaries(st.sampled_from("ABCDE"), st.integers(0, 8)),
    st.integers(0, 12),
)
def test_fair_order_takes_each_unit_oldest_first_and_balances_the_load(flying, sizes, free):
    queued = {u: [(u, i) for i in range(n)] for u, n in sizes.items()}
    picked = fair_order(flying, queued, free)
    assert len(picked) == min(free, sum(sizes.values())) and len(set(picked)) == len(picked)
    for unit in queued:  # oldest first within a unit
        mine = [i for u, i in picked if u == unit]
        assert mine == list(range(len(mine)))
    load = {u: flying.get(u, 0) + sum(1 for p in picked if p[0] == u) for u in queued}
    for u in queued:  # a unit left with waiting pages never ends more than one page below another's load
        if len([p for p in picked if p[0] == u]) < sizes[u]:
            assert all(load[u] >= load[v] - 1 for v in queued if any(p[0] == v for p in picked))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'hoso.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("postgresql_url")
    )
    if request.param == "sqlite":
        upgrade(url)
    store = SqlStore.from_url(url)
    with store.engine.begin() as conn:
        conn.execute(insert(UnitRow), [{"code": c, "name": c, "parent_code": None} for c in ("BIG", "SMALL")])
    yield store.engine
    store.dispose()


def _queue(engine, unit, pages, at):
    work = progress.FileWork(
        f"d-{unit}", (unit.encode().hex() * 64)[:64], f"{unit}.pdf", "k", "pdf", unit, "c"
    )
    progress.queue_file(engine, work, now=at)
    progress.start_split(engine, work.dossier_id, now=at)
    progress.add_pages(engine, work.dossier_id, pages, [], now=at)
    return work.dossier_id


def test_five_pages_of_one_unit_are_not_starved_by_five_thousand_of_another(engine):
    start = datetime(2026, 11, 29, tzinfo=UTC)
    big = _queue(engine, "BIG", 5000, start)
    small = _queue(engine, "SMALL", 5, start + timedelta(seconds=1))  # arrives after the big upload
    order, broker = [], []
    for step in range(40):  # each step the window is topped up, then the oldest message is read (FIFO queue)
        at = start + timedelta(seconds=2 + step)
        sent = work_queue.claim_window(engine, 4, now=at)
        order += sent
        broker += sent
        page = broker.pop(0)
        progress.begin_page(engine, *page, "w", now=at)
        progress.end_page(engine, *page, "k", 1.0, None, now=at)
    assert [n for d, n in order if d == small] == [1, 2, 3, 4, 5]
    last_small = max(i for i, (d, _) in enumerate(order) if d == small)
    assert last_small < 12  # all five sent within the first three windows, not after 5,000 pages
    assert len(order) == len(set(order))  # no page sent twice
    assert sum(1 for d, _ in order if d == big) >= 30  # the big unit keeps the rest of the window busy
