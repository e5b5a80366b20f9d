"""Keeping a store current from RSS/Atom feeds: the watch loop and what it remembers.

One *round*: read every feed (URL or local file), and for each entry not seen before fetch its
page, extract the article, code it and ingest it. What was seen lives in the store's own DuckDB
file (tables ``web_seen`` and ``web_feeds``), written after the articles they describe, so a
restart neither misses nor repeats an item. A failed feed or page is reported, recorded, and
tried again next round, up to ``max_attempts`` times; the watcher itself keeps running.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from dyads.errors import message
from dyads.io.readers import ReadError, ReadOptions
from dyads.io.web.feeds import Feed, FeedEntry, FeedError, parse_feed
from dyads.io.web.fetch import Fetcher, FetchError, FetchPolicy
from dyads.io.web.html import decode_html, html_article
from dyads.io.web.warc import normalize_url
from dyads.model import Article

log = logging.getLogger("dyads.watch")

MAX_ATTEMPTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")

STATE_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS web_seen (
        key VARCHAR PRIMARY KEY,      -- normalized article URL (else feed guid)
        feed VARCHAR,                 -- the feed it was first seen in
        url VARCHAR,
        title VARCHAR,
        entry_date VARCHAR,           -- the feed's date for the entry (fallback publication date)
        status VARCHAR NOT NULL,      -- 'done' | 'failed' | 'gave_up'
        attempts INTEGER NOT NULL,
        article_id VARCHAR,
        error VARCHAR,
        first_seen TIMESTAMP NOT NULL,
        last_try TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS web_feeds (
        feed VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        last_ok TIMESTAMP,
        last_error VARCHAR,
        last_try TIMESTAMP NOT NULL)""",
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class WatchState:
    """What the watcher has seen, in two tables of a DuckDB connection (the store's own)."""

    def __init__(self, con: Any) -> None:
        self.con = con
        for ddl in STATE_SCHEMA:
            con.execute(ddl)

    def seen_many(self, keys: Sequence[str]) -> dict[str, tuple[str, int]]:
        """Status and attempts of the keys already known."""
        if not keys:
            return {}
        rows = self.con.execute("SELECT key, status, attempts FROM web_seen WHERE list_contains(?, key)",
                                [list(keys)]).fetchall()
        return {k: (st, int(n)) for k, st, n in rows}

    def feed_entries(self, feed: str) -> set[str]:
        """The keys of every entry first seen in ``feed``."""
        return {r[0] for r in self.con.execute("SELECT key FROM web_seen WHERE feed = ?", [feed]).fetchall()}

    def seen(self, key: str) -> tuple[str, int] | None:
        row = self.con.execute("SELECT status, attempts FROM web_seen WHERE key = ?", [key]).fetchone()
        return (row[0], int(row[1])) if row else None

    def pending(self, feed: str) -> list[FeedEntry]:
        """Entries of ``feed`` that failed and are still to be retried (even if the feed dropped them)."""
        rows = self.con.execute("SELECT key, url, title, entry_date FROM web_seen WHERE feed = ? AND status = "
                                "'failed' ORDER BY first_seen, key", [feed]).fetchall()
        return [FeedEntry(key=k, link=u, title=t, date=d) for k, u, t, d in rows]

    def mark_done(self, entry: FeedEntry, feed: str, article_id: str) -> None:
        self._upsert(entry, feed, "done", article_id, None)

    def mark_failed(self, entry: FeedEntry, feed: str, error: str, max_attempts: int) -> int:
        """Record a failure; the number of attempts so far (status 'gave_up' at ``max_attempts``)."""
        self._upsert(entry, feed, "failed", None, error)
        attempts = self.seen(entry.key)[1]  # type: ignore[index]
        if attempts >= max_attempts:
            self.con.execute("UPDATE web_seen SET status = 'gave_up' WHERE key = ?", [entry.key])
        return attempts

    def _upsert(self, entry: FeedEntry, feed: str, status: str, article_id: str | None, error: str | None) -> None:
        now = _now()
        self.con.execute(
            """INSERT INTO web_seen VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET status = excluded.status, attempts = web_seen.attempts + 1,
                 article_id = excluded.article_id, error = excluded.error, last_try = excluded.last_try""",
            [entry.key, feed, entry.link, entry.title, entry.date, status, article_id, error, now, now],
        )

    def retry_failed(self) -> int:
        """Let items that were given up on be tried again; how many."""
        n = self.con.execute("SELECT count(*) FROM web_seen WHERE status = 'gave_up'").fetchone()[0]
        self.con.execute("UPDATE web_seen SET status = 'failed', attempts = 0 WHERE status = 'gave_up'")
        return int(n)

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM web_feeds WHERE feed = ?", [feed]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def feed_result(self, feed: str, etag: str | None = None, last_modified: str | None = None,
                    error: str | None = None) -> None:
        now = _now()
        if error is None:
            self.con.execute(
                """INSERT INTO web_feeds VALUES (?, ?, ?, ?, NULL, ?) ON CONFLICT (feed) DO UPDATE SET
                   etag = excluded.etag, last_modified = excluded.last_modified, last_ok = excluded.last_ok,
                   last_error = NULL, last_try = excluded.last_try""",
                [feed, etag, last_modified, now, now])
        else:
            self.con.execute(
                """INSERT INTO web_feeds VALUES (?, NULL, NULL, NULL, ?, ?) ON CONFLICT (feed) DO UPDATE SET
                   last_error = excluded.last_error, last_try = excluded.last_try""",
                [feed, error, now])

    def counts(self) -> dict[str, int]:
        rows = self.con.execute("SELECT status, count(*) FROM web_seen GROUP BY status").fetchall()
        return {str(s): int(n) for s, n in rows}

    def transaction(self) -> AbstractContextManager[None]:
        from dyads.store.db import transaction

        return transaction(self.con)


