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
import itertools
import json
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from dyads.errors import message
from dyads.limits import MAX_CHARS, MAX_FIELD_CHARS, item_bytes, record_bytes
from dyads.model import Article
from dyads.textcheck import clean_field, clean_text, shown, text_problem

# Where a record (JSONL object or table row with a header) keeps its text, in order of preference.
TEXT_FIELDS = ("text", "content", "body", "sentence", "article")
META_FIELDS = ("title", "url", "source")


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input item that could not become an Article. ``item`` says where it is in the input
    (``file.jsonl:17``, a file name, ``stdin``) or, for an article that failed later, its id."""

    item: str
    message: str


Item = Article | ReadError
FileReader = Callable[[Path, "ReadOptions"], Iterator[Item]]
Lines = Iterator[tuple[int, bytes | None]]


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
    return text_problem(item, text, max_chars)


def make_article(item: str, text: Any, opts: ReadOptions, label: str | None = None, **fields: Any) -> Item:
    """An Article with id ``item``, or a ReadError naming ``label`` (default: the id).

    Lone surrogates in the text and the fields are replaced (E012, offsets unchanged); a metadata
    field over the field limit is left out (E015); a date that is not one is ignored (E010)."""
    name = label or item
    problem = text_problem(name, text, opts.max_chars)
    if problem:
        return ReadError(name, problem)
    warnings: list[str] = []
    text, warning = clean_text(item, text)
    if warning:
        warnings.append(warning)
    raw_date = fields.pop("date", None)
    kept: dict[str, Any] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key in META_FIELDS:
            value, warning = clean_field(item, key, value)
            if warning:
                warnings.append(warning)
            if value is None:
                continue
        kept[key] = value
    date = valid_date(raw_date) or opts.date
    art = Article(id=item, text=text, date=date, **kept)
    art.errors.extend(warnings)
    if raw_date not in (None, "") and not valid_date(raw_date):
        art.errors.append(message("E010", item=item, value=shown(raw_date)))
    return art


def failure(item: str, exc: BaseException) -> ReadError:
    """E016 for an item whose reading raised what no reader expected (it is a bug: the item is
    skipped, the rest is read, and the message says what happened)."""
    return ReadError(item, message("E016", item=item, detail=f"{type(exc).__name__}: {shown(str(exc), 120)}"))


def decode_bytes(item: str, data: bytes) -> str | ReadError:
    if b"\x00" in data[:8192]:
        return ReadError(item, message("E002", item=item))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ReadError(item, message("E003", item=item, detail=f"byte {exc.start}"))


def numbered_lines(stream: IO[bytes], limit: int, start: int = 1) -> Lines:
    """(line number, bytes) for every line of ``stream``, never holding more than ``limit`` bytes of
    one: a longer line is skipped without being kept, and comes as (number, None)."""
    n = start - 1
    while line := stream.readline(limit + 1):
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield n, None
            continue
        yield n, line


def read_txt(path: Path, opts: ReadOptions) -> Iterator[Item]:
    item = path.name
    limit = item_bytes(opts.max_chars)
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        yield ReadError(item, message("E014", item=item, what="the file", limit=limit, chars=opts.max_chars))
        return
    text = decode_bytes(item, data)
    if isinstance(text, ReadError):
        yield text
        return
    yield make_article(path.stem, text, opts, label=path.name)


def _load_json(line: str) -> tuple[Any, str | None]:
    """The parsed value, or None and why not."""
    try:
        return json.loads(line), None
    except RecursionError:
        return None, "nested too deeply to read"
    except json.JSONDecodeError as exc:
        return None, exc.msg
    except ValueError as exc:  # e.g. an integer of more digits than Python converts
        return None, str(exc)[:120]


def _jsonl_item(name: str, n: int, raw: bytes | None, opts: ReadOptions) -> Iterator[Item]:
    item = f"{name}:{n}"
    if raw is None:
        limit = record_bytes(opts.max_chars)
        yield ReadError(item, message("E014", item=item, what="the line", limit=limit, chars=opts.max_chars))
        return
    if not raw.strip():
        return
    try:
        line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        yield ReadError(item, message("E003", item=item, detail=f"byte {exc.start}"))
        return
    obj, problem = _load_json(line)
    if problem is None and not isinstance(obj, dict):
        problem = "not an object"
    if problem is not None:
        yield ReadError(item, message("E005", item=item, detail=problem))
        return
    yield from article_from_record(_record_id(obj, item), obj, opts, where=item)


def _record_id(obj: dict[str, Any], where: str) -> str:
    """The record's own id (a string or number of at most the field limit), else its place in the input."""
    value = obj.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int | float) or value == "":
        return where
    ident = replace_id = str(value)
    if len(ident) > MAX_FIELD_CHARS:
        return where
    return clean_text(where, replace_id)[0]


