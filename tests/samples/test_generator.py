import json
import random
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from hoso import catalog
from hoso.fields import field_specs
from samples.decisions import TYPES, make_decision
from samples.generate import Part, generate, render_parts
from samples.values import make_officer

FAST = ["born_digital", "clean", "fax", "rotated"]
KIND_PATTERNS = {
    "date": r"\d{4}(-\d{2}(-\d{2})?)?",
    "int": r"\d+",
    "decimal": r"\d+\.\d{2}",
    "digits": r"\d+",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    return out, generate(out, seed=11, dossiers=3, variants=FAST)


def _truth(path: Path) -> dict:
    return json.loads(Path(f"{path}.truth.json").read_text(encoding="utf-8"))


def test_generation_is_deterministic(generated, tmp_path):
    out, files = generated
    again = generate(tmp_path, seed=11, dossiers=3, variants=FAST)
    assert [p.name for p in files] == [p.name for p in again]
    for a, b in zip(files, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
        assert _truth(a) == _truth(b)
    assert (out / "manifest.json").read_text() == (tmp_path / "manifest.json").read_text()


def test_truth_files_are_valid(generated):
    _, files = generated
    specs = field_specs()
    for path in files:
        truth = _truth(path)
        assert truth["path"] == path.name
        assert truth["variant"] in FAST
        seen: set[int] = set()
        for doc in truth["documents"]:
            assert doc["type"] in ("so_yeu_ly_lich", "quyet_dinh", "khac")
            assert doc["pages"] == sorted(doc["pages"])
            assert all(1 <= p <= truth["pages"] for p in doc["pages"])
            assert not seen & set(doc["pages"])
            seen |= set(doc["pages"])
            for key, value in doc["fields"].items():
                spec = specs[(doc["type"], key)]
                assert isinstance(value, str) and value == value.strip() and value
                pattern = KIND_PATTERNS.get(spec.kind)
                if pattern:
                    assert re.fullmatch(pattern, value), (path.name, key, value)
            if doc["type"] == "khac":
                assert doc["layout"] is None and doc["fields"] == {}
        for page in truth.get("rotations", {}):
            assert 1 <= int(page) <= truth["pages"]


def test_cccd_matches_birth_year_and_sex():
    for seed in range(300):
        o = make_officer(random.Random(seed))
        assert catalog.cccd_consistent(o.so_cccd, o.ngay_sinh.year, o.gioi_tinh), o.so_cccd
        assert re.fullmatch(r"\d{9}", o.so_cmnd) and re.fullmatch(r"\d{10}", o.so_bhxh)
        assert o.ngay_tuyen_dung.year - o.ngay_sinh.year >= 20


def test_he_so_comes_from_the_catalog():
    for seed in range(200):
        rng = random.Random(seed)
        o = make_officer(rng)
        assert catalog.he_so_for(o.ma_ngach, o.bac) == o.he_so
        for kind in TYPES:
            t = make_decision(rng, o, kind, 100).truth
            if "he_so_luong" in t:
                hs = catalog.he_so_for(t["ma_ngach"], int(t["bac_luong"]))
                assert hs is not None and f"{hs:.2f}" == t["he_so_luong"], (kind, t)
            if kind == "khac":
                assert "ho_ten" not in t


def _page_text(pdf: bytes, page: int) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        tp = doc[page - 1].get_textpage()
        return tp.get_text_range()
    finally:
        doc.close()


@pytest.mark.parametrize("layout", ["tt06_2023", "2c_bnv_2008", "2c_tctw_98", "tu_thuat"])
def test_born_digital_text_layer_has_labels_and_values(layout):
    rng = random.Random(layout)
    o = make_officer(rng)
    decision = make_decision(rng, o, "nang_luong", 321)
    pdf, docs = render_parts([Part("syll", layout), Part("qd", decision=decision)], o, rng)
    syll, qd = docs
    first = _page_text(pdf, syll.pages[0])
    assert "Họ và tên" in first
    assert o.ho_ten.upper() in first
    assert syll.fields["ho_ten"] == (syll.pages[0], o.ho_ten)
    text = " ".join(_page_text(pdf, p) for p in syll.pages)
    for key in ("ngay_sinh", "so_cccd", "dan_toc"):
        assert key in syll.fields
    assert o.so_cccd in text or o.so_cmnd in text
    qd_text = " ".join(_page_text(pdf, p) for p in qd.pages)
    assert "QUYẾT ĐỊNH" in qd_text and "321/QĐ-" in qd_text
    assert qd.fields["so_ky_hieu"][1] == decision.so_ky_hieu
    assert f"hệ số {decision.truth['he_so_luong'].replace('.', ',')}" in qd_text
    allowed = {k for (t, k) in field_specs() if t == "so_yeu_ly_lich"}
    assert set(syll.fields) <= allowed


GOLDEN = Path(__file__).resolve().parents[2] / "samples" / "golden"


def test_golden_set_is_small_and_valid():
    files = sorted(p for p in GOLDEN.iterdir() if not p.name.endswith(".json"))
    assert 5 <= len(files) <= 7
    assert sum(p.stat().st_size for p in GOLDEN.iterdir()) <= 3 * 1024 * 1024
    specs = field_specs()
    for path in files:
        truth = _truth(path)
        assert truth["path"] == path.name
        for doc in truth["documents"]:
            assert all((doc["type"], k) in specs for k in doc["fields"])
    manifest = json.loads((GOLDEN / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(f["path"] for f in manifest["files"]) == [p.name for p in files]


def test_cli_writes_files_and_manifest(tmp_path):
    from samples.generate import main

    assert main(["--out", str(tmp_path), "--seed", "2", "--dossiers", "1",
                 "--variants", "born_digital,jpeg"]) == 0
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 2 and manifest["files"]
    for entry in manifest["files"]:
        assert (tmp_path / entry["path"]).is_file()
        assert entry["variant"] in ("born_digital", "jpeg", "clean")
    with pytest.raises(SystemExit):
        main(["--out", str(tmp_path), "--variants", "polaroid"])
