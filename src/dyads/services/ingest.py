"""Ingest: read inputs, skip texts the store already holds, code the rest, write in batches.

Coding runs through the runner (in-process, local processes or Dask): workers annotate a shard
and turn it into Arrow tables with :func:`dyads.store.to_arrow`; this process, the only writer,
loads them. Articles are committed ``batch_size`` at a time, so a run that is killed loses at
most one uncommitted batch, and running it again finishes the job (stored texts are skipped
before coding, and the writer never stores a text twice).

The store file is held only while a batch is written (and while stored texts are looked up),
never while articles are coded, so ``dyads serve`` can read it between batches and shows the new
events as they are committed; each open waits up to ``wait`` seconds for a reader to let go (see
docs/store.md, "Sharing a store"). No store is created for a run that stores nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyads.config import DEFAULT_DB
from dyads.errors import StoreError
from dyads.io.losses import Losses
from dyads.io.readers import Item, count_items, read_inputs
from dyads.model import Article
from dyads.runner import SHARD_SIZE, annotate_to_arrow
from dyads.store import db as storedb
from dyads.store.arrow import Tables, concat_tables, content_hash, to_arrow
from dyads.store.writer import Store, WriteResult

BATCH_SIZE = 256  # articles per transaction
LOOKUP_CHUNK = 512  # items checked against the store at once
MAX_MESSAGES = 1000  # error messages kept on the report (all are in the ingest_errors table)


@dataclass(slots=True)
class IngestReport:
    """What a run did."""

    read: int = 0  # input items read (articles and read errors)
    skipped: int = 0  # articles whose text the store held before coding
    coded: int = 0  # articles annotated
    failed: int = 0  # items that could not be read or coded
    batches: int = 0
    written: WriteResult = field(default_factory=WriteResult)
    messages: list[str] = field(default_factory=list)
    lost: Losses = field(default_factory=Losses)  # the failed items: how many, and where the first were

    @property
    def already_stored(self) -> int:
        """Articles not stored because their text was: skipped before coding, or dropped after."""
        return self.skipped + max(0, self.coded - self.written.articles)

    def summary(self) -> str:
        w = self.written
        return (f"{w.articles:,} new article(s) stored with {w.mentions:,} event mention(s) "
                f"({w.events_touched:,} event record(s) added or updated); {self.read:,} read, "
                f"{self.already_stored:,} already stored, {self.lost.describe() or '0 skipped'}")


class StoreSessions:
    """The store at ``path`` opened for one short session at a time (a lookup, a batch's write),
    waiting up to ``wait`` seconds each time for another process to let go of it."""

    def __init__(self, path: str | Path, threads: int | None = None, wait: float = storedb.LOCK_WAIT,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.threads = threads
        self.wait = wait
        self.on_wait = on_wait

    def check(self) -> None:
        """E040/E044 for a file that is not a store we can write, E045 for a folder that is not
        there: before anything is coded. Creates nothing."""
        if self.path.exists():
            with self.open():
                pass
        elif not self.path.parent.is_dir():
            raise StoreError("E045", path=self.path, detail=f"no folder {str(self.path.parent)!r}")

    def open(self) -> Store:
        return Store.open(self.path, threads=self.threads, wait=self.wait, on_wait=self.on_wait)

    def known(self, hashes: list[str]) -> set[str]:
        if not hashes or not self.path.exists():
            return set()
        with self.open() as store:
            return store.known(hashes)

    def write(self, tables: Tables) -> WriteResult | None:
        """Write one batch; None (and no store created) when it holds no article and there is no store."""
        if not self.path.exists() and not tables["articles"].num_rows:
            return None
        with self.open() as store:
            return store.write(tables)


def skip_stored(items: Iterable[Item], store: Store | StoreSessions, report: IngestReport) -> Iterator[Item]:
    """Items minus the Articles whose text the store already holds (they need no coding)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, LOOKUP_CHUNK)):
        report.read += len(chunk)
        hashes = {id(x): content_hash(x.text) for x in chunk if isinstance(x, Article)}
        known = store.known(list(hashes.values()))
        for x in chunk:
            if isinstance(x, Article) and hashes[id(x)] in known:
                report.skipped += 1
                continue
            yield x


def ingest(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB, *, date: str | None = None,
           model: str | None = None, workers: int | None = None, dask: bool = False,
           scheduler: str | None = None, batch_size: int = BATCH_SIZE, progress: bool = False,
           event_model: bool = True,
           on_error: Callable[[str], None] | None = None,
           on_batch: Callable[[IngestReport], None] | None = None,
           wait: float = storedb.LOCK_WAIT, on_wait: Callable[[str], None] | None = None) -> IngestReport:
    """Code the articles in ``paths`` and store them in the store at ``db`` (created if needed).

    ``on_error(message)`` is called for every item that could not be read or coded, and
    ``on_batch(report)`` after every committed batch. ``wait``: seconds each open of the store
    waits for another process (a server answering a request) to let go of it; ``on_wait(message)``
    is told when a wait begins."""
    report = IngestReport()
    parallel = dask or scheduler is not None or workers == 0 or (workers or 1) > 1
    # one DuckDB thread when workers code: the cores are the coders'
    store = StoreSessions(db, threads=1 if parallel else None, wait=wait, on_wait=on_wait)
    store.check()
    paths = list(paths)
    items = skip_stored(read_inputs(paths, date=date), store, report)
    shard_size = max(1, min(batch_size, SHARD_SIZE))
    # In input order: when two inputs hold the same text, the earlier one is stored, whichever
    # worker finishes first, so a resumed run stores exactly what one clean run would.
    total = count_items(paths) if progress else None  # texts already stored are skipped, not counted
    shards = annotate_to_arrow(items, to_arrow, model=model, workers=workers, dask=dask, scheduler=scheduler,
                               shard_size=shard_size, progress=progress, event_model=event_model,
                               ordered=True, total=total)
    pending: list[Tables] = []
    waiting = 0

    def flush() -> None:
        nonlocal waiting
        if pending:
            written = store.write(concat_tables(pending))
            if written is not None:
                report.written += written
            report.batches += 1
            pending.clear()
            waiting = 0
            if on_batch is not None:
                on_batch(report)

    for shard in shards:
        report.coded += shard.stats.articles
        errors = shard.tables["ingest_errors"]
        report.failed += errors.num_rows
        for item, reason in zip(errors.column("item").to_pylist(), errors.column("reason").to_pylist(),
                                strict=True):
            if len(report.messages) < MAX_MESSAGES:
                report.messages.append(reason)
            report.lost.add(item, reason)
            if on_error is not None:
                on_error(reason or item)
        pending.append(shard.tables)
        waiting += shard.tables["articles"].num_rows + errors.num_rows
        if waiting >= batch_size:
            flush()
    flush()
    return report
