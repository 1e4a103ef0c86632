"""Celery scale-out: pages/min with 1 and 2 workers on the same scanned pages, and the queue's cost per page.

Run: .venv/bin/python benchmarks/bench_tasks.py [--pages 100] [--seed S] [--out DIR]

Everything runs for real: a PostgreSQL cluster, redis-server and `celery worker --concurrency 1` processes
(one core each), started here. Each run gets a fresh database and object store, so no run reuses another's
page results. Throughput counts from the `hoso ingest` call (originals stored, files queued) until the last
file is done. Queue overhead per page = (Celery run − in-process run) / pages, both with one worker and the
no-op OCR engine (HOSO_OCR_ENGINE=none): what is left is storing, dispatch, messages and bookkeeping.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hoso.domain.model import Role, User  # noqa: E402
from hoso.domain.units import Unit  # noqa: E402
from samples.generate import generate  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.uow import SqlStore  # noqa: E402
from tests.conftest import admin  # noqa: E402
from tests.pgcluster import PgCluster, pg_bindir  # noqa: E402
from tests.processes import BIN, RedisServer, Worker, wait_until  # noqa: E402

UNIT = "SNV"


def corpus(out: Path, seed: int, pages: int) -> list[Path]:
    """Scanned files (clean, scanner, jpeg) holding exactly `pages` pages, generated once per seed."""
    listing = out / "corpus.json"
    if listing.exists() and json.loads(listing.read_text())["seed"] == seed:
        files = [Path(p) for p in json.loads(listing.read_text())["files"]]
        if sum(_pages(f) for f in files) == pages:
            return files
    chosen: list[Path] = []
    dossiers = max(4, pages // 5)
    files = generate(out / "files", seed, dossiers, variants=["clean", "scanner", "jpeg"])
    for f in files:
        if sum(_pages(c) for c in chosen) + _pages(f) <= pages:
            chosen.append(f)
    if sum(_pages(c) for c in chosen) != pages:
        raise SystemExit(f"could not make exactly {pages} pages from {len(files)} files; try another seed")
    listing.write_text(json.dumps({"seed": seed, "files": [str(c) for c in chosen]}))
    return chosen


def _pages(path: Path) -> int:
    return int(json.loads(Path(f"{path}.truth.json").read_text(encoding="utf-8"))["pages"])


class Bench:
    """One PostgreSQL cluster and one Redis for all runs; a fresh database and data folder per run."""

    def __init__(self, folder: Path, cluster: PgCluster, redis: RedisServer) -> None:
        self.folder, self.cluster, self.redis, self.runs = folder, cluster, redis, 0
        self.cpu: dict[str, float] = {}  # CPU seconds of the processes a run started (workers, Tesseract)
        with admin(cluster.url) as conn:
            conn.execute("CREATE DATABASE bench_template")
        upgrade(f"{cluster.url}/bench_template")
        store = SqlStore.from_url(f"{cluster.url}/bench_template")
        try:
            with store.uow() as uow:
                uow.units.add(Unit(UNIT, "Sở Nội vụ", None))
                uow.users.add(User("clerk", Role.CLERK, UNIT))
                uow.commit()
        finally:
            store.dispose()

    def env(self, **extra: str) -> dict[str, str]:
        """A fresh database and data folder, with the given settings on top."""
        self.runs += 1
        name = f"run{self.runs}"
        with admin(self.cluster.url) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE bench_template")
        data = self.folder / name
        data.mkdir(parents=True, exist_ok=True)
        return {**os.environ, "HOSO_DATABASE_URL": f"{self.cluster.url}/{name}", "HOSO_DATA_DIR": str(data),
                "HOSO_BROKER_URL": self.redis.url, "HOSO_USER": "clerk", "OMP_THREAD_LIMIT": "1",
                "HOSO_WORKERS": "1", "PYTHONWARNINGS": "ignore", **extra}  # fmt: skip

    def ingest(self, env: dict[str, str], files: list[Path]) -> None:
        """`hoso ingest` as a clerk would run it."""
        cmd = [str(BIN / "hoso"), "ingest", *map(str, files), "--unit", UNIT, "--json"]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=3600)
        if done.returncode not in (0, 1):
            raise SystemExit(f"hoso ingest failed ({done.returncode}): {done.stderr[-2000:]}")

    def celery(self, files: list[Path], workers: int, engine: str) -> float:
        """Seconds from submitting the files until every file is done, with `workers` worker processes."""
        env = self.env(HOSO_TASKS="celery", HOSO_OCR_ENGINE=engine)
        started = [Worker(f"b{self.runs}w{i}", env, self.folder) for i in range(workers)]
        cpu0 = _children_cpu()
        try:
            t0 = time.perf_counter()
            self.ingest(env, files)
            store = SqlStore.from_url(env["HOSO_DATABASE_URL"])
            try:
                wait_until(lambda: _all_done(store, len(files)), 3600, "the batch", poll=0.2)
            finally:
                store.dispose()
            return time.perf_counter() - t0
        finally:
            for w in started:
                w.stop()
            self.cpu[f"celery{workers}_{engine}"] = _children_cpu() - cpu0

    def inprocess(self, files: list[Path], engine: str) -> float:
        """Seconds of the same batch through the embedded in-process runner, one page at a time."""
        env = self.env(HOSO_TASKS="inprocess", HOSO_OCR_ENGINE=engine)
        t0 = time.perf_counter()
        self.ingest(env, files)
        return time.perf_counter() - t0


def _children_cpu() -> float:
    """CPU seconds of every finished descendant so far (workers reap their pool and Tesseract children)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _all_done(store: SqlStore, files: int) -> bool:
    from sqlalchemy import func, select

    from storage.orm import IngestFileRow

    with store.engine.connect() as conn:
        stmt = select(IngestFileRow.state, func.count()).group_by(IngestFileRow.state)
        states: dict[str, int] = {state: n for state, n in conn.execute(stmt)}
    return sum(states.values()) == files and states.get("done", 0) + states.get("failed", 0) == files


