"""CLI and API: write synthetic dossier files plus a `.truth.json` beside each and a manifest."""

from __future__ import annotations

import argparse
import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from samples import degrade
from samples.decisions import Decision, make_decisions
from samples.render import bnv_2008, khac, quyet_dinh, tctw_98, tt06_2023, tu_thuat
from samples.render.base import Form, Style
from samples.values import Officer, make_officer

SyllRenderer = Callable[[Form, Officer, random.Random], None]
LAYOUTS: dict[str, SyllRenderer] = {
    "tt06_2023": tt06_2023.render, "2c_bnv_2008": bnv_2008.render,
    "2c_tctw_98": tctw_98.render, "tu_thuat": tu_thuat.render,
}  # fmt: skip
LAYOUT_WEIGHTS = (4, 3, 2, 2)
DOTS = {"tt06_2023": "…", "2c_bnv_2008": ".", "2c_tctw_98": ".", "tu_thuat": "…"}
LABEL_SIZE = {"tt06_2023": 13.0, "2c_bnv_2008": 12.5, "2c_tctw_98": 12.0, "tu_thuat": 13.0}


@dataclass
class Part:
    """One piece of a file: a document to render, or a blank page."""

    kind: str  # "syll", "qd", "khac", "blank"
    layout: str | None = None
    decision: Decision | None = None


@dataclass
class Doc:
    """A rendered document: type, layout, 1-based pages, fields with the page they are on."""

    type: str
    layout: str | None
    pages: list[int]
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)


