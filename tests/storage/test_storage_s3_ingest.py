"""`hoso init` + `hoso ingest` with HOSO_OBJECT_STORE=s3: the original lands in the bucket, byte for byte."""

import hashlib
import json
from contextlib import closing

import pytest

from hoso.recording import result_key
from storage.objects import content_key
from tests.hoso.test_cli_ingest import GOLDEN, province, run  # noqa: F401 - `province` is a fixture
from tests.storage.s3_server import ACCESS_KEY, SECRET_KEY


@pytest.fixture
def s3_env(s3_server, monkeypatch):
    """The HOSO_S3_* settings of a fresh bucket on the test server, set before `province` runs `hoso init`."""
    settings = s3_server.settings()
    env = {
        "HOSO_OBJECT_STORE": "s3", "HOSO_S3_ENDPOINT": settings.endpoint, "HOSO_S3_SECURE": "false",
        "HOSO_S3_ACCESS_KEY": ACCESS_KEY, "HOSO_S3_SECRET_KEY": SECRET_KEY, "HOSO_S3_BUCKET": settings.bucket,
        "HOSO_S3_RETRIES": "1", "HOSO_S3_TIMEOUT": "5",
    }  # fmt: skip
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return settings


def test_ingest_stores_the_original_and_its_reading_in_the_bucket(s3_env, s3_server, request):
    home = request.getfixturevalue("province")  # after s3_env: `hoso init` must see HOSO_OBJECT_STORE=s3
    with closing(s3_server.store(bucket=s3_env.bucket)) as bucket:
        assert bucket.client.bucket_exists(s3_env.bucket)  # `hoso init` created it
        assert list(bucket.list()) == []
    first = run("ingest", GOLDEN, "--unit", "SXD", "--user", "clerk", "--json")
    assert first.exit_code == 0, first.output
    outcome = json.loads(first.stdout)
    assert outcome["status"] == "ingested" and outcome["state"] == "flagged"

    original = GOLDEN.read_bytes()
    digest = hashlib.sha256(original).hexdigest()
    key = content_key("originals", digest, ".pdf")
    assert outcome["sha256"] == digest
    with closing(s3_server.store(bucket=s3_env.bucket)) as bucket:
        assert list(bucket.list()) == sorted([key, result_key(digest)])  # the original and what was read
        assert bucket.get(key) == original and bucket.stat(key).sha256 == digest
    assert not (home / "data" / "objects").exists()  # nothing went to the local folder

    again = run("ingest", GOLDEN, "--unit", "SXD", "--user", "clerk")
    assert again.exit_code == 0 and "already stored" in again.output
