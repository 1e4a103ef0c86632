"""The Celery application: `celery -A hoso.tasks.app worker -Q ocr,light` runs a worker.

Two queues: `ocr` for page reading (CPU-heavy, one page per worker process at a time) and `light` for
splitting and finishing files (database work, short). Messages carry ids only; no result backend: the
database keeps every file's and page's state (storage.progress). Delivery is at least once — acks late,
a message whose worker died is given back (reject on worker lost, or after the visibility timeout when
the whole worker host died) — and every stage is idempotent, so a second delivery changes nothing.
"""

from __future__ import annotations

from celery import Celery

from hoso.tasks.settings import TaskSettings

OCR_QUEUE, LIGHT_QUEUE = "ocr", "light"
SPLIT_TASK, READ_TASK, FINISH_TASK = "hoso.split_file", "hoso.read_page", "hoso.finish_file"
SWEEP_TASK = "hoso.sweep"


def make_app(settings: TaskSettings | None = None) -> Celery:
    """A Celery app configured from `settings` (default: the environment)."""
    s = settings or TaskSettings.from_env()
    app = Celery("hoso", broker=s.broker_url, include=["hoso.tasks.pipeline"])
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,  # a worker holds only the page it reads: the window stays fair
        task_ignore_result=True,
        task_default_queue=LIGHT_QUEUE,
        task_routes={READ_TASK: {"queue": OCR_QUEUE}},
        task_serializer="json",
        accept_content=["json"],
        broker_transport_options={
            "visibility_timeout": s.visibility_timeout,
            "unacked_restore_interval": s.restore_interval,
            "unacked_restore_throttle": 1,  # restore_interval alone sets how soon a lost message returns
        },
        broker_connection_retry_on_startup=True,
        # a page being read when the broker goes away is finished (idempotent), not abandoned
        worker_cancel_long_running_tasks_on_connection_loss=False,
        beat_schedule={"sweep-lost-work": {"task": SWEEP_TASK, "schedule": s.stale_after}},
        worker_hijack_root_logger=False,
    )
    app.conf.hoso = s
    return app


app = make_app()
