"""The stages run in-process over ids: idempotent on redelivery, lost work found, retried and shown."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from hoso.cli import app
from hoso.config import ExtractSettings
from hoso.errors import ConfigError
from hoso.intake import queue
from hoso.originals import OriginalCache
from hoso.stages import Runtime, finish, read, split
from hoso.tasks.settings import TaskSettings
from ingest.sources import describe
from matching.config import MatchConfig
from storage import progress, work_queue
from storage.objects import LocalObjectStore
from storage.work_status import work_status
from tests.tasks.conftest import GOLDEN, Province, work_rows


@pytest.fixture
def rt(postgresql_url, tmp_path):
    """The golden officer's province on PostgreSQL, objects where `hoso` run with that env finds them."""
    province = Province(postgresql_url, tmp_path, "")
    objects = LocalObjectStore(tmp_path / "data" / "objects")
    with OriginalCache(objects) as cache:
        runtime = Runtime(province.store(), objects, ExtractSettings(workers=1), MatchConfig(), cache)
        yield runtime
        runtime.store.dispose()


def _queued(rt):
    upload = queue(rt.store, rt.objects, describe(GOLDEN, GOLDEN.name), None, "SXD", "clerk")
    return upload.dossier_id


def test_every_stage_run_twice_changes_nothing(rt):
    dossier = _queued(rt)
    assert split(rt, dossier) == progress.READ
    assert split(rt, dossier) is None  # a redelivered split finds the pages queued
    assert [read(rt, dossier, n, "w1") for n in range(1, 6)] == [False] * 4 + [True]
    assert read(rt, dossier, 3, "w2") is True  # redelivered page: not read again, the fan-in answers again
    first = finish(rt, dossier, "task-1", 60)
    assert first.status == "ingested" and [f.field for f in first.flags] == ["he_so_luong"]
    assert finish(rt, dossier, "task-1", 60) is None and finish(rt, dossier, "task-2", 0) is None
    files, pages = work_rows(rt.store.engine.url.render_as_string(hide_password=False))
    assert [(f.state, f.stage) for f in files] == [("done", "done")]
    assert [(p.number, p.attempts, p.worker) for p in pages] == [(n, 1, "w1") for n in range(1, 6)]
    with rt.store.uow() as uow:
        assert len(uow.flags.for_dossiers([dossier])) == 1


def test_a_second_finisher_waits_while_the_first_holds_the_claim(rt):
    dossier = _queued(rt)
    split(rt, dossier)
    for n in range(1, 6):
        read(rt, dossier, n, "w1")
    now = datetime.now(UTC)
    assert progress.claim_finish(rt.store.engine, dossier, "task-1", now - timedelta(seconds=60)) is not None
    assert progress.claim_finish(rt.store.engine, dossier, "task-2", now - timedelta(seconds=60)) is None
    assert progress.claim_finish(rt.store.engine, dossier, "task-2", now + timedelta(seconds=1)) is not None


def test_lost_page_is_shown_with_its_reason_then_retried_to_the_end(rt, monkeypatch, postgresql_url):
    dossier = _queued(rt)
    split(rt, dossier)
    read(rt, dossier, 1, "w1")
    progress.begin_page(rt.store.engine, dossier, 2, "w1")  # …and that worker died mid-page
    assert work_queue.sweep_stale(rt.store.engine, datetime.now(UTC) + timedelta(seconds=1)) >= 1
    units, failures = work_status(rt.store.engine)
    assert units[0].pages["failed"] == 1 and units[0].files["failed"] == 1
    assert [(f.page, f.attempts) for f in failures] == [(None, 1), (2, 1)]
    assert all(f.error.startswith("lost: ") for f in failures)

    monkeypatch.setenv("HOSO_DATABASE_URL", postgresql_url)
    monkeypatch.setenv("HOSO_DATA_DIR", str(rt.objects.root.parent))
    backlog = json.loads(CliRunner().invoke(app, ["backlog", "--json"]).stdout)["work"]
    assert backlog["failures"][1]["page"] == 2 and "lost" in backlog["failures"][1]["error"]
    out = CliRunner().invoke(app, ["retry", "--dossier", dossier, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["files"] == 1
    files, pages = work_rows(postgresql_url)
    assert [f.state for f in files] == ["done"] and [p.attempts for p in pages] == [1, 2, 1, 1, 1]
    assert CliRunner().invoke(app, ["retry", "--dossier", "nope"]).exit_code == 4


def test_limits_that_contradict_each_other_are_refused(monkeypatch):
    monkeypatch.setenv("HOSO_PAGE_TIME_LIMIT", "600")
    monkeypatch.setenv("HOSO_VISIBILITY_TIMEOUT", "300")
    with pytest.raises(ConfigError, match="must exceed"):
        TaskSettings.from_env()
    monkeypatch.setenv("HOSO_VISIBILITY_TIMEOUT", "900")
    assert TaskSettings.from_env().stale_after > 900
    monkeypatch.setenv("HOSO_TASKS", "threads")
    with pytest.raises(ConfigError, match="HOSO_TASKS"):
        TaskSettings.from_env()
