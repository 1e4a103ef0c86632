"""Re-score extraction on the real set in a second, from pages read once (a developer's loop).

    .venv/bin/python benchmarks/real_cache.py read      # OCR every page of ../shared/real once (~1.5 min)
    .venv/bin/python benchmarks/real_cache.py score -v  # layout + fields from the cache, scored

Reading (cleanup, Tesseract, the second passes) is slow and changes rarely; splitting and field
extraction change often. `read` pickles each file's pages under var/real-cache/; `score` runs
`hoso.documents.assemble` on them and scores with ../shared/real/score.py's own rules, so the figure
is the one `score.py --cmd hoso` prints for the same reading. The set has been looked at: it is the
judge of real paper, not a clean measure (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO)]
REAL = REPO.parent / "shared" / "real"
CACHE = REPO / "var" / os.environ.get("HOSO_REAL_CACHE", "real-cache")


def scorer() -> ModuleType:
    """../shared/real/score.py as a module (its norm/accepted/SCORED rules)."""
    spec = importlib.util.spec_from_file_location("real_score", REAL / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_all(names: list[str]) -> None:
    """Read every page of each file (the pipeline's own reader) and pickle the PageTexts."""
    from hoso.config import ExtractSettings
    from hoso.page_reader import read_page
    from ingest.pages import plan_pages
    from ingest.sources import expand

    settings = ExtractSettings.from_env()
    CACHE.mkdir(parents=True, exist_ok=True)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max(1, settings.workers)) as pool:
        for name in names:
            src = next(iter(expand([str(REAL / "pdf" / name)], CACHE)))
            jobs, _ = plan_pages(src)
            pages = list(pool.map(read_page, jobs, [settings] * len(jobs)))
            (CACHE / f"{name}.pkl").write_bytes(pickle.dumps(pages))
            print(f"read {name}: {len(pages)} pages", flush=True)


def predict(name: str) -> dict[str, Any]:
    """The contract JSON of one cached file."""
    from hoso.documents import assemble

    pages = pickle.loads((CACHE / f"{name}.pkl").read_bytes())
    return {"documents": [d.to_json() for d in assemble(pages)], "errors": []}


@dataclass
class RealScore:
    """The real set's figures, as score.py counts them."""

    ok: int = 0
    total: int = 0
    docs_ok: int = 0
    docs: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)
    by_field: dict[str, list[int]] = field(default_factory=dict)  # key → [right, scored]

    @property
    def field_acc(self) -> float:
        return self.ok / self.total if self.total else 0.0


def score_set(predict: Callable[[str], list[dict[str, Any]]], only: str | None = None) -> RealScore:
    """Score every labelled file's predicted documents exactly as ../shared/real/score.py does."""
    sc = scorer()
    labels = json.loads((REAL / "labels.json").read_text("utf-8"))["documents"]
    out = RealScore()
    for name, entry in labels.items():
        if only and only not in name:
            continue
        pred = predict(name)
        misses = []
        for want in entry["documents"]:
            out.docs += 1
            pages = list(want["pages"])
            same = [d for d in pred if list(d["pages"]) == pages]
            overlap = [d for d in pred if set(d["pages"]) & set(pages)]
            match = same[0] if same else (overlap[0] if overlap else {})
            out.docs_ok += bool(same) and match.get("type") == want["type"]
            if not same:
                misses.append(f"pages {pages} -> {[d['pages'] for d in overlap]}")
            if match.get("type") != want["type"]:
                misses.append(f"type {want['type']} -> {match.get('type')}")
            fields = match.get("fields", {}) if match.get("type") == want["type"] else {}
            unsure = {u.split()[0] for u in entry.get("uncertain", [])}
            for key in sc.SCORED.get(want["type"], ()):
                if key not in want or key in unsure:
                    continue
                got = fields.get(key, {})
                value = got.get("value")
                hit = value is not None and sc.norm(value) in sc.accepted(key, want)
                out.total += 1
                out.ok += hit
                tally = out.by_field.setdefault(key, [0, 0])
                tally[0] += hit
                tally[1] += 1
                if not hit:
                    misses.append(f"{key}: {want[key]!r} -> {value!r} ({got.get('confidence')})")
        if misses:
            out.misses[name] = misses
    return out


def score(verbose: bool, only: str | None) -> float:
    """Score the cached set."""
    result = score_set(lambda name: predict(name)["documents"], only)
    if verbose:
        for name, misses in result.misses.items():
            print(f"{name}:\n    " + "\n    ".join(misses))
    for key, (right, scored) in result.by_field.items():
        print(f"  {key:18} {right:3}/{scored:<3}")
    print(f"real_field_acc={result.field_acc:.3f} ({result.ok}/{result.total}) "
          f"real_doc_ok={result.docs_ok}/{result.docs}")
    return result.field_acc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("read", "score", "show"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--only", help="files whose name contains this")
    a = ap.parse_args()
    labels = json.loads((REAL / "labels.json").read_text("utf-8"))["documents"]
    names = [n for n in labels if not a.only or a.only in n]
    if a.what == "read":
        read_all(names)
    elif a.what == "show":
        for name in names:
            print(json.dumps(predict(name), ensure_ascii=False, indent=1))
    else:
        score(a.verbose, a.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
