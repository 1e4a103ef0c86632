"""What only the S3 store has: multipart uploads, bounded memory, outages of a real server, its settings."""

import hashlib
import io
import time
import tracemalloc
from contextlib import closing

import pytest

from hoso.errors import ConfigError, NotFound, StorageUnavailable
from storage.objects import LocalObjectStore, content_key, default_object_store, page_key
from storage.s3_objects import S3ObjectStore
from storage.s3_settings import S3Settings
from tests.storage.s3_server import ACCESS_KEY, SECRET_KEY, MotoS3Server
from tests.storage.test_storage_objects import OneWayStream

MIB = 1 << 20
PDF = b"%PDF-1.7 quyet dinh nang luong"
SHA = hashlib.sha256(PDF).hexdigest()


def _blob(size):
    """Incompressible, reproducible bytes (a scanned PDF is not a run of zeros)."""
    out, block = bytearray(), hashlib.sha256(b"seed").digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block * 64
    return bytes(out[:size])


def test_large_objects_upload_in_parts(s3_server):
    store = s3_server.store(part_size=5 * MIB)  # the S3 minimum, so 12 MB makes three parts
    try:
        blob = _blob(12 * MIB)
        digest = hashlib.sha256(blob).hexdigest()
        key = store.put(content_key("originals", digest, ".pdf"), io.BufferedReader(OneWayStream(blob)))
        assert store.client.stat_object(store.bucket, key).etag.endswith("-3")  # a 3-part multipart ETag
        info = store.stat(key)
        assert (info.size, info.sha256) == (len(blob), digest)
        with store.open(key) as stream:
            assert hashlib.sha256(stream.read()).hexdigest() == digest
    finally:
        store.close()


def test_put_holds_about_one_part_in_memory(s3_server, tmp_path):
    store = s3_server.store(part_size=5 * MIB)
    source = tmp_path / "scan.pdf"
    source.write_bytes(_blob(40 * MIB))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    try:
        tracemalloc.start()
        with source.open("rb") as stream:
            store.put(content_key("originals", digest, ".pdf"), stream)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        store.close()
    # The SDK copies a part two or three times on its way to the socket: bounded by the part, not the file.
    assert peak < 4 * 5 * MIB, f"peak {peak / MIB:.1f} MiB for a 40 MiB object"


def test_stat_reads_the_stored_digest_and_computes_it_when_absent(s3_store):
    key = s3_store.put("exports/report.pdf", PDF)
    assert s3_store.client.stat_object(s3_store.bucket, key).metadata["x-amz-meta-sha256"] == SHA
    # An object copied in by another tool (mc mirror) has no digest: stat() reads it once.
    s3_store.client.put_object(s3_store.bucket, "exports/mirrored.pdf", io.BytesIO(PDF), len(PDF))
    assert s3_store.stat("exports/mirrored.pdf").sha256 == SHA


def test_content_addressed_put_of_existing_key_uploads_nothing(s3_store):
    key = content_key("originals", SHA, ".pdf")
    s3_store.put(key, PDF)
    first = s3_store.client.stat_object(s3_store.bucket, key).last_modified
    time.sleep(1.1)  # S3 times have one-second resolution
    s3_store.put(key, io.BytesIO(PDF))
    assert s3_store.client.stat_object(s3_store.bucket, key).last_modified == first


def _all_calls(store, key):
    return {
        "put": lambda: store.put("exports/x.json", b"{}"),
        "get": lambda: store.get(key),
        "open": lambda: store.open(key),
        "exists": lambda: store.exists(key),
        "stat": lambda: store.stat(key),
        "list": lambda: list(store.list("originals/")),
    }


def test_stopped_server_is_unavailable_then_works_again(tmp_path):
    server = MotoS3Server(tmp_path / "moto.log").start()
    store = server.store(timeout=2.0, retries=1)
    try:
        key = store.put(content_key("originals", SHA, ".pdf"), PDF)
        server.stop()
        for name, call in _all_calls(store, key).items():
            started = time.monotonic()
            with pytest.raises(StorageUnavailable) as failed:
                call()
            assert failed.value.retryable and time.monotonic() - started < 3, name
        server.start()  # same port; moto keeps buckets in memory, so this server starts empty
        assert not store.exists(key)
        assert store.put(key, PDF) == key and store.get(key) == PDF  # the bucket is re-created on put
    finally:
        store.close()
        server.stop()