def render_parts(parts: list[Part], o: Officer, rng: random.Random) -> tuple[bytes, list[Doc]]:
    """Draw the parts into one born-digital PDF; returns its bytes and the documents."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("")
    f = Form(c, Style(), rng=random.Random(rng.random()))
    docs: list[Doc] = []
    for part in parts:
        if part.kind == "blank":
            f.start_document()
            f.dirty = True  # keep the empty page
            continue
        dots = DOTS.get(part.layout or "", "…")
        f.style = Style.random(rng, dots, LABEL_SIZE.get(part.layout or "", 13.0))
        f.left, f.right, f.top = 62.0, A4[0] - 45.0, A4[1] - 50.0
        first = f.start_document()
        if part.kind == "syll" and part.layout:
            LAYOUTS[part.layout](f, o, rng)
            doc = Doc("so_yeu_ly_lich", part.layout, [])
        elif part.kind == "qd" and part.decision:
            quyet_dinh.render(f, part.decision, rng)
            doc = Doc("quyet_dinh", "quyet_dinh", [])
        else:
            khac.render(f, o, rng, rng.choice(khac.KINDS))
            doc = Doc("khac", None, [])
        doc.pages = list(range(first, f.page + 1))
        doc.fields = dict(f.fields)
        docs.append(doc)
    if f.dirty:
        c.showPage()
    c.save()
    return buf.getvalue(), docs


def truth_for(name: str, variant: str, docs: list[Doc], pages: list[int],
              rotations: dict[int, int]) -> dict[str, object]:  # fmt: skip
    """The truth record of a file holding `pages` (1-based pages of the rendered PDF)."""
    index = {p: i + 1 for i, p in enumerate(pages)}
    out = []
    for d in docs:
        kept = [index[p] for p in d.pages if p in index]
        if kept:
            fields = {k: v for k, (p, v) in d.fields.items() if p in index}
            out.append({"type": d.type, "layout": d.layout, "pages": kept, "fields": fields})
    truth: dict[str, object] = {"path": name, "variant": variant, "pages": len(pages),
                                "documents": out}  # fmt: skip
    if rotations:
        truth["rotations"] = {str(k): v for k, v in rotations.items()}
    return truth


def _extension(rng: random.Random, variant: str, single: bool) -> str:
    if variant == "born_digital":
        return ".pdf"
    if single:
        return rng.choice({"jpeg": [".jpg"], "phone": [".jpg"], "fax": [".tif", ".pdf"],
                           "scanner": [".pdf", ".jpg", ".tif"]}
                          .get(variant, [".png", ".pdf", ".tif", ".png"]))  # fmt: skip
    return rng.choice({"scanner": [".pdf", ".pdf", ".tif"], "fax": [".tif", ".pdf"]}
                      .get(variant, [".pdf"]))  # fmt: skip


def _plans(rng: random.Random, o: Officer) -> list[tuple[list[Part], bool]]:
    """Files of one dossier: (parts, single-page image?)."""
    layout = rng.choices(list(LAYOUTS), LAYOUT_WEIGHTS)[0]
    decisions = make_decisions(rng, o, rng.randint(2, 4))
    main = [Part("syll", layout)]
    for d in decisions[: rng.choice((0, 1, 1, 2, 3))]:
        if rng.random() < 0.2:
            main.append(Part(rng.choice(("khac", "blank"))))
        main.append(Part("qd", decision=d))
    plans = [(main, False)]
    if rng.random() < 0.6:
        plans.append(([Part("qd", decision=decisions[-1])], False))
    if rng.random() < 0.6:
        other = rng.choices(list(LAYOUTS), LAYOUT_WEIGHTS)[0]
        pick = rng.choice((Part("syll", other), Part("qd", decision=decisions[0]), Part("khac")))
        plans.append(([pick], True))
    return plans


def write_file(out_dir: Path, stem: str, parts: list[Part], o: Officer, variant: str,
               single: bool, rng: random.Random, ext: str | None = None,
               turn: int | None = None) -> Path:  # fmt: skip
    """Render, degrade and write one file and its truth; returns the file path.

    `ext` forces the file type and `turn` rotates every page (variant "rotated").
    """
    pdf, docs = render_parts(parts, o, rng)
    total = max(p for d in docs for p in d.pages) if docs else 1
    pages = [1] if single else list(range(1, total + 1))
    if variant == "born_digital" and single:
        variant = "clean"
    rotations: dict[int, int] = {}
    if variant == "rotated":
        chosen = [p for p in range(1, len(pages) + 1) if rng.random() < 0.5] or [1]
        rotations = {p: turn or rng.choice((90, 180, 270)) for p in chosen}
        if turn:
            rotations = {p: turn for p in range(1, len(pages) + 1)}
    path = out_dir / f"{stem}{ext or _extension(rng, variant, single)}"
    if variant == "born_digital":
        path.write_bytes(pdf)
    else:
        images = degrade.degrade(pdf, variant, rng.getrandbits(32), pages, rotations)
        if len(images) > 1 and path.suffix in (".png", ".jpg"):
            path = path.with_suffix(".pdf")
        degrade.save(images, path, variant)
    truth = truth_for(path.name, variant, docs, pages, rotations)
    Path(f"{path}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")  # fmt: skip
    return path


def generate(out_dir: Path | str, seed: int, dossiers: int,
             variants: list[str] | None = None) -> list[Path]:  # fmt: skip
    """Write `dossiers` synthetic dossiers (2–3 files each) and manifest.json; returns the files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    allowed = list(variants or degrade.VARIANTS)
    files: list[Path] = []
    for i in range(dossiers):
        rng = random.Random(f"{seed}-{i}")
        officer = make_officer(rng)
        for j, (parts, single) in enumerate(_plans(rng, officer)):
            variant = rng.choice(allowed)
            stem = f"d{i:03d}_{j}_{variant}"
            files.append(write_file(out, stem, parts, officer, variant, single, rng))
    write_manifest(out, seed, dossiers, files)
    return files


def write_manifest(out: Path, seed: int, dossiers: int, files: list[Path]) -> None:
    """manifest.json: every written file with its variant, page count and document types."""
    truths = [json.loads(Path(f"{p}.truth.json").read_text(encoding="utf-8")) for p in files]
    listing = [{"path": t["path"], "variant": t["variant"], "pages": t["pages"],
                "types": [d["type"] for d in t["documents"]]} for t in truths]  # fmt: skip
    (out / "manifest.json").write_text(
        json.dumps({"seed": seed, "dossiers": dossiers, "files": listing}, ensure_ascii=False,
                   indent=1) + "\n", encoding="utf-8")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m samples.generate`."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dossiers", type=int, default=5)
    ap.add_argument("--variants", default=",".join(degrade.VARIANTS),
                    help="comma-separated subset of: " + ", ".join(degrade.VARIANTS))
    args = ap.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = set(variants) - set(degrade.VARIANTS)
    if unknown:
        ap.error(f"unknown variants: {', '.join(sorted(unknown))}")
    files = generate(args.out, args.seed, args.dossiers, variants)
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
