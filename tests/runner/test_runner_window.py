"""Streaming: shards are cut lazily and only a bounded window of them is in flight."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from dyads.model import Article
from dyads.runner import shards
from dyads.runner.local import LocalRunner

NO_MODEL = "no-such-spacy-model"  # the workers' initializer fails quietly: these tasks need no model


def endless(pulled: list[int]) -> Iterator[Article]:
    for n in itertools.count():
        pulled[0] = n + 1
        yield Article(id=f"a{n}", text="x" * (n % 7 + 1))


@pytest.mark.parametrize("size", [1, 3, 64])
def test_runner_shards_are_consecutive_and_lazy(size):
    pulled = [0]
    first = next(shards(endless(pulled), size))
    assert [a.id for a in first] == [f"a{n}" for n in range(size)]
    assert pulled[0] == size


@pytest.mark.parametrize("workers", [2])
def test_runner_local_window_bounds_what_is_read(workers):
    """An endless input: the first result arrives after reading at most window + 1 shards."""
    pulled = [0]
    with LocalRunner(workers, model=NO_MODEL) as runner:
        results = runner.map(len, shards(endless(pulled), 10))
        assert next(results) == 10
        assert pulled[0] <= (runner.window() + 1) * 10
        results.close()


@pytest.mark.parametrize("ordered", [True, False])
def test_runner_local_all_results_ordered_or_not(ordered):
    items = [Article(id=f"a{n}", text="x") for n in range(95)]
    with LocalRunner(2, model=NO_MODEL) as runner:
        sizes = list(runner.map(len, shards(items, 10), ordered=ordered))
    assert sorted(sizes) == [5] + [10] * 9
    if ordered:
        assert sizes == [10] * 9 + [5]
