"""The object store for originals, page images, OCR output and PDFs: a small interface, a local folder today.

Keys are relative POSIX paths ("originals/ab/ab12…"); content-addressed keys never change content, so
writing one twice keeps the first copy. Both implementations stream in and out, so neither needs a whole
file in memory: `LocalObjectStore` (the embedded default) and `storage.s3_objects.S3ObjectStore` (MinIO),
chosen by HOSO_OBJECT_STORE in default_object_store().
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from hoso.errors import ConfigError, NotFound, StorageUnavailable, ValidationError
from storage.db import data_dir

CHUNK = 1 << 20  # bytes per read when streaming
_SHA256 = re.compile(r"[0-9a-f]{64}")
KINDS = ("originals", "pages", "ocr", "pdf")  # content-addressed prefixes
OCTET_STREAM = "application/octet-stream"
STORE_ENV = "HOSO_OBJECT_STORE"  # local (default) | s3


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """What stat() reports: size in bytes and the SHA-256 of the content."""

    key: str
    size: int
    sha256: str


class ObjectStore(Protocol):
    """Put, get and list blobs by key; errors are hoso.errors.NotFound and StorageUnavailable."""

    def put(self, key: str, data: bytes | BinaryIO, content_type: str = OCTET_STREAM) -> str: ...
    def get(self, key: str) -> bytes: ...
    def open(self, key: str) -> BinaryIO: ...
    def exists(self, key: str) -> bool: ...
    def stat(self, key: str) -> ObjectInfo: ...
    def list(self, prefix: str = "") -> Iterator[str]: ...
    def presigned_url(self, key: str, expires: timedelta = ...) -> str | None: ...
    def prepare(self) -> str: ...
    def close(self) -> None: ...


def content_key(kind: str, sha256: str, suffix: str = "") -> str:
    """`<kind>/<sha256[:2]>/<sha256><suffix>`, e.g. originals/ab/ab12….pdf; two characters fan out folders."""
    if kind not in KINDS:
        raise ValidationError(f"object kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if not _SHA256.fullmatch(sha256):
        raise ValidationError(f"not a lowercase SHA-256 hex digest: {sha256!r}")
    if suffix and not re.fullmatch(r"(\.[A-Za-z0-9_-]+)+", suffix):
        raise ValidationError(f"bad key suffix {suffix!r}")
    return f"{kind}/{sha256[:2]}/{sha256}{suffix}"


def page_key(document_sha256: str, page: int, suffix: str = ".png") -> str:
    """The image of page `page` (1-based) of a document, derived from the document's hash: idempotent."""
    return f"{content_key('pages', document_sha256)}/{page:04d}{suffix}"


def sha256_of(data: bytes | BinaryIO) -> str:
    """SHA-256 of bytes or of a stream read to its end in chunks."""
    if isinstance(data, bytes | bytearray | memoryview):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    while chunk := data.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def is_content_addressed(key: str) -> bool:
    """True for keys made by content_key()/page_key(): their content is fixed, never overwritten."""
    parts = key.split("/")
    return len(parts) >= 3 and parts[0] in KINDS and bool(_SHA256.fullmatch(parts[2][:64]))


def expected_digest(key: str) -> str | None:
    """The SHA-256 a content_key() promises for its content (page keys name their document, not the page)."""
    parts = key.split("/")
    if len(parts) == 3 and parts[0] in KINDS and _SHA256.fullmatch(parts[2][:64]):
        return parts[2][:64]
    return None


def check_key(key: str) -> str:
    """A relative POSIX key without `..`, `.`, empty parts or a leading slash; else ValidationError."""
    parts = PurePosixPath(key).parts if key else ()
    if not parts or key.startswith("/") or "\\" in key or any(p in ("..", ".") for p in key.split("/")):
        raise ValidationError(f"bad object key {key!r}")
    if "" in key.split("/"):
        raise ValidationError(f"bad object key {key!r}")
    return key


class LocalObjectStore:
    """Objects as files under `root`; writes go to a temporary file renamed into place (atomic)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*check_key(key).split("/"))

    def put(self, key: str, data: bytes | BinaryIO, content_type: str = OCTET_STREAM) -> str:
        """Store `data` under `key`; a content-addressed key that exists already is left as it is."""
        path = self._path(key)
        if is_content_addressed(key) and path.exists():
            return key
        stream = io.BytesIO(data) if isinstance(data, bytes | bytearray | memoryview) else data
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                digest = hashlib.sha256()
                with os.fdopen(fd, "wb") as out:
                    while chunk := stream.read(CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                expected = expected_digest(key)
                if expected is not None and digest.hexdigest() != expected:
                    raise ValidationError(f"content of {key!r} has SHA-256 {digest.hexdigest()}")
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StorageUnavailable(f"cannot write object {key!r}: {exc}") from exc
        return key

    def open(self, key: str) -> BinaryIO:
        """A binary stream of the object; the caller closes it."""
        try:
            return self._path(key).open("rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise NotFound(f"object {key!r} not found") from None
        except OSError as exc:
            raise StorageUnavailable(f"cannot read object {key!r}: {exc}") from exc

    def get(self, key: str) -> bytes:
        """The whole object; prefer open() for large files."""
        with self.open(key) as stream:
            return stream.read()

    def exists(self, key: str) -> bool:
        """True when an object is stored under `key`."""
        return self._path(key).is_file()

    def stat(self, key: str) -> ObjectInfo:
        """Size and SHA-256, computed by streaming the file."""
        with self.open(key) as stream:
            digest = sha256_of(stream)
            return ObjectInfo(key, stream.tell(), digest)

    def list(self, prefix: str = "") -> Iterator[str]:
        """Keys starting with `prefix` (a plain string prefix, as in S3), in sorted order."""
        if not self.root.is_dir():
            return
        # Sorted as strings, not as paths, so the order is the S3 store's ("a-b" before "a/b").
        files = (p for p in self.root.rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))
        keys = (p.relative_to(self.root).as_posix() for p in files)
        yield from sorted(k for k in keys if k.startswith(prefix))

    def presigned_url(self, key: str, expires: timedelta = timedelta(hours=1)) -> str | None:
        """None: a folder has no URL a browser could fetch (file:// is refused from an http:// page).

        Callers fall back to streaming open() through the web app, which the embedded setup serves itself.
        """
        check_key(key)
        return None

    def prepare(self) -> str:
        """Create the folder (`hoso init`); returns where objects live."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageUnavailable(f"cannot create the object folder {self.root}: {exc}") from exc
        return str(self.root)

    def close(self) -> None:
        """Nothing to release: files are opened and closed per call."""


def default_object_store() -> ObjectStore:
    """HOSO_OBJECT_STORE=local (default: folder `objects/` under HOSO_DATA_DIR) or s3 (HOSO_S3_* settings)."""
    kind = os.environ.get(STORE_ENV, "").strip().lower() or "local"
    if kind == "local":
        return LocalObjectStore(data_dir() / "objects")
    if kind in ("s3", "minio"):
        from storage.s3_objects import S3ObjectStore  # the minio SDK loads only when configured
        from storage.s3_settings import S3Settings

        return S3ObjectStore(S3Settings.from_env())
    raise ConfigError(f"{STORE_ENV}: expected local or s3, got {kind!r}")
