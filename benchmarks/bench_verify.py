"""Benchmark `hoso verify`: flag recall on planted discrepancies, no flag on planted equivalents, precision.

Usage: .venv/bin/python benchmarks/bench_verify.py --seed 20261130 --out var/bench-verify
(see benchmarks/README.md, section bench_verify.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]  # sibling helper modules, then the project packages

import verify_report  # noqa: E402
import verify_scoring as vs  # noqa: E402
from bench_corpus import Sample, corpus_summary, generate_batch, truth_path  # noqa: E402
from bench_scoring import match_documents  # noqa: E402
from verify_cases import DISCREPANCY, EQUIVALENT, build_cases  # noqa: E402

from hoso.config import ExtractSettings  # noqa: E402
from hoso.fields import field_specs  # noqa: E402
from hoso.normalize import fold_for_compare  # noqa: E402
from hoso.result import Document, ExtractedField, FileResult  # noqa: E402
from hoso.second_look import witness_for  # noqa: E402
from matching.compare import verify  # noqa: E402
from matching.config import MatchConfig  # noqa: E402

DEFAULT_VARIANTS = "born_digital,clean"
MAX_BATCHES = 40
EXTRACT_FILE = "extract.jsonl"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=20261130, help="sample generator seed (not the tests')")
    p.add_argument("--out", type=Path, default=REPO / "var" / "bench-verify", help="output folder")
    p.add_argument("--variants", default=DEFAULT_VARIANTS, help="comma-separated generator variants")
    p.add_argument("--min-cases", type=int, default=None, help="planted discrepancy cases (default 300)")
    p.add_argument("--dossiers", type=int, default=4, help="dossiers per generator batch")
    p.add_argument("--quick", action="store_true", help="small run for trying the harness (40 cases)")
    p.add_argument("--workers", type=int, default=2, help="extraction page workers")
    p.add_argument("--misses", type=int, default=20, help="entries in verify_misses.txt")
    p.add_argument(
        "--no-second-look",
        action="store_true",
        help="compare without hoso verify's second reading of unsure small differences",
    )
    p.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the samples and extraction of a previous run in --out (scoring only)",
    )
    args = p.parse_args(argv)
    if args.min_cases is None:
        args.min_cases = 40 if args.quick else 300
    if args.quick:
        args.dossiers = min(args.dossiers, 2)
    args.variant_list = [v.strip() for v in args.variants.split(",") if v.strip()]
    return args


def count_discrepancies(samples: list[Sample], seed: int) -> int:
    """Planted discrepancy cases the samples give."""
    return sum(c.group == DISCREPANCY for s in samples for c in build_cases(display_name(s), s.truth, seed))


def display_name(sample: Sample) -> str:
    """The batch folder and file name: unique across batches."""
    return f"{sample.path.parent.name}/{sample.path.name}"


def generate_set(root: Path, args: argparse.Namespace) -> list[Sample]:
    """Batches of dossiers (only the chosen variants) until the planted cases reach --min-cases."""
    if root.exists():
        shutil.rmtree(root)
    samples: list[Sample] = []
    for batch in range(MAX_BATCHES):
        if samples and count_discrepancies(samples, args.seed) >= args.min_cases:
            break
        samples += generate_batch(root / f"b{batch:02d}", args.seed + batch, args.dossiers, args.variant_list)
    return samples


def extract_all(samples: list[Sample], workers: int, out: Path) -> tuple[list[FileResult], float]:
    """hoso.pipeline.extract over every file once; results saved as JSON Lines for --reuse."""
    import cv2

    from hoso.pipeline import extract

    # the generator ran OpenCV's thread pool in this process; forked page workers inherit it broken
    # and hang in their first OpenCV call: one thread here before forking
    cv2.setNumThreads(1)
    settings = replace(ExtractSettings.from_env(), workers=workers)
    print(
        f"[bench-verify] extracting {len(samples)} files, {sum(s.pages for s in samples)} pages …", flush=True
    )
    start = time.perf_counter()
    results = list(extract([str(s.path) for s in samples], settings))
    seconds = time.perf_counter() - start
    with (out / EXTRACT_FILE).open("w", encoding="utf-8") as fh:
        for s, r in zip(samples, results, strict=True):
            fh.write(json.dumps({"sample": str(s.path), **r.to_json()}, ensure_ascii=False) + "\n")
    return results, seconds


def load_previous(out: Path) -> tuple[list[Sample], list[FileResult]]:
    """Samples and extraction results written by an earlier run (--reuse)."""
    samples, results = [], []
    for line in (out / EXTRACT_FILE).read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        path = Path(data["sample"])
        samples.append(Sample(path, json.loads(truth_path(path).read_text(encoding="utf-8"))))
        results.append(file_result_from_json(data))
    return samples, results


def _raw_confidence(entry: dict[str, Any]) -> float:
    """The engine's confidence, the one matching thresholds are tuned on (not the calibrated one)."""
    return float(entry.get("raw_confidence", entry["confidence"]))


