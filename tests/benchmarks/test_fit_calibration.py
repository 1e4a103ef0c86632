"""The calibration fit (benchmarks/fit_calibration.py): pool-adjacent-violators, steps, the CSV."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from hoso.calibration import POOLED, parse_table

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import fit_calibration as fc  # noqa: E402


def blocks(*counts: tuple[float, int, int]) -> list[fc.Block]:
    return [fc.Block(c, c, n, k, c * n) for c, n, k in counts]


def test_groups_pool_equal_raw_confidences_as_the_output_rounds_them():
    got = fc.groups([(0.5, True), (0.50004, False), (0.9, True), (1.2, True)])
    assert got == [fc.Block(0.5, 0.5, 2, 1, 1.0), fc.Block(0.9, 0.9, 1, 1, 0.9), fc.Block(1.0, 1.0, 1, 1, 1.0)]


def test_pool_adjacent_violators_joins_neighbours_until_probabilities_rise():
    # probabilities 0.15, 0.55, 0.45, 0.8: the middle pair violates and is pooled
    got = fc.pool_adjacent_violators(blocks((0.1, 10, 2), (0.3, 10, 8), (0.5, 10, 4), (0.7, 10, 9)))
    assert [(b.lower, b.upper, b.count, b.correct) for b in got] == [
        (0.1, 0.1, 10, 2),
        (0.3, 0.5, 20, 12),
        (0.7, 0.7, 10, 9),
    ]
    probabilities = [b.probability for b in got]
    assert probabilities == sorted(probabilities)


def test_pool_adjacent_violators_cascades_back_over_earlier_blocks():
    got = fc.pool_adjacent_violators(blocks((0.1, 10, 5), (0.2, 10, 6), (0.3, 60, 0)))
    assert len(got) == 1 and (got[0].count, got[0].correct) == (80, 11)


def test_probability_is_shrunk_toward_the_mean_raw_confidence_where_values_are_few():
    assert fc.PRIOR_WEIGHT == 10
    assert fc.Block(0.1, 0.2, 8, 0, 1.2).probability == pytest.approx(1.5 / 18)
    assert fc.Block(0.3, 0.3, 2, 2, 0.6).probability == pytest.approx(5 / 12)  # two right values prove little
    assert fc.Block(0.3, 0.3, 990, 990, 297).probability == pytest.approx(993 / 1000)  # many do
    assert fc.Block(1.0, 1.0, 50, 50, 50.0).probability == 1.0  # a text layer read right every time


def test_small_blocks_join_their_closest_neighbour():
    got = fc.join_small(blocks((0.1, 20, 2), (0.5, 3, 2), (0.9, 50, 49)), min_block=10)
    assert [b.count for b in got] == [20, 53]


def test_fit_steps_cover_0_1_with_a_monotone_step_map():
    rng = random.Random(5)
    pairs = [(c, rng.random() < c) for c in (rng.random() for _ in range(2000))]
    steps = fc.fit_steps(pairs)
    uppers = [u for u, _, _ in steps]
    probabilities = [p for _, p, _ in steps]
    assert uppers == sorted(uppers) and uppers[-1] == 1.0
    assert probabilities == sorted(probabilities)
    assert all(n >= fc.MIN_BLOCK for _, _, n in steps) and sum(n for _, _, n in steps) == 2000
    # the raw confidence was calibrated to begin with: the map stays near the diagonal
    table = parse_table("field_kind,upper,probability\n" + "".join(f"x,{u},{p}\n" for u, p, _ in steps))
    for c in (0.2, 0.5, 0.8):
        assert table.probability("x", c) == pytest.approx(c, abs=0.12)


def test_a_step_bound_lies_halfway_between_neighbouring_blocks():
    pairs = [(0.4, False)] * 20 + [(0.8, True)] * 20
    assert fc.fit_steps(pairs) == [(0.6, round(4 / 30, 4), 20), (1.0, round(28 / 30, 4), 20)]


def test_kinds_with_few_values_get_no_rows_and_fall_back_to_the_pooled_map():
    many = [(0.9, True)] * 30 + [(0.5, False)] * 30
    table = fc.fit_table({"date": many, "int": [(0.9, True)] * 5}, min_samples=50)
    assert list(table) == [POOLED, "date"]
    assert sum(n for _, _, n in table[POOLED]) == 65


def test_the_written_table_is_the_one_hoso_reads(tmp_path: Path):
    many = [(0.9, True)] * 30 + [(0.5, False)] * 10 + [(0.5, True)] * 20
    table = fc.fit_table({"date": many}, min_samples=50)
    path = tmp_path / "calibration.csv"
    fc.write_table(path, table, ["fitted for a test"])
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# fitted for a test\nfield_kind,upper,probability,samples\n")
    mapping = parse_table(text)
    assert mapping.probability("date", 0.5) == pytest.approx((20 + 5) / 40, abs=1e-4)
    assert mapping.probability("name", 0.95) == mapping.probability(POOLED, 0.95)
