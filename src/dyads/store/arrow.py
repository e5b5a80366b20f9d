"""Annotated articles -> Arrow tables: the pure half of the write path (no DuckDB here).

Workers (local processes, Dask) call :func:`to_arrow` on their shard and return the tables; only
the writer in the main process opens the DuckDB file and loads them (:mod:`dyads.store.writer`).

Keys, computed here so any worker computes the same ones:

* an article's ``hash`` is :func:`content_hash` of its text: the same text is stored once;
* a mention's ``event_key`` is :func:`event_key` of (date, source code, target code, CAMEO code):
  the reports of one event by several articles share it. An event without a full-day date cannot
  be matched across articles, so its key also takes the article's hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.compute as pc

from dyads.io.readers import Item, ReadError
from dyads.io.rows import entity_fields, event_fields, quote_fields
from dyads.model import Article, Event
from dyads.store.schema import ARROW_SCHEMAS, BATCH_TABLES

Tables = dict[str, pa.Table]


def content_hash(text: str) -> str:
    """The dedup key of an article: sha256 of its UTF-8 text, 32 hex digits."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def event_key(date: str | None, source: str | None, target: str | None, cameo: str,
              article_hash: str = "") -> int:
    """The stable id of an event (a non-negative 63-bit integer, GDELT's GLOBALEVENTID).

    Same full date, source code, target code and CAMEO code -> same key, in any process. Dates
    that are missing or only a month/year are not enough to say two reports are one event, so the
    article's hash joins the key for those."""
    parts = [date or "", source or "", target or "", cameo]
    if date is None or len(date) != 10:
        parts.append(article_hash)
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def code_prefix(code: str | None) -> int | None:
    """The first three characters of an actor code as one integer (RUS and RUSGOV -> the same).

    Stored beside the codes so that actor filters compare integers before strings."""
    if not code:
        return None
    return int.from_bytes(code[:3].encode("utf-8")[:3].ljust(3, b"\0"), "big")


def day_of(date: str | None) -> dt.date | None:
    """'2024-03-05' -> that day; '2024-03' -> 2024-03-01; '2024' -> 2024-01-01; else None."""
    if not date:
        return None
    try:
        if len(date) == 10:
            return dt.date.fromisoformat(date)
        if len(date) == 7:
            return dt.date(int(date[:4]), int(date[5:7]), 1)
        if len(date) == 4:
            return dt.date(int(date), 1, 1)
    except ValueError:
        return None
    return None


def publisher(source: str | None, url: str | None) -> str | None:
    """The article's source name, else the host of its URL (without 'www.')."""
    if source:
        return source
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None
        if host:
            return host.removeprefix("www.")
    return None


class _Columns:
    """Column lists for one table, filled row by row, then turned into a typed Arrow table."""

    def __init__(self, name: str) -> None:
        self.schema = ARROW_SCHEMAS[name]
        self.cols: dict[str, list[Any]] = {n: [] for n in self.schema.names}

    def add(self, row: dict[str, Any]) -> None:
        for n, col in self.cols.items():
            col.append(row.get(n))

    def table(self) -> pa.Table:
        return pa.Table.from_pydict(self.cols, schema=self.schema)


def mention_row(art: Article, ev: Event, article_hash: str, article_date: dt.date | None,
                source: str | None) -> dict[str, Any]:
    """One report of an event: the event's fields as this article coded them, and its key."""
    src = ev.source.code if ev.source else None
    tgt = ev.target.code if ev.target else None
    return {
        **event_fields(ev),
        "event_key": event_key(ev.date, src, tgt, ev.cameo, article_hash),
        "article_hash": article_hash, "article_id": art.id, "article_date": article_date,
        "article_source": source, "article_tone": art.tone, "day": day_of(ev.date), "base": ev.cameo[:3],
        "source_prefix": code_prefix(src), "target_prefix": code_prefix(tgt),
    }


def _article_row(art: Article, h: str, date: dt.date | None) -> dict[str, Any]:
    versions = [e.dictionary_version for e in art.events if e.dictionary_version]
    return {
        "hash": h, "id": art.id, "date": date, "title": art.title, "url": art.url, "source": art.source,
        "text": art.text, "tone": art.tone, "num_events": len(art.events),
        "sentences": [{"start": s.start, "end": s.end} for s in art.sentences],
        "errors": list(art.errors),
        "meta": json.dumps(art.meta, ensure_ascii=False, default=str, sort_keys=True) if art.meta else None,
        "dictionary_version": versions[0] if versions else None,
    }


def to_arrow(items: Iterable[Item]) -> Tables:
    """Annotated Articles and ReadErrors -> one Arrow table per stored table (see ``BATCH_TABLES``).

    Pure and picklable by reference: workers call it on their shard. A text seen twice in
    ``items`` is kept once (the first); the writer drops texts the store already holds."""
    out = {name: _Columns(name) for name in BATCH_TABLES}
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            out["ingest_errors"].add({"item": item.item, "reason": item.message})
            continue
        h = content_hash(item.text)
        if h in seen:
            continue
        seen.add(h)
        date = day_of(item.date) if item.date and len(item.date) == 10 else None
        source = publisher(item.source, item.url)
        out["articles"].add(_article_row(item, h, date))
        for ev in item.events:
            out["mentions"].add(mention_row(item, ev, h, date, source))
        for i, q in enumerate(item.quotes):
            out["quotes"].add({"article_hash": h, "article_id": item.id, "quote": i, **quote_fields(q)})
        for i, e in enumerate(item.entities):
            out["entities"].add({"article_hash": h, "article_id": item.id, "entity": i, **entity_fields(e)})
    return {name: cols.table() for name, cols in out.items()}


def empty_tables() -> Tables:
    return {name: schema.empty_table() for name, schema in ARROW_SCHEMAS.items()}


def concat_tables(batches: Sequence[Tables]) -> Tables:
    """Several ``to_arrow`` results as one batch; a text in more than one keeps its first copy."""
    if len(batches) == 1:
        return batches[0]
    seen: set[str] = set()
    parts: dict[str, list[pa.Table]] = {name: [] for name in BATCH_TABLES}
    for batch in batches:
        hashes = batch["articles"].column("hash")
        dup = pa.array(sorted(seen.intersection(hashes.to_pylist())), pa.string())
        seen.update(hashes.to_pylist())
        for name in BATCH_TABLES:
            table = batch[name]
            key = "hash" if name == "articles" else "article_hash"
            if len(dup) and key in table.column_names:
                table = table.filter(pc.invert(pc.is_in(table.column(key), value_set=dup)))
            parts[name].append(table)
    return {name: pa.concat_tables(tables) for name, tables in parts.items()}


def article_count(tables: Tables) -> int:
    return tables["articles"].num_rows