def test_hung_server_times_out_then_answers_again(tmp_path):
    server = MotoS3Server(tmp_path / "moto.log").start()
    store = server.store(timeout=1.0, retries=1)
    try:
        key = store.put(content_key("originals", SHA, ".pdf"), PDF)
        server.pause()  # SIGSTOP: connections are accepted by the kernel but never answered
        started = time.monotonic()
        with pytest.raises(StorageUnavailable, match="timed out|Timeout"):
            store.stat(key)
        assert time.monotonic() - started < 5  # (1 retry + 1) × 1 s read timeout plus backoff
        server.resume()
        assert store.get(key) == PDF and store.stat(key).sha256 == SHA
    finally:
        store.close()
        server.stop()


def test_missing_objects_and_bucket_are_not_found(s3_store):
    assert list(s3_store.list()) == [] and not s3_store.exists(page_key(SHA, 1))  # bucket not created yet
    with pytest.raises(NotFound):
        s3_store.get(page_key(SHA, 1))


S3_ENV = {
    "HOSO_S3_ENDPOINT": "http://minio:9000", "HOSO_S3_ACCESS_KEY": "hoso",
    "HOSO_S3_SECRET_KEY": "not-in-repr", "HOSO_S3_BUCKET": "hoso-prod",
}  # fmt: skip


def test_settings_come_from_the_environment_and_hide_the_secret():
    settings = S3Settings.from_env(S3_ENV)
    assert (settings.endpoint, settings.secure, settings.bucket, settings.region) == (
        "minio:9000", False, "hoso-prod", "us-east-1"
    )
    assert "not-in-repr" not in repr(settings)
    tls = S3Settings.from_env({**S3_ENV, "HOSO_S3_ENDPOINT": "s3.tinh.gov.vn", "HOSO_S3_TIMEOUT": "2.5",
                               "HOSO_S3_RETRIES": "0", "HOSO_S3_PUBLIC_URL": "https://anh.tinh.gov.vn"})
    assert (tls.secure, tls.timeout, tls.retries, tls.public_endpoint, tls.public_secure) == (
        True, 2.5, 0, "anh.tinh.gov.vn", True
    )


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"HOSO_S3_SECRET_KEY": ""}, "HOSO_S3_SECRET_KEY"),
        ({"HOSO_S3_SECURE": "maybe"}, "HOSO_S3_SECURE"),
        ({"HOSO_S3_TIMEOUT": "soon"}, "HOSO_S3_TIMEOUT"),
        ({"HOSO_S3_ENDPOINT": "ftp://minio"}, "HOSO_S3_ENDPOINT"),
        ({"HOSO_S3_BUCKET": "Bad_Bucket"}, "HOSO_S3_BUCKET"),
    ],
)
def test_bad_settings_are_config_errors_naming_the_variable(change, named):
    with pytest.raises(ConfigError, match=named):
        S3ObjectStore(S3Settings.from_env({**S3_ENV, **change})).close()


def test_default_store_is_chosen_by_configuration(monkeypatch, s3_server, tmp_path):
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HOSO_OBJECT_STORE", "local")
    assert isinstance(default_object_store(), LocalObjectStore)
    settings = s3_server.settings()
    env = {"ENDPOINT": f"http://{settings.endpoint}", "ACCESS_KEY": ACCESS_KEY, "SECRET_KEY": SECRET_KEY,
           "BUCKET": settings.bucket}  # fmt: skip
    for name, value in env.items():
        monkeypatch.setenv(f"HOSO_S3_{name}", value)
    monkeypatch.setenv("HOSO_OBJECT_STORE", "s3")
    store = default_object_store()
    try:
        assert isinstance(store, S3ObjectStore) and store.prepare().endswith(f"/{settings.bucket}")
        key = store.put(content_key("originals", SHA), PDF)
        with closing(s3_server.store(bucket=settings.bucket)) as other:
            assert other.get(key) == PDF
    finally:
        store.close()
    monkeypatch.setenv("HOSO_OBJECT_STORE", "ftp")
    with pytest.raises(ConfigError, match="HOSO_OBJECT_STORE"):
        default_object_store()


def test_presigned_urls_use_the_public_address_browsers_reach(s3_server):
    store = s3_server.store(public_endpoint="anh.tinh.gov.vn", public_secure=True)
    try:
        url = store.presigned_url(page_key(SHA, 2))
        assert url.startswith(f"https://anh.tinh.gov.vn/{store.bucket}/pages/{SHA[:2]}/{SHA}/0002.png?")
        assert "X-Amz-Expires=3600" in url
    finally:
        store.close()
