"""Originals in the object store: kept first, and copied to a worker's disk once to be split and read.

A worker reading page 37 of a 5,000-page PDF needs the whole file on disk (pdfium, TIFF frames), so each
worker process keeps a few recent originals in a private temporary folder instead of downloading the
file again for every page.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import OrderedDict
from pathlib import Path
from types import TracebackType
from typing import Self

from ingest.model import FileKind, PageJob, SourceFile
from ingest.pages import plan_pages
from storage.objects import CHUNK, ObjectStore, content_key

KEEP = 8  # originals per worker process: the files whose pages are being read now


def original_key(sha256: str, suffix: str) -> str:
    """Where the original of a file is kept (its suffix lower-cased, e.g. `.pdf`)."""
    return content_key("originals", sha256, suffix.lower())


def store_original(objects: ObjectStore, src: SourceFile) -> str:
    """Keep the uploaded file before anything else happens to it; returns its key."""
    if src.path is None:
        raise ValueError(f"{src.display_path}: no file to store")
    key = original_key(src.sha256, src.path.suffix)
    with src.path.open("rb") as stream:
        objects.put(key, stream)
    return key


class OriginalCache:
    """Local copies of originals and their page plans, newest KEEP kept; close() removes the folder."""

    def __init__(self, objects: ObjectStore, keep: int = KEEP) -> None:
        self.objects = objects
        self.keep = keep
        self._dir: Path | None = None
        self._plans: OrderedDict[str, tuple[Path, list[PageJob], list[str]]] = OrderedDict()

    def plan(self, key: str, sha256: str, kind: str, display_path: str) -> tuple[list[PageJob], list[str]]:
        """The file's page jobs (paths on this machine) and the reasons it cannot be read at all."""
        if key in self._plans:
            self._plans.move_to_end(key)
            return self._plans[key][1], self._plans[key][2]
        path = self._fetch(key)
        kind_: FileKind = kind if kind in ("pdf", "png", "jpeg", "tiff", "zip") else "unknown"  # type: ignore[assignment]
        jobs, errors = plan_pages(SourceFile(display_path, path, kind_, sha256, path.stat().st_size))
        self._plans[key] = (path, jobs, errors)
        while len(self._plans) > self.keep:
            old, _ = self._plans.popitem(last=False)
            self._drop(old)
        return jobs, errors

    def path(self, key: str, sha256: str, kind: str) -> Path:
        """The local copy of the original (fetched and planned once, like its pages)."""
        self.plan(key, sha256, kind, key)
        return self._plans[key][0]

    def job(self, key: str, sha256: str, kind: str, number: int) -> PageJob:
        """The job of page `number` (1-based)."""
        jobs, errors = self.plan(key, sha256, kind, key)
        if not 1 <= number <= len(jobs):
            raise ValueError(f"page {number} of {key}: the file has {len(jobs)} pages {errors or ''}".strip())
        return jobs[number - 1]

    def _fetch(self, key: str) -> Path:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="hoso-originals-"))
        path = self._dir / key.replace("/", "_")
        part = path.with_name(path.name + ".part")
        with self.objects.open(key) as stream, part.open("wb") as out:
            shutil.copyfileobj(stream, out, CHUNK)
        part.replace(path)
        return path

    def _drop(self, key: str) -> None:
        if self._dir is not None:
            (self._dir / key.replace("/", "_")).unlink(missing_ok=True)

    def close(self) -> None:
        """Remove the local copies."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        self._plans.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
