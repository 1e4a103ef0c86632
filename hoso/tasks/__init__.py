"""The pipeline as Celery tasks (HOSO_TASKS=celery): the Celery app lives in hoso.tasks.app.

Importing this package loads nothing from Celery: the dispatch policy (fairness) and the settings are
plain Python, used by the database layer and the CLI as well as by the workers.
"""