def sizes(url: str, data: Path, pages: int) -> dict[str, float]:
    """Bytes per page in the object store (by kind) and average row bytes of the tables a batch fills."""
    out: dict[str, float] = {}
    for kind in ("originals", "ocr"):
        total = sum(f.stat().st_size for f in (data / "objects" / kind).rglob("*") if f.is_file())
        out[f"objects_{kind}_bytes_per_page"] = round(total / pages)
    store = SqlStore.from_url(url)
    try:
        with store.engine.connect() as conn:
            from sqlalchemy import text

            for table in ("ingest_pages", "ingest_files", "dossiers", "documents", "flags", "audit_events",
                          "dossier_transitions"):  # fmt: skip
                query = text(f"SELECT count(*), avg(pg_column_size(t.*)) FROM {table} t")
                rows, avg = conn.execute(query).one()
                out[f"rows_{table}"] = rows
                out[f"row_bytes_{table}"] = round(float(avg or 0))
    finally:
        store.dispose()
    return out


def report(pages: int, t1: float, t2: float, noop_celery: float, noop_inproc: float) -> dict[str, Any]:
    """The figures, printed and returned (for benchmarks/README and docs/capacity.md)."""
    out = {
        "pages": pages,
        "one_worker_pages_per_min": round(pages / t1 * 60, 1),
        "two_workers_pages_per_min": round(pages / t2 * 60, 1),
        "scaling_ratio": round(t1 / t2, 2),
        "seconds_per_page_one_worker": round(t1 / pages, 3),
        "queue_overhead_ms_per_page": round((noop_celery - noop_inproc) / pages * 1000, 1),
        "noop_celery_s": round(noop_celery, 2),
        "noop_inprocess_s": round(noop_inproc, 2),
    }
    print(f"Celery scale-out on {pages} scanned pages (workers --concurrency 1, one core each)")
    print(f"  1 worker : {out['one_worker_pages_per_min']:7.1f} pages/min  ({t1:.1f} s)")
    print(f"  2 workers: {out['two_workers_pages_per_min']:7.1f} pages/min  ({t2:.1f} s)")
    print(f"  scaling ratio 2/1: {out['scaling_ratio']:.2f}  (target ≥ 1.8)")
    print(f"  queue overhead: {out['queue_overhead_ms_per_page']:.1f} ms/page  (target ≤ 50; no-op OCR: "
          f"Celery {noop_celery:.1f} s vs in-process {noop_inproc:.1f} s)")  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    """Entry point: generate (or reuse) the pages, run the four batches, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--out", type=Path, default=Path("var/bench-tasks"))
    args = ap.parse_args(argv)
    files = corpus(args.out, args.seed, args.pages)
    shutil.rmtree(args.out / "runs", ignore_errors=True)  # a kept object store would hold the page results
    bindir = pg_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries not found: `make system-deps` installs them")
    cluster, redis = PgCluster(bindir), RedisServer(args.out)
    try:
        cluster.start()
        redis.start()
        bench = Bench(args.out / "runs", cluster, redis)
        t1 = bench.celery(files, 1, "tesseract")
        t2 = bench.celery(files, 2, "tesseract")
        noop_celery = bench.celery(files, 1, "none")
        noop_inproc = bench.inprocess(files, "none")
        storage = sizes(f"{cluster.url}/run1", args.out / "runs" / "run1", args.pages)
    finally:
        redis.stop()
        cluster.close()
    figures = report(args.pages, t1, t2, noop_celery, noop_inproc) | storage
    cpu = {f"cpu_s_per_page_{k}": round(v / args.pages, 3) for k, v in bench.cpu.items()}
    figures |= cpu | {"load_average_after": round(os.getloadavg()[0], 2)}
    print("  CPU s/page (all processes of the run): " + ", ".join(f"{k} {v}" for k, v in cpu.items()))
    print(f"  load average (other work on this machine included): {os.getloadavg()[0]:.2f}")
    print("  storage: " + ", ".join(f"{k} {v}" for k, v in storage.items()))
    (args.out / "result.json").write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