class StoreLike(Protocol):
    """What the watcher needs of a store (``dyads.store.Store`` is one)."""

    con: Any

    def ingest(self, items: Sequence[Article]) -> int: ...  # how many articles were new
    def record_errors(self, errors: Sequence[ReadError]) -> None: ...


OpenStore = Callable[[], AbstractContextManager[StoreLike]]
Annotate = Callable[[list[Article]], Iterable[Article | ReadError]]


@dataclass(slots=True)
class RoundReport:
    feeds: int = 0
    feeds_failed: int = 0
    entries: int = 0
    already_seen: int = 0
    fetched: int = 0
    ingested: int = 0
    duplicates: int = 0  # fetched articles whose text the store already held
    failed: int = 0
    gave_up: int = 0
    events: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"round: {self.feeds} feed(s) ({self.feeds_failed} failed), {self.entries} entries; "
                f"{self.ingested} new article(s) with {self.events} event(s), {self.already_seen} seen before, "
                f"{self.duplicates} duplicate text(s), {self.failed} failed ({self.gave_up} given up); "
                f"{self.seconds:.1f}s")


@dataclass(frozen=True, slots=True)
class WatchOptions:
    max_attempts: int = MAX_ATTEMPTS
    max_entries: int = 500  # per feed and round: a runaway feed cannot flood one round
    read: ReadOptions = field(default_factory=ReadOptions)
    once: bool = False  # one round only: failures are retried by the next run, not the next round

    @property
    def later(self) -> str:
        return "tried again on the next run" if self.once else "retried next round"


def parse_duration(value: str, minimum: float = 1.0, option: str = "--every") -> float:
    """'90', '90s', '15m', '1h', '1h30m' -> seconds; ValueError (E074, naming ``option``) otherwise."""
    text = value.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    if re.fullmatch(r"\d+(\.\d+)?", text):
        seconds = float(text)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", text)
        if not parts or "".join(n + u for n, u in parts) != text:
            raise ValueError(message("E074", option=option, value=value, minimum=int(minimum)))
        seconds = sum(float(n) * units[u] for n, u in parts)
    if seconds < minimum:
        raise ValueError(message("E074", option=option, value=value, minimum=int(minimum)))
    return seconds


def _local_path(source: str) -> Path | None:
    """A feed or link that names a local file (a path or file:// URL), else None."""
    parts = urlsplit(source)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme in ("http", "https"):
        return None
    if len(parts.scheme) > 1:  # another scheme (ftp:, mailto:) is not a path; 'C:' is
        return None
    return Path(source)


@dataclass(slots=True)
class _Outcome:
    """One entry's result in a round, written to the store at the end of its feed."""

    entry: FeedEntry
    article: Article | None = None
    error: ReadError | None = None


