"""Failures of real processes mid-batch: a worker SIGKILLed, Redis restarted, the database or the object
store (an S3 server) away for seconds."""

import json
import time
from datetime import UTC, datetime

from tests.tasks.conftest import GOLDEN, Province, assert_no_duplicates, wait_all_done, wait_until, work_rows


def test_worker_killed_mid_page_the_page_is_redelivered_and_finished_once(province, scanned):
    # limits well above a page read on a loaded machine (a time-limit kill would count as a second attempt)
    workers = province.start_workers(2, HOSO_VISIBILITY_TIMEOUT="40", HOSO_PAGE_TIME_LIMIT="30")
    out = province.hoso("ingest", *scanned.files, GOLDEN, "--unit", "SXD", "--json")
    queued = [json.loads(line) for line in out.stdout.splitlines()]
    scan_ids = {o["dossier"] for o in queued[: len(scanned.files)]}

    def reading_a_scan():  # a worker well into a scanned page (reading one takes seconds)
        _, pages = work_rows(province.url)
        now = datetime.now(UTC)
        return next((p for p in pages if p.state == "processing" and p.dossier_id in scan_ids
                     and (now - p.started_at).total_seconds() > 0.3), None)  # fmt: skip

    busy = wait_until(reading_a_scan, 60, "a worker reading a scanned page", poll=0.05)
    killed = next(w for w in workers if f"{w.name}@test" == busy.worker)
    killed.kill()
    _, pages = work_rows(province.url)
    [page] = [p for p in pages if p.state == "processing" and p.worker == f"{killed.name}@test"]

    wait_all_done(province.url, len(queued), 120)
    _, work, pages = assert_no_duplicates(province.url)
    again = next(p for p in pages if (p.dossier_id, p.number) == (page.dossier_id, page.number))
    assert again.attempts == 2 and again.worker != page.worker  # redelivered to the surviving worker
    assert sum(p.attempts for p in pages) == len(pages) + 1  # no other page read twice


def test_redis_restarted_mid_batch_the_batch_completes_after_hoso_retry(province, scanned, redis_server):
    province.start_workers(2)
    out = province.hoso("ingest", GOLDEN, *scanned.files, "--unit", "SXD", "--json")
    files = len(out.stdout.splitlines())
    wait_until(lambda: any(p.state == "done" for p in work_rows(province.url)[1]), 60, "a first page read")
    redis_server.stop()  # every queued and unacknowledged message is gone
    time.sleep(1)
    redis_server.start()

    def snapshot():
        return sorted((p.dossier_id, p.number, p.state, p.attempts) for p in work_rows(province.url)[1])

    def idle():  # nothing read for two seconds: what is left was lost with the broker
        before = snapshot()
        time.sleep(2)
        return all(p[2] != "processing" for p in before) and snapshot() == before

    wait_until(idle, 90, "the workers to go idle", poll=0)
    work, pages = work_rows(province.url)
    unfinished = [w for w in work if w.state != "done"]
    retried = json.loads(province.hoso("retry", "--stale-after", "1", "--json").stdout)
    assert retried["lost"] >= (1 if unfinished else 0)
    wait_all_done(province.url, files, 120)
    assert_no_duplicates(province.url)
    backlog = json.loads(province.hoso("backlog", "--json").stdout)["work"]
    assert backlog["failures"] == [] and backlog["units"][0]["files"]["done"] == files


def test_database_away_for_seconds_tasks_retry_and_finish(own_pg, tmp_path, redis_server, scanned):
    province = Province(own_pg.url + "/hoso", tmp_path, redis_server.url, [scanned.record])
    try:
        province.start_workers(2)
        out = province.hoso("ingest", *scanned.files, GOLDEN, "--unit", "SXD", "--json")
        files = len(out.stdout.splitlines())
        wait_until(lambda: any(p.state == "done" for p in work_rows(province.url)[1]), 60, "a first page read")
        own_pg.stop()
        time.sleep(10)
        own_pg.start()
        wait_all_done(province.url, files, 120)
        assert_no_duplicates(province.url)
        logs = "".join(w.path.read_text(errors="replace") for w in province.workers)
        assert "database error" in logs and "retry 1 in" in logs  # the outage was seen and retried
    finally:
        province.close()


def test_object_store_away_for_ten_seconds_tasks_retry_and_finish(province, scanned, tmp_path):
    from tests.storage.s3_server import MotoS3Server

    moto = MotoS3Server(tmp_path / "moto.log").start()
    try:
        s3 = moto.settings(timeout=2.0, retries=0)
        province.env.update({
            "HOSO_OBJECT_STORE": "s3", "HOSO_S3_ENDPOINT": s3.endpoint, "HOSO_S3_ACCESS_KEY": s3.access_key,
            "HOSO_S3_SECRET_KEY": s3.secret_key, "HOSO_S3_BUCKET": s3.bucket, "HOSO_S3_SECURE": "false",
            "HOSO_S3_TIMEOUT": "2", "HOSO_S3_RETRIES": "0", "HOSO_MAX_RETRIES": "30",
        })  # fmt: skip
        province.start_workers(2)
        out = province.hoso("ingest", GOLDEN, *scanned.files, "--unit", "SXD", "--json")
        files = len(out.stdout.splitlines())
        wait_until(lambda: any(p.state == "done" for p in work_rows(province.url)[1]), 60, "a first page read")
        moto.pause()  # connections hang: every store call times out, as with a MinIO host gone away
        time.sleep(10)
        moto.resume()
        wait_all_done(province.url, files, 180)
        assert_no_duplicates(province.url)
        logs = "".join(w.path.read_text(errors="replace") for w in province.workers)
        retried = [line for line in logs.splitlines() if "retry 1 in" in line]
        assert any("timed out" in line or "object store" in line for line in retried), logs[-3000:]
    finally:
        province.close()
        moto.stop()
