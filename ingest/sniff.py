"""Tell a file's type from its first bytes, because extensions on uploaded dossiers lie."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.model import FileKind

HEAD_SIZE = 2048
SUPPORTED = "PDF, PNG, JPEG, TIFF, ZIP"


def sniff(head: bytes) -> FileKind:
    """Kind from magic bytes only; a ZIP that is an Office file is "unknown" (see `describe_unknown`)."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "unknown" if _office_hint(head) else "zip"
    # Searched after the prefixes: a stored PDF member puts "%PDF-" in a ZIP's first kilobyte too.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return "unknown"


_OFFICE_MARKERS = (
    (b"word/", "a Word document"),
    (b"xl/", "an Excel workbook"),
    (b"ppt/", "a PowerPoint presentation"),
    (b"[Content_Types].xml", "an Office document"),
)


def _office_hint(head: bytes) -> str:
    """The first local header names the first member; Office writers put their markers first."""
    for marker, what in _OFFICE_MARKERS:
        if marker in head[30:30 + 300]:
            return what
    return ""


def office_kind(path: Path) -> str:
    """What Office format a ZIP really is ("" if it is a plain archive), from its member names."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""
    if any(n.startswith("word/") for n in names):
        return "a Word document"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint presentation"
    if "[Content_Types].xml" in names:
        return "an Office document"
    return ""


def describe_unknown(head: bytes) -> str:
    """A guess at what an unsupported file is, for the error message."""
    if head.startswith(b"PK\x03\x04"):
        return _office_hint(head) or "an Office document"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Office document (.doc/.xls)"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    if head.startswith(b"BM"):
        return "a BMP image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "a HEIC image"
    try:
        head.decode("utf-8")
        return "a text file"
    except UnicodeDecodeError:
        return "an unknown binary format"


def unsupported_message(what: str) -> str:
    """The one wording used for every unsupported type."""
    return f"not a supported document ({SUPPORTED}): looks like {what}"
