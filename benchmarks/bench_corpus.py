"""The benchmark's sample set: generated dossiers and their truth files."""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ALL_VARIANTS = ["born_digital", "clean", "scanner", "jpeg", "fax", "phone", "rotated"]
MAX_BATCHES = 40


@dataclass(frozen=True, slots=True)
class Sample:
    """One generated file and its truth."""

    path: Path
    truth: dict[str, Any]

    @property
    def variant(self) -> str:
        """The degradation variant the generator applied."""
        return str(self.truth.get("variant", "?"))

    @property
    def pages(self) -> int:
        """Page count according to the truth file."""
        return int(self.truth.get("pages", 0))

    @property
    def scanned(self) -> bool:
        """Every variant except born_digital goes through OCR."""
        return self.variant != "born_digital"


def truth_path(path: Path) -> Path:
    """`<file>.truth.json` beside the file (or `<stem>.truth.json` as a fallback)."""
    beside = path.with_name(path.name + ".truth.json")
    return beside if beside.exists() else path.with_suffix(".truth.json")


def generate_batch(out_dir: Path, seed: int, dossiers: int, variants: list[str]) -> list[Sample]:
    """One call of the sample generator, with the truth of every file it wrote."""
    from samples.generate import generate

    files = generate(out_dir, seed, dossiers, variants)
    samples = []
    for f in sorted(Path(p) for p in files):
        if f.name.endswith(".truth.json"):
            continue
        truth = json.loads(truth_path(f).read_text(encoding="utf-8"))
        samples.append(Sample(f, truth))
    return samples


def generate_corpus(root: Path, args: argparse.Namespace) -> list[Sample]:
    """Batches of dossiers until every variant is present and the page minimums are met."""
    if root.exists():
        shutil.rmtree(root)
    dossiers = 2 if args.quick else 4
    samples: list[Sample] = []
    for batch in range(MAX_BATCHES):
        pages = sum(s.pages for s in samples)
        missing = [v for v in ALL_VARIANTS if v not in {s.variant for s in samples}]
        if pages >= args.pages_min and not missing:
            break
        variants = ALL_VARIANTS if pages < args.pages_min else missing
        samples += generate_batch(root / f"b{batch:02d}", args.seed + batch, dossiers, variants)
    for batch in range(MAX_BATCHES):
        if sum(s.pages for s in samples if not s.scanned) >= args.born_digital_min:
            break
        seed = args.seed + 1000 + batch
        samples += generate_batch(root / f"bd{batch:02d}", seed, dossiers, ["born_digital"])
    return samples


def corpus_summary(samples: list[Sample]) -> dict[str, Any]:
    """Counts of files, pages and documents in the generated set."""
    by_variant: dict[str, dict[str, int]] = {}
    for s in samples:
        entry = by_variant.setdefault(s.variant, {"files": 0, "pages": 0})
        entry["files"] += 1
        entry["pages"] += s.pages
    doc_types: dict[str, int] = {}
    for s in samples:
        for d in s.truth.get("documents", []):
            doc_types[d.get("type", "?")] = doc_types.get(d.get("type", "?"), 0) + 1
    return {
        "files": len(samples),
        "pages": sum(s.pages for s in samples),
        "scanned_pages": sum(s.pages for s in samples if s.scanned),
        "born_digital_pages": sum(s.pages for s in samples if not s.scanned),
        "documents": sum(doc_types.values()),
        "documents_by_type": doc_types,
        "by_variant": dict(sorted(by_variant.items())),
    }
