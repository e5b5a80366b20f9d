"""The in-process runner: the worker functions called directly, one shard at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dyads.runner.base import Runner
from dyads.runner.worker import Shard, load_pipeline, resolve_model


class InProcessRunner(Runner):
    """No extra processes: the reference every other runner must agree with."""

    workers = 1

    def __init__(self, model: str | None = None, event_model: bool = True) -> None:
        load_pipeline(resolve_model(model), event_model)  # fail here (E020) rather than on the first shard

    def map(self, fn: Callable[..., Any], shards: Iterable[Shard], *args: Any, ordered: bool = True) -> Iterator[Any]:
        for shard in shards:
            yield fn(shard, *args)
