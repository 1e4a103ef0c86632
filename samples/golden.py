"""Regenerate the small committed golden set in samples/golden/ (`python -m samples.golden`)."""

from __future__ import annotations

import random
from pathlib import Path

from samples.decisions import make_decision
from samples.generate import Part, write_file, write_manifest
from samples.values import Officer, make_officer

GOLDEN_DIR = Path(__file__).parent / "golden"
SEED = 20261129

# (file stem, officer seed, parts, variant, single page?, extension, rotation)
Spec = tuple[str, int, list[str], str, bool, str, int | None]
SPECS: list[Spec] = [
    ("dossier_tt06_nang_luong_born_digital", 1, ["tt06_2023", "nang_luong"], "born_digital",
     False, ".pdf", None),
    ("syll_2c_bnv_2008_clean_scan", 2, ["2c_bnv_2008"], "clean", False, ".pdf", None),
    ("decision_with_seal_scanner", 3, ["bo_nhiem_ngach"], "scanner", False, ".pdf", None),
    ("syll_2c_tctw_98_p1_phone", 4, ["2c_tctw_98"], "phone", True, ".jpg", None),
    ("decision_rotated_180", 5, ["nang_luong"], "rotated", True, ".png", 180),
    ("syll_tu_thuat_jpeg_q40", 6, ["tu_thuat"], "jpeg", False, ".pdf", None),
    ("decision_regulation_and_khac_fax", 7, ["khac_qd", "khac", "blank", "dieu_dong"], "fax",
     False, ".tif", None),
]  # fmt: skip
LAYOUTS = ("tt06_2023", "2c_bnv_2008", "2c_tctw_98", "tu_thuat")


def _parts(rng: random.Random, names: list[str], seed: int) -> tuple[list[Part], Officer]:
    officer = make_officer(rng)
    parts: list[Part] = []
    for i, name in enumerate(names):
        if name in LAYOUTS:
            parts.append(Part("syll", name))
        elif name in ("khac", "blank"):
            parts.append(Part(name))
        else:
            kind = "khac" if name == "khac_qd" else name
            parts.append(Part("qd", decision=make_decision(rng, officer, kind, 100 + seed + i)))
    return parts, officer


def main() -> int:
    """Write every golden file with its truth and a manifest."""
    GOLDEN_DIR.mkdir(exist_ok=True)
    files = []
    for stem, seed, names, variant, single, ext, turn in SPECS:
        rng = random.Random(f"{SEED}-{seed}")
        parts, officer = _parts(rng, names, seed)
        files.append(write_file(GOLDEN_DIR, stem, parts, officer, variant, single, rng, ext, turn))
    write_manifest(GOLDEN_DIR, SEED, len(SPECS), files)
    for f in files:
        print(f"{f.stat().st_size:>9}  {f.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
