"""Inputs -> Articles: .txt, .jsonl, .jsonl.gz, directories and stdin, read lazily.

Readers yield either an :class:`Article` or a :class:`ReadError` naming the item, so one bad
item never stops a batch. Nothing is loaded whole: a 20 GB ``.jsonl.gz`` streams line by line.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dyads.errors import E
from dyads.model import Article

MAX_CHARS = 2_000_000  # a 5 MB article is refused with a clear message, not parsed for minutes


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input item that could not become an Article."""

    item: str
    message: str


Item = Article | ReadError
FileReader = Callable[[Path, "ReadOptions"], Iterator[Item]]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    date: str | None = None  # publication date for inputs that carry none
    max_chars: int = MAX_CHARS


def valid_date(value: Any) -> str | None:
    """A YYYY-MM-DD date string (also accepts full ISO timestamps), or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def check_text(item: str, text: Any, max_chars: int) -> str | None:
    """The error message for unusable text, or None when the text can be coded."""
    if not isinstance(text, str):
        return E.E006.format(item=item)
    if not text.strip():
        return E.E001.format(item=item)
    if "\x00" in text:
        return E.E002.format(item=item)
    if len(text) > max_chars:
        return E.E004.format(item=item, size=len(text), limit=max_chars)
    return None


def make_article(item: str, text: Any, opts: ReadOptions, label: str | None = None, **fields: Any) -> Item:
    """An Article with id ``item``, or a ReadError naming ``label`` (default: the id)."""
    problem = check_text(label or item, text, opts.max_chars)
    if problem:
        return ReadError(label or item, problem)
    raw_date = fields.pop("date", None)
    date = valid_date(raw_date) or opts.date
    art = Article(id=item, text=text, date=date, **{k: v for k, v in fields.items() if v is not None})
    if raw_date not in (None, "") and not valid_date(raw_date):
        art.errors.append(E.E010.format(item=item, value=raw_date))
    return art


def decode_bytes(item: str, data: bytes) -> str | ReadError:
    if b"\x00" in data[:8192]:
        return ReadError(item, E.E002.format(item=item))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(item, E.E003.format(item=item, detail=f"byte {exc.start}"))


def read_txt(path: Path, opts: ReadOptions) -> Iterator[Item]:
    item = path.name
    size = path.stat().st_size
    if size > opts.max_chars * 4:
        yield ReadError(item, E.E004.format(item=item, size=size, limit=opts.max_chars))
        return
    text = decode_bytes(item, path.read_bytes())
    if isinstance(text, ReadError):
        yield text
        return
    yield make_article(path.stem, text, opts, label=path.name)


def iter_jsonl_lines(name: str, stream: IO[bytes], opts: ReadOptions) -> Iterator[Item]:
    """Articles from JSONL lines; ids default to ``<name>:<line>``."""
    for n, raw in enumerate(stream, 1):
        item = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(item, E.E003.format(item=item, detail=f"byte {exc.start}"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(item, E.E005.format(item=item, detail=exc.msg))
            continue
        if not isinstance(obj, dict):
            yield ReadError(item, E.E005.format(item=item, detail="not an object"))
            continue
        ident = str(obj["id"]) if obj.get("id") not in (None, "") else item
        yield from article_from_record(ident, obj, opts)


def article_from_record(ident: str, obj: dict[str, Any], opts: ReadOptions) -> Iterator[Item]:
    """One JSON record -> Article. Extension point: records with an ``html`` field go through
    :data:`RECORD_HOOKS` (registered by the HTML reader)."""
    for hook in RECORD_HOOKS:
        converted = hook(ident, obj, opts)
        if converted is not None:
            yield converted
            return
    yield make_article(
        ident,
        obj.get("text"),
        opts,
        date=obj.get("date"),
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        source=obj.get("source") if isinstance(obj.get("source"), str) else None,
    )


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    opener: Callable[[], IO[bytes]]
    if path.name.endswith(".gz"):
        opener = lambda: gzip.open(path, "rb")  # noqa: E731
    else:
        opener = lambda: open(path, "rb")  # noqa: E731
    try:
        with opener() as stream:
            yield from iter_jsonl_lines(path.name, stream, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path.name, E.E009.format(item=path.name, detail=str(exc) or type(exc).__name__))


def read_stdin(opts: ReadOptions, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """stdin: JSONL if the first non-blank character is '{', else one plain-text article."""
    data = (stream or sys.stdin.buffer).read()
    if data.lstrip()[:1] == b"{":
        import io

        yield from iter_jsonl_lines("stdin", io.BytesIO(data), opts)
        return
    text = decode_bytes("stdin", data)
    yield text if isinstance(text, ReadError) else make_article("stdin", text, opts)


# Suffix -> reader. Other modules (HTML, WARC) register theirs with :func:`register_reader`.
READERS: dict[str, FileReader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".jsonl": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson": read_jsonl,
}
RECORD_HOOKS: list[Callable[[str, dict[str, Any], ReadOptions], Item | None]] = []


def register_reader(suffix: str, reader: FileReader) -> None:
    READERS[suffix] = reader


def reader_for(path: Path) -> FileReader | None:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _load_plugins() -> None:
    """Import optional readers that register themselves (HTML, WARC) if present."""
    for mod in ("dyads.web.html", "dyads.web.warc"):
        try:
            __import__(mod)
        except ImportError:
            continue


def read_path(path: Path, opts: ReadOptions) -> Iterator[Item]:
    if not path.exists():
        yield ReadError(str(path), E.E007.format(item=path))
        return
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if reader_for(child) is not None:
                yield from read_path(child, opts)
        return
    reader = reader_for(path)
    if reader is None:
        yield ReadError(path.name, E.E008.format(item=path.name))
        return
    try:
        yield from reader(path, opts)
    except OSError as exc:
        yield ReadError(path.name, E.E030.format(item=path.name, detail=exc.strerror or str(exc)))


def read_inputs(paths: Iterable[str | Path], date: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Every Article (or ReadError) in the given paths, lazily, in order; ``-`` is stdin."""
    _load_plugins()
    opts = ReadOptions(date=date, max_chars=max_chars)
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(opts)
        else:
            yield from read_path(Path(p), opts)
