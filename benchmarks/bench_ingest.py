"""`hoso ingest` end to end into the embedded default (SQLite + local folder): born-digital pages per second.

Generates born-digital dossiers until at least --pages pages exist, imports every officer's electronic
record, then times one `hoso ingest DIR --unit BENCH --json` run (store originals, read the text layer,
split, extract, identify the officer, compare, record flags) and a second run over the same folder
(everything already stored: the resume path). Issue 3's target: ≥ 10 pages/s end to end.

Run: .venv/bin/python benchmarks/bench_ingest.py [--pages 1000] [--seed 20261131] [--out var/bench-ingest]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verify_cases import record_from_truth  # noqa: E402

from samples.generate import generate  # noqa: E402

TARGET_PAGES_PER_S = 10.0
UNIT = "BENCH"


def make_corpus(out: Path, seed: int, pages_min: int) -> tuple[list[Path], int]:
    """Born-digital files with truth, in batches of dossiers until `pages_min` pages; (files, pages).

    The generator turns a single-page born-digital plan into a clean scan: those files are removed, so
    every page ingested here has a text layer.
    """
    shutil.rmtree(out, ignore_errors=True)
    files: list[Path] = []
    batch = 0
    while sum(_pages(f) for f in files) < pages_min:
        for path in generate(out / f"batch{batch:02d}", seed + batch, 40, ["born_digital"]):
            if _truth(path)["variant"] == "born_digital":
                files.append(path)
            else:
                path.unlink()
                Path(f"{path}.truth.json").unlink()
        batch += 1
    return files, sum(_pages(f) for f in files)


def _truth(path: Path) -> dict[str, Any]:
    return dict(json.loads(Path(f"{path}.truth.json").read_text(encoding="utf-8")))


def _pages(path: Path) -> int:
    return int(_truth(path)["pages"])


def records_for(files: list[Path]) -> list[dict[str, Any]]:
    """One electronic record per officer (dossier), merged from the truth of its files."""
    by_officer: dict[str, dict[str, Any]] = defaultdict(dict)
    for path in files:
        record, _ = record_from_truth(_truth(path))
        merged = by_officer[f"{path.parent.name}/{path.name.split('_')[0]}"]
        decisions = merged.setdefault("quyet_dinh", [])
        for d in record.pop("quyet_dinh", []):
            if d not in decisions:
                decisions.append(d)
        for key, value in record.items():
            merged.setdefault(key, value)
    out = []
    for n, record in enumerate(r for r in by_officer.values() if r.get("so_cccd")):
        if len(str(record["so_cccd"])) == 9:  # an old form shows the CMND: the record has both numbers
            record["cmnd_cu"] = record["so_cccd"]
            record["so_cccd"] = record.get("ma_so_dinh_danh") or f"0{n:011d}"
        out.append({"ma_can_bo": f"BENCH-{n:05d}", "unit": UNIT, **record})
    return out


def hoso(bin_dir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run one hoso command; a failure other than exit 1 (some file unreadable) stops the benchmark."""
    done = subprocess.run([str(bin_dir / "hoso"), *args], env=env, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"hoso {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000, help="born-digital pages to ingest (at least)")
    ap.add_argument("--seed", type=int, default=20261131)
    ap.add_argument("--out", type=Path, default=Path("var/bench-ingest"))
    args = ap.parse_args(argv)
    console = Console()
    bin_dir = Path(sys.executable).parent

    t0 = time.perf_counter()
    files, pages = make_corpus(args.out / "samples", args.seed, args.pages)
    took = time.perf_counter() - t0
    console.print(f"generated {len(files)} born-digital files, {pages} pages in {took:.0f} s")

    data = args.out / "data"
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "HOSO_DATA_DIR": str(data), "HOSO_USER": "clerk"}
    env.pop("HOSO_DATABASE_URL", None)
    units = args.out / "units.csv"
    units.write_text(f"code,name,parent_code\n{UNIT},Đơn vị đo hiệu năng,\n", encoding="utf-8")
    records = args.out / "records.json"
    records.write_text(json.dumps(records_for(files), ensure_ascii=False), encoding="utf-8")
    hoso(bin_dir, env, "init")
    hoso(bin_dir, env, "units", "import", str(units))
    hoso(bin_dir, env, "users", "add", "clerk", "--role", "clerk", "--unit", UNIT)
    imported = hoso(bin_dir, env, "records", "import", str(records))
    console.print(imported.stdout.strip().splitlines()[-1] if imported.stdout.strip() else "records imported")

    t1 = time.perf_counter()
    first = hoso(bin_dir, env, "ingest", str(args.out / "samples"), "--unit", UNIT, "--json")
    ingest_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    again = hoso(bin_dir, env, "ingest", str(args.out / "samples"), "--unit", UNIT, "--json")
    resume_s = time.perf_counter() - t2

    outcomes = [json.loads(line) for line in first.stdout.splitlines() if line.strip()]
    repeats = Counter(json.loads(line)["status"] for line in again.stdout.splitlines() if line.strip())
    statuses = Counter(o["status"] for o in outcomes)
    states = Counter(o["state"] for o in outcomes)
    identified = sum(1 for o in outcomes if o.get("officer"))
    flags = Counter(f["field"] for f in json.loads(hoso(bin_dir, env, "flags", "--json").stdout or "[]"))
    rate = pages / ingest_s
    table = Table(title="hoso ingest, born-digital, SQLite + local folder (embedded default)")
    for col in ("figure", "value"):
        table.add_column(col)
    table.add_row("files / dossiers", f"{len(files)} ({dict(statuses)})")
    table.add_row("pages", str(pages))
    table.add_row("first run", f"{ingest_s:.1f} s")
    table.add_row("pages/s end to end", f"{rate:.1f}  (target ≥ {TARGET_PAGES_PER_S:.0f}: "
                  f"{'PASS' if rate >= TARGET_PAGES_PER_S else 'FAIL'})")  # fmt: skip
    table.add_row("second run (all already stored)", f"{resume_s:.1f} s {dict(repeats)}")
    table.add_row("dossier states", f"{dict(states)}; officer identified for {identified}/{len(outcomes)}")
    table.add_row("cảnh báo raised", f"{sum(flags.values())} {dict(flags.most_common(6))}")
    console.print(table)
    return 0 if rate >= TARGET_PAGES_PER_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
