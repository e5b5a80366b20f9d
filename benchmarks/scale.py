"""Scale: articles/s and words/s for 1 and 2 workers, local processes and Dask, and end to end
into DuckDB; peak memory per worker after 1,000 articles and at the end.

    .venv/bin/python benchmarks/scale.py [--n 4000] [--chunk 1000] [--configs local1,local2,dask1,dask2,store2]

Streams the first N articles of ../shared/data/bench/news-corpus.jsonl.gz in chunks of --chunk
articles (only one chunk is held in memory). Every runner is started and warmed up first (model
loaded in each worker), then each chunk is run by every configuration in turn, so a burst of load
from elsewhere on the machine hits all of them alike. Prints per-chunk rates, the medians, the
2-vs-1-worker speed-up (target >= 1.6x on 2 cores), the end-to-end rate into DuckDB (target >= 20
articles/s) and the peak RSS per worker (target <= 1 GiB, flat from 1,000 to N articles).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyads.io.readers import Item, read_inputs
from dyads.runner import Runner, RunStats, annotate, annotate_to_arrow
from dyads.runner.local import LocalRunner

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/bench/news-corpus.jsonl.gz"
MiB = 2**20


@dataclass
class Config:
    name: str
    workers: int
    start: Callable[[], Runner]
    into_store: bool = False
    runner: Runner | None = None
    stats: RunStats = field(default_factory=RunStats)
    rates: list[float] = field(default_factory=list)  # articles/s per chunk
    word_rates: list[float] = field(default_factory=list)
    seconds: float = 0.0
    writer_seconds: float = 0.0  # time this process spent loading DuckDB (store configs)
    peak_after_first: dict[tuple[str, int], int] = field(default_factory=dict)


def dask_runner(workers: int) -> Runner:
    from dyads.runner.dask import DaskRunner

    return DaskRunner(workers=workers)


CONFIGS: dict[str, tuple[int, Callable[[], Runner], bool]] = {
    "local1": (1, lambda: LocalRunner(1), False),
    "local2": (2, lambda: LocalRunner(2), False),
    "dask1": (1, lambda: dask_runner(1), False),
    "dask2": (2, lambda: dask_runner(2), False),
    "store2": (2, lambda: LocalRunner(2), True),  # local processes -> Arrow -> one DuckDB writer
}


def chunks(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while block := list(itertools.islice(items, size)):
        yield block


def warm_up(cfg: Config) -> float:
    """Start the runner and load the model in every worker; returns the seconds it took."""
    from dyads.model import Article

    t = time.perf_counter()
    cfg.runner = cfg.start()
    tiny = [Article(id=f"warm{n}", text="Russia imposed sanctions on Ukraine.") for n in range(4 * cfg.workers)]
    for _ in annotate(tiny, runner=cfg.runner, shard_size=1):
        pass
    return time.perf_counter() - t


class Writer:
    """The single writer, as ``dyads ingest`` runs it: shards' tables gathered into batches of
    about ``batch`` articles, each loaded by ``Store.write`` in one transaction."""

    def __init__(self, path: Path, batch: int = 256) -> None:
        from dyads.store import Store

        self.path = path
        self.batch = batch
        self.store = Store.open(path)
        self.pending: list[dict] = []
        self.waiting = 0

    def load(self, tables: dict) -> None:
        self.pending.append(tables)
        self.waiting += tables["articles"].num_rows
        if self.waiting >= self.batch:
            self.flush()

    def flush(self) -> None:
        from dyads.store import concat_tables

        if self.pending:
            self.store.write(concat_tables(self.pending))
            self.pending.clear()
            self.waiting = 0

    def close(self) -> None:
        self.store.close()


def run_chunk(cfg: Config, block: list[Item], writer: Writer | None) -> tuple[int, int, float]:
    before = (cfg.stats.articles, cfg.stats.words)
    t = time.perf_counter()
    if cfg.into_store and writer is not None:
        from dyads.store import to_arrow

        for shard in annotate_to_arrow(block, convert=to_arrow, runner=cfg.runner, stats=cfg.stats):
            w = time.perf_counter()
            writer.load(shard.tables)
            cfg.writer_seconds += time.perf_counter() - w
        w = time.perf_counter()
        writer.flush()
        cfg.writer_seconds += time.perf_counter() - w
    else:
        for _ in annotate(block, runner=cfg.runner, stats=cfg.stats):
            pass
    dt = time.perf_counter() - t
    return cfg.stats.articles - before[0], cfg.stats.words - before[1], dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=4000, help="articles to run (the first N of the corpus)")
    ap.add_argument("--chunk", type=int, default=1000, help="articles per chunk (each config runs each chunk)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated, from {', '.join(CONFIGS)}")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()

    configs = [Config(name, *CONFIGS[name]) for name in a.configs.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="dyads-scale-"))
    writer = Writer(tmp / "scale.duckdb") if any(c.into_store for c in configs) else None
    try:
        for cfg in configs:
            print(f"{cfg.name}: started and warmed up in {warm_up(cfg):.1f} s", flush=True)
        print(f"\n{'chunk':>5} {'config':>7} {'articles':>8} {'words':>8} {'art/s':>7} {'words/s':>8} "
              f"{'worker RSS MiB now/peak':>23} {'load avg':>8}", flush=True)
        done = 0
        for n, block in enumerate(chunks(iter(itertools.islice(read_inputs([a.corpus]), a.n)), a.chunk), 1):
            for cfg in configs:
                arts, words, dt = run_chunk(cfg, block, writer)
                cfg.seconds += dt
                cfg.rates.append(arts / dt)
                cfg.word_rates.append(words / dt)
                print(f"{n:>5} {cfg.name:>7} {arts:>8} {words:>8} {arts / dt:>7.1f} {words / dt:>8.0f} "
                      f"{max(cfg.stats.rss.values()) / MiB:>14.0f} / {cfg.stats.max_worker_rss / MiB:>6.0f} "
                      f"{os.getloadavg()[0]:>8.1f}", flush=True)
            done += len(block)
            if done <= 1000:
                for cfg in configs:
                    cfg.peak_after_first = dict(cfg.stats.peak_rss)
        report(configs, done)
        if writer is not None:
            counts = writer.store.counts()
            print(f"DuckDB file {writer.path}: {counts.get('articles', 0)} articles, "
                  f"{counts.get('mentions', 0)} event mentions, {counts.get('events', 0)} events")
    finally:
        for cfg in reversed(configs):  # last started, first closed
            if cfg.runner is not None:
                cfg.runner.close()
        if writer is not None:
            writer.close()


def report(configs: list[Config], done: int) -> None:
    by = {c.name: c for c in configs}
    print(f"\n{'config':>7} {'workers':>7} {'articles':>8} {'art/s':>7} {'words/s':>8} {'median art/s':>12} "
          f"{'art/CPU-s':>9} {'CPU use':>7}   peak RSS per worker MiB (first 1000 -> all)")
    for c in configs:
        first = ", ".join(f"{v / MiB:.0f}" for v in c.peak_after_first.values())
        per_worker = ", ".join(f"{v / MiB:.0f}" for v in c.stats.peak_rss.values())
        busy = c.stats.cpu_seconds / (c.seconds * c.workers)  # 1.0 = every worker had a core to itself
        print(f"{c.name:>7} {c.workers:>7} {c.stats.articles:>8} {c.stats.articles / c.seconds:>7.1f} "
              f"{c.stats.words / c.seconds:>8.0f} {statistics.median(c.rates):>12.1f} "
              f"{c.stats.articles / c.stats.cpu_seconds:>9.2f} {busy:>7.0%}   "
              f"{first or '-'} -> {per_worker}")
    for one, two in (("local1", "local2"), ("dask1", "dask2")):
        if one in by and two in by:
            ratios = [b / a for a, b in zip(by[one].rates, by[two].rates, strict=True)]
            total = (by[two].stats.articles / by[two].seconds) / (by[one].stats.articles / by[one].seconds)
            per_cpu = (by[two].stats.articles / by[two].stats.cpu_seconds) / (
                by[one].stats.articles / by[one].stats.cpu_seconds)
            print(f"speed-up {two} vs {one}: {total:.2f}x wall clock, median per chunk "
                  f"{statistics.median(ratios):.2f}x (target >= 1.6x); work per article per worker "
                  f"{1 / per_cpu:.2f}x that of one worker")
    if "store2" in by:
        s = by["store2"]
        print(f"end to end into DuckDB, 2 local workers: {s.stats.articles / s.seconds:.1f} articles/s "
              f"(target >= 20); the writer spent {s.writer_seconds:.1f} s loading DuckDB "
              f"({s.stats.articles / max(s.writer_seconds, 1e-9):.0f} articles/s)")
    worst = max((v for c in configs for v in c.stats.peak_rss.values()), default=0)
    print(f"{done} articles; peak RSS of any worker {worst / MiB:.0f} MiB (target <= 1024); "
          f"1-min load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