def file_result_from_json(data: dict[str, Any]) -> FileResult:
    """A FileResult rebuilt from its contract JSON."""
    docs = [
        Document(
            d["type"],
            list(d["pages"]),
            {
                k: ExtractedField(f["value"], f["raw"], _raw_confidence(f), f["page"], tuple(f["bbox"]))
                for k, f in d.get("fields", {}).items()
            },
            d.get("layout"),
            d.get("tables", {}),
        )
        for d in data.get("documents", [])
    ]
    return FileResult(
        data["path"], data.get("sha256", ""), data.get("pages", 0), docs, list(data.get("errors", []))
    )


def fold(kind: str, value: str, key: str) -> str:
    """The comparison fold hoso.normalize gives each kind."""
    return fold_for_compare(kind, value, key=key)


def run_cases(
    samples: list[Sample],
    results: list[FileResult],
    seed: int,
    config: MatchConfig,
    settings: ExtractSettings | None = None,
) -> list[vs.CaseOutcome]:
    """Every case of every file through matching.compare.verify, each flag classified.

    With `settings`, unsure small differences get `hoso verify`'s second look (hoso/second_look.py).
    """
    kinds = {k: spec.kind for k, spec in field_specs().items()}
    outcomes = []
    for sample, result in zip(samples, results, strict=True):
        out_docs = [d.to_json() for d in result.documents]
        truth_docs = sample.truth.get("documents", [])
        ctx = vs.FileContext(truth_docs, out_docs, match_documents(truth_docs, out_docs))
        witness = witness_for(result.path, settings) if settings is not None else None
        for case in build_cases(display_name(sample), sample.truth, seed):
            flags = verify(result, case.record, config, witness)["flags"]
            outcomes.append(vs.score_case(case, flags, ctx, kinds, fold))
    return outcomes


def build_results(
    args: argparse.Namespace,
    samples: list[Sample],
    results: list[FileResult],
    outcomes: list[vs.CaseOutcome],
    seconds: float | None,
) -> dict[str, Any]:
    """The results dict: corpus, extraction, breakdowns, targets, misses and false flags."""
    discrepancies = [o for o in outcomes if o.case.group == DISCREPANCY]
    equivalents = [o for o in outcomes if o.case.group == EQUIVALENT]
    overall = vs.bucket(outcomes)
    misses, false = vs.recall_misses(outcomes), vs.false_flags(outcomes)
    warnings = [f"{r.path}: {'; '.join(r.errors)}" for r in results if r.errors]
    return {
        "seed": args.seed,
        "variants": args.variant_list,
        "corpus": corpus_summary(samples),
        "extract": {"seconds": seconds or 0.0, "workers": args.workers, "reused": seconds is None},
        "match_config": os.environ.get("HOSO_MATCH_CONFIG") or "defaults",
        "second_look": not args.no_second_look,
        "overall": overall,
        "by_group": vs.breakdown(outcomes, vs.group_of),
        "discrepancy_by_kind": vs.breakdown(discrepancies, lambda o: o.case.kind),
        "discrepancy_by_variant": vs.breakdown(discrepancies, lambda o: o.case.variant),
        "equivalent_by_kind": vs.breakdown(equivalents, lambda o: o.case.kind),
        "by_variant": vs.breakdown(outcomes, lambda o: o.case.variant),
        "targets": vs.targets(overall),
        "warnings": warnings,
        "distinct_false_flags": {
            cause: len(
                {(f["case"].split("#")[0], f["field"], f["paper"]) for f in false if f["cause"] == cause}
            )
            for cause in (vs.EXTRACTION, vs.MATCHING)
        },
        "worst": vs.worst(misses, false, args.misses),
        "recall_misses": misses,
        "false_flags": false,
    }


def main(argv: list[str] | None = None) -> int:
    """Generate, extract once, verify every case, score, report."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.reuse and (args.out / EXTRACT_FILE).exists():
        samples, results = load_previous(args.out)
        seconds = None
    else:
        print(f"[bench-verify] generating {args.variants} dossiers, seed {args.seed} …", flush=True)
        samples = generate_set(args.out / "samples", args)
        results, seconds = extract_all(samples, args.workers, args.out)
    settings = None if args.no_second_look else ExtractSettings.from_env()
    outcomes = run_cases(samples, results, args.seed, MatchConfig.from_env(), settings)
    data = build_results(args, samples, results, outcomes, seconds)
    (args.out / "verify_results.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    verify_report.write_misses(args.out / "verify_misses.txt", data["worst"])
    verify_report.print_report(data)
    print(f"[bench-verify] wrote {args.out / 'verify_results.json'} and {args.out / 'verify_misses.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
