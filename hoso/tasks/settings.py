"""Task-runner settings from the environment: in-process or Celery, broker, window, limits, retries.

The time limits are tied together: a page's hard limit bounds the longest task, the broker's visibility
timeout must exceed it (or a slow page is delivered to a second worker while the first still reads it),
retry back-off stays under the visibility timeout (a delayed retry is an unacknowledged message too), and
work untouched for longer than the visibility timeout is taken as lost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hoso.errors import ConfigError

INPROCESS, CELERY = "inprocess", "celery"


def _number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw}")
    return value


@dataclass(frozen=True, slots=True)
class TaskSettings:
    """How work is run; `from_env` checks the limits against each other."""

    mode: str = INPROCESS  # HOSO_TASKS: inprocess | celery
    broker_url: str = "redis://localhost:6379/0"  # HOSO_BROKER_URL
    window: int = 32  # HOSO_DISPATCH_WINDOW: pages in the broker or on a worker at once, all units together
    page_time_limit: float = 300.0  # HOSO_PAGE_TIME_LIMIT: hard limit of one page task, seconds
    visibility_timeout: float = 1200.0  # HOSO_VISIBILITY_TIMEOUT: an unacked message comes back after this
    restore_interval: float = 10.0  # HOSO_RESTORE_INTERVAL: how often workers look for such messages
    max_retries: int = 8  # HOSO_MAX_RETRIES: transient failures (storage, database) retried this often
    backoff_cap: float = 60.0  # HOSO_BACKOFF_CAP: longest wait between two retries, seconds

    @property
    def soft_time_limit(self) -> float:
        """When a page task is told to stop (and records why) before the hard limit kills it."""
        return max(1.0, self.page_time_limit * 0.9)

    @property
    def stale_after(self) -> float:
        """Work in flight untouched this long is lost (its message or its worker is gone)."""
        return self.visibility_timeout + self.restore_interval

    def backoff(self, retries: int) -> float:
        """Exponential back-off: 1, 2, 4, … seconds, capped (and always below the visibility timeout)."""
        return float(min(self.backoff_cap, 2.0**retries))

    @classmethod
    def from_env(cls) -> TaskSettings:
        """Read HOSO_TASKS, HOSO_BROKER_URL and the limits; ConfigError when they contradict each other."""
        mode = os.environ.get("HOSO_TASKS", INPROCESS).strip().lower() or INPROCESS
        if mode not in (INPROCESS, CELERY):
            raise ConfigError(f"HOSO_TASKS must be {INPROCESS} or {CELERY}, got {mode!r}")
        d = cls()
        s = cls(
            mode=mode,
            broker_url=os.environ.get("HOSO_BROKER_URL", d.broker_url),
            window=int(_number("HOSO_DISPATCH_WINDOW", d.window)),
            page_time_limit=_number("HOSO_PAGE_TIME_LIMIT", d.page_time_limit),
            visibility_timeout=_number("HOSO_VISIBILITY_TIMEOUT", d.visibility_timeout),
            restore_interval=_number("HOSO_RESTORE_INTERVAL", d.restore_interval),
            max_retries=int(_number("HOSO_MAX_RETRIES", d.max_retries)),
            backoff_cap=_number("HOSO_BACKOFF_CAP", d.backoff_cap),
        )
        if s.visibility_timeout <= s.page_time_limit:
            raise ConfigError(
                f"HOSO_VISIBILITY_TIMEOUT ({s.visibility_timeout:g} s) must exceed HOSO_PAGE_TIME_LIMIT "
                f"({s.page_time_limit:g} s), or a slow page would run on two workers at once"
            )
        if s.backoff_cap >= s.visibility_timeout:
            raise ConfigError("HOSO_BACKOFF_CAP must stay below HOSO_VISIBILITY_TIMEOUT")
        return s
