"""Dask distributed: ``--dask --workers N`` starts a LocalCluster, ``--scheduler tcp://...`` joins
an existing cluster (dask-jobqueue, Kubernetes, ``dask scheduler`` by hand).

Workers load the pipeline once (a :class:`PipelinePlugin` at registration, then the cached
``get_pipeline``), run the same worker functions as every other runner, and return annotated
items or Arrow tables; they never open the DuckDB file. Before any work the client checks that
every worker has the same dyads, spaCy, model and data files as itself (E092).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, wait

from dyads.errors import RunnerError
from dyads.runner.base import Future, Runner
from dyads.runner.worker import environment, init_worker, load_pipeline, resolve_model

CONNECT_TIMEOUT = 10.0  # seconds to reach a scheduler
WORKER_TIMEOUT = 120.0  # seconds to wait for a first worker (jobqueue workers may queue a while)
QUIET = logging.getLogger("distributed")


def env_diff(mine: dict[str, str], theirs: dict[str, str]) -> list[str]:
    """What differs between this machine's :func:`environment` and a worker's, one phrase each."""
    return [f"{k} {theirs.get(k, 'missing')!r}, here {v!r}" for k, v in mine.items() if theirs.get(k) != v]


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline and dictionaries once when a worker joins (errors reach the client)."""

    idempotent = True

    def __init__(self, model: str | None, event_model: bool = True) -> None:
        self.model = model
        self.event_model = event_model

    def setup(self, worker: Any) -> None:
        init_worker(self.model, event_model=self.event_model)
        load_pipeline(self.model, self.event_model)


class DaskRunner(Runner):
    """Shards as Dask tasks: on a new LocalCluster (``workers``) or an existing ``scheduler``."""

    def __init__(self, model: str | None = None, workers: int | None = None, scheduler: str | None = None,
                 worker_timeout: float = WORKER_TIMEOUT, connect_timeout: float = CONNECT_TIMEOUT,
                 event_model: bool = True) -> None:
        model = resolve_model(model)
        self._event_model = event_model
        self._cluster: LocalCluster | None = None
        self._threads = (0.0, 1)  # (checked at, total worker threads)
        self._log_level = QUIET.level
        QUIET.setLevel(logging.ERROR)  # Dask's INFO lines would bury dyads's own messages on stderr
        try:
            self._client = self._connect(workers, scheduler, connect_timeout)
            self.address = scheduler or _scheduler_address(self._client)
            self._prepare(model, worker_timeout)
        except BaseException:
            self.close()
            raise

    def _connect(self, workers: int | None, scheduler: str | None, connect_timeout: float) -> Client:
        if not scheduler:
            self._cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                         dashboard_address=":0", silence_logs=logging.ERROR)
            return Client(self._cluster)
        try:
            return Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise RunnerError("E091", address=scheduler, detail=str(exc) or type(exc).__name__) from exc

    def _prepare(self, model: str | None, worker_timeout: float) -> None:
        try:
            self._client.wait_for_workers(1, timeout=worker_timeout)
        except TimeoutError as exc:
            raise RunnerError("E094", address=self.address, timeout=worker_timeout) from exc
        mine = environment(model)
        try:
            theirs = self._client.run(environment, model)
        except Exception as exc:  # noqa: BLE001 - e.g. dyads not importable on the workers
            raise RunnerError("E092", detail=f"{type(exc).__name__}: {exc}") from exc
        for addr, env in theirs.items():
            if diff := env_diff(mine, env):
                raise RunnerError("E092", detail=f"worker {addr} has " + "; ".join(diff))
        self._client.register_plugin(PipelinePlugin(model, self._event_model),
                                     name=f"dyads-pipeline-{model}{'' if self._event_model else '-no-model'}")

    @property
    def workers(self) -> int:  # type: ignore[override]
        """Worker threads in the cluster now (re-read every few seconds: clusters scale)."""
        checked, n = self._threads
        if time.monotonic() - checked > 5.0:
            n = max(1, sum(self._client.nthreads().values()))
            self._threads = (time.monotonic(), n)
        return n

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        return self._client.submit(fn, *args, pure=False)

    def first_completed(self, pending: deque[Future]) -> set[Future]:
        return set(wait(list(pending), return_when="FIRST_COMPLETED").done)

    def result(self, fut: Future) -> Any:
        try:
            return fut.result()
        except KilledWorker as exc:
            raise RunnerError("E095", detail=str(exc)) from exc

    def close(self) -> None:
        try:
            if hasattr(self, "_client"):
                self._client.close()
            if self._cluster is not None:
                self._cluster.close()
        finally:
            QUIET.setLevel(self._log_level)


def _scheduler_address(client: Any) -> str:
    """The address of the scheduler a connected client talks to."""
    return str(client.scheduler.address)
