import hashlib
import zipfile
from pathlib import Path

from ingest.sniff import sniff
from ingest.sources import expand


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")


def _one(paths, tmp_path):
    out = list(expand([str(p) for p in paths], tmp_path / "work"))
    return out


def test_sniff_magic():
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"\x00" * 100 + b"%PDF-1.4") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff(b"II*\x00") == "tiff" and sniff(b"MM\x00*") == "tiff"
    assert sniff(b"PK\x03\x04" + b"\x00" * 26 + b"a.pdf") == "zip"
    assert sniff(b"hello") == "unknown"


def test_missing_and_empty(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    missing, zero = _one([tmp_path / "nope.pdf", empty], tmp_path)
    assert missing.errors == ["file not found"] and missing.path is None
    assert zero.errors == ["empty file"]


def test_docx_named_pdf(tmp_path):
    fake = tmp_path / "report.pdf"
    _docx(fake)
    (src,) = _one([fake], tmp_path)
    assert src.kind == "unknown"
    assert src.errors == ["not a supported document (PDF, PNG, JPEG, TIFF, ZIP): looks like a Word document"]


def test_hash_and_size(tmp_path):
    f = tmp_path / "a.pdf"
    data = b"%PDF-1.4\n" + b"x" * 3_000_000
    f.write_bytes(data)
    (src,) = _one([f], tmp_path)
    assert src.sha256 == hashlib.sha256(data).hexdigest() and src.size == len(data)
    assert src.kind == "pdf" and not src.errors


def test_folder_in_name_order(tmp_path):
    d = tmp_path / "dossier"
    (d / "sub").mkdir(parents=True)
    for name in ["b.pdf", "a.png", "sub/c.pdf", "notes.txt"]:
        (d / name).write_bytes(b"%PDF-1.4 x")
    srcs = _one([d], tmp_path)
    assert [s.display_path for s in srcs] == [str(d / "a.png"), str(d / "b.pdf"), str(d / "sub/c.pdf")]


def test_zip_members_and_unsafe(tmp_path):
    z = tmp_path / "batch.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("b.pdf", b"%PDF-1.4 b")
        zf.writestr("a.pdf", b"%PDF-1.4 a")
        zf.writestr("../evil.pdf", b"%PDF-1.4 evil")
        zf.writestr("/abs.pdf", b"%PDF-1.4 abs")
        zf.writestr("bomb.pdf", b"%PDF-1.4 " + bytes(10_000_000))
        inner = tmp_path / "inner.zip"
        with zipfile.ZipFile(inner, "w") as iz:
            iz.writestr("x.pdf", b"%PDF-1.4")
        zf.write(inner, "nested.zip")
        link = zipfile.ZipInfo("link.pdf")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    srcs = {s.display_path.removeprefix(f"{z}/"): s for s in _one([z], tmp_path)}
    assert list(srcs) == sorted(srcs)
    assert not srcs["a.pdf"].errors and srcs["a.pdf"].path.read_bytes() == b"%PDF-1.4 a"
    assert srcs["a.pdf"].path.is_relative_to(tmp_path / "work")
    assert "../" in srcs["../evil.pdf"].errors[0]
    assert "absolute" in srcs["/abs.pdf"].errors[0]
    assert "100:1" in srcs["bomb.pdf"].errors[0]
    assert srcs["nested.zip"].errors == ["nested archive not supported"]
    assert "symbolic link" in srcs["link.pdf"].errors[0]
    assert not (tmp_path / "evil.pdf").exists() and not (tmp_path / "work" / "evil.pdf").exists()


def test_corrupt_zip(tmp_path):
    z = tmp_path / "bad.zip"
    z.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (src,) = _one([z], tmp_path)
    assert src.errors and "ZIP" in src.errors[0]