class Watcher:
    """Reads feeds, fetches new entries' pages, codes them and ingests them into a store.

    The store is opened only for short moments (read what was seen, then write a feed's
    results), never while pages download, so other processes can use the file between them.
    """

    def __init__(self, feeds: Sequence[str], open_store: OpenStore, annotate: Annotate,
                 fetcher: Fetcher | None = None, options: WatchOptions | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.open_store = open_store
        self.annotate = annotate
        self.fetcher = fetcher or Fetcher(FetchPolicy())
        self.options = options or WatchOptions()
        self.report = report or log.warning

    def _say(self, rep: RoundReport, message: str) -> None:
        rep.messages.append(message)
        self.report(message)

    def run_round(self) -> RoundReport:
        """One pass over every feed."""
        started = time.monotonic()
        rep = RoundReport()
        with self.open_store() as store:
            validators = {f: WatchState(store.con).validators(f) for f in self.feeds}
        keys_this_round: set[str] = set()
        for source in self.feeds:
            rep.feeds += 1
            feed, feed_error = self._read_feed(source, validators[source])
            if feed is None:
                rep.feeds_failed += 1
                self._say(rep, f"error: {feed_error} ({self.options.later})")
            else:
                for warning in feed.warnings:
                    self._say(rep, f"warning: {warning}")
            with self.open_store() as store:
                state = WatchState(store.con)
                if feed is None:
                    state.feed_result(source, error=feed_error)
                    store.record_errors([ReadError(source, feed_error or "")])
                else:
                    state.feed_result(source, *self._new_validators(feed, validators[source]))
                retry = state.pending(source)  # failed pages are retried even when the feed is down or unchanged
                entries: list[FeedEntry] = []
                for e in [*(feed.entries if feed is not None else []), *retry]:
                    if e.key not in keys_this_round and len(entries) < self.options.max_entries:
                        keys_this_round.add(e.key)
                        entries.append(e)
                known = state.seen_many([e.key for e in entries])
                if feed is not None and feed.version == "unchanged":
                    # 304: the feed holds what it held last round; count its entries as seen
                    listed = state.feed_entries(source) - {e.key for e in entries} - keys_this_round
                    keys_this_round |= listed
                    rep.entries += len(listed)
                    rep.already_seen += len(listed)
            rep.entries += len(entries)
            todo = [e for e in entries if known.get(e.key, ("", 0))[0] not in ("done", "gave_up")]
            rep.already_seen += len(entries) - len(todo)
            outcomes = [self._fetch(source, e) for e in todo]
            rep.fetched += len(outcomes)
            self._code(outcomes)
            with self.open_store() as store:
                self._write(store, source, outcomes, rep)
        rep.seconds = time.monotonic() - started
        return rep

    # -- feeds -------------------------------------------------------------------------------
    def _read_feed(self, source: str, validators: tuple[str | None, str | None]) -> tuple[Feed | None, str | None]:
        local = _local_path(source)
        try:
            if local is not None:
                if not local.is_file():
                    return None, message("E007", item=source)
                return parse_feed(local.read_bytes(), source), None
            etag, modified = validators
            headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
            resp = self.fetcher.get(source, headers=headers)
            if resp.status == 304:
                return Feed(source=source, title=None, version="unchanged", entries=[],
                            validators=(etag, modified)), None
            feed = parse_feed(resp.content, source, base_url=resp.url, content_type=resp.content_type)
            return Feed(source=feed.source, title=feed.title, version=feed.version, entries=feed.entries,
                        warnings=feed.warnings,
                        validators=(resp.headers.get("etag"), resp.headers.get("last-modified"))), None
        except (FeedError, FetchError) as exc:
            return None, str(exc)
        except OSError as exc:
            return None, message("E065", item=source, detail=f"cannot read it: {exc.strerror or exc}")

    @staticmethod
    def _new_validators(feed: Feed, old: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
        return feed.validators if feed.validators is not None else old

    # -- pages -------------------------------------------------------------------------------
    def _fetch(self, source: str, entry: FeedEntry) -> _Outcome:
        name = entry.link or entry.title or entry.key
        if not entry.link:
            return _Outcome(entry, error=ReadError(name, message("E072", item=name)))
        link = entry.link
        ident = normalize_url(link)
        feed_file = _local_path(source)
        local = _local_path(link) if feed_file is not None else None
        if local is not None:  # a local feed may point at saved pages beside it
            path = local if local.is_absolute() else feed_file.parent / local  # type: ignore[union-attr]
            if not path.is_file():
                return _Outcome(entry, error=ReadError(link, message("E007", item=link)))
            item = html_article(ident, path.read_bytes(), self.options.read, url=link, label=link,
                                date=entry.date, date_label="feed", meta={"feed": source})
            return _Outcome(entry, error=item) if isinstance(item, ReadError) else _Outcome(entry, article=item)
        try:
            resp = self.fetcher.get(link, headers={"Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"})
        except FetchError as exc:
            return _Outcome(entry, error=ReadError(link, str(exc)))
        ctype = resp.content_type.split(";")[0].strip().lower()
        if ctype and ctype not in HTML_TYPES:
            return _Outcome(entry, error=ReadError(link, message("E070", item=link, ctype=ctype)))
        item = html_article(ident, decode_html(resp.content, resp.content_type), self.options.read, url=link,
                            label=link, date=entry.date, date_label="feed", meta={"feed": source})
        if isinstance(item, ReadError):
            return _Outcome(entry, error=item)
        if resp.url != link:
            item.meta["fetched_url"] = resp.url
        return _Outcome(entry, article=item)

    def _code(self, outcomes: list[_Outcome]) -> None:
        todo = [o for o in outcomes if o.article is not None]
        if todo:
            for o, coded in zip(todo, self.annotate([o.article for o in todo]), strict=True):  # type: ignore[misc]
                if isinstance(coded, ReadError):  # it could not be coded: an error for this entry only
                    o.article, o.error = None, coded
                else:
                    o.article = coded

    def _write(self, store: StoreLike, source: str, outcomes: list[_Outcome], rep: RoundReport) -> None:
        """Articles first, then what was seen: a crash in between repeats no article (the store
        skips texts it holds) and loses no item (it is fetched again)."""
        articles = [o.article for o in outcomes if o.article is not None]
        errors = [o.error for o in outcomes if o.error is not None]
        if articles:
            new = store.ingest(articles)
            rep.ingested += new
            rep.duplicates += len(articles) - new
            rep.events += sum(len(a.events) for a in articles)
        if errors:
            store.record_errors(errors)
        state = WatchState(store.con)
        attempts_of: dict[str, int] = {}
        with state.transaction():
            for o in outcomes:
                if o.article is not None:
                    state.mark_done(o.entry, source, o.article.id)
                elif o.error is not None:
                    attempts_of[o.entry.key] = state.mark_failed(o.entry, source, o.error.message,
                                                                 self.options.max_attempts)
        for o in outcomes:
            if o.error is None:
                continue
            rep.failed += 1
            attempts = attempts_of[o.entry.key]
            if attempts >= self.options.max_attempts:
                rep.gave_up += 1
                self._say(rep, "error: " + message("E075", item=o.entry.link or o.entry.key, attempts=attempts,
                                                         detail=o.error.message))
            else:
                self._say(rep, f"error: {o.error.message} (attempt {attempts} of {self.options.max_attempts}; "
                               f"{self.options.later})")


def run_watch(feeds: Sequence[str], db: str | Path, *, every: float = 900.0, once: bool = False,
              policy: FetchPolicy | None = None, max_attempts: int = MAX_ATTEMPTS, model: str | None = None,
              retry_failed: bool = False, report: Callable[[str], None] | None = None,
              sleep: Callable[[float], None] = time.sleep,
              stop: Callable[[], bool] = lambda: False, wait: float | None = None,
              on_wait: Callable[[str], None] | None = None) -> Iterator[RoundReport]:
    """Watch ``feeds`` into the store at ``db``: one :class:`RoundReport` per round, every ``every``
    seconds (start to start), forever unless ``once`` or until ``stop()`` is true. A round that
    fails is reported and the loop goes on; a ``db`` that is not a store stops it at once.

    Every opening of the store waits up to ``wait`` seconds (default ``db.LOCK_WAIT``) for another
    process to let go of it, telling ``on_wait`` when it begins; a store still held after that is
    reported as the round's failure and tried again next round, at start as later."""
    from dyads.annotate.pipeline import get_pipeline
    from dyads.errors import DyadsError
    from dyads.store import Store
    from dyads.store.db import LOCK_WAIT, StoreLocked

    say = report or log.warning
    hold = LOCK_WAIT if wait is None else wait
    pending_retry = retry_failed

    @contextmanager
    def open_store() -> Iterator[StoreLike]:
        nonlocal pending_retry
        with Store.open(db, wait=hold, on_wait=on_wait) as s:  # a server may be answering a request
            if pending_retry:
                say(f"{WatchState(s.con).retry_failed()} given-up item(s) will be tried again")
                pending_retry = False
            yield s

    try:
        with open_store():  # fail fast on a file that is not a store
            pass
    except StoreLocked as exc:  # held past the wait: like a later round, reported and tried again
        say(f"error: {exc}; " + ("run it again" if once else "trying again next round"))
        if once:
            yield RoundReport(feeds=len(feeds), feeds_failed=len(feeds))
            return

    def annotate(articles: list[Article]) -> Iterable[Article | ReadError]:
        return get_pipeline(model).code(articles)

    with Fetcher(policy or FetchPolicy()) as fetcher:
        watcher = Watcher(feeds, open_store, annotate, fetcher,
                          WatchOptions(max_attempts=max_attempts, once=once), report=say)
        while True:
            started = time.monotonic()
            try:
                rep = watcher.run_round()
            except Exception as exc:  # noqa: BLE001 - the watcher keeps running
                if stop():  # interrupted inside a library that turned the signal into its own error
                    raise KeyboardInterrupt from exc
                rep = RoundReport(feeds=len(watcher.feeds), feeds_failed=len(watcher.feeds))
                detail = str(exc) if isinstance(exc, DyadsError) else f"round failed ({type(exc).__name__}: {exc})"
                watcher._say(rep, f"error: {detail}; " + ("run it again" if once else "trying again next round"))
            yield rep
            if once or stop():
                return
            sleep(max(0.0, every - (time.monotonic() - started)))
