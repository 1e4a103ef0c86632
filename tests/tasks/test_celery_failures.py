"""Failures of real processes mid-batch: a worker SIGKILLed, Redis restarted, the database away for seconds."""

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
        time.sleep(5)
        own_pg.start()
        wait_all_done(province.url, files, 120)
        assert_no_duplicates(province.url)
        logs = "".join(w.path.read_text(errors="replace") for w in province.workers)
        assert "database error" in logs and "retry 1 in" in logs  # the outage was seen and retried
    finally:
        province.close()
