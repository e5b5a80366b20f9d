"""What the routes share: the per-app settings (one per app, no module-level state) and the
request helpers that need them."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request

from dyads.api import queries
from dyads.api.db import StoreHandle
from dyads.api.schemas import CodeRequest
from dyads.errors import InputError, NotFound
from dyads.io.readers import ReadOptions, make_article, valid_date
from dyads.model import Article


@dataclass
class Settings:
    """What the routes need; one per app (no module-level state)."""

    store: StoreHandle
    token: str | None = None
    model: str | None = None
    code_lock: threading.Lock = field(default_factory=threading.Lock)


def settings(request: Request) -> Settings:
    return request.app.state.dyads


def check_known(request: Request, con: Any, *codes: str | None) -> None:
    """A 404 for an actor code the store has no events for."""
    store = settings(request).store
    known = store.memo("actor-codes", con, queries.actor_codes)
    for code in codes:
        if code and not queries.actor_known(known, code):
            raise NotFound("E103", value=code)


def article_from(body: CodeRequest, ident: str, **fields: str | None) -> Article:
    """The Article a request body describes, or a 400."""
    if body.date not in (None, "") and not valid_date(body.date):
        raise InputError("E010", item="date", value=body.date[:40])
    item = make_article(ident, body.text, ReadOptions(date=valid_date(body.date)), title=body.title, **fields)
    if not isinstance(item, Article):
        raise InputError(item.message)
    return item


def code_article(s: Settings, art: Article) -> Article:
    """Code one article with the process's pipeline (one request at a time); a model that cannot be
    loaded is a DataError (503)."""
    from dyads.annotate.pipeline import get_pipeline

    with s.code_lock:  # one spaCy pipeline per process; keep its use serial
        return get_pipeline(s.model)(art)
