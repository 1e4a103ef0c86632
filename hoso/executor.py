"""Run page jobs serially or in a process pool behind one small interface."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol


class PageExecutor(Protocol):
    """Submit a picklable call, get a future; shut down when done."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]: ...

    def shutdown(self) -> None: ...


class SerialExecutor:
    """Runs each call at once in this process: the embedded default for one core or tests."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        """Run now; failures land in the future like a pool's would."""
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller via the future
            fut.set_exception(exc)
        return fut

    def shutdown(self) -> None:
        """Nothing to release."""


class ProcessExecutor:
    """A pool of worker processes, one page per worker at a time (Tesseract single-threaded)."""

    def __init__(self, workers: int) -> None:
        self._pool = ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        """Queue a call in the pool."""
        return self._pool.submit(fn, *args)

    def shutdown(self) -> None:
        """Stop the workers, dropping queued work."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_executor(workers: int) -> PageExecutor:
    """Serial for one worker, a process pool otherwise."""
    return SerialExecutor() if workers <= 1 else ProcessExecutor(workers)
