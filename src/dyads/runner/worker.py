"""What runs inside a worker: pure functions from a shard of read items to annotated results.

Every runner (in-process, local processes, Dask) calls these same functions, so every runner
gives the same answer. They load the spaCy pipeline once per process (``dyads.get_pipeline`` is
cached), never touch the store, and never raise for one bad article: a shard that fails as a whole
is retried article by article, and an article that still fails comes back as a ``ReadError``.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dyads.errors import message
from dyads.io.readers import Item, ReadError
from dyads.model import Article

Shard = list[Item]
Tables = dict[str, Any]  # table name -> pyarrow.Table
Convert = Callable[[Sequence[Item]], Tables]

# BLAS/OpenMP pools sized for one core: N workers on N cores must not each start N threads.
SINGLE_THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class ShardStats:
    """What one shard cost, measured in the worker that ran it."""

    host: str
    pid: int
    peak_rss: int  # bytes: the worker process's peak resident memory so far
    rss: int  # bytes: its resident memory after this shard (0 where /proc is missing)
    seconds: float  # wall-clock time in the worker
    cpu_seconds: float  # CPU time of the worker thread: less than ``seconds`` when cores are shared
    articles: int  # annotated articles (read errors not counted)
    errors: int  # read errors and articles that could not be coded
    words: int  # whitespace tokens of the annotated texts


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def peak_rss_bytes() -> int:
    """This process's peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@lru_cache(maxsize=1)
def _pipeline_lock() -> threading.Lock:
    """One lock per process: a spaCy pipeline and its memory zones are not shared between threads."""
    return threading.Lock()


def init_worker(model: str | None, parent: int | None = None, event_model: bool = True) -> None:
    """Process initializer: one BLAS thread, then load the pipeline once (errors surface per task).

    With ``parent`` (the pid of the process that owns the pool), the worker exits when that
    process is gone, even if it was killed with SIGKILL: no orphans holding a model in memory."""
    for var in SINGLE_THREAD_ENV:
        os.environ.setdefault(var, "1")
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="dyads-parent-watch", daemon=True).start()
    try:
        load_pipeline(model, event_model)
    except Exception:  # noqa: BLE001 - the first task raises the same error with its message
        pass


def _exit_with(parent: int, every: float = 1.0) -> None:
    while True:
        time.sleep(every)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to another user's process: ours is gone
            os._exit(1)


def resolve_model(model: str | None) -> str:
    """The model name this process would load; sent to workers so they load the same one (and a
    worker's own ``DYADS_SPACY_MODEL`` does not matter)."""
    from dyads.config import model_name

    return model_name(model)


def load_pipeline(model: str | None, event_model: bool = True) -> Any:
    """The process's pipeline (``get_pipeline`` loads one per model name and process). The trained
    event model is loaded once per process too; its session serves every thread."""
    from dyads.annotate.pipeline import get_pipeline

    return get_pipeline(model, event_model=event_model)


def annotate_items(shard: Shard, model: str | None = None, batch_size: int = 16,
                   event_model: bool = True) -> list[Item]:
    """Annotate the Articles of a shard in order; ReadErrors keep their place untouched, and an
    article that cannot be coded becomes a ReadError naming it (the pipeline's own isolation).
    Inside a spaCy memory zone, so the strings of one shard do not pile up in the vocab."""
    if not any(isinstance(it, Article) for it in shard):
        return list(shard)
    pipeline = load_pipeline(model, event_model)
    with _pipeline_lock():
        zone = getattr(pipeline.nlp, "memory_zone", None)
        if zone is None:
            return list(pipeline.code(shard, batch_size=batch_size))
        with zone():
            return list(pipeline.code(shard, batch_size=batch_size))


def _stats(items: Sequence[Item], started: tuple[float, float]) -> ShardStats:
    arts = [it for it in items if isinstance(it, Article)]
    return ShardStats(
        host=socket.gethostname(),
        pid=os.getpid(),
        peak_rss=peak_rss_bytes(),
        rss=rss_bytes(),
        seconds=time.perf_counter() - started[0],
        cpu_seconds=time.thread_time() - started[1],
        articles=len(arts),
        errors=len(items) - len(arts),
        words=sum(len(a.text.split()) for a in arts),
    )


def annotate_shard(shard: Shard, model: str | None = None, batch_size: int = 16,
                   event_model: bool = True) -> tuple[list[Item], ShardStats]:
    """Task: a shard of items -> the same items annotated, with what it cost."""
    started = time.perf_counter(), time.thread_time()
    items = annotate_items(shard, model, batch_size, event_model)
    return items, _stats(items, started)


def arrow_shard(shard: Shard, convert: Convert, model: str | None = None,
                batch_size: int = 16, event_model: bool = True) -> tuple[Tables, ShardStats]:
    """Task: a shard of items -> Arrow tables made by ``convert`` (the store's ``to_arrow``).

    The worker never opens the DuckDB file; the main process's single writer loads the tables.
    """
    started = time.perf_counter(), time.thread_time()
    items = annotate_items(shard, model, batch_size, event_model)
    try:
        tables = convert(items)
    except Exception:  # noqa: BLE001 - find the article that cannot become rows; the others are stored
        items = [_convertible(it, convert) for it in items]
        tables = convert(items)
    return tables, _stats(items, started)


def _convertible(item: Item, convert: Convert) -> Item:
    """The item, or a ReadError naming an article whose rows cannot be built (E030)."""
    if not isinstance(item, Article):
        return item
    try:
        convert([item])
    except Exception as exc:  # noqa: BLE001
        return ReadError(item.id, message("E030", item=item.id, detail=f"store rows: {exc!r}"[:300]))
    return item


def environment(model: str | None = None) -> dict[str, str]:
    """What decides the answer: dyads, Python, spaCy and model versions and the version of every
    data file. Workers whose environment differs from the client's would code differently."""
    import hashlib
    import importlib.metadata as md

    from dyads.config import model_name
    from dyads.resources import data_version
    from dyads.version import __version__

    def version(dist: str) -> str:
        try:
            return md.version(dist)
        except md.PackageNotFoundError:
            return "not installed"

    name = model_name(model)
    return {
        "dyads": __version__,
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "spacy": version("spacy"),
        "model": f"{name} {version(name)}",
        "data": hashlib.sha256(data_version().encode()).hexdigest()[:16],  # every data file's version and hash
        "dictionaries": _dictionaries(),  # a user's PETRARCH dictionaries (--dictionaries)
    }


def _dictionaries() -> str:
    from dyads.config import dictionaries_mode, dictionaries_path
    from dyads.io.petrarch.directory import folder_version

    folder = dictionaries_path()
    return f"{dictionaries_mode()}:{folder_version(folder)}" if folder else "none"


def aligned(tables: Tables) -> Tables:
    """The same tables with every buffer aligned for its type.

    Tables that crossed the network (Dask frames) can hold buffers at odd addresses, which DuckDB's
    Arrow scan warns about on stderr ("poorly aligned"); those are copied once through Arrow IPC."""
    import pyarrow as pa

    def ok(table: Any) -> bool:
        return all(b is None or b.address % 8 == 0 or b.size < 8
                   for col in table.columns for chunk in col.chunks for b in chunk.buffers())

    opts = pa.ipc.IpcReadOptions(ensure_alignment=pa.ipc.Alignment.DataTypeSpecific)
    out = {}
    for name, table in tables.items():
        if ok(table):
            out[name] = table
            continue
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        out[name] = pa.ipc.open_stream(sink.getvalue(), options=opts).read_all()
    return out
