"""Timed runs for the benchmark: `hoso extract` with peak-RSS sampling, and raw Tesseract."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import subprocess
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

POLL_SECONDS = 0.05


@dataclass(slots=True)
class RunResult:
    """One timed `hoso extract` run."""

    seconds: float
    peak_rss: int
    returncode: int | None
    lines: list[dict[str, Any]] = field(default_factory=list)
    stderr_tail: str = ""


class TreeMemorySampler(threading.Thread):
    """Polls the summed RSS of a process and all its descendants; keeps the peak."""

    def __init__(self, pid: int, interval: float = POLL_SECONDS) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop_event = threading.Event()

    def sample(self) -> int:
        """Current RSS sum of the tree, in bytes (0 once the process is gone)."""
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        for proc in procs:
            # a child may end between listing and reading
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total

    def run(self) -> None:
        """Sample until stopped."""
        while not self._stop_event.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        """Stop sampling and return the peak."""
        self._stop_event.set()
        self.join()
        return self.peak


def parse_json_lines(text: str) -> list[dict[str, Any]]:
    """JSON objects of JSON Lines output; non-JSON lines (stray logging) are skipped."""
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return lines


def run_extract(hoso_cmd: Sequence[str], files: Sequence[Path], work: Path, timeout: float) -> RunResult:
    """Run `hoso extract --json FILES...`, timing wall-clock and sampling peak RSS."""
    work.mkdir(parents=True, exist_ok=True)
    out_path, err_path = work / "extract.jsonl", work / "extract.stderr"
    cmd = [*hoso_cmd, "extract", "--json", *map(str, files)]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeMemorySampler(proc.pid)
        sampler.start()
        try:
            returncode: int | None = proc.wait(timeout=timeout)
        except psutil.TimeoutExpired:
            _kill_tree(proc)
            returncode = None
        seconds = time.perf_counter() - start
        peak = sampler.stop()
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    lines = parse_json_lines(out_path.read_text(encoding="utf-8", errors="replace"))
    return RunResult(seconds, peak, returncode, lines, stderr[-2000:])


def _kill_tree(proc: psutil.Process) -> None:
    """Kill the process we started and its descendants (after a timeout)."""
    for child in proc.children(recursive=True):
        child.kill()
    proc.kill()
    proc.wait()


def rasterize_pages(files: Sequence[Path], out_dir: Path) -> list[Path]:
    """Every page of the files as a 300-dpi (PDF) or as-stored (image) grayscale PNG."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: list[Path] = []
    for i, path in enumerate(files):
        stem = f"{i:04d}_{path.stem}"
        if path.suffix.lower() == ".pdf":
            pngs.extend(_rasterize_pdf(path, out_dir, stem))
        else:  # PNG, JPEG, TIFF … whatever Pillow opens
            pngs.extend(_rasterize_image(path, out_dir, stem))
    return pngs


def _rasterize_pdf(path: Path, out_dir: Path, stem: str) -> list[Path]:
    import pypdfium2 as pdfium

    pngs = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for n in range(len(pdf)):
            bitmap = pdf[n].render(scale=300 / 72, grayscale=True)
            target = out_dir / f"{stem}_p{n + 1:03d}.png"
            bitmap.to_pil().convert("L").save(target, dpi=(300, 300))
            pngs.append(target)
    finally:
        pdf.close()
    return pngs


def _rasterize_image(path: Path, out_dir: Path, stem: str) -> list[Path]:
    from PIL import Image, ImageSequence

    pngs = []
    with Image.open(path) as img:
        for n, frame in enumerate(ImageSequence.Iterator(img)):
            target = out_dir / f"{stem}_p{n + 1:03d}.png"
            dpi = frame.info.get("dpi", (300, 300))
            frame.convert("L").save(target, dpi=tuple(int(round(float(d))) for d in dpi))
            pngs.append(target)
    return pngs


def time_raw_tesseract(pngs: Sequence[Path], workers: int = 2, timeout: float = 300) -> float:
    """Wall-clock seconds for `tesseract PAGE.png - -l vie` over all pages, `workers` at once."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(png: Path) -> int:
        cmd = ["tesseract", str(png), "-", "-l", "vie"]
        done = subprocess.run(
            cmd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
        return done.returncode

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        codes = list(pool.map(one, pngs))
    seconds = time.perf_counter() - start
    failed = sum(1 for c in codes if c != 0)
    if failed:
        print(f"warning: raw tesseract failed on {failed} of {len(pngs)} pages")
    return seconds


def _tesserocr_pages(pngs: Sequence[str]) -> int:
    """One process's share of the library baseline: the text of each page, model loaded once."""
    import tesserocr

    from ocr.engine.tess_api import tessdata_dir

    with tesserocr.PyTessBaseAPI(path=tessdata_dir(), lang="vie") as api:
        for png in pngs:
            api.SetImageFile(png)
            api.GetUTF8Text()
    return len(pngs)


def time_raw_tesserocr(pngs: Sequence[Path], workers: int = 2) -> float | None:
    """Wall-clock seconds for the same pages through tesserocr (`vie`, text only), `workers` processes.

    Not the issue's baseline (that is the binary): it shows how much of hoso's speed comes from
    the library hoso reads with rather than from the pipeline around it. None without tesserocr.
    """
    from ocr.engine import tess_api

    if not tess_api.available():
        return None
    shares = [[str(p) for p in pngs[i::workers]] for i in range(workers)]
    ctx = multiprocessing.get_context("spawn")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        list(pool.map(_tesserocr_pages, shares))
    return time.perf_counter() - start


def build_long_pdf(sources: Sequence[Path], pngs: Sequence[Path], target: Path, pages: int) -> Path:
    """A `pages`-page scanned PDF made by repeating scanned pages.

    Scanned PDFs' pages are repeated with pikepdf; without any scanned PDF,
    up to 20 rasterized pages are first wrapped into a PDF with Pillow.
    """
    pdfs = [p for p in sources if p.suffix.lower() == ".pdf"]
    if not pdfs:
        from PIL import Image

        seed = target.with_name(target.stem + "_seed.pdf")
        images = [Image.open(p) for p in pngs[:20]]
        images[0].save(seed, save_all=True, append_images=images[1:], resolution=300)
        pdfs = [seed]
    import pikepdf

    opened = [pikepdf.open(p) for p in pdfs]
    try:
        source_pages = [pg for pdf in opened for pg in pdf.pages]
        with pikepdf.Pdf.new() as out:
            for i in range(pages):
                out.pages.append(source_pages[i % len(source_pages)])
            out.save(target)
    finally:
        for pdf in opened:
            pdf.close()
    return target
