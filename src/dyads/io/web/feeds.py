"""RSS and Atom feeds -> entries with a link to fetch (feedparser, on bytes already fetched).

feedparser is only ever given bytes, never a URL, so it does no network I/O of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from dyads.errors import message
from dyads.io.web.warc import normalize_url


class FeedError(ValueError):
    """Not a feed: ``str(exc)`` is the numbered message."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # what 'seen' remembers: the normalized link, else the guid, else a hash of the title
    link: str | None
    title: str | None
    date: str | None  # YYYY-MM-DD, from published (else updated)
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    version: str
    entries: list[FeedEntry]
    warnings: list[str] = field(default_factory=list)
    validators: tuple[str | None, str | None] | None = None  # (ETag, Last-Modified) for the next request


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
            except (ValueError, AttributeError):
                continue
    return None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def entry_key(link: str | None, guid: str | None, title: str | None, date: str | None) -> str:
    if link:
        return normalize_url(link)
    if guid:
        return f"guid:{guid}"
    digest = hashlib.blake2b(f"{title}|{date}".encode(), digest_size=12).hexdigest()
    return f"title:{digest}"


def parse_feed(data: bytes, source: str, base_url: str | None = None, content_type: str | None = None) -> Feed:
    """The entries of an RSS/Atom document; raises :class:`FeedError` (E065) for anything else."""
    import feedparser

    if not data.strip():
        raise FeedError(message("E065", item=source, detail="the document is empty"))
    headers = {"content-type": content_type or "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(data, response_headers=headers)
    version = parsed.get("version") or ""
    problem = parsed.get("bozo_exception")
    if not version and not parsed.entries:
        detail = " ".join(str(problem).split())[:120] if problem else "no <rss>, <feed> or <rdf:RDF> root"
        raise FeedError(message("E065", item=source, detail=detail))
    warnings = []
    if problem and parsed.get("bozo"):
        warnings.append(f"{source}: feed is not well-formed ({' '.join(str(problem).split())[:120]}); read leniently")
    entries = []
    for e in parsed.entries:
        link = _text(e.get("link"))
        if link is None:
            for alt in e.get("links") or []:
                if alt.get("rel", "alternate") == "alternate" and alt.get("href"):
                    link = alt["href"].strip()
                    break
        guid, title, date = _text(e.get("id")), _text(e.get("title")), _date(e)
        entries.append(FeedEntry(key=entry_key(link, guid, title, date), link=link, title=title, date=date,
                                 guid=guid))
    return Feed(source=source, title=_text(parsed.feed.get("title")), version=version or "unknown",
                entries=entries, warnings=warnings)
