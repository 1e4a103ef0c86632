"""Real scanned documents (../shared/real/, labelled by eye): reading must not fall below a floor.

The set is 24 files from a provincial people's committee and a 1999 dossier: handwritten số and
days in typed lines, seals over titles, born-digital pages stamped after signing, a typewriter.
It is scored with ../shared/real/score.py's own rules (`benchmarks/real_cache.py`). Raise the
floors as reading improves; never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT.parent / "shared" / "real"
FIELD_FLOOR = 0.88  # labelled header and decision fields read right (0.19 before issue 12, 0.90 now)
DOCS_FLOOR = 25  # of 27 documents split and typed exactly (13 before issue 12)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.tesseract,
    pytest.mark.skipif(not (REAL / "labels.json").exists(), reason="../shared/real is not on this machine"),
]


def _real_cache():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("real_cache", ROOT / "benchmarks" / "real_cache.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["real_cache"] = mod  # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return mod


def test_the_real_set_reads_above_its_floor():
    from hoso.config import ExtractSettings
    from hoso.pipeline import extract

    rc = _real_cache()
    labels = rc.json.loads((REAL / "labels.json").read_text("utf-8"))["documents"]
    paths = [str(REAL / "pdf" / name) for name in labels]
    got: dict[str, list[dict[str, Any]]] = {}
    errors = []
    for result in extract(paths, ExtractSettings.from_env()):
        got[Path(result.path).name] = [d.to_json() for d in result.documents]
        errors += result.errors
    score = rc.score_set(lambda name: got[name])
    report = "\n".join(f"{n}: {m}" for n, ms in score.misses.items() for m in ms)
    assert not errors
    assert score.docs_ok >= DOCS_FLOOR, report
    assert score.field_acc >= FIELD_FLOOR, f"{score.field_acc:.3f}\n{report}"
