"""Inputs -> Articles: .txt, .jsonl(.gz), .csv/.tsv(.gz), directories and stdin, read lazily.

Readers yield either an :class:`Article` or a :class:`ReadError` naming the item, so one bad
item never stops a batch. Nothing is loaded whole: a 20 GB ``.jsonl.gz`` (or JSONL piped to
stdin) streams line by line. A file named on the command line with a suffix no reader claims
is sniffed: JSONL if its first non-blank character is ``{``, HTML if ``<``, else plain text.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import itertools
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
# Where a record (JSONL object or table row with a header) keeps its text, in order of preference.
TEXT_FIELDS = ("text", "content", "body", "sentence", "article")


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


def iter_jsonl_lines(name: str, stream: Iterable[bytes], opts: ReadOptions) -> Iterator[Item]:
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
        record_text(obj),
        opts,
        date=obj.get("date"),
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        source=obj.get("source") if isinstance(obj.get("source"), str) else None,
    )


def record_text(obj: dict[str, Any]) -> Any:
    """The first of :data:`TEXT_FIELDS` the record has (None when it has none)."""
    return next((obj[f] for f in TEXT_FIELDS if obj.get(f) not in (None, "")), None)


def open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    try:
        with open_binary(path) as stream:
            yield from iter_jsonl_lines(path.name, stream, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path.name, E.E009.format(item=path.name, detail=str(exc) or type(exc).__name__))


def _table_rows(name: str, stream: IO[bytes], delimiter: str) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


def articles_from_rows(name: str, rows: Iterator[tuple[int, list[str]]], opts: ReadOptions) -> Iterator[Item]:
    """Table rows -> Articles. With a header naming a text column (see :data:`TEXT_FIELDS`), columns
    id, date, title, url and source are read too; without one, the first column is the text
    (ConfliBERT's ``sentence<TAB>label`` files, a plain list of sentences)."""
    first = next(rows, None)
    if first is None:
        return
    header = [cell.strip().lower() for cell in first[1]]
    if not any(f in header for f in TEXT_FIELDS):
        for line, row in itertools.chain([first], rows):
            item = f"{name}:{line}"
            yield make_article(item, row[0], opts)
        return
    for line, row in rows:
        obj = dict(zip(header, row, strict=False))
        item = f"{name}:{line}"
        ident = obj.get("id") or item
        yield from article_from_record(ident, {k: v for k, v in obj.items() if v != ""}, opts)


def read_table(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """.csv / .tsv (optionally .gz): one article per row, streamed."""
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    csv.field_size_limit(opts.max_chars * 4)
    try:
        with open_binary(path) as stream:
            yield from articles_from_rows(path.name, _table_rows(path.name, stream, delimiter), opts)
    except UnicodeDecodeError as exc:
        yield ReadError(path.name, E.E003.format(item=path.name, detail=f"byte {exc.start} of a block"))
    except csv.Error as exc:
        yield ReadError(path.name, E.E011.format(item=path.name, detail=str(exc)))
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path.name, E.E009.format(item=path.name, detail=str(exc) or type(exc).__name__))


def _leading_blank_lines(stream: IO[bytes]) -> tuple[list[bytes], bytes]:
    """The blank lines at the start of ``stream`` and the first non-blank one (b"" at the end)."""
    blanks: list[bytes] = []
    for line in iter(stream.readline, b""):
        if line.strip():
            return blanks, line
        blanks.append(line)
    return blanks, b""


def read_stdin(opts: ReadOptions, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """stdin: JSONL (streamed) if the first non-blank character is '{', else one plain-text article."""
    stream = stream or sys.stdin.buffer
    blanks, first = _leading_blank_lines(stream)
    if first.lstrip()[:1] == b"{":
        yield from iter_jsonl_lines("stdin", itertools.chain(blanks, [first], stream), opts)
        return
    limit = opts.max_chars * 4
    data = b"".join(blanks) + first + stream.read(limit + 1 - len(first))
    if len(data) > limit:
        yield ReadError("stdin", E.E004.format(item="stdin", size=len(data), limit=opts.max_chars))
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
    ".csv": read_table,
    ".csv.gz": read_table,
    ".tsv": read_table,
    ".tsv.gz": read_table,
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


def sniff_reader(path: Path) -> FileReader | None:
    """A reader chosen by content for a file whose suffix no reader claims; None for binary data."""
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if b"\x00" in head:
        return None
    start = head.lstrip()[:1]
    if start == b"{":
        return read_jsonl
    if start == b"<" and ".html" in READERS:
        return READERS[".html"]
    return read_txt


def _load_plugins() -> None:
    """Import optional readers that register themselves (HTML, WARC) if present."""
    for mod in ("dyads.io.web.html", "dyads.io.web.warc"):
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
    reader = reader_for(path) or sniff_reader(path)
    if reader is None:
        yield ReadError(path.name, E.E002.format(item=path.name))
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


COUNT_MAX_BYTES = 512 * 1024 * 1024  # larger inputs are not counted ahead (progress without a total)


def count_items(paths: Iterable[str | Path]) -> int | None:
    """How many input items ``paths`` hold, counted ahead for a progress total (lines of JSONL,
    rows of CSV/TSV, one per other file, every input file of a directory); None when that cannot
    be known cheaply (stdin, WARC files, very large files, a file that cannot be read)."""
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = sorted(f for f in path.rglob("*") if f.is_file() and reader_for(f) is not None) \
            if path.is_dir() else [path]
        for f in files:
            n = _count_file(f)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    name = path.name.lower()
    try:
        if path.stat().st_size > COUNT_MAX_BYTES or ".warc" in name:
            return None
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            with open_binary(path) as f:
                return sum(1 for line in f if line.strip())
        if name.endswith((".csv", ".csv.gz", ".tsv", ".tsv.gz")):
            with open_binary(path) as f:
                text = io.TextIOWrapper(f, encoding="utf-8", errors="replace", newline="")
                rows = sum(1 for row in csv.reader(text, delimiter="\t" if ".tsv" in name else ",") if row)
            return max(0, rows - 1)  # a header row, usually
    except (OSError, EOFError, ValueError):
        return None
    return 1 if path.is_file() else None
