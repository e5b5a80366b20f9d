"""Questions to a store, as plain functions over a DuckDB connection; rows are plain dicts.

Actor filters match the **code prefix**: ``RUS`` matches ``RUS``, ``RUSGOV``, ``RUSMIL`` …, and
``RUSGOV`` matches ``RUSGOV`` and ``RUSGOVMIL``. Codes are blocks of three letters (country, then
sector), so a three-letter filter selects a country with all its sectors. Date filters take
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``since`` is the first day of that period and ``until``
its last, both included. They apply to the event date (``events.day``).

**What counts.** Events, dyads, actors and the summary count *asserted* events by default: an
event record counts when one of its reports asserts it (not only "did not condemn", "might
attack", "will meet"). ``modality`` selects others (``["negated"]``, ``["asserted", "claimed"]``,
``"all"``), always by the reports' modalities; ``coded=True`` keeps events whose source and
target both carry a country (or IGO) code.

>>> from dyads.store import open_store
>>> with open_store("dyads.duckdb", read_only=True) as s:  # doctest: +SKIP
...     for row in dyad(s.con, "RUS", "PRK", by="month", since="2023-01"):
...         print(row["period"], row["direction"], row["net_cooperation"])
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from dyads.errors import QueryError, StoreError
from dyads.io.rows import entity_from, event_from, quote_from
from dyads.model import Article, Sentence
from dyads.store import db
from dyads.store.arrow import code_prefix
from dyads.store.schema import EVENT_LEVEL, TABLE_SCHEMAS, events_select, quoted

Con = duckdb.DuckDBPyConnection
PERIODS = ("day", "week", "month", "quarter", "year")
# How long an event's date string must be to place it in a period of this size.
PRECISION = {"day": 10, "week": 10, "month": 7, "quarter": 7, "year": 4}
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}

DYAD_COLUMNS = ["period", "direction", "events", "mentions", *QUADS.values(), "cooperative", "conflictual",
                "net_cooperation", "mean_goldstein"]
ACTOR_COLUMNS = ["code", "name", "country", "events", "as_source", "as_target", "mentions", "people"]

MENTION_COLUMNS = [n for n in TABLE_SCHEMAS["mentions"].names if n != "mention_no"]  # not in version 1
MODALITIES = ("asserted", "claimed", "denied", "negated", "future", "hypothetical")
DEFAULT_MODALITIES = ("asserted",)


@dataclass(frozen=True, slots=True)
class Counting:
    """Which event records a question counts: by their reports' modalities (None: all), and
    whether both sides must carry a country or IGO code."""

    modality: tuple[str, ...] | None = DEFAULT_MODALITIES
    coded: bool = False

    def conditions(self, alias: str = "") -> list[str]:
        """SQL conditions on `event_records` (or the `events` view). The modality names are
        checked against ``MODALITIES`` (:func:`counting`), so they are written as literals."""
        out = []
        if self.modality is not None and set(self.modality) != set(MODALITIES):
            names = ", ".join(f"'{m}'" for m in self.modality)
            out.append(f"{alias}event_key IN (SELECT event_key FROM mentions WHERE modality IN ({names}))")
        if self.coded:
            out.append(f"{alias}source_country IS NOT NULL AND {alias}target_country IS NOT NULL")
        return out

    def sql(self, alias: str = "") -> str:
        return " AND ".join(self.conditions(alias)) or "TRUE"

    def describe(self) -> str:
        what = "all modalities" if self.modality is None else "/".join(self.modality)
        return what + (", coded actors only" if self.coded else "")


def counting(modality: str | Sequence[str] | Counting | None = None, coded: bool = False,
             param: str = "--modality") -> Counting:
    """A :class:`Counting` from user input: None -> asserted; "all" -> every modality; a name,
    a comma-separated list or a sequence of names. E046 for an unknown name."""
    if isinstance(modality, Counting):
        return Counting(modality.modality, modality.coded or coded)
    if modality is None:
        return Counting(DEFAULT_MODALITIES, coded)
    items = modality.split(",") if isinstance(modality, str) else [x for m in modality for x in str(m).split(",")]
    names = [x.strip().lower() for x in items if x.strip()]
    if not names:
        return Counting(DEFAULT_MODALITIES, coded)
    if "all" in names:
        return Counting(None, coded)
    bad = [n for n in names if n not in MODALITIES]
    if bad:
        raise QueryError("E046", param=param, value=bad[0], what="a modality",
                                       use="all or " + ", ".join(MODALITIES))
    return Counting(tuple(dict.fromkeys(names)), coded)
ACTOR_CODE = re.compile(r"[A-Z0-9]{3,24}")  # RUS, RUSGOV, IGOUNO …: what E048 says an actor code is
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# -- filters ---------------------------------------------------------------------------------
def parse_period(value: str, param: str = "date", end: bool = False) -> dt.date:
    """'2023' / '2023-05' / '2023-05-17' -> its first day (or its last day with ``end``)."""
    m = _DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if not m:
        raise _bad_date(param, value)
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day is not None:
            return dt.date(year, int(month), int(day))
        if month is not None:
            mo = int(month)
            return dt.date(year, mo, calendar.monthrange(year, mo)[1] if end else 1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise _bad_date(param, value) from None


def _bad_date(param: str, value: Any) -> QueryError:
    return QueryError("E046", param=param, value=value, what="a date or month", use="YYYY, YYYY-MM or YYYY-MM-DD")


def actor_code(value: str, param: str = "actor") -> str:
    """An actor filter, upper-cased; E048 unless it looks like a code (RUS, RUSGOV, IGOUNO)."""
    code = value.strip().upper() if isinstance(value, str) else ""
    if not ACTOR_CODE.fullmatch(code):
        raise QueryError("E048", param=param, value=value[:80] if isinstance(value, str) else value)
    return code


@dataclass
class _Where:
    """A WHERE clause built from filters, with its parameters."""

    parts: list[str]
    params: list[Any]

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


def _range(w: _Where, since: str | None, until: str | None) -> None:
    if since:
        w.add("day >= ?", parse_period(since, "--since"))
    if until:
        w.add("day <= ?", parse_period(until, "--until", end=True))


def _name(con: Con) -> str:
    """The file behind a connection, for messages."""
    try:
        row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    except duckdb.Error:
        row = None
    return str(row[0]) if row and row[0] else "store"


def _run(con: Con, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple[list[str], list[tuple]]:
    try:
        cur = con.execute(sql, params if isinstance(params, dict) else list(params))
        cols = [d[0] for d in cur.description]
        return cols, cur.fetchall()
    except duckdb.Error as exc:
        raise StoreError("E047", path=_name(con), action="the query", detail=db.short(exc)) from None


def _dicts(con: Con, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    cols, rows = _run(con, sql, params)
    return [dict(zip(cols, r, strict=True)) for r in rows]


# -- events ----------------------------------------------------------------------------------
def events(con: Con, source: str | None = None, target: str | None = None, since: str | None = None,
           until: str | None = None, root: str | None = None, cameo: str | None = None,
           quad: int | None = None, modality: str | Sequence[str] | Counting | None = None, actor: str | None = None,
           limit: int | None = 1000, offset: int = 0, coded: bool = False) -> list[dict[str, Any]]:
    """Event records (deduplicated across articles), by date, with every stored field.

    ``source``/``target``/``actor`` (either side) match code prefixes; ``root`` is a 2-digit
    CAMEO root ('04' or '4'); ``cameo`` a code prefix ('04', '042'); ``quad`` 1-4;
    ``modality`` and ``coded``: see :func:`counting` (default: asserted events)."""
    w = _Where([], [])
    w.parts.extend(counting(modality, coded).conditions())
    if source:
        code = actor_code(source, "--source")
        w.add("source_prefix = ? AND starts_with(source_code, ?)", code_prefix(code), code)
    if target:
        code = actor_code(target, "--target")
        w.add("target_prefix = ? AND starts_with(target_code, ?)", code_prefix(code), code)
    if actor:
        code = actor_code(actor, "--actor")
        w.add("(source_prefix = ? OR target_prefix = ?) AND (starts_with(source_code, ?) OR "
              "starts_with(target_code, ?))", code_prefix(code), code_prefix(code), code, code)
    _range(w, since, until)
    if root:
        w.add("root = ?", root.strip().zfill(2))
    if cameo:
        w.add("starts_with(cameo, ?)", cameo.strip())
    if quad is not None:
        w.add("quad = ?", int(quad))
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit else ""
    return _dicts(con, records_page(con, w.sql(), page), w.params)


def records_page(con: Con, where: str, page: str) -> str:
    """The `events` view's rows for one page of event records: the page is chosen among the
    records (filters on their fields, sorted, cut), then only its rows are joined to their first
    reports (joining every record that passes the filters first would read far more mentions).
    A version 1 store (read-only) holds `events` as a table: the page is read from it."""
    if db.schema_version(con) == 1:
        return f"SELECT * FROM events WHERE {where} ORDER BY day NULLS LAST, event_key{page}"
    return events_select(f"(SELECT * FROM event_records WHERE {where} ORDER BY day NULLS LAST, event_key{page})",
                         few=bool(page)) \
        + "\nORDER BY r.day NULLS LAST, r.event_key"


def mentions(con: Con, event_key: int) -> list[dict[str, Any]]:
    """Every report of one event: the article (id, title, url) and the evidence span in it."""
    return _dicts(con, """SELECT m.*, a.id AS article_id, a.title AS article_title, a.url AS article_url
        FROM mentions m JOIN articles a ON a.hash = m.article_hash WHERE m.event_key = ?
        ORDER BY m.article_date NULLS LAST, m.article_hash, m.sentence, m.evidence_start""", [event_key])


# -- dyads -----------------------------------------------------------------------------------
def _period_label(day: dt.date, by: str) -> str:
    if by == "year":
        return f"{day.year:04d}"
    if by == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = day.month - 1 + months
    return dt.date(day.year + m // 12, m % 12 + 1, 1)


def _trunc(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if by == "year":
        return dt.date(day.year, 1, 1)
    return day


def dyad(con: Con, a: str, b: str, by: str = "month", since: str | None = None, until: str | None = None,
         modality: str | Sequence[str] | Counting | None = None, fill: bool = True,
         coded: bool = False) -> list[dict[str, Any]]:
    """A dyad over time: per period, events in both directions (``both``), ``A>B`` and ``B>A``.

    Each row counts events (records) and their mentions, events by quad class, cooperative
    (quads 1-2) and conflictual (3-4) events, ``net_cooperation`` = cooperative - conflictual,
    and the mean Goldstein score. Events dated less precisely than the period (a month-only
    date in a daily series) are left out. With ``fill``, periods without events between the
    first and last (or ``since``/``until``) appear with zero counts. ``modality``, ``coded``: see
    :func:`counting` (default: asserted events)."""
    if by not in PERIODS:
        raise QueryError("E046", param="--by", value=by, what="a period", use=", ".join(PERIODS))
    ca, cb = actor_code(a, "actor A"), actor_code(b, "actor B")
    labels = {"ab": f"{ca}>{cb}", "ba": f"{cb}>{ca}"}
    params: dict[str, Any] = {"a": ca, "b": cb, "precision": PRECISION[by], "pa": code_prefix(ca),
                              "pb": code_prefix(cb)}
    # integer prefixes first (cheap, pushed into the scan), then the exact code prefixes
    where = ["source_prefix IN ($pa, $pb)", "target_prefix IN ($pa, $pb)", "day IS NOT NULL"]
    if since:
        where.append("day >= $since")
        params["since"] = parse_period(since, "--since")
    if until:
        where.append("day <= $until")
        params["until"] = parse_period(until, "--until", end=True)
    where.extend(counting(modality, coded).conditions())
    quads = ", ".join(f"count(*) FILTER (WHERE quad = {q})::INTEGER AS {name}" for q, name in QUADS.items())
    table = "event_records"
    # one scan: group by period and direction flags, then add the groups up per direction below
    sql = f"""
