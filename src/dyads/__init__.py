"""dyads: who did what to whom, from news text. CAMEO/PLOVER event data, offline.

>>> import dyads
>>> art = dyads.code("Russia imposed sanctions on Ukraine.", date="2024-01-17")
>>> [(e.source.code, e.cameo, e.target.code) for e in art.events]
[('RUS', '163', 'UKR')]
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dyads.annotate.pipeline import Pipeline, get_pipeline
from dyads.config import DEFAULT_DB
from dyads.errors import DyadsError, InputError
from dyads.model import Actor, Article, Entity, Event, Quote, Sentence, Span
from dyads.version import __version__

if TYPE_CHECKING:
    from dyads.store import Store

__all__ = [
    "Actor",
    "Article",
    "DyadsError",
    "Entity",
    "Event",
    "Pipeline",
    "Quote",
    "Sentence",
    "Span",
    "code",
    "get_pipeline",
    "open_store",
    "__version__",
]


def code(text: str, date: str | datetime.date | None = None, *, id: str = "text", title: str | None = None,
         model: str | None = None, dictionaries: str | None = None,
         dictionaries_mode: str | None = None, event_model: bool = True) -> Article:
    """Code one text and return the annotated :class:`Article` (events, quotes, entities).
    ``event_model=False`` codes with the rules alone (the CLI's ``--no-model``).

    ``dictionaries``: a folder of PETRARCH/TABARI dictionaries (``*.actors.txt``, ``*.agents.txt``,
    ``*.discards.txt``, ``*.verbs.txt`` or ``CAMEO*.txt``) that extend dyads' own, or replace them
    with ``dictionaries_mode="replace"`` (defaults: $DYADS_DICTIONARIES, $DYADS_DICTIONARIES_MODE).

    ``date``: the publication date, ``"YYYY-MM-DD"`` or a :class:`datetime.date`; anything else
    raises E010 (as ``dyads code --date`` does)."""
    from dyads.io.readers import ReadError, ReadOptions, make_article, valid_date

    if isinstance(date, datetime.date):
        date = date.isoformat()[:10]
    if date is not None and not valid_date(date):
        raise InputError("E010", item="date", value=date)
    item = make_article(id, text, ReadOptions(date=valid_date(date)), title=title)
    if isinstance(item, ReadError):
        raise DyadsError(item.message)
    return get_pipeline(model, dictionaries, dictionaries_mode, event_model)(item)


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (or create) the DuckDB event store at ``path``; see :mod:`dyads.store`.

    >>> with dyads.open_store("dyads.duckdb", read_only=True) as s:  # doctest: +SKIP
    ...     s.dyad("RUS", "PRK", by="month")
    """
    from dyads.store import open_store as _open

    return _open(path, read_only=read_only)
