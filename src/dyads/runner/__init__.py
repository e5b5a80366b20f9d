"""Runners: annotate a stream of read items in this process, in local processes, or on Dask.

Every runner cuts the input into shards (``shard_size`` items, read lazily), keeps a bounded
number of shards in flight, and runs the same worker functions (:mod:`dyads.runner.worker`) on
them, so all runners give the same answer. Two entry points:

* :func:`annotate` yields annotated ``Article`` / ``ReadError`` items in input order
  (``dyads code``);
* :func:`annotate_to_arrow` yields :class:`ArrowShard` results as they complete: each holds the
  Arrow tables a worker built with the store's converter, for the single writer to load
  (``dyads ingest``). Workers never open the DuckDB file.

>>> from dyads.io.readers import read_inputs
>>> for item in annotate(read_inputs(["news.jsonl.gz"]), workers=2):  # doctest: +SKIP
...     print(item.id, len(item.events))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from dyads.errors import RunnerError
from dyads.io.readers import Item
from dyads.runner.base import SHARD_SIZE, Runner, RunStats, shards
from dyads.runner.inprocess import InProcessRunner
from dyads.runner.progress import track
from dyads.runner.worker import Convert, ShardStats, Tables, aligned, annotate_shard, arrow_shard, resolve_model

__all__ = [
    "SHARD_SIZE",
    "ArrowShard",
    "InProcessRunner",
    "RunStats",
    "Runner",
    "ShardStats",
    "annotate",
    "annotate_inprocess",
    "annotate_to_arrow",
    "make_runner",
    "shards",
    "worker_count",
]


@dataclass(frozen=True, slots=True)
class ArrowShard:
    """One shard's result for the writer: Arrow tables by name, and what the shard cost."""

    tables: Tables
    stats: ShardStats


def worker_count(workers: int | None, dask: bool = False) -> int:
    """The number of workers the flags ask for: None -> 1 (or one per core with --dask), 0 -> cores."""
    cores = os.cpu_count() or 1
    if workers is None:
        return cores if dask else 1
    if workers < 0:
        raise RunnerError("E090", value=workers)
    return workers or cores


def make_runner(model: str | None = None, workers: int | None = None, dask: bool = False,
                scheduler: str | None = None, event_model: bool = True) -> Runner:
    """The runner for the CLI flags: ``--scheduler`` > ``--dask`` > ``--workers N`` (N > 1) > in-process.

    Use it as a context manager (it owns processes or a cluster connection)."""
    n = worker_count(workers, dask)
    model = resolve_model(model)
    if scheduler or dask:
        from dyads.runner.dask import DaskRunner

        return DaskRunner(model=model, workers=n, scheduler=scheduler, event_model=event_model)
    if n > 1:
        from dyads.runner.local import LocalRunner

        return LocalRunner(n, model=model, event_model=event_model)
    return InProcessRunner(model, event_model)


def _run(task: Callable[..., Any], items: Iterable[Item], runner: Runner | None, flags: dict[str, Any],
         shard_size: int, ordered: bool) -> Iterator[Any]:
    own = runner is None
    active = make_runner(**flags) if runner is None else runner
    try:
        yield from active.map(task, shards(items, shard_size), ordered=ordered)
    finally:
        if own:
            active.close()


def annotate(items: Iterable[Item], model: str | None = None, workers: int | None = None,
             dask: bool = False, scheduler: str | None = None, *, runner: Runner | None = None,
             shard_size: int = SHARD_SIZE, stats: RunStats | None = None, progress: bool = False,
             batch_size: int = 16, total: int | None = None, event_model: bool = True) -> Iterator[Item]:
    """Annotated items in input order (ReadErrors keep their place), lazily.

    ``workers``/``dask``/``scheduler`` are the CLI flags (see :func:`make_runner`); or pass a
    ``runner`` you manage. ``stats`` collects throughput and per-worker peak memory."""
    worker_count(workers, dask)  # bad flags fail now, not on the first article
    name = resolve_model(model)
    task = partial(annotate_shard, model=name, batch_size=batch_size, event_model=event_model)
    flags = {"model": name, "workers": workers, "dask": dask, "scheduler": scheduler, "event_model": event_model}

    def items_out() -> Iterator[Item]:
        for done, shard_stats in _run(task, items, runner, flags, shard_size, ordered=True):
            if stats is not None:
                stats.add(shard_stats)
            yield from done

    out = items_out()
    if progress:
        out = track(out, lambda it: 1, label="coding", total=total)
    return out


def annotate_to_arrow(items: Iterable[Item], convert: Convert, model: str | None = None,
                      workers: int | None = None, dask: bool = False, scheduler: str | None = None, *,
                      runner: Runner | None = None, shard_size: int = SHARD_SIZE, ordered: bool = False,
                      stats: RunStats | None = None, progress: bool = False,
                      batch_size: int = 16, total: int | None = None,
                      event_model: bool = True) -> Iterator[ArrowShard]:
    """Arrow tables per shard, as they complete (``ordered=True`` for input order).

    ``convert(items) -> {name: pyarrow.Table}`` runs in the worker on the annotated shard (its
    Articles and ReadErrors, in order); it must be a module-level function so it pickles (the
    store's is :func:`dyads.store.to_arrow`: the runner never imports the store). The caller, a
    single writer, loads each result."""
    worker_count(workers, dask)
    name = resolve_model(model)
    task = partial(arrow_shard, convert=convert, model=name, batch_size=batch_size, event_model=event_model)
    flags = {"model": name, "workers": workers, "dask": dask, "scheduler": scheduler, "event_model": event_model}

    def shards_out() -> Iterator[ArrowShard]:
        for tables, shard_stats in _run(task, items, runner, flags, shard_size, ordered=ordered):
            if stats is not None:
                stats.add(shard_stats)
            yield ArrowShard(aligned(tables), shard_stats)

    out = shards_out()
    if progress:
        out = track(out, lambda r: r.stats.articles + r.stats.errors, label="ingesting", total=total)
    return out


def annotate_inprocess(items: Iterable[Item], model: str | None = None, batch_size: int = 16,
                       event_model: bool = True) -> Iterator[Item]:
    """Annotate in this process, lazily, in order (the reference for the other runners)."""
    return annotate(items, model=model, batch_size=batch_size, event_model=event_model)

