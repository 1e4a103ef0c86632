"""A batch through two real Celery workers: every page read exactly once, results equal to the in-process run."""

import json

from sqlalchemy import select

from storage.orm import IngestFileRow, IngestPageRow
from tests.tasks.conftest import GOLDEN, Province, fresh_database, outcome_view


def test_batch_through_two_workers_equals_the_inprocess_run(province, scanned, pg_server, pg_template, tmp_path):
    province.start_workers(2)
    copies = []  # the golden dossier again under other hashes: a 53-page batch, most of it text layer (fast)
    for i in range(9):
        copies.append(tmp_path / f"copy{i}.pdf")
        copies[-1].write_bytes(GOLDEN.read_bytes() + f"\n% copy {i}\n".encode())
    files = [GOLDEN, *copies, *scanned.files]
    done = province.hoso("ingest", *files, "--unit", "SXD", "--json", "--wait", "180")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert sorted(o["status"] for o in lines) == ["ingested"] * len(files), done.stdout

    store = province.store()
    try:
        with store.engine.connect() as conn:
            pages = conn.execute(select(IngestPageRow)).all()
            work = conn.execute(select(IngestFileRow)).all()
        celery_view = outcome_view(store)
    finally:
        store.dispose()
    assert len(pages) == 5 * (1 + len(copies)) + len(scanned.files) >= 50
    assert all(p.state == "done" and p.attempts == 1 for p in pages), [(p.number, p.state, p.attempts) for p in pages]
    assert {p.worker for p in pages} == {"w1@test", "w2@test"}  # both workers read pages
    assert all(w.state == "done" and w.error is None for w in work)

    # the same files read in-process (HOSO_TASKS=inprocess), into another database: the same decisions
    (tmp_path / "ref").mkdir()
    reference = Province(fresh_database(pg_server, pg_template, "reference"), tmp_path / "ref", "", [scanned.record])
    reference.env["HOSO_TASKS"] = "inprocess"
    assert reference.hoso("ingest", *files, "--unit", "SXD", "--json").returncode == 0
    ref_store = reference.store()
    try:
        print(json.dumps(celery_view, ensure_ascii=False, default=str)[:3000])
        assert outcome_view(ref_store) == celery_view
    finally:
        ref_store.dispose()
    assert celery_view[lines[0]["sha256"]]["flags"][0][:3] == ("he_so_luong", "3.00", "3.33")
