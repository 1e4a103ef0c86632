"""Benchmark `hoso extract`: accuracy, document split, throughput vs raw Tesseract, memory.

Usage: .venv/bin/python benchmarks/bench_extract.py --seed 20261129 --out var/bench
(see benchmarks/README.md for the options and the report).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]  # sibling helper modules, then the project packages

import bench_report  # noqa: E402
import bench_runner  # noqa: E402
import bench_scoring as sc  # noqa: E402
from bench_corpus import Sample, corpus_summary, generate_corpus  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=20261129, help="sample generator seed")
    p.add_argument("--out", type=Path, default=REPO / "var" / "bench", help="output folder")
    p.add_argument("--pages-min", type=int, default=None, help="pages to generate (default 100)")
    p.add_argument(
        "--born-digital-min",
        type=int,
        default=None,
        help="born-digital pages for the pages/s figure (default 50)",
    )
    p.add_argument("--quick", action="store_true", help="small run (30 pages, 10 born-digital)")
    p.add_argument(
        "--memory-300",
        action="store_true",
        help="also measure peak RSS of hoso on a 300-page scanned PDF",
    )
    p.add_argument("--no-baseline", action="store_true", help="skip the raw Tesseract baseline")
    p.add_argument(
        "--hoso-cmd",
        default=None,
        help="extractor command (default: .venv/bin/hoso); for debugging the harness",
    )
    p.add_argument("--timeout", type=float, default=3600, help="seconds per hoso run")
    p.add_argument("--misses", type=int, default=30, help="misses to list in misses.txt")
    args = p.parse_args(argv)
    if args.pages_min is None:
        args.pages_min = 30 if args.quick else 100
    if args.born_digital_min is None:
        args.born_digital_min = 10 if args.quick else 50
    return args


def hoso_command(override: str | None) -> list[str]:
    """The extractor command: the override, the venv's `hoso`, or `hoso` on PATH."""
    if override:
        return shlex.split(override)
    for candidate in (Path(sys.executable).parent / "hoso", REPO / ".venv" / "bin" / "hoso"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("hoso")
    if not found:
        sys.exit("hoso CLI not found: run `make setup` or pass --hoso-cmd")
    return [found]


def _load() -> float:
    """1-minute load average right after a run: above the core count, other work shared the CPUs."""
    return round(os.getloadavg()[0], 2)


def timed_run(
    name: str, cmd: list[str], samples: list[Sample], work: Path, timeout: float
) -> tuple[dict[str, Any], bench_runner.RunResult]:
    """Run hoso over the samples; the run's summary and its raw result."""
    print(
        f"[bench] hoso extract on {name}: {len(samples)} files, {sum(s.pages for s in samples)} pages …",
        flush=True,
    )
    run = bench_runner.run_extract(cmd, [s.path for s in samples], work, timeout)
    summary = sc.rate(sum(s.pages for s in samples), run.seconds)
    summary.update(peak_rss=run.peak_rss, returncode=run.returncode, load=_load())
    return summary, run


def baseline_run(scanned: list[Sample], out: Path) -> dict[str, Any]:
    """Raw Tesseract over pre-rasterized scanned pages (rasterizing is not timed)."""
    print(f"[bench] rasterizing {sum(s.pages for s in scanned)} scanned pages …", flush=True)
    raster = out / "raster"
    if raster.exists():
        shutil.rmtree(raster)
    pngs = bench_runner.rasterize_pages([s.path for s in scanned], raster)
    print(f"[bench] raw tesseract on {len(pngs)} pages, 2 at once …", flush=True)
    seconds = bench_runner.time_raw_tesseract(pngs)
    summary = sc.rate(len(pngs), seconds)
    summary.update(peak_rss=None, returncode=None, load=_load())
    return summary


def library_baseline_run(out: Path) -> dict[str, Any] | None:
    """The same pre-rasterized pages through tesserocr, for reference (not a target)."""
    pngs = sorted((out / "raster").glob("*.png"))
    print(f"[bench] tesserocr (the library hoso reads with) on {len(pngs)} pages, 2 at once …", flush=True)
    seconds = bench_runner.time_raw_tesserocr(pngs)
    if seconds is None:
        return None
    summary = sc.rate(len(pngs), seconds)
    summary.update(peak_rss=None, returncode=None, load=_load())
    return summary


def memory_300_run(cmd: list[str], scanned: list[Sample], out: Path, timeout: float) -> dict[str, Any]:
    """Peak RSS and time of hoso on one 300-page scanned PDF built from generated pages."""
    work = out / "memory300"
    work.mkdir(parents=True, exist_ok=True)
    sources = [s.path for s in scanned]
    pngs = sorted((out / "raster").glob("*.png"))
    if not pngs and not any(p.suffix.lower() == ".pdf" for p in sources):
        pngs = bench_runner.rasterize_pages(sources, work / "raster")
    pdf = bench_runner.build_long_pdf(sources, pngs, work / "scanned_300.pdf", 300)
    print("[bench] hoso extract on a 300-page scanned PDF …", flush=True)
    run = bench_runner.run_extract(cmd, [pdf], work, timeout)
    summary = sc.rate(300, run.seconds)
    summary.update(peak_rss=run.peak_rss, returncode=run.returncode, load=_load())
    return summary


def score_all(samples: list[Sample], run: bench_runner.RunResult, fold: sc.Fold) -> sc.FileScore:
    """Score every file of the combined run."""
    core_kinds = sc.load_core_kinds()
    outputs = sc.pair_outputs([s.path for s in samples], run.lines)
    return sc.merge_scores(
        sc.score_file(_with_display_path(s), out, core_kinds, fold)
        for s, out in zip(samples, outputs, strict=True)
    )


def _with_display_path(sample: Sample) -> dict[str, Any]:
    """The truth with `path` = batch folder/file name, so that misses name the file unambiguously."""
    return {**sample.truth, "path": f"{sample.path.parent.name}/{sample.path.name}"}


def accuracy_section(score: sc.FileScore) -> dict[str, Any]:
    """Field accuracy overall and broken down by field, variant, type and layout."""
    fields = score.fields
    overall = sc.Bucket()
    for r in fields:
        overall.add(r)

    def as_json(buckets: dict[str, sc.Bucket]) -> dict[str, Any]:
        return {k: b.to_json() for k, b in buckets.items()}

    return {
        "overall": overall.to_json(),
        "by_field": as_json(sc.breakdown(fields, lambda r: f"{r.doc_type}.{r.key}")),
        "by_variant": as_json(sc.breakdown(fields, lambda r: r.variant)),
        "by_doc_type": as_json(sc.breakdown(fields, lambda r: r.doc_type)),
        "by_layout": as_json(sc.breakdown(fields, lambda r: f"{r.doc_type}/{r.layout}")),
        "variant_targets": sc.VARIANT_TARGETS,
        "spurious": score.spurious,
    }


def split_section(score: sc.FileScore) -> dict[str, Any]:
    """Document split/type accuracy and the documents that failed it."""
    acc = sc.split_accuracy(score.splits)
    return {
        "total": len(score.splits),
        "correct": sum(s.ok for s in score.splits),
        "accuracy": round(acc, 4),
        "target": sc.SPLIT_TARGET,
        "status": "PASS" if acc >= sc.SPLIT_TARGET else "FAIL",
        "extra_documents": score.extra_documents,
        "failures": [asdict(s) for s in score.splits if not s.ok],
    }


def calibration_section(score: sc.FileScore) -> dict[str, Any]:
    """Reliability tables and ECE per field kind, of the reported and of the raw confidence."""
    kinds = sc.load_core_kinds()

    def tables(raw: bool) -> dict[str, Any]:
        return {k: t.to_json() for k, t in sc.reliability_by_kind(score.fields, kinds, raw).items()}

    return {
        "bins": sc.CALIBRATION_BINS,
        "ece_target": sc.ECE_TARGET,
        "reported": tables(False),
        "raw": tables(True),
    }


def targets_section(
    accuracy: dict[str, Any],
    split: dict[str, Any],
    runs: dict[str, Any],
    calibration: dict[str, Any] | None = None,
) -> list:
    """Every target with its measured value and PASS/FAIL."""
    targets = [
        sc.target(f"accuracy {v}", accuracy["by_variant"].get(v, {}).get("accuracy"), goal)
        for v, goal in sc.VARIANT_TARGETS.items()
    ]
    targets.append(sc.target("split/type accuracy", split["accuracy"], sc.SPLIT_TARGET))
    raw, scanned = runs.get("raw tesseract (scanned)"), runs.get("hoso scanned only")
    ratio = None
    if raw and scanned and raw["pages_per_min"]:
        ratio = round(scanned["pages_per_min"] / raw["pages_per_min"], 3)
    targets.append(sc.target("scanned ratio hoso/raw", ratio, sc.SCAN_RATIO_TARGET))
    born = runs.get("hoso born-digital only", {}).get("pages_per_s")
    targets.append(sc.target("born-digital pages/s", born, sc.BORN_DIGITAL_PAGES_PER_S_TARGET))
    for name in ("hoso all files", "hoso 300-page scanned PDF"):
        if name in runs:
            targets.append(
                sc.target(
                    f"peak memory ({name})",
                    runs[name]["peak_rss"],
                    sc.MEMORY_TARGET_BYTES,
                    higher_is_better=False,
                )
            )
    for kind, table in ((calibration or {}).get("reported") or {}).items():
        if kind != "all":
            targets.append(sc.target(f"calibration ECE {kind}", table["ece"], sc.ECE_TARGET, False))
    return targets


def run_warnings(
    samples: list[Sample], run: bench_runner.RunResult, runs: dict[str, Any], fold_name: str
) -> list[str]:
    """Problems worth printing above the tables."""
    warnings = []
    if fold_name.startswith("fallback"):
        warnings.append(f"compare fold is the {fold_name}")
    if run.returncode not in (0, 1):
        warnings.append(f"stderr tail of the all-files run: {run.stderr_tail[-500:]}")
    missing = sum(out is None for out in sc.pair_outputs([s.path for s in samples], run.lines))
    if missing:
        warnings.append(f"{missing} of {len(samples)} files have no output line")
    for name, summary in runs.items():
        if not name.startswith("raw ") and summary["returncode"] not in (0, 1):
            warnings.append(f"{name}: hoso exit status {summary['returncode']} (None = timeout)")
    with_errors = [line for line in run.lines if line.get("errors")]
    if with_errors:
        first = with_errors[0]
        warnings.append(
            f"{len(with_errors)} files reported errors, e.g. {first.get('path')}: {first['errors'][:3]}"
        )
    return warnings


def git_commit() -> str:
    """The project's current commit, for the record."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Generate, run, time and score; return the results dict."""
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    cmd = hoso_command(args.hoso_cmd)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    samples = generate_corpus(out / "samples", args)
    scanned = [s for s in samples if s.scanned]
    born = [s for s in samples if not s.scanned]
    runs: dict[str, Any] = {}
    if not args.no_baseline and scanned:
        runs["raw tesseract (scanned)"] = baseline_run(scanned, out)
        library = library_baseline_run(out)
        if library is not None:
            runs["raw tesserocr, same pages (reference)"] = library
    if scanned:
        runs["hoso scanned only"], _ = timed_run("scanned", cmd, scanned, out / "run_scanned", args.timeout)
    if born:
        runs["hoso born-digital only"], _ = timed_run(
            "born-digital", cmd, born, out / "run_born_digital", args.timeout
        )
    runs["hoso all files"], run_all = timed_run("all files", cmd, samples, out / "run_all", args.timeout)
    if args.memory_300 and scanned:
        runs["hoso 300-page scanned PDF"] = memory_300_run(cmd, scanned, out, args.timeout)
    return build_results(args, samples, run_all, runs, started)


def build_results(
    args: argparse.Namespace,
    samples: list[Sample],
    run_all: bench_runner.RunResult,
    runs: dict[str, Any],
    started: str,
) -> dict[str, Any]:
    """Score the combined run and assemble everything into one JSON-able dict."""
    fold, fold_name = sc.default_fold()
    score = score_all(samples, run_all, fold)
    accuracy, split = accuracy_section(score), split_section(score)
    calibration = calibration_section(score)
    return {
        "seed": args.seed,
        "started": started,
        "commit": git_commit(),
        "out": str(args.out),
        "fold": fold_name,
        "corpus": corpus_summary(samples),
        "accuracy": accuracy,
        "split": split,
        "calibration": calibration,
        "runs": runs,
        "targets": targets_section(accuracy, split, runs, calibration),
        "warnings": run_warnings(samples, run_all, runs, fold_name),
        "misses": [{**asdict(r), "status": r.status} for r in score.fields if not r.ok],
        "worst_misses": [asdict(r) for r in sc.worst_misses(score.fields, args.misses)],
    }


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the benchmark, write results.json and misses.txt, print the report."""
    args = parse_args(argv)
    results = run_benchmark(args)
    out: Path = args.out
    (out / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    bench_report.write_misses(out / "misses.txt", results["worst_misses"])
    bench_report.print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
