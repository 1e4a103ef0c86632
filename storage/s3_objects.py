"""The object store on MinIO (or any S3-protocol server) through the minio SDK, for the scale-out deployment.

Same contract as LocalObjectStore: content-addressed keys are written once and checked against their hash
before anything is uploaded; bodies stream in parts (memory ≈ one part); SDK and network errors become
hoso.errors at one place (`_translated`):

    S3Error NoSuchKey / NoSuchBucket               → NotFound (reads; a put re-creates the bucket)
    S3Error AccessDenied / InvalidAccessKeyId / …  → ConfigError (wrong credentials: retrying cannot help)
    any other S3Error, 5xx, timeouts, refused      → StorageUnavailable (retryable)
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import BinaryIO, cast

import urllib3
from minio import Minio
from minio.error import MinioException, S3Error
from minio.helpers import check_bucket_name
from urllib3.exceptions import HTTPError
from urllib3.util import Retry, Timeout

from hoso.errors import ConfigError, NotFound, StorageUnavailable, ValidationError
from storage.objects import (
    CHUNK,
    OCTET_STREAM,
    ObjectInfo,
    check_key,
    expected_digest,
    is_content_addressed,
    sha256_of,
)
from storage.s3_settings import S3Settings

PART_SIZE = 16 << 20  # bytes per multipart part: larger objects upload in parts, one part in memory at once
SPOOL_IN_MEMORY = 8 << 20  # a non-seekable stream is hashed into a spool file, on disk past this size
SHA256_META = "sha256"  # user metadata (x-amz-meta-sha256) written by put(), read by stat()
MAX_PRESIGN = timedelta(days=7)  # the S3 protocol's limit for a presigned URL
MISSING = ("NoSuchKey", "NoSuchBucket", "NoSuchObject")
DENIED = ("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken")


def http_client(settings: S3Settings) -> urllib3.PoolManager:
    """A connection pool with bounded timeouts and retries (the SDK's own default waits 5 minutes)."""
    retry = Retry(total=settings.retries, backoff_factor=0.2, status_forcelist=(500, 502, 503, 504))
    return urllib3.PoolManager(
        timeout=Timeout(connect=settings.timeout, read=settings.timeout), retries=retry, maxsize=10
    )


@contextmanager
def _translated(action: str, key: str) -> Iterator[None]:
    """The one place where minio and urllib3 errors become hoso.errors."""
    try:
        yield
    except S3Error as exc:
        if exc.code in MISSING:
            raise NotFound(f"object {key!r} not found") from None
        if exc.code in DENIED:
            raise ConfigError(f"refused to {action} {key!r}: {exc.code}; check HOSO_S3_*") from exc
        raise StorageUnavailable(f"cannot {action} object {key!r}: {exc.code}: {exc.message}") from exc
    except (MinioException, HTTPError, OSError) as exc:
        raise StorageUnavailable(f"cannot {action} object {key!r}: {type(exc).__name__}: {exc}") from exc


class _Body(io.RawIOBase):
    """A GET response as a raw stream; close() returns the connection to the pool, as the SDK asks."""

    def __init__(self, response: urllib3.BaseHTTPResponse, key: str) -> None:
        self._response, self._key = response, key

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        with _translated("read", self._key):
            data = self._response.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._response.close()
            self._response.release_conn()
        super().close()


@contextmanager
def _sized(data: bytes | BinaryIO) -> Iterator[tuple[BinaryIO, int, str]]:
    """(stream at its start, length, SHA-256): a seekable stream is hashed in place, another one spooled."""
    if isinstance(data, bytes | bytearray | memoryview):
        yield io.BytesIO(data), len(data), sha256_of(bytes(data))
        return
    if data.seekable():
        start = data.tell()
        digest = sha256_of(data)
        length = data.tell() - start
        data.seek(start)
        yield data, length, digest
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        hasher = hashlib.sha256()
        while chunk := data.read(CHUNK):
            hasher.update(chunk)
            spool.write(chunk)
        length = spool.tell()
        spool.seek(0)
        yield cast(BinaryIO, spool), length, hasher.hexdigest()


class S3ObjectStore:
    """Objects in one bucket of an S3-protocol server (MinIO in production, moto's server in the tests)."""

    def __init__(self, settings: S3Settings, *, part_size: int = PART_SIZE) -> None:
        try:
            check_bucket_name(settings.bucket, strict=True)  # MinIO refuses upper case and underscores
        except ValueError as exc:
            raise ConfigError(f"HOSO_S3_BUCKET: {exc}") from None
        self.settings, self.bucket, self.part_size = settings, settings.bucket, part_size
        self._http = http_client(settings)
        self.client = self._client(settings.endpoint, settings.secure, self._http)
        self._presigner: Minio | None = None

    def _client(self, endpoint: str, secure: bool, http: urllib3.PoolManager | None) -> Minio:
        s = self.settings
        try:
            return Minio(endpoint, s.access_key, s.secret_key, secure=secure, region=s.region,
                         http_client=http)  # fmt: skip
        except ValueError as exc:
            raise ConfigError(f"HOSO_S3_ENDPOINT {endpoint!r}: {exc}") from None

    def close(self) -> None:
        """Close pooled connections (tests run with ResourceWarning as an error)."""
        self._http.clear()

    def prepare(self) -> str:
        """Create the bucket if missing (`hoso init`); returns where objects live."""
        with _translated("create the bucket for", self.bucket):
            self._make_bucket()
        scheme = "https" if self.settings.secure else "http"
        return f"s3 {scheme}://{self.settings.endpoint}/{self.bucket}"

    def _make_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket, location=self.settings.region)
            except S3Error as exc:  # another worker created it in between
                if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise

    def put(self, key: str, data: bytes | BinaryIO, content_type: str = OCTET_STREAM) -> str:
        """Store `data` under `key`; a content-addressed key that exists already is left as it is."""
        check_key(key)
        if is_content_addressed(key) and self.exists(key):
            return key
        with _sized(data) as (stream, length, digest):
            expected = expected_digest(key)
            if expected is not None and digest != expected:
                raise ValidationError(f"content of {key!r} has SHA-256 {digest}")
            start = stream.tell()
            with _translated("write", key):
                try:
                    self._upload(key, stream, length, digest, content_type)
                except S3Error as exc:
                    if exc.code != "NoSuchBucket":
                        raise
                    self._make_bucket()  # a fresh server or volume: the bucket is created when first needed
                    stream.seek(start)
                    self._upload(key, stream, length, digest, content_type)
        return key

    def _upload(self, key: str, stream: BinaryIO, length: int, digest: str, content_type: str) -> None:
        # One part at a time (num_parallel_uploads=1): memory stays at one part per upload and worker.
        self.client.put_object(
            self.bucket, key, stream, length, content_type=content_type, metadata={SHA256_META: digest},
            part_size=self.part_size, num_parallel_uploads=1,
        )  # fmt: skip

    def open(self, key: str) -> BinaryIO:
        """A binary stream of the object, read from the server as it is consumed; the caller closes it."""
        check_key(key)
        with _translated("read", key):
            response = self.client.get_object(self.bucket, key)
        return cast(BinaryIO, io.BufferedReader(_Body(response, key), CHUNK))

    def get(self, key: str) -> bytes:
        """The whole object; prefer open() for large files."""
        with self.open(key) as stream:
            return stream.read()

    def exists(self, key: str) -> bool:
        """True when an object is stored under `key` (one HEAD request)."""
        try:
            self._head(key)
        except NotFound:
            return False
        return True

    def _head(self, key: str) -> tuple[int, str | None]:
        check_key(key)
        with _translated("stat", key):
            obj = self.client.stat_object(self.bucket, key)
        return obj.size or 0, (obj.metadata or {}).get(f"x-amz-meta-{SHA256_META}")

    def stat(self, key: str) -> ObjectInfo:
        """Size and SHA-256: the digest put() verified and stored with the object, else computed by streaming.

        Objects copied in by other tools (`mc mirror` of a local store) carry no digest: they are read once.
        """
        size, digest = self._head(key)
        if digest is None:
            with self.open(key) as stream:
                digest = sha256_of(stream)
        return ObjectInfo(key, size, digest)

    def list(self, prefix: str = "") -> Iterator[str]:
        """Keys starting with `prefix`, in sorted order (S3 lists by UTF-8 byte order = code point order)."""
        with _translated("list", prefix or "/"):
            try:
                for obj in self.client.list_objects(self.bucket, prefix=prefix or None, recursive=True):
                    if obj.object_name is not None:
                        yield obj.object_name
            except S3Error as exc:
                if exc.code != "NoSuchBucket":  # nothing was ever stored
                    raise

    def presigned_url(self, key: str, expires: timedelta = timedelta(hours=1)) -> str | None:
        """A time-limited GET URL a browser can fetch directly (page images in the review UI).

        Computed locally, no request: signed for HOSO_S3_PUBLIC_URL when set (the address browsers reach,
        e.g. http://localhost:9000, rather than the compose-internal minio:9000).
        """
        check_key(key)
        if not timedelta(seconds=1) <= expires <= MAX_PRESIGN:
            raise ValidationError(f"a presigned URL lives 1 s to 7 days, not {expires}")
        with _translated("sign", key):
            return self._signer().presigned_get_object(self.bucket, key, expires=expires)

    def _signer(self) -> Minio:
        s = self.settings
        if s.public_endpoint is None:
            return self.client
        if self._presigner is None:
            secure = s.secure if s.public_secure is None else s.public_secure
            self._presigner = self._client(s.public_endpoint, secure, self._http)
        return self._presigner
