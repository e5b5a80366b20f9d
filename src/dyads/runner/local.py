"""Local worker processes (``--workers N``): a process pool, the pipeline loaded once per worker.

Workers start with ``spawn``, never ``fork``: a forked copy of a process that holds threads (rich,
Dask, DuckDB) can deadlock, and ``forkserver`` leaves its server behind when the parent is killed.
Each worker loads the model in its initializer and exits by itself if the parent dies.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from dyads.errors import RunnerError
from dyads.runner.base import Future, Runner
from dyads.runner.worker import init_worker, resolve_model


class LocalRunner(Runner):
    """``workers`` processes on this machine."""

    def __init__(self, workers: int, model: str | None = None, method: str = "spawn",
                 event_model: bool = True) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                         initializer=init_worker,
                                         initargs=(resolve_model(model), os.getpid(), event_model))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool as exc:
            raise RunnerError("E093", detail=str(exc) or "pool broken") from exc

    def first_completed(self, pending: deque[Future]) -> set[Future]:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)  # type: ignore[arg-type]
        return done  # type: ignore[return-value]

    def result(self, fut: Future) -> Any:
        try:
            return fut.result()
        except BrokenProcessPool as exc:
            raise RunnerError("E093", detail=str(exc) or "a worker exited") from exc

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
