"""Progress on stderr while a run streams: articles, articles/s and, when the total is known
ahead (:func:`dyads.io.readers.count_items`), the share done and the time left.

On a terminal a rich progress bar (transient); elsewhere (batch jobs, logs, a pipe) one plain line
every ``interval`` seconds and a summary at the end, so a cluster job's log shows its rate.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def track(results: Iterable[T], count: Callable[[T], int], label: str = "coding",
          stream: TextIO | None = None, interval: float = 30.0, total: int | None = None) -> Iterator[T]:
    """Yield ``results`` unchanged, counting ``count(r)`` articles per result (of ``total``)."""
    out = stream or sys.stderr
    if out.isatty():
        yield from _rich(results, count, label, out, total)
        return
    started = last = time.monotonic()
    done = 0
    for r in results:
        done += count(r)
        yield r
        now = time.monotonic()
        if now - last >= interval:
            print(plain_line(label, done, now - started, total), file=out, flush=True)
            last = now
    elapsed = time.monotonic() - started
    if done and elapsed >= interval:
        print(f"{label}: {done:,} articles in {elapsed:.0f} s, {done / elapsed:.1f}/s", file=out, flush=True)


def eta(done: int, elapsed: float, total: int) -> str:
    """'about 3 min left' from the rate so far ('' before any article is done)."""
    if done <= 0 or elapsed <= 0 or done >= total:
        return ""
    left = (total - done) * elapsed / done
    if left < 90:
        return f"about {left:.0f} s left"
    if left < 5400:
        return f"about {left / 60:.0f} min left"
    return f"about {left / 3600:.1f} h left"


def plain_line(label: str, done: int, elapsed: float, total: int | None) -> str:
    """One progress line for a log: 'ingesting: 640 of 2,000 articles (32%), 1.8/s, about 12 min left'."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if total:
        left = eta(done, elapsed, total)
        return (f"{label}: {done:,} of {total:,} articles ({100 * done / total:.0f}%), {rate:.1f}/s"
                + (f", {left}" if left else ""))
    return f"{label}: {done:,} articles, {rate:.1f}/s"


def _rich(results: Iterable[T], count: Callable[[T], int], label: str, out: TextIO,
          total: int | None = None) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    if total:
        cols = [TextColumn(label), BarColumn(bar_width=24), TextColumn("{task.completed:,.0f}/{task.total:,.0f}"),
                TextColumn("{task.fields[rate]:.1f}/s"), TimeElapsedColumn(), TextColumn("left"),
                TimeRemainingColumn()]
    else:
        cols = [TextColumn(label), TextColumn("{task.completed:,.0f} articles"),
                TextColumn("{task.fields[rate]:.1f}/s"), TimeElapsedColumn()]
    started = time.monotonic()
    with Progress(*cols, console=Console(file=out), transient=True) as progress:
        task = progress.add_task(label, total=total or None, rate=0.0)
        done = 0
        for r in results:
            done += count(r)
            yield r
            progress.update(task, completed=done, rate=done / max(time.monotonic() - started, 1e-9))
