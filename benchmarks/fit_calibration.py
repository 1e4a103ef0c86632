"""Fit the confidence calibration map (`hoso/spec/calibration.csv`) from scored benchmark runs.

Usage: .venv/bin/python benchmarks/fit_calibration.py var/calib-fit [MORE_DIRS …]
(each DIR a `bench_extract.py --out DIR` run; see benchmarks/README.md). Fit on seeds of their own,
never on the fixed bench seed or on the fresh seed the calibration is judged on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]  # sibling helper modules, then the project packages

import bench_scoring as sc  # noqa: E402
from bench_runner import parse_json_lines  # noqa: E402

POOLED = "*"  # hoso.calibration.POOLED: the fallback of every kind
MIN_SAMPLES = 150  # a kind with fewer values present uses the pooled map
MIN_BLOCK = 10  # values per step at least (a smaller step joins its neighbour)
PRIOR_WEIGHT = 10.0  # pseudo-values per step that are right as often as the raw confidence says


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive raw confidences pooled into one step: their range, count, sum, and how many were right."""

    lower: float
    upper: float
    count: int
    correct: int
    raw_sum: float

    @property
    def probability(self) -> float:
        """Accuracy of the block, shrunk toward its mean raw confidence by PRIOR_WEIGHT pseudo-values.

        Where the fitting set holds many values the observed accuracy rules; where it holds few
        (low raw confidences are rare on generated paper) the engine's own confidence still counts.
        """
        return (self.correct + PRIOR_WEIGHT * self.raw_sum / self.count) / (self.count + PRIOR_WEIGHT)

    def join(self, other: Block) -> Block:
        """This block and the next one as one."""
        return Block(
            self.lower,
            other.upper,
            self.count + other.count,
            self.correct + other.correct,
            self.raw_sum + other.raw_sum,
        )


def groups(pairs: Iterable[tuple[float, bool]]) -> list[Block]:
    """One block per distinct raw confidence (rounded as the output rounds it), ascending."""
    counts: dict[float, list[int]] = {}
    for conf, ok in pairs:
        c = counts.setdefault(round(min(max(conf, 0.0), 1.0), 3), [0, 0])
        c[0] += 1
        c[1] += ok
    return [Block(c, c, n, k, c * n) for c, (n, k) in sorted(counts.items())]


def pool_adjacent_violators(blocks: list[Block]) -> list[Block]:
    """Join neighbours until probabilities strictly rise with raw confidence (isotonic regression)."""
    stack: list[Block] = []
    for block in blocks:
        stack.append(block)
        while len(stack) > 1 and stack[-2].probability >= stack[-1].probability:
            top = stack.pop()
            stack[-1] = stack[-1].join(top)
    return stack


def join_small(blocks: list[Block], min_block: int = MIN_BLOCK) -> list[Block]:
    """Join every block under `min_block` values to the neighbour closest in probability."""
    blocks = list(blocks)
    while len(blocks) > 1:
        small = [i for i, b in enumerate(blocks) if b.count < min_block]
        if not small:
            break
        i = min(small, key=lambda j: blocks[j].count)
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        j = min(near, key=lambda n: abs(blocks[n].probability - blocks[i].probability))
        a, b = min(i, j), max(i, j)
        blocks[a : b + 1] = [blocks[a].join(blocks[b])]
    return pool_adjacent_violators(blocks)


Steps = list[tuple[float, float, int]]  # (upper bound of the raw bin, probability, values)


def fit_steps(pairs: Iterable[tuple[float, bool]], min_block: int = MIN_BLOCK) -> Steps:
    """The monotone map of one kind: (upper bound of the raw bin, probability, values) per step.

    A step's upper bound lies halfway between its highest raw confidence and the next step's lowest;
    the last one is 1.0, so every raw confidence falls in some step.
    """
    blocks = join_small(pool_adjacent_violators(groups(pairs)), min_block)
    steps = []
    for i, b in enumerate(blocks):
        upper = 1.0 if i == len(blocks) - 1 else (b.upper + blocks[i + 1].lower) / 2
        steps.append((round(upper, 4), round(b.probability, 4), b.count))
    return steps


