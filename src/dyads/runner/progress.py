"""Progress on stderr while a run streams: articles and articles/s.

On a terminal a rich progress line (transient); elsewhere (batch jobs, logs) one plain line every
``interval`` seconds and a summary at the end, so a cluster job's log shows its rate.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def track(results: Iterable[T], count: Callable[[T], int], label: str = "coding",
          stream: TextIO | None = None, interval: float = 30.0) -> Iterator[T]:
    """Yield ``results`` unchanged, counting ``count(r)`` articles per result."""
    out = stream or sys.stderr
    if out.isatty():
        yield from _rich(results, count, label, out)
        return
    started = last = time.monotonic()
    done = 0
    for r in results:
        done += count(r)
        yield r
        now = time.monotonic()
        if now - last >= interval:
            print(f"{label}: {done:,} articles, {done / (now - started):.1f}/s", file=out, flush=True)
            last = now
    elapsed = time.monotonic() - started
    if done and elapsed >= interval:
        print(f"{label}: {done:,} articles in {elapsed:.0f} s, {done / elapsed:.1f}/s", file=out, flush=True)


def _rich(results: Iterable[T], count: Callable[[T], int], label: str, out: TextIO) -> Iterator[T]:
    from rich.console import Console
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    cols = [TextColumn(label), TextColumn("{task.completed:,.0f} articles"),
            TextColumn("{task.fields[rate]:.1f}/s"), TimeElapsedColumn()]
    started = time.monotonic()
    with Progress(*cols, console=Console(file=out), transient=True) as progress:
        task = progress.add_task(label, total=None, rate=0.0)
        done = 0
        for r in results:
            done += count(r)
            yield r
            progress.update(task, completed=done, rate=done / max(time.monotonic() - started, 1e-9))
