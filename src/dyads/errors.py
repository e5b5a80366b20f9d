"""Every user-facing error: numbered, typed by family, each message saying what to do.

    raise InputError("E010", item="--date", value=date)      # str(err) == "E010 --date: date ..."
    err.code == "E010"; err.status == 400; err.fields == {"item": "--date", "value": ...}
    article.errors.append(message("E030", item=..., detail=...))   # the text alone

:data:`CODES` is the one table: each code, once, with its family and its message. Raising the
base class picks the family from the table (``DyadsError("E043", path=p)`` is a StoreError).
A family gives the HTTP status the API answers with (its ``status``; ``headers`` too, for
StoreBusy). New messages get the next free number of their block; numbers are never reused:
retired ones are listed in :data:`RETIRED`. ``tests/test_errors.py`` checks all of this.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar


class DyadsError(Exception):
    """An error to show the user as one line (never a traceback): ``<code> <message>``."""

    status: ClassVar[int] = 500  # HTTP status when it reaches the API
    headers: ClassVar[dict[str, str] | None] = None

    def __new__(cls, code: str = "", /, **fields: Any) -> DyadsError:
        if cls is DyadsError:
            found = CODES.get(_code_of(code) or "")
            if found is not None:
                cls = found[0]
        return super().__new__(cls)

    def __init__(self, code: str = "", /, **fields: Any) -> None:
        entry = CODES.get(code)
        if entry is not None:
            family, template = entry
            if not isinstance(self, family):
                raise TypeError(f"{code} is a {family.__name__}, not a {type(self).__name__}")
            text = f"{code} {template.format(**fields)}"
        else:  # a message formatted already (E.E010.format(...)): its code is its first word
            text = code
        self.code: str | None = _code_of(text)
        self.fields: dict[str, Any] = fields
        super().__init__(text)

    def __reduce__(self) -> tuple[Any, ...]:  # pickles as its text (runner processes, Dask)
        return (type(self), (str(self),))

    @property
    def message(self) -> str:
        return str(self)


class InputError(DyadsError):
    """An input item or a command-line argument that cannot be used."""

    status = 400


class DataError(DyadsError):
    """A model or data file dyads needs is missing or broken."""

    status = 503


class CodingError(DyadsError):
    """Coding an article (or a whole batch) failed."""

    status = 500


class StoreError(DyadsError):
    """The store cannot be opened, read or written."""

    status = 503


class QueryError(StoreError):
    """A query the store cannot answer as asked (a bad filter or statement)."""

    status = 400


class EvalError(DyadsError):
    """A gold or prediction file that cannot be scored."""

    status = 400


class WebError(DyadsError):
    """A page, feed or WARC file that cannot be fetched or read."""

    status = 502


class RunnerError(DyadsError):
    """Worker processes or a Dask cluster that cannot run the job."""

    status = 503


class ApiError(DyadsError):
    """A request the API cannot serve: a bad request unless a subclass says otherwise."""

    status = 400


class NotFound(ApiError):
    status = 404


class Forbidden(ApiError):
    status = 403


class TooLarge(ApiError):
    status = 413


class Unprocessable(ApiError):
    status = 422


class StoreBusy(ApiError):
    status = 503
    headers = {"Retry-After": "5"}


class InternalError(ApiError):
    status = 500


# code -> (family, message): the one table. Fields in braces are the keyword arguments.
CODES: dict[str, tuple[type[DyadsError], str]] = {
    # input items and arguments
    "E001": (InputError, "{item}: the text is empty or only whitespace; nothing to code."),
    "E002": (InputError,
             "{item}: looks like a binary file, not text; give a .txt, .jsonl(.gz), .csv, .tsv, .html or .warc "
             "file."),
    "E003": (InputError, "{item}: not valid UTF-8 ({detail}); re-encode the file as UTF-8."),
    "E004": (InputError,
             "{item}: text is {size:,} characters, over the limit of {limit:,} (README: Limits); split it into "
             "articles of at most {limit:,} characters."),
    "E005": (InputError, "{item}: line is not JSON ({detail}); each .jsonl line must be one JSON object."),
    "E006": (InputError,
             "{item}: record has no 'text' string field (nor content, body, sentence, article); add one (and "
             "optionally id, date, title, url)."),
    "E007": (InputError, "{item}: no such file or directory."),
    "E009": (InputError, "{item}: cannot read the gzip stream ({detail}); the file may be truncated."),
    "E010": (InputError, "{item}: date {value!r} is not a date; use YYYY-MM-DD."),
    "E011": (InputError,
             "{item}: cannot read this row ({detail}); the row is skipped and reading goes on at the next line; "
             "give UTF-8 CSV/TSV with one article per row."),
    "E012": (InputError,
             "{item}: {count} lone surrogate(s) (not Unicode text), first at character {pos}, replaced by U+FFFD; "
             "offsets are unchanged."),
    "E013": (InputError,
             "{item}: not a regular file ({kind}); give a file or a directory, or pipe into '-' (e.g. cat {item} | "
             "dyads code -)."),
    "E014": (InputError,
             "{item}: {what} is over {limit:,} bytes (README: Limits); not read further; split it into articles of "
             "at most {chars:,} characters."),
    "E015": (InputError,
             "{item}: field {field!r} is {size:,} characters, over the limit of {limit:,}; it is left out."),
    "E016": (InputError, "{item}: cannot read this item ({detail}); it is skipped and the rest of the input is read."),
    # models, data files and the pipeline's stages
    "E020": (DataError,
             "spaCy pipeline {name!r} is not installed; run 'make setup' (default model) or 'pip install' the "
             "pipeline, or set --model / DYADS_SPACY_MODEL to an installed one."),
    "E021": (DataError, "spaCy pipeline {name!r} has no dependency parser; dyads needs 'parser' (and 'ner')."),
    "E022": (DataError, "data file {name!r} is missing or invalid ({detail}); reinstall dyads."),
    "E024": (DataError, "pipeline stage {stage!r} cannot run where it stands: {detail}; reorder the stages."),
    "E025": (DataError,
             "event model file {path!r} is missing or damaged ({detail}); the rules code alone (reinstall dyads "
             "to get the model back, or pass --no-model to silence this)."),
    # coding
    "E030": (CodingError, "{item}: coding failed ({detail}); the rest of the batch goes on."),
    "E031": (CodingError, "nothing could be coded: every input item failed (see the messages above)."),
    "E032": (CodingError,
             "internal error ({kind}: {detail}); nothing was lost that the messages above do not name; please "
             "report it with the command you ran (DYADS_DEBUG=1 shows the traceback)."),
    "E033": (CodingError,
             "{item}: stage {stage!r} not run: it needs {needs}, which {by} did not give (see above); what it "
             "adds is missing from this article."),
    # the store
    "E040": (StoreError,
             "{path}: not a dyads DuckDB store ({detail}); give --db a dyads store (a new path creates one)."),
    "E041": (StoreError,
             "{path}: another process kept the store locked (waited {waited}); try again when it has finished, give "
             "a longer --wait (dyads ingest, watch), or use another --db."),
    "E042": (QueryError, "only read-only SELECT/WITH statements are allowed in 'dyads sql' ({detail})."),
    "E043": (StoreError,
             "{path}: no store at this path; create it with 'dyads ingest PATH --db {path}' (a running 'dyads "
             "serve' picks it up)."),
    "E044": (StoreError,
             "{path}: the store has schema version {found}, newer than this dyads reads ({supported}); upgrade "
             "dyads or use another --db."),
    "E045": (StoreError, "{path}: cannot create the store ({detail}); check that the folder exists and is writable."),
    "E046": (QueryError, "{param} {value!r}: not {what}; use {use}."),
    "E047": (StoreError, "{path}: {action} failed ({detail}); docs/store.md lists the tables and columns."),
    "E048": (QueryError,
             "{param} {value!r}: not an actor code; use 3 to 24 capital letters or digits, e.g. RUS or RUSGOV."),
    "E049": (StoreError, "{path}: cannot write the export ({detail}); check the folder and free space."),
    # scoring (dyads eval)
    "E050": (EvalError, "{item}: not a gold JSONL v1 record ({detail}); see docs/gold-format.md."),
    "E051": (EvalError,
             "{item}: id {id!r} was already used on line {first}; gold ids must be unique, so this line is "
             "skipped."),
    "E052": (EvalError, "{path}: no gold records to score ({detail}); see docs/gold-format.md for the format."),
    "E053": (EvalError,
             "{item}: not a prediction ({detail}); give 'dyads code --format jsonl' output (one article per line)."),
    "E054": (EvalError,
             "{path}: not a seed gold file ({detail}); a *.gold.json needs id, events and a .txt beside it."),
    "E055": (EvalError, "{path}: cannot score this file; give a gold JSONL v1 file (.jsonl) or a seed *.gold.json."),
    # the web: HTML, WARC, feeds, fetching, watch
    "E060": (WebError,
             "{item}: no article text in the page ({detail}); it may be an index, error, consent or "
             "script-rendered page: give the article's own page."),
    "E061": (WebError, "{item}: cannot parse the HTML ({detail}); the file may be truncated or not HTML."),
    "E062": (WebError, "{item}: the 'html' field is not a string; give the page source as one JSON string."),
    "E063": (WebError,
             "{item}: WARC stream broken at byte {offset:,} ({detail}); the file is truncated or corrupt; the "
             "{count} article(s) before it were read."),
    "E064": (WebError, "{item}: not a WARC file ({detail}); give a .warc or .warc.gz file written by a crawler."),
    "E065": (WebError,
             "{item}: not an RSS or Atom feed ({detail}); give the feed's own URL (often /feed or /rss.xml) or a "
             "local feed file."),
    "E066": (WebError, "{item}: HTTP {status} {reason}; check the URL, or wait if the server is failing."),
    "E067": (WebError,
             "{item}: no response within {seconds:g}s after {attempts} attempt(s); the server is slow or down."),
    "E068": (WebError, "{item}: cannot connect ({detail}); check the URL and the network."),
    "E069": (WebError, "{item}: the response is over {limit:,} bytes; not read."),
    "E070": (WebError, "{item}: content type {ctype!r} is not an HTML page; only HTML articles are read."),
    "E071": (WebError, "{item}: robots.txt of {host} {why}; not fetched."),
    "E072": (WebError, "{item}: feed entry has no link to an article page; nothing to fetch."),
    "E073": (WebError, "{item}: cannot fetch {scheme!r} URLs; use http(s) (local paths only in a local feed file)."),
    "E074": (WebError, "{option} {value!r}: not a duration; use e.g. 90s, 15m or 1h (at least {minimum}s)."),
    "E075": (WebError,
             "{item}: failed {attempts} times (last: {detail}); not retried any more; run 'dyads watch "
             "--retry-failed' to try it again."),
    # runners (processes, Dask)
    "E090": (RunnerError, "--workers {value}: not a worker count; use 0 (one per core) or a positive number."),
    "E091": (RunnerError,
             "cannot reach the Dask scheduler at {address} ({detail}); check the address (tcp://host:8786) and "
             "that the scheduler is running."),
    "E092": (RunnerError,
             "the Dask workers cannot code like this machine ({detail}); install the same dyads version and spaCy "
             "pipeline on every worker image (see docs/cluster.md)."),
    "E093": (RunnerError,
             "a worker process died ({detail}); it may have run out of memory: retry with fewer --workers."),
    "E094": (RunnerError,
             "the Dask scheduler at {address} has no workers after {timeout:.0f} s; start some ('dask worker "
             "{address}') or scale the cluster up."),
    "E095": (RunnerError,
             "a shard killed Dask workers repeatedly ({detail}); they may run out of memory: give workers more "
             "memory or fewer threads each."),
    # the HTTP API
    "E101": (StoreBusy,
             "{path}: cannot read the store right now ({detail}); retry when the writing process has finished."),
    "E103": (NotFound, "actor {value!r} has no events in this store; GET /api/actors lists the codes it holds."),
    "E104": (ApiError, "{param}={value!r}: {detail}; use YYYY, YYYY-MM or YYYY-MM-DD."),
    "E105": (ApiError, "invalid request: {detail}; see /openapi.json for the parameters and their ranges."),
    "E106": (NotFound, "article {value!r} is not in this store; GET /api/articles lists the stored articles."),
    "E107": (Forbidden,
             "writing is off on this server; start it with 'dyads serve --token T' to allow POST /api/articles."),
    "E108": (Forbidden, "missing or wrong token; send the server's token as 'Authorization: Bearer T'."),
    "E109": (InternalError, "internal error ({kind}) while serving {path}; the server log has the details."),
    # the store, continued
    "E110": (StoreError,
             "{path}: the store cannot be written ({detail}); it is intact and can still be read (dyads events, "
             "sql, serve): give a writable --db, or copy the store to a writable folder."),
    "E111": (StoreError,
             "{wal}: the write-ahead log beside the store is damaged ({detail}); nothing was changed. Move it away "
             "(mv {wal} {wal}.damaged) to open the store as last saved: the transactions in the log are then not "
             "in the store."),
    # dictionaries given with --dictionaries (PETRARCH and TABARI formats)
    "E120": (DataError, "{file}:{line}: {detail}; the line is skipped and the rest of the file is read."),
    "E121": (InputError,
             "--dictionaries {path}: {detail}; give a folder of PETRARCH dictionaries (*.actors.txt, ...)."),
    "E122": (InputError,
             "--dictionaries {path}: no PETRARCH dictionary files in it; name them *.actors.txt, *.agents.txt, "
             "*.discards.txt, and *.verbs.txt or CAMEO*.txt."),
    "E123": (DataError, "{file}: cannot read the dictionary ({detail}); check the file and its permissions."),
    "E124": (InputError, "--dictionaries-mode {value!r}: not a mode; use extend (the default) or replace."),
}

# Numbers never to be used again, and what became of them.
RETIRED: dict[str, str] = {
    "E008": "unsupported file type: files with an unknown suffix are sniffed instead",
    "E080": "a data file of quotes or tone is missing or invalid: E022 covers every data file",
    "E100": "no store at this path (API): E043 says it once",
    "E102": "not an actor code (API, 3-12 characters): E048 says it once, for every caller",
}

_CODE = re.compile(r"^(E\d{3})\b")


def _code_of(text: str) -> str | None:
    m = _CODE.match(text)
    return m.group(1) if m else None


def message(code: str, /, **fields: Any) -> str:
    """The text of a numbered message, for an Article's errors or a ReadError."""
    return str(DyadsError(code, **fields))


def family(code: str) -> type[DyadsError]:
    return CODES[code][0]


class _Templates:
    """``E.E010`` -> ``"E010 {item}: date {value!r} …"``: the older way of writing these messages
    (``DyadsError(E.E010.format(...))``), kept for code not yet written the new way."""

    def __getattr__(self, code: str) -> str:
        try:
            return f"{code} {CODES[code][1]}"
        except KeyError:
            raise AttributeError(code) from None


E = _Templates()