def iter_jsonl_lines(name: str, lines: Iterable[bytes] | Lines, opts: ReadOptions) -> Iterator[Item]:
    """Articles from JSONL lines; ids default to ``<name>:<line>``. ``lines`` are raw lines, or
    (number, line) pairs from :func:`numbered_lines`. One line's failure costs that line only."""
    for n, raw in _numbered(lines):
        try:
            yield from _jsonl_item(name, n, raw, opts)
        except Exception as exc:  # noqa: BLE001 - one line never stops the file
            yield failure(f"{name}:{n}", exc)


def _numbered(lines: Iterable[bytes] | Lines) -> Lines:
    for n, entry in enumerate(lines, 1):
        yield entry if isinstance(entry, tuple) else (n, entry)


def article_from_record(ident: str, obj: dict[str, Any], opts: ReadOptions, where: str | None = None,
                        ) -> Iterator[Item]:
    """One JSON record -> Article. Extension point: records with an ``html`` field go through
    :data:`RECORD_HOOKS` (registered by the HTML reader). Errors name ``where`` (the record's place
    in the input) and the record's id."""
    label = ident if where is None or where == ident else f"{where} (id {shown(ident)})"
    for hook in RECORD_HOOKS:
        converted = hook(ident, obj, opts)
        if converted is not None:
            yield converted
            return
    item = make_article(
        ident,
        record_text(obj),
        opts,
        label=label,
        date=obj.get("date"),
        **{key: obj.get(key) for key in META_FIELDS},
    )
    yield ReadError(where, item.message) if isinstance(item, ReadError) and where else item


def record_text(obj: dict[str, Any]) -> Any:
    """The first of :data:`TEXT_FIELDS` the record has (None when it has none)."""
    return next((obj[f] for f in TEXT_FIELDS if obj.get(f) not in (None, "")), None)


def open_binary(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path, "rb")) if path.name.lower().endswith(".gz") else open(path, "rb")


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    try:
        with open_binary(path) as stream:
            yield from iter_jsonl_lines(path.name, numbered_lines(stream, record_bytes(opts.max_chars)), opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path.name, message("E009", item=path.name, detail=str(exc) or type(exc).__name__))


class _BadLine(Exception):
    """A line the table reader cannot use (not UTF-8, or over the size limit)."""


@dataclass(slots=True)
class _Feed:
    """The lines a csv.reader reads, keeping the lines of the record it is reading, so that a
    broken record can be reported and reading can start again on the line after its first.

    CSV's quoted fields may span lines, so one stray quote can swallow the rows after it: those
    lines are read again. Re-reading is bounded (``budget`` bytes per file); past it, reading
    starts again after the line where the record broke instead, and the lines between are
    reported as one error."""

    lines: Iterator[tuple[int, str | None, str | None]]
    budget: int
    replay: list[tuple[int, str | None, str | None]] = field(default_factory=list)
    record: list[tuple[int, str | None, str | None]] = field(default_factory=list)

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        entry = self.replay.pop() if self.replay else next(self.lines)
        self.record.append(entry)
        if entry[1] is None:
            raise _BadLine
        return entry[1]

    def restart(self) -> tuple[int, int, str | None]:
        """Drop the broken record: (its first line, the last line dropped, the problem of a bad line
        when the record is that one line). The lines after the first are read again, within budget."""
        record, self.record = self.record, []
        first, bad_text, problem = record[0]
        if len(record) == 1:
            return first, first, problem if bad_text is None else None
        again = record[1:]
        cost = sum(len(text or "") for _, text, _ in again)
        if cost > self.budget:
            again = record[-1:]  # over budget: start again at the line where the record broke
        self.budget -= sum(len(text or "") for _, text, _ in again)
        self.replay.extend(reversed(again))
        return first, again[0][0] - 1, None


