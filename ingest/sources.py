"""Turn command-line paths (files, folders, ZIPs) into SourceFiles, safely and in a stable order."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ingest.model import SourceFile
from ingest.sniff import HEAD_SIZE, describe_unknown, office_kind, sniff, unsupported_message

CHUNK = 1 << 20
MAX_RATIO = 100
MAX_MEMBER = 500 * 1024 * 1024
MAX_TOTAL = 2 * 1024 * 1024 * 1024
DOC_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".zip"}


def expand(paths: list[str], workdir: Path) -> Iterator[SourceFile]:
    """Files in argument order; folders recursively and ZIP members in name order. Never raises."""
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            yield from _folder(p, workdir)
        else:
            yield from _file(p, arg, workdir)


def _folder(folder: Path, workdir: Path) -> Iterator[SourceFile]:
    # Only files that look like documents by name: a folder also holds notes, thumbnails, .DS_Store.
    files = sorted((f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in DOC_SUFFIXES),
                   key=lambda f: f.relative_to(folder).as_posix())
    for f in files:
        yield from _file(f, str(f), workdir)


def _file(p: Path, display: str, workdir: Path) -> Iterator[SourceFile]:
    src = describe(p, display)
    if src.kind == "zip" and not src.errors:
        yield from _archive(src, workdir)
    else:
        yield src


def describe(p: Path, display: str) -> SourceFile:
    """Size, SHA-256 and kind of one file on disk, with errors for anything unreadable."""
    src = SourceFile(display, p)
    try:
        if not p.exists():
            return _fail(src, "file not found")
        if not p.is_file():
            return _fail(src, "not a regular file")
        src.size = p.stat().st_size
        src.sha256, head = _digest(p)
    except OSError as exc:
        return _fail(src, f"cannot read file: {exc.strerror or exc}")
    if src.size == 0:
        return _fail(src, "empty file")
    src.kind = sniff(head)
    what = office_kind(p) if src.kind == "zip" else ""
    if src.kind == "unknown" or what:
        src.kind = "unknown"
        src.errors.append(unsupported_message(what or describe_unknown(head)))
    return src


def _fail(src: SourceFile, reason: str) -> SourceFile:
    src.path = None
    src.errors.append(reason)
    return src


def _digest(p: Path) -> tuple[str, bytes]:
    h = hashlib.sha256()
    head = b""
    with p.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            if not head:
                head = chunk[:HEAD_SIZE]
            h.update(chunk)
    return h.hexdigest(), head


def _archive(src: SourceFile, workdir: Path) -> Iterator[SourceFile]:
    assert src.path is not None
    try:
        zf = zipfile.ZipFile(src.path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield _fail(src, f"corrupt ZIP archive: {exc}")
        return
    with zf:
        infos = sorted((i for i in zf.infolist() if not i.is_dir()), key=lambda i: i.filename)
        if not infos:
            yield _fail(src, "empty ZIP archive")
            return
        dest_root = Path(workdir) / f"zip-{src.sha256[:16]}"
        total = 0
        for info in infos:
            member = SourceFile(f"{src.display_path}/{info.filename}", None)
            reason = member_problem(info)
            if not reason:
                total += info.file_size
                if total > MAX_TOTAL:
                    reason = "archive expands to more than 2 GB"
            if reason:
                yield _fail(member, reason)
                continue
            yield _extract(zf, info, dest_root, member)


def member_problem(info: zipfile.ZipInfo) -> str:
    """Why a ZIP member must not be extracted ("" when it is safe), judged from its header."""
    name = info.filename
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "unsafe archive member: absolute path"
    if ".." in parts:
        return "unsafe archive member: path escapes the archive (../)"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "unsafe archive member: symbolic link"
    if info.file_size > MAX_MEMBER:
        return f"archive member too large: {info.file_size // (1024 * 1024)} MB expanded (limit 500 MB)"
    if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024 * 1024:
        ratio = info.file_size // max(info.compress_size, 1)
        return f"suspicious archive member: expands {ratio}:1 (limit {MAX_RATIO}:1)"
    return ""


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, root: Path, member: SourceFile) -> SourceFile:
    target = (root / info.filename).resolve()
    if not target.is_relative_to(root.resolve()):
        return _fail(member, "unsafe archive member: path escapes the archive")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy_limited(zf, info, target)
    except _TooLarge as exc:
        return _fail(member, str(exc))
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        return _fail(member, f"cannot extract archive member: {exc}")
    desc = describe(target, member.display_path)
    if desc.kind == "zip":
        desc.kind = "unknown"
        return _fail(desc, "nested archive not supported")
    return desc


class _TooLarge(Exception):
    """The member's real size broke a limit its header did not announce (a lying header)."""


def _copy_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    # Headers can lie about file_size: count the bytes actually written too.
    limit = min(MAX_MEMBER, MAX_RATIO * max(info.compress_size, 1) + 1024 * 1024)
    written = 0
    with zf.open(info) as fin, open(target, "wb") as fout:
        while chunk := fin.read(CHUNK):
            written += len(chunk)
            if written > limit:
                fout.close()
                os.unlink(target)
                raise _TooLarge(f"suspicious archive member: expands beyond {MAX_RATIO}:1 or 500 MB")
            fout.write(chunk)
