"""The one orchestrator of `extract`: files → pages (in parallel) → documents → fields."""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future
from pathlib import Path

from hoso.config import ExtractSettings
from hoso.documents import assemble
from hoso.executor import make_executor
from hoso.page_reader import read_page
from hoso.result import FileResult
from ingest.pages import plan_pages
from ingest.sources import expand
from ocr.model import PageText

Progress = Callable[[FileResult], None]
PageProgress = Callable[[FileResult, int], None]
"""Called with a file's result and its number of pages read so far, as each page finishes (any thread)."""


def _watch(result: FileResult, futures: list[tuple[int, Future[PageText]]], on_page: PageProgress) -> None:
    done = iter(range(1, len(futures) + 1))  # next() on an iterator is atomic enough across callbacks
    for _, fut in futures:
        fut.add_done_callback(lambda _f: on_page(result, next(done)))


def collect(result: FileResult, pages: Iterable[tuple[int, PageText | BaseException]]) -> FileResult:
    """A file's pages in order (a read page, or why it could not be read) → its errors and documents.

    The one place a file's result is built: the in-process pool and the Celery finish task both call it.
    """
    read: list[PageText] = []
    for number, page in pages:
        if isinstance(page, BaseException):  # one bad page must not sink the file
            result.errors.append(f"page {number}: {page}")
            continue
        result.errors.extend(page.errors)
        read.append(page)
    result.documents = assemble(read)
    return result


def _outcome(fut: Future[PageText]) -> PageText | BaseException:
    try:
        return fut.result()
    except Exception as exc:  # noqa: BLE001 - reported as the page's error
        return exc


def _finish(result: FileResult, futures: list[tuple[int, Future[PageText]]]) -> FileResult:
    """Collect a file's pages in order and build its documents."""
    return collect(result, ((number, _outcome(fut)) for number, fut in futures))


def extract(
    paths: list[str],
    settings: ExtractSettings | None = None,
    on_file: Progress | None = None,
    on_page: PageProgress | None = None,
) -> Generator[FileResult, None, None]:
    """One FileResult per document file, in input order, pages read in parallel."""
    settings = settings or ExtractSettings.from_env()
    executor = make_executor(settings.workers)
    in_flight_limit = max(8, 4 * settings.workers)
    pending: deque[tuple[FileResult, list[tuple[int, Future[PageText]]]]] = deque()

    def ready() -> bool:
        head = pending[0][1]
        in_flight = sum(len(f) for _, f in pending)
        return all(f.done() for _, f in head) or in_flight > in_flight_limit

    try:
        with tempfile.TemporaryDirectory(prefix="hoso-extract-") as tmp:
            for src in expand(paths, Path(tmp)):
                result = FileResult(src.display_path, src.sha256)
                futures: list[tuple[int, Future[PageText]]] = []
                if src.errors or src.path is None:
                    result.errors.extend(src.errors)
                else:
                    jobs, errors = plan_pages(src)
                    result.pages = len(jobs)
                    result.errors.extend(errors)
                    futures = [(j.number, executor.submit(read_page, j, settings)) for j in jobs]
                    if on_page:
                        _watch(result, futures, on_page)
                pending.append((result, futures))
                while pending and ready():
                    done = _finish(*pending.popleft())
                    if on_file:
                        on_file(done)
                    yield done
            while pending:
                done = _finish(*pending.popleft())
                if on_file:
                    on_file(done)
                yield done
    finally:
        executor.shutdown()