def fit_table(
    by_kind: dict[str, list[tuple[float, bool]]], min_samples: int = MIN_SAMPLES, min_block: int = MIN_BLOCK
) -> dict[str, Steps]:
    """Steps of the pooled map, and of every kind with at least `min_samples` values."""
    pooled = [p for pairs in by_kind.values() for p in pairs]
    table = {POOLED: fit_steps(pooled, min_block)} if pooled else {}
    for kind, pairs in sorted(by_kind.items()):
        if len(pairs) >= min_samples:
            table[kind] = fit_steps(pairs, min_block)
    return table


def write_table(path: Path, table: dict[str, Steps], comments: list[str]) -> None:
    """The CSV `hoso.calibration` reads: field_kind, upper, probability, samples."""
    lines = [f"# {c}" for c in comments] + ["field_kind,upper,probability,samples"]
    for kind, steps in table.items():
        lines += [f"{kind},{upper:.4f},{prob:.4f},{n}" for upper, prob, n in steps]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def score_run(out: Path) -> list[sc.FieldResult]:
    """Re-score a bench output folder: truth files under DIR/samples, output in DIR/run_all."""
    out = out.resolve()
    truths = out.glob("samples/*/*.truth.json")
    paths = sorted(t.with_name(t.name.removesuffix(".truth.json")) for t in truths)
    lines = parse_json_lines((out / "run_all" / "extract.jsonl").read_text(encoding="utf-8"))
    fold, _ = sc.default_fold()
    kinds = sc.load_core_kinds()
    scores = []
    for path, line in zip(paths, sc.pair_outputs(paths, lines), strict=True):
        truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
        truth = {**truth, "path": f"{path.parent.name}/{path.name}"}
        scores.append(sc.score_file(truth, line, kinds, fold))
    return sc.merge_scores(scores).fields


def _provenance(dirs: list[Path], notes: list[str]) -> list[str]:
    """Comment lines: which runs (seed, commit of the code that read them) the map was fitted on."""
    runs = []
    for d in dirs:
        path = d / "results.json"
        results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        runs.append(f"{d} (seed {results.get('seed', '?')}, commit {results.get('commit') or '?'})")
    return [
        "Calibrated confidence per field kind (hoso/calibration.py), written by",
        f"benchmarks/fit_calibration.py from {', '.join(runs)};",
        f"kind {POOLED} = all kinds pooled, the map of a kind with too few values to fit alone.",
        *notes,
    ]


def main(argv: list[str] | None = None) -> int:
    """Score the runs, fit the map, write it and print each kind's steps."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dirs", type=Path, nargs="+", help="bench_extract.py output folders")
    p.add_argument("--out", type=Path, default=REPO / "hoso" / "spec" / "calibration.csv")
    p.add_argument("--min-samples", type=int, default=MIN_SAMPLES, help="values a kind needs for a map")
    p.add_argument("--min-block", type=int, default=MIN_BLOCK, help="values per step at least")
    p.add_argument("--note", action="append", default=[], help="a comment line for the table")
    args = p.parse_args(argv)
    results = [r for d in args.dirs for r in score_run(d)]
    by_kind = sc.calibration_pairs(results, sc.load_core_kinds(), raw=True)
    table = fit_table(by_kind, args.min_samples, args.min_block)
    write_table(args.out, table, _provenance(args.dirs, args.note))
    for kind, pairs in by_kind.items():
        fitted = kind if kind in table else f"{POOLED} (only {len(pairs)} values)"
        print(f"{kind}: {len(pairs)} values, map {fitted}")
    for kind, steps in table.items():
        print(f"{kind}: " + "  ".join(f"≤{u:.3f}→{q:.3f} ({n})" for u, q, n in steps))
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