def _table_lines(name: str, lines: Lines, limit: int, chars: int) -> Iterator[tuple[int, str | None, str | None]]:
    """(number, text, None) per line, or (number, None, problem) for a line that is not UTF-8 or too long."""
    for n, raw in lines:
        item = f"{name}:{n}"
        if raw is None:
            yield n, None, message("E014", item=item, what="the row", limit=limit, chars=chars)
            continue
        try:
            yield n, raw.decode("utf-8-sig" if n == 1 else "utf-8"), None
        except UnicodeDecodeError as exc:
            yield n, None, message("E003", item=item, detail=f"byte {exc.start}")


def _table_rows(name: str, stream: IO[bytes], delimiter: str, limit: int, chars: int,
                ) -> Iterator[tuple[int, list[str]] | ReadError]:
    """(first line, cells) for every record, or a ReadError naming the line of one that cannot be
    read; reading goes on at the next line."""
    feed = _Feed(_table_lines(name, numbered_lines(stream, limit), limit, chars), budget=8 * limit)
    while True:
        reader = csv.reader(feed, delimiter=delimiter, strict=True)
        try:
            for row in reader:
                start = feed.record[0][0]
                feed.record = []
                if any(cell.strip() for cell in row):
                    yield start, row
            return
        except (_BadLine, csv.Error) as exc:
            first, last, problem = feed.restart()
            item = f"{name}:{first}"
            if problem is not None:
                yield ReadError(item, problem)
                continue
            detail = str(exc) if isinstance(exc, csv.Error) else "a line in it cannot be read"
            if last > first:
                detail += f"; lines {first}-{last} are skipped"
            yield ReadError(item, message("E011", item=item, detail=detail))


def articles_from_rows(name: str, rows: Iterator[tuple[int, list[str]] | ReadError], opts: ReadOptions,
                       ) -> Iterator[Item]:
    """Table rows -> Articles. With a header naming a text column (see :data:`TEXT_FIELDS`), columns
    id, date, title, url and source are read too; without one, the first column is the text
    (ConfliBERT's ``sentence<TAB>label`` files, a plain list of sentences)."""
    header: list[str] | None = None
    keyed = False
    for entry in rows:
        if isinstance(entry, ReadError):
            yield entry
            continue
        line, row = entry
        item = f"{name}:{line}"
        if header is None:
            header = [cell.strip().lower() for cell in row]
            keyed = any(f in header for f in TEXT_FIELDS)
            if keyed:
                continue
        try:
            if not keyed:
                made = make_article(item, row[0], opts)
                yield made
                continue
            obj = {k: v for k, v in zip(header, row, strict=False) if v != ""}
            yield from article_from_record(_record_id(obj, item), obj, opts, where=item)
        except Exception as exc:  # noqa: BLE001 - one row never stops the table
            yield failure(item, exc)


def read_table(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """.csv / .tsv (optionally .gz): one article per row, streamed; a broken row costs that row."""
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    limit = item_bytes(opts.max_chars)
    csv.field_size_limit(limit)
    try:
        with open_binary(path) as stream:
            rows = _table_rows(path.name, stream, delimiter, limit, opts.max_chars)
            yield from articles_from_rows(path.name, rows, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path.name, message("E009", item=path.name, detail=str(exc) or type(exc).__name__))


def read_stdin(opts: ReadOptions, stream: IO[bytes] | None = None) -> Iterator[Item]:
    """stdin: JSONL (streamed) if the first non-blank character is '{', else one plain-text article."""
    stream = stream or sys.stdin.buffer
    limit = item_bytes(opts.max_chars)
    lines = numbered_lines(stream, record_bytes(opts.max_chars))
    head: list[tuple[int, bytes | None]] = []
    size = 0
    for n, line in lines:
        head.append((n, line))
        if line is None or line.strip() or size > limit:
            break
        size += len(line)
    first = head[-1][1] if head else b""
    if first is not None and first.lstrip()[:1] == b"{":
        yield from iter_jsonl_lines("stdin", itertools.chain(head, lines), opts)
        return
    if first is None:
        yield ReadError("stdin", message("E014", item="stdin", what="the input", limit=limit, chars=opts.max_chars))
        return
    data = b"".join(line or b"" for _, line in head)
    data += stream.read(max(0, limit + 1 - len(data)))
    if len(data) > limit:
        yield ReadError("stdin", message("E014", item="stdin", what="the input", limit=limit, chars=opts.max_chars))
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


FILE_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in FILE_KINDS if test(mode)), "not a file")


