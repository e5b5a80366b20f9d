"""WARC files -> Articles, streamed record by record (warcio); a multi-GB crawl is never loaded.

HTML responses (status 2xx) and resources are extracted like saved pages (:mod:`dyads.io.web.html`);
other records (requests, metadata, images, scripts, redirects, errors) are skipped. Duplicates are
skipped twice over: by URL (a page crawled twice) and by content (the same page under two URLs,
or the same article text on two pages). A truncated record or a corrupt tail gives one numbered
error naming the byte offset; the articles before it are kept. Importing this module registers
the ``.warc`` and ``.warc.gz`` readers.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

from dyads.errors import message
from dyads.io.readers import Item, ReadError, ReadOptions, register_reader
from dyads.io.web.html import decode_html, html_article
from dyads.limits import page_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(slots=True)
class WarcStats:
    """What a WARC held and what became of it (filled in while streaming)."""

    records: int = 0
    pages: int = 0  # HTML responses/resources considered
    articles: int = 0
    duplicate_url: int = 0
    duplicate_content: int = 0
    skipped: int = 0  # non-HTML, non-2xx, revisits, requests, metadata
    errors: int = 0


def normalize_url(url: str) -> str:
    """The URL without fragment, with lower-case scheme and host (the dedup key)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def text_digest(text: str) -> bytes:
    """Content key of an extracted text: whitespace- and case-insensitive."""
    return _digest(" ".join(text.lower().split()).encode("utf-8"))


def _content_type(record: Any) -> str:
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _is_html(ctype: str, head: bytes) -> bool:
    if ctype:
        return ctype.split(";")[0].strip().lower() in HTML_TYPES
    sniff = head[:512].lstrip().lower()
    return sniff.startswith((b"<!doctype html", b"<html"))


def _drain(stream: Any) -> int:
    """Read a record's block to its end; the number of declared bytes that never arrived."""
    while stream.read(1 << 16):
        pass
    return int(getattr(stream, "limit", 0) or 0)


class WarcReader:
    """Streams one WARC; keeps only dedup keys (16-byte digests), never a record."""

    def __init__(self, opts: ReadOptions, dedup: bool = True) -> None:
        self.opts = opts
        self.dedup = dedup
        self.stats = WarcStats()
        self._urls: set[bytes] = set()
        self._payloads: set[bytes] = set()
        self._texts: set[bytes] = set()

    def read(self, stream: IO[bytes], name: str, size: int | None = None) -> Iterator[Item]:
        from warcio.archiveiterator import ArchiveIterator

        it = ArchiveIterator(stream)
        first = True
        while True:
            try:
                record = next(it)
            except StopIteration:
                break
            except Exception as exc:  # warcio on untrusted bytes: any failure means a broken stream here
                detail = " ".join(str(exc).split())[:160] or type(exc).__name__
                self.stats.errors += 1
                if first:
                    yield ReadError(name, message("E064", item=name, detail=detail))
                else:
                    yield ReadError(name, message("E063", item=name, offset=it.offset, detail=detail,
                                                        count=self.stats.articles))
                return
            offset = it.offset
            if first and not str(record.format).startswith("warc"):
                yield ReadError(name, message("E064", item=name, detail="no 'WARC/1.x' header"))
                return
            first = False
            self.stats.records += 1
            if not record.rec_type or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                # the WARC headers stop before their blank line: the file was cut off here
                self.stats.errors += 1
                yield ReadError(name, message("E063", item=name, offset=offset, detail="incomplete record header",
                                                    count=self.stats.articles))
                return
            item = self._record(record, name, offset)
            if item is not None:
                yield item
        if size is not None and it.offset < size:
            self.stats.errors += 1
            if first:
                yield ReadError(name, message("E064", item=name, detail="no complete WARC record"))
            else:
                yield ReadError(name, message("E063", item=name, offset=it.offset, detail="incomplete last record",
                                                    count=self.stats.articles))

    def _record(self, record: Any, name: str, offset: int) -> Item | None:
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        label = f"{name}@{offset}" + (f" ({url})" if url else "")
        ctype = _content_type(record)
        key = normalize_url(url).encode("utf-8") if url else b""
        status = ""
        if record.rec_type == "response" and record.http_headers is not None:
            status = record.http_headers.get_statuscode() or ""
        wanted = (record.rec_type in ("response", "resource") and (not status or status.startswith("2"))
                  and (not ctype or _is_html(ctype, b"")))
        duplicate = wanted and self.dedup and bool(key) and _digest(key) in self._urls
        limit = page_bytes(self.opts.max_chars)
        payload = b""
        try:
            if wanted and not duplicate:
                payload = record.content_stream().read(limit + 1)
            missing = _drain(record.raw_stream)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            self.stats.errors += 1
            return ReadError(label, message("E063", item=label, offset=offset, detail=f"cannot decode the body: {exc}",
                                                  count=self.stats.articles))
        if missing:  # checked for every record: a cut-off tail shows up whatever the record is
            self.stats.errors += 1
            return ReadError(label, message("E063", item=label, offset=offset,
                                                  detail=f"record truncated, {missing:,} bytes missing",
                                                  count=self.stats.articles))
        if duplicate:
            self.stats.duplicate_url += 1
            return None
        if not wanted or (not ctype and not _is_html("", payload)):
            self.stats.skipped += 1
            return None
        self.stats.pages += 1
        if key:
            self._urls.add(_digest(key))
        if len(payload) > limit:
            self.stats.errors += 1
            return ReadError(label, message("E014", item=label, what="the page", limit=limit,
                                                  chars=self.opts.max_chars))
        if self.dedup:
            pkey = _digest(payload)
            if pkey in self._payloads:
                self.stats.duplicate_content += 1
                return None
            self._payloads.add(pkey)
        crawl_date = record.rec_headers.get_header("WARC-Date")
        ident = normalize_url(url) if url else f"{name}@{offset}"
        art = html_article(ident, decode_html(payload, ctype), self.opts, url=url or None,
                           label=label, date=crawl_date, date_label="crawl", meta={"warc": name, "offset": offset})
        if isinstance(art, ReadError):
            self.stats.errors += 1
            return art
        if self.dedup:
            tkey = text_digest(art.text)
            if tkey in self._texts:
                self.stats.duplicate_content += 1
                return None
            self._texts.add(tkey)
        self.stats.articles += 1
        return art


def read_warc(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """Every article in a .warc or .warc.gz file, in file order, duplicates skipped."""
    with open(path, "rb") as stream:
        yield from WarcReader(opts).read(stream, path.name, size=path.stat().st_size)


def register() -> None:
    """Register the readers (idempotent; runs on import)."""
    register_reader(".warc", read_warc)
    register_reader(".warc.gz", read_warc)


register()
