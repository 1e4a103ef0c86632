"""Object store contract: every implementation (local folder, S3/MinIO on moto's server) passes the same tests."""

import hashlib
import io
import urllib.request
from datetime import timedelta

import pytest

from hoso.errors import NotFound, StorageUnavailable, ValidationError
from storage.objects import LocalObjectStore, content_key, default_object_store, page_key, sha256_of

PDF = b"%PDF-1.7 so yeu ly lich"
SHA = hashlib.sha256(PDF).hexdigest()


@pytest.fixture(params=["local", "s3"])
def objects(request, tmp_path):
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    return request.getfixturevalue("s3_store")


def test_content_keys_fan_out_by_hash_prefix():
    assert content_key("originals", SHA, ".pdf") == f"originals/{SHA[:2]}/{SHA}.pdf"
    assert page_key(SHA, 3) == f"pages/{SHA[:2]}/{SHA}/0003.png"
    for bad in (("originals", SHA.upper()), ("originals", "abc"), ("secrets", SHA)):
        with pytest.raises(ValidationError):
            content_key(*bad)
    with pytest.raises(ValidationError):
        content_key("pdf", SHA, "/../x")


def test_put_get_open_stat_exists(objects):
    key = content_key("originals", SHA, ".pdf")
    assert not objects.exists(key)
    assert objects.put(key, PDF, "application/pdf") == key
    assert objects.exists(key) and objects.get(key) == PDF
    with objects.open(key) as stream:
        assert stream.read(4) == b"%PDF"
    info = objects.stat(key)
    assert (info.key, info.size, info.sha256) == (key, len(PDF), SHA)


class OneWayStream(io.RawIOBase):
    """A stream that cannot seek (a pipe, an upload body): the store must not need to rewind it."""

    def __init__(self, data):
        self._data = io.BytesIO(data)

    def readable(self):
        return True

    def readinto(self, buffer):
        return self._data.readinto(buffer)


@pytest.mark.parametrize("wrap", [io.BytesIO, OneWayStream], ids=["seekable", "one-way"])
def test_streams_larger_than_one_chunk(objects, wrap):
    blob = bytes(range(256)) * 12_000  # ≈ 3 MB, several chunks
    digest = sha256_of(io.BytesIO(blob))
    key = objects.put(content_key("pdf", digest), wrap(blob), "application/pdf")
    assert objects.stat(key).sha256 == digest and objects.stat(key).size == len(blob)
    with objects.open(key) as stream:
        streamed = hashlib.sha256()
        while chunk := stream.read(1 << 16):
            streamed.update(chunk)
    assert streamed.hexdigest() == digest


def test_content_addressed_objects_are_never_overwritten(objects):
    key = page_key(SHA, 1)
    objects.put(key, b"first rendering", "image/png")
    objects.put(key, b"second rendering", "image/png")
    assert objects.get(key) == b"first rendering"
    other = "exports/backlog.json"  # not content-addressed: the newest version wins
    objects.put(other, b"[1]", "application/json")
    objects.put(other, b"[2]", "application/json")
    assert objects.get(other) == b"[2]"


def test_content_that_does_not_match_its_key_is_refused(objects):
    key = content_key("originals", SHA)
    with pytest.raises(ValidationError):
        objects.put(key, b"something else")
    assert not objects.exists(key) and list(objects.list()) == []


def test_list_by_prefix_is_sorted(objects):
    keys = [page_key(SHA, n) for n in (2, 1, 10)] + [content_key("originals", SHA)]
    for key in keys:
        objects.put(key, PDF if key.startswith("originals") else b"png")
    assert list(objects.list(f"pages/{SHA[:2]}/")) == sorted(keys[:3])
    assert list(objects.list()) == sorted(keys)
    assert list(objects.list("ocr/")) == []


def test_missing_objects_are_not_found(objects):
    key = content_key("ocr", SHA, ".hocr")
    for call in (objects.get, objects.open, objects.stat):
        with pytest.raises(NotFound):
            call(key)


def test_presigned_url_is_fetched_over_http_or_is_none_for_a_folder(objects):
    key = objects.put(content_key("originals", SHA, ".pdf"), PDF, "application/pdf")
    url = objects.presigned_url(key, timedelta(minutes=5))
    if isinstance(objects, LocalObjectStore):
        assert url is None  # a folder has no URL a browser could use: the web app streams open() instead
        return
    assert url.startswith("http://") and "X-Amz-Signature=" in url and "X-Amz-Expires=300" in url
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200 and response.read() == PDF
    # moto does not check signatures (MinIO does), so a tampered URL is not tested here.


def test_s3_presigned_url_lifetime_is_bounded(s3_store):
    for expires in (timedelta(0), timedelta(days=7, seconds=1)):
        with pytest.raises(ValidationError):
            s3_store.presigned_url(page_key(SHA, 1), expires)
    assert s3_store.presigned_url(page_key(SHA, 1), timedelta(days=7)) is not None


def test_prepare_creates_the_location_and_is_idempotent(objects):
    where = objects.prepare()
    assert where == objects.prepare() and list(objects.list()) == []
    objects.put("exports/x.json", b"{}")
    assert objects.prepare() == where and objects.get("exports/x.json") == b"{}"


@pytest.mark.parametrize("key", ["", "../etc/passwd", "pages/../../x", "/abs/key", "a//b", "a/./b", "a\\b"])
def test_keys_that_could_escape_are_refused(objects, key):
    with pytest.raises(ValidationError):
        objects.put(key, b"x")
    with pytest.raises(ValidationError):
        objects.exists(key)


def test_local_store_leaves_no_temporary_files_and_reports_an_unusable_root(tmp_path):
    store = LocalObjectStore(tmp_path / "objects")
    with pytest.raises(ValidationError):
        store.put(content_key("originals", SHA), b"wrong content")
    assert [p for p in (tmp_path / "objects").rglob("*") if p.is_file()] == []
    blocked = tmp_path / "not-a-dir"
    blocked.write_bytes(b"")
    with pytest.raises(StorageUnavailable):
        LocalObjectStore(blocked).put("exports/x.json", b"{}")


def test_default_store_lives_under_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    store = default_object_store()
    key = store.put(content_key("originals", SHA), PDF)
    assert (tmp_path / "objects" / "originals" / SHA[:2] / SHA).read_bytes() == PDF and store.exists(key)
