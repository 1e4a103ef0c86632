"""Reported confidence as a probability: a monotone map from the engine's raw confidence, per field kind.

The map is data (`spec/calibration.csv`, written by `benchmarks/fit_calibration.py` from scored
benchmark runs): for each field kind, steps of (upper bound of a raw-confidence bin, probability
that a value read in that bin is right). Kind `*` pools every kind; a kind with too few samples
to fit on its own has no rows and uses it. Without any row the raw confidence passes unchanged.

Only the contract output (`hoso.result`) reports the calibrated value; the thresholds of
extraction and matching keep working on the raw confidence they were tuned on.
"""

from __future__ import annotations

import csv
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

POOLED = "*"  # the fallback kind: every kind fitted together
# Below this no fit saw values in number (a word read this unsurely is junk to the extractors, and a
# value they know to be implausible, a phone number of 56 digits, is capped below it): the first bin's
# probability is not extrapolated there, and the raw confidence stands when it is lower.
FLOOR = 0.4
TABLE = "spec/calibration.csv"
COLUMNS = ("field_kind", "upper", "probability")


@dataclass(frozen=True, slots=True)
class CalibrationMap:
    """Per kind, raw-confidence bin upper bounds (ascending) and their probabilities (non-decreasing)."""

    steps: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = field(default_factory=dict)

    def probability(self, kind: str | None, raw: float) -> float:
        """The probability that a value of `kind` read at `raw` confidence is right."""
        found = self.steps.get(kind or POOLED) or self.steps.get(POOLED)
        if found is None:
            return raw
        uppers, probabilities = found
        i = bisect_left(uppers, raw)  # the first bin whose upper bound is >= raw
        mapped = probabilities[min(i, len(probabilities) - 1)]
        return min(mapped, raw) if raw < FLOOR else mapped


def parse_table(text: str) -> CalibrationMap:
    """The map from CSV text (`field_kind,upper,probability[,…]`); ValueError when it is not monotone."""
    rows: dict[str, list[tuple[float, float]]] = {}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or not set(COLUMNS) <= set(reader.fieldnames):
        raise ValueError(f"calibration table needs the columns {', '.join(COLUMNS)}")
    for row in reader:
        upper, probability = float(row["upper"]), float(row["probability"])
        if not 0.0 <= probability <= 1.0:
            raise ValueError(f"{row['field_kind']}: probability {probability} outside 0–1")
        rows.setdefault(row["field_kind"].strip(), []).append((upper, probability))
    steps = {}
    for kind, pairs in rows.items():
        pairs.sort()
        uppers = tuple(u for u, _ in pairs)
        probabilities = tuple(p for _, p in pairs)
        if len(set(uppers)) != len(uppers) or list(probabilities) != sorted(probabilities):
            raise ValueError(f"{kind}: upper bounds must differ and probabilities must not decrease")
        steps[kind] = (uppers, probabilities)
    return CalibrationMap(steps)


@cache
def default_map() -> CalibrationMap:
    """The map shipped with the package; the identity when the table is absent."""
    path = resources.files("hoso").joinpath(TABLE)
    if not path.is_file():
        return CalibrationMap()
    return parse_table(path.read_text(encoding="utf-8"))


def calibrate(kind: str | None, raw: float) -> float:
    """The reported confidence of a value of `kind` (a fields.csv kind; None = unknown) read at `raw`."""
    return default_map().probability(kind, raw)
