"""Batching and an ordered map over futures with a bounded window (flat memory, input order)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Future(Protocol):
    """What both ``concurrent.futures.Future`` and ``distributed.Future`` offer."""

    def result(self) -> Any: ...

    def cancel(self) -> Any: ...


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered(submit: Callable[[list[T]], Future], batches: Iterable[list[T]], window: int) -> Iterator[Any]:
    """Submit ``batches`` with at most ``window`` in flight; yield their results in input order.

    Input is read only as fast as results are taken, so neither the input nor the results
    pile up in memory. Pending work is cancelled if the consumer stops early or a batch fails.
    """
    pending: deque[Future] = deque()
    try:
        for batch in batches:
            pending.append(submit(batch))
            while len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