SELECT date_trunc('{by}', day)::DATE AS period,
       starts_with(source_code, $a) AND starts_with(target_code, $b) AS ab,
       starts_with(source_code, $b) AND starts_with(target_code, $a) AS ba,
       length(date) >= $precision AS precise,
       count(*)::INTEGER AS events, sum(num_mentions)::INTEGER AS mentions, {quads},
       sum(goldstein) AS goldstein
FROM {table}
WHERE {" AND ".join(where)}
  AND ((starts_with(source_code, $a) AND starts_with(target_code, $b))
    OR (starts_with(source_code, $b) AND starts_with(target_code, $a)))
GROUP BY ALL"""
    counted = ["events", "mentions", *QUADS.values(), "goldstein"]
    found: dict[tuple[dt.date, str], dict[str, Any]] = {}
    for r in _dicts(con, sql, params):
        if not r["precise"]:  # tested here, not in WHERE: DuckDB would test every row's string first
            continue
        for direction in ("both", "ab" if r["ab"] else None, "ba" if r["ba"] else None):
            if direction is None:
                continue
            acc = found.setdefault((r["period"], direction), dict.fromkeys(counted, 0))
            for k in counted:
                acc[k] += r[k] or 0
    for acc in found.values():
        acc["mean_goldstein"] = acc["goldstein"] / acc["events"] if acc["events"] else None
    if fill and (found or (since and until)):
        first = _trunc(parse_period(since, "--since"), by) if since else min(p for p, _ in found)
        last = _trunc(parse_period(until, "--until", end=True), by) if until else max(p for p, _ in found)
        periods = []
        p = first
        while p <= last:
            periods.append(p)
            p = _next_period(p, by)
    else:
        periods = sorted({p for p, _ in found})
    out = []
    for p in periods:
        for direction in ("both", "ab", "ba"):
            row = found.get((p, direction)) or {"events": 0, "mentions": 0, **dict.fromkeys(QUADS.values(), 0),
                                                 "mean_goldstein": None}
            coop = row["verbal_coop"] + row["material_coop"]
            conflict = row["verbal_conflict"] + row["material_conflict"]
            mean = row["mean_goldstein"]
            out.append({"period": _period_label(p, by), "direction": labels.get(direction, direction),
                        "events": row["events"], "mentions": row["mentions"] or 0,
                        **{k: row[k] for k in QUADS.values()}, "cooperative": coop, "conflictual": conflict,
                        "net_cooperation": coop - conflict,
                        "mean_goldstein": round(mean, 3) if mean is not None else None})
    return out


# -- actors ----------------------------------------------------------------------------------
def actors(con: Con, top: int = 20, since: str | None = None, until: str | None = None,
           level: str = "code", modality: str | Sequence[str] | Counting | None = None, coded: bool = False,
           ) -> list[dict[str, Any]]:
    """The actors in most event records (as source or target).

    ``name`` says what the code stands for ("United States — government", from the
    dictionaries: :func:`dyads.annotate.actors.labels.actor_label`); ``people`` lists the names most
    often seen under it (up to five, the country's own name left out). ``level="country"`` groups codes
    by their first three letters (RUSGOV and RUSMIL -> RUS). ``modality``, ``coded``: see
    :func:`counting` (default: asserted events)."""
    from dyads.annotate.actors.labels import actor_label

    w = _Where([], [])
    _range(w, since, until)
    w.parts.extend(counting(modality, coded).conditions())
    key = "left(code, 3)" if level == "country" else "code"
    sql = f"""
WITH sides AS (
  SELECT source_code AS code, source_name AS name, source_country AS country, 1 AS s, 0 AS t, num_mentions
  FROM event_records WHERE source_code IS NOT NULL AND {w.sql()}
  UNION ALL
  SELECT target_code, target_name, target_country, 0, 1, num_mentions
  FROM event_records WHERE target_code IS NOT NULL AND {w.sql()}),
top AS (
  SELECT {key} AS code, mode(country) AS country, count(*)::INTEGER AS events,
         sum(s)::INTEGER AS as_source, sum(t)::INTEGER AS as_target, sum(num_mentions)::INTEGER AS mentions
  FROM sides GROUP BY ALL ORDER BY events DESC, code LIMIT {int(top)}),
named AS (
  SELECT {key} AS code, name, count(*) AS n FROM sides WHERE name IS NOT NULL AND {key} IN (SELECT code FROM top)
  GROUP BY ALL)
SELECT t.*, (SELECT list(name ORDER BY n DESC, name) FROM named WHERE named.code = t.code) AS people
FROM top t ORDER BY events DESC, code"""
    rows = _dicts(con, sql, w.params + w.params)
    for r in rows:
        r["name"] = actor_label(r["code"])
        own = {(r["name"] or "").lower(), (actor_label(r["code"][:3]) or "").lower()}
        r["people"] = [p for p in (r["people"] or []) if p.lower() not in own][:5]
    return [{k: r[k] for k in ACTOR_COLUMNS} for r in rows]


def summary(con: Con, modality: str | Sequence[str] | Counting | None = None, coded: bool = False) -> dict[str, Any]:
    """Row counts and the date range of the events (``events``, the range: those counted, see
    :func:`counting`; ``all_events``: every record)."""
    where = counting(modality, coded).sql()
    cols, rows = _run(con, f"""SELECT (SELECT count(*) FROM articles),
        (SELECT count(*) FROM event_records WHERE {where}), (SELECT count(*) FROM mentions),
        (SELECT count(*) FROM ingest_errors),
        (SELECT min(day) FROM event_records WHERE {where}), (SELECT max(day) FROM event_records WHERE {where}),
        (SELECT count(*) FROM event_records)""")
    a, e, m, err, lo, hi, every = rows[0]
    return {"articles": a, "events": e, "mentions": m, "errors": err, "first_day": lo, "last_day": hi,
            "all_events": every}


def top_dyads(con: Con, top: int = 20, modality: str | Sequence[str] | Counting | None = None,
              coded: bool = False) -> list[dict[str, Any]]:
    """Directed (source, target) pairs with the most event records (asserted by default)."""
    return _dicts(con, f"""SELECT source_code AS source, target_code AS target, count(*)::INTEGER AS events,
        sum(num_mentions)::INTEGER AS mentions, round(avg(goldstein), 2) AS mean_goldstein
        FROM event_records WHERE source_code IS NOT NULL AND target_code IS NOT NULL
          AND {counting(modality, coded).sql()}
        GROUP BY ALL ORDER BY events DESC, source, target LIMIT {int(top)}""")


# -- read-only SQL ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Result:
    columns: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


def check_select(query: str) -> None:
    """E042 unless ``query`` is exactly one read-only statement (SELECT / WITH … SELECT)."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise StoreError("E047", path="sql", action="parsing the query", detail=db.short(exc)) from None
    if len(statements) != 1:
        raise QueryError("E042", detail=f"{len(statements)} statements; give exactly one")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise QueryError("E042", detail=f"a {kind.name} statement")


def sql(path: str | Path, query: str, max_rows: int | None = None) -> Result:
    """Run one SELECT on the store at ``path``, opened read-only and without file access; every
    row (or the first ``max_rows``) in memory. For large results use :func:`stream_sql`."""
    with stream_sql(path, query, batch_rows=max_rows or 10_000) as res:
        rows: list[tuple] = []
        for batch in res.batches:
            rows.extend(batch)
            if max_rows and len(rows) >= max_rows:
                del rows[max_rows:]
                break
        return Result(res.columns, rows)


@dataclass
class RowStream:
    """A query's column names and its rows, ``batch_rows`` at a time, fetched as they are read."""

    columns: list[str]
    batches: Iterator[list[tuple]]


@contextmanager
def stream_sql(path: str | Path, query: str, batch_rows: int = 10_000) -> Iterator[RowStream]:
    """Run one SELECT on the store at ``path`` (read-only, without file access) and stream its
    rows: DuckDB computes them as they are fetched, so a result of any size needs the memory of
    one batch. The store is closed when the block ends."""
    check_select(query)
    con = db.connect(path, read_only=True, config={"enable_external_access": False})
    try:
        try:
            cur = con.execute(query)
        except duckdb.Error as exc:
            raise StoreError("E047", path=path, action="the query", detail=db.short(exc)) from None
        cols = [d[0] for d in cur.description] if cur.description else []

        def batches() -> Iterator[list[tuple]]:
            while True:
                try:
                    rows = cur.fetchmany(batch_rows)
                except duckdb.Error as exc:
                    raise StoreError("E047", path=path, action="the query", detail=db.short(exc)) from None
                if not rows:
                    return
                yield rows

        yield RowStream(cols, batches())
    finally:
        con.close()


# -- plain values for JSON/CSV ---------------------------------------------------------------
def plain(value: Any) -> Any:
    """A value JSON can hold: dates and times as ISO strings, decimals as floats."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


SIMPLE = (str, int, float, bool, type(None))


def plain_tuple(row: Sequence[Any]) -> tuple:
    """A row of plain values (fast: only values that are not already plain are converted)."""
    return tuple(v if isinstance(v, SIMPLE) else plain(v) for v in row)


def plain_rows(rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for row in rows:
        yield {k: plain(v) for k, v in row.items()}


# -- one article back as the document model --------------------------------------------------
def load_article(con: Con, ident: str) -> Article | None:
    """The stored article with this id (the latest stored, if several texts share it) or content hash."""
    rows = _dicts(con, "SELECT * FROM articles WHERE id = ? OR hash = ? ORDER BY (hash = ?) DESC, "
                       "ingested_at DESC, hash LIMIT 1", [ident, ident, ident])
    if not rows:
        return None
    a = rows[0]
    art = Article(id=a["id"], text=a["text"], date=a["date"].isoformat() if a["date"] else None, title=a["title"],
                  url=a["url"], source=a["source"], tone=a["tone"], errors=list(a["errors"] or []),
                  sentences=[Sentence(s["start"], s["end"]) for s in a["sentences"] or []],
                  meta=json.loads(a["meta"]) if a["meta"] else {})
    h = a["hash"]
    for m in _dicts(con, f"""SELECT {quoted(MENTION_COLUMNS, 'm.')}, {quoted(sorted(EVENT_LEVEL), 'e.')}
                            FROM mentions m JOIN event_records e USING (event_key) WHERE m.article_hash = ?
                            ORDER BY m.evidence_start, m.event_id""", [h]):
        art.events.append(event_from(m))
    for q in _dicts(con, "SELECT * FROM quotes WHERE article_hash = ? ORDER BY quote", [h]):
        art.quotes.append(quote_from(q))
    for e in _dicts(con, "SELECT * FROM entities WHERE article_hash = ? ORDER BY entity", [h]):
        art.entities.append(entity_from(e))
    return art
