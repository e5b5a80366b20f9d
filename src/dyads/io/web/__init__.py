"""Reading the news as published: HTML pages, WARC files, RSS/Atom feeds, polite HTTP.

* :mod:`dyads.io.web.html`: a page -> its article text, title, date, author, URL (trafilatura);
  registers the ``.html``/``.htm`` reader and the JSONL ``html`` field;
* :mod:`dyads.io.web.warc`: ``.warc``/``.warc.gz`` streamed record by record, duplicates skipped;
* :mod:`dyads.io.web.feeds`: RSS/Atom -> entries (feedparser, on bytes only);
* :mod:`dyads.io.web.fetch`: HTTP with timeouts, retries, backoff, per-host delay, robots.txt;

The watch loop that keeps a store current from feeds (`dyads watch`) is a service above the
store: :mod:`dyads.services.watch`.

Names are imported on first use, so reading a ``.txt`` file never loads httpx or warcio.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "extract_page": "html", "html_article": "html", "Page": "html",
    "WarcReader": "warc", "WarcStats": "warc", "read_warc": "warc",
    "Feed": "feeds", "FeedEntry": "feeds", "FeedError": "feeds", "parse_feed": "feeds",
    "Fetcher": "fetch", "FetchError": "fetch", "FetchPolicy": "fetch", "user_agent": "fetch",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"dyads.io.web.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'dyads.io.web' has no attribute {name!r}")
