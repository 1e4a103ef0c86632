"""Which queued pages go to the workers next: per-unit round-robin inside a bounded window.

Why this and not broker priorities: page messages are never all sent at once. At most `window` pages are
in the broker or on a worker at any moment (HOSO_DISPATCH_WINDOW); the rest wait in the database. Each free
slot goes to the unit with the fewest pages in flight (ties: the unit whose work arrived first), so a unit's
5 pages get the next free slots even behind another unit's 5,000: they wait for at most `window / workers`
page-times, never for the 5,000. Redis has no real priorities (Celery emulates them with extra lists and
polling) and a priority by backlog would still let one huge batch fill the queue first; a window also keeps
the broker small and makes a page dispatched long ago and never finished a sure sign that its message was
lost (see storage.work_queue.sweep_stale).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def fair_order(in_flight: Mapping[str, int], queued: Mapping[str, Sequence[T]], free: int) -> list[T]:
    """Up to `free` items from `queued` (unit → its waiting items, oldest first; units in arrival order).

    Every pick goes to the unit with the fewest items in flight, counting those picked so far.
    """
    heap = [(in_flight.get(unit, 0), order, unit) for order, unit in enumerate(queued) if queued[unit]]
    heapq.heapify(heap)
    taken = {unit: 0 for unit in queued}
    out: list[T] = []
    while heap and len(out) < free:
        load, order, unit = heapq.heappop(heap)
        out.append(queued[unit][taken[unit]])
        taken[unit] += 1
        if taken[unit] < len(queued[unit]):
            heapq.heappush(heap, (load + 1, order, unit))
    return out
