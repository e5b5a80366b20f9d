"""The runner interface: map a task over shards of read items, with a bounded window in flight.

A :class:`Runner` knows how to submit one task and how to wait for the first of several; the
window logic (lazy shards, at most ``window`` shards in flight, ordered or as-completed results)
is written once here. Inputs are pulled from the iterator only when there is room, so a 20 GB
``.jsonl.gz`` never sits in memory: at most ``window x shard_size`` articles are in flight.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from dyads.io.readers import Item
from dyads.runner.worker import Shard, ShardStats

SHARD_SIZE = 64


class Future(Protocol):
    """What both ``concurrent.futures.Future`` and ``distributed.Future`` offer."""

    def result(self) -> Any: ...


def shards(items: Iterable[Item], size: int = SHARD_SIZE) -> Iterator[Shard]:
    """Consecutive lists of ``size`` items, read lazily."""
    it = iter(items)
    while block := list(itertools.islice(it, size)):
        yield block


@dataclass
class RunStats:
    """Totals over a run, and the peak memory of every worker process seen (host, pid) -> bytes."""

    shards: int = 0
    articles: int = 0
    errors: int = 0
    words: int = 0
    worker_seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss: dict[tuple[str, int], int] = field(default_factory=dict)
    rss: dict[tuple[str, int], int] = field(default_factory=dict)  # after each worker's latest shard

    def add(self, s: ShardStats) -> None:
        self.shards += 1
        self.articles += s.articles
        self.errors += s.errors
        self.words += s.words
        self.worker_seconds += s.seconds
        self.cpu_seconds += s.cpu_seconds
        key = (s.host, s.pid)
        self.peak_rss[key] = max(self.peak_rss.get(key, 0), s.peak_rss)
        self.rss[key] = s.rss

    @property
    def max_worker_rss(self) -> int:
        return max(self.peak_rss.values(), default=0)


class Runner:
    """Base class: subclasses implement :meth:`submit`, :meth:`first_completed` and :meth:`close`."""

    workers: int = 1

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release processes or the cluster connection."""

    def window(self) -> int:
        """How many shards may be in flight: two per worker, so no worker waits for input."""
        return 2 * max(1, self.workers)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        raise NotImplementedError

    def first_completed(self, pending: deque[Future]) -> set[Future]:
        """Block until at least one of ``pending`` is done; return the done ones."""
        raise NotImplementedError

    def result(self, fut: Future) -> Any:
        """The task's return value; subclasses turn infrastructure failures into DyadsErrors."""
        return fut.result()

    def map(self, fn: Callable[..., Any], shards: Iterable[Shard], *args: Any, ordered: bool = True) -> Iterator[Any]:
        """``fn(shard, *args)`` for every shard: in input order, or as they complete."""
        source = iter(shards)
        pending: deque[Future] = deque()
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < self.window():
                    shard = next(source, None)
                    if shard is None:
                        exhausted = True
                    else:
                        pending.append(self.submit(fn, shard, *args))
                if not pending:
                    return
                if ordered:
                    yield self.result(pending.popleft())
                    continue
                for fut in self.first_completed(pending):
                    pending.remove(fut)
                    yield self.result(fut)
        finally:
            self.cancel(pending)

    def cancel(self, pending: Iterable[Future]) -> None:
        """Drop work still in flight (the consumer stopped early or failed)."""
        for fut in pending:
            cancel = getattr(fut, "cancel", None)
            if cancel is not None:
                cancel()