def read_path(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """The items of one path: a file (by suffix, else sniffed), or every input file in a directory.
    A path that is not there, not a regular file (a named pipe would block) or cannot be read gets
    one numbered error; an empty path is not the current directory."""
    name = str(path)
    shown_name = path.name or name
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        yield ReadError(name, message("E007", item=path))
        return
    except (OSError, ValueError) as exc:  # a name too long, a loop of links, a NUL in the name
        yield ReadError(name, message("E016", item=shown(name, 120), detail=getattr(exc, "strerror", None) or exc))
        return
    if stat.S_ISDIR(mode):
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if reader_for(child) is not None:
                yield from read_path(child, opts)
        return
    if not stat.S_ISREG(mode):
        yield ReadError(shown_name, message("E013", item=shown_name, kind=_kind(mode)))
        return
    try:
        reader = reader_for(path) or sniff_reader(path)
        if reader is None:
            yield ReadError(path.name, message("E002", item=path.name))
            return
        yield from reader(path, opts)
    except OSError as exc:
        yield ReadError(path.name, message("E016", item=path.name, detail=exc.strerror or str(exc)))
    except Exception as exc:  # noqa: BLE001 - one file never stops the batch
        yield failure(path.name, exc)


def read_inputs(paths: Iterable[str | Path], date: str | None = None, max_chars: int = MAX_CHARS) -> Iterator[Item]:
    """Every Article (or ReadError) in the given paths, lazily, in order; ``-`` is stdin."""
    _load_plugins()
    opts = ReadOptions(date=date, max_chars=max_chars)
    for p in paths:
        if str(p) == "-":
            yield from read_stdin(opts)
        elif str(p) == "":  # Path("") is the current directory: never read it by accident
            yield ReadError("''", message("E007", item="''"))
        else:
            yield from read_path(Path(p), opts)


COUNT_MAX_BYTES = 512 * 1024 * 1024  # larger inputs are not counted ahead (progress without a total)


def count_items(paths: Iterable[str | Path]) -> int | None:
    """How many input items ``paths`` hold, counted ahead for a progress total (lines of JSONL,
    rows of CSV/TSV, one per other file, every input file of a directory); None when that cannot
    be known cheaply (stdin, WARC files, very large files, a file that cannot be read). Only a
    progress total: it never raises, never opens what is not a regular file (a named pipe would
    block), and holds at most one line's worth of the size limit."""
    try:
        return _count(paths)
    except Exception:  # noqa: BLE001 - no total is better than no run
        return None


def _count(paths: Iterable[str | Path]) -> int | None:
    total = 0
    for raw in paths:
        if str(raw) in ("-", ""):
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
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size > COUNT_MAX_BYTES or ".warc" in name:
            return None
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
            with open_binary(path) as f:
                return sum(1 for _, line in numbered_lines(f, record_bytes()) if line is None or line.strip())
        if name.endswith((".csv", ".csv.gz", ".tsv", ".tsv.gz")):
            with open_binary(path) as f:
                lines = (line.decode("utf-8", "replace") for _, line in numbered_lines(f, item_bytes()) if line)
                rows = sum(1 for row in csv.reader(lines, delimiter="\t" if ".tsv" in name else ",") if row)
            return max(0, rows - 1)  # a header row, usually
    except (OSError, EOFError, ValueError, zlib.error, csv.Error):
        return None
    return 1
