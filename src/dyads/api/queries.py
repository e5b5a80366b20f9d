"""The API's questions to the store: thin adapters over :mod:`dyads.store.queries`.

Where the store library has the query (events by filters, dyad timelines, top actors, one
article, the summary), the API calls it. What only the API needs lives here, parameterized:
events by text or in both directions of a pair, the per-month QuadClass series and undirected
country pairs of the overview, the article list, and "does this actor occur at all".
Actor filters follow the store's convention: a code matches as a prefix (RUS matches RUSGOV).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyads.model import Article
from dyads.store import queries as sq
from dyads.store.arrow import code_prefix, content_hash

Con = duckdb.DuckDBPyConnection
ASSERTED = sq.Counting()
def content_id(text: str) -> str:
    return content_hash(text)[:16]


def actor_codes(con: Con) -> frozenset[str]:
    """Every actor code in the event records (the server remembers it until the store changes)."""
    rows = con.execute("SELECT source_code FROM event_records WHERE source_code IS NOT NULL UNION "
                       "SELECT target_code FROM event_records WHERE target_code IS NOT NULL").fetchall()
    return frozenset(r[0] for r in rows)


def actor_known(codes: frozenset[str], prefix: str) -> bool:
    return any(c.startswith(prefix) for c in codes)


# -- events -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventQuery:
    source: str | None = None
    target: str | None = None
    both: bool = False  # also the reverse direction (target -> source)
    since: str | None = None
    until: str | None = None
    root: str | None = None
    quad: int | None = None
    q: str | None = None  # words in the evidence or the actors' names (case-insensitive, literal)
    place: str | None = None  # the first report's location name
    counting: sq.Counting = sq.Counting()  # which records count: asserted by default


# DuckDB reads the wide rows of a sorted page late (after choosing them by key) for pages of up to
# this many rows (its late_materialization_max_rows), which is several times faster on a large store.
LATE_ROWS = 50


def event_page(con: Con, f: EventQuery, limit: int, offset: int) -> tuple[list[dict[str, Any]], bool]:
    """One page of event records in the store's order, and whether more follow.

    Pages shorter than ``LATE_ROWS`` are read with one extra row to see whether more follow; longer
    ones are read at their size, and a second one-row query looks past the end."""
    if f.q is None and f.place is None and not f.both:
        def fetch(n: int, skip: int) -> list[dict[str, Any]]:
            return sq.events(con, source=f.source, target=f.target, since=f.since, until=f.until,
                              root=f.root, quad=f.quad, limit=n, offset=skip, modality=f.counting)
    else:
        def fetch(n: int, skip: int) -> list[dict[str, Any]]:
            return _search_events(con, f, n, skip)
    if limit < LATE_ROWS:
        rows = fetch(limit + 1, offset)
        return rows[:limit], len(rows) > limit
    rows = fetch(limit, offset)
    return rows, len(rows) == limit and bool(fetch(1, offset + limit))


def _search_events(con: Con, f: EventQuery, limit: int, offset: int) -> list[dict[str, Any]]:
    """Text search, places and both directions of a pair (``dyads.store.queries.events`` has none)."""
    parts, params = filters_sql(f)
    params |= {"limit": limit, "offset": offset}
    where = " AND ".join(parts) or "TRUE"
    if f.q or f.place:  # the first report's evidence, names and place: filter the view
        sql = f"SELECT * FROM events WHERE {where} ORDER BY day NULLS LAST, event_key LIMIT $limit OFFSET $offset"
    else:
        sql = sq.records_page(con, where, " LIMIT $limit OFFSET $offset")
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def filters_sql(f: EventQuery, alias: str = "") -> tuple[list[str], dict[str, Any]]:
    """The filters as SQL conditions on event records (``q`` and ``place``: on the `events` view)
    and their named parameters."""
    parts: list[str] = [*f.counting.conditions(alias)]
    params: dict[str, Any] = {}
    # As in the store's queries: compare the integer code prefixes first (pushed into the scan),
    # then the exact code prefixes.
    s, t = f.source, f.target
    if s and t and f.both:
        parts.append("source_prefix IN ($ps, $pt) AND target_prefix IN ($ps, $pt) AND "
                     "((starts_with(source_code, $s) AND starts_with(target_code, $t)) OR "
                     "(starts_with(source_code, $t) AND starts_with(target_code, $s)))")
        params |= {"s": s, "t": t, "ps": code_prefix(s), "pt": code_prefix(t)}
    elif f.both and (s or t):
        parts.append("(source_prefix = $ps OR target_prefix = $ps) AND "
                     "(starts_with(source_code, $s) OR starts_with(target_code, $s))")
        params |= {"s": s or t, "ps": code_prefix(s or t)}
    else:
        if s:
            parts.append("source_prefix = $ps AND starts_with(source_code, $s)")
            params |= {"s": s, "ps": code_prefix(s)}
        if t:
            parts.append("target_prefix = $pt AND starts_with(target_code, $t)")
            params |= {"t": t, "pt": code_prefix(t)}
    if f.since:
        parts.append("day >= $since")
        params["since"] = sq.parse_period(f.since, "since")
    if f.until:
        parts.append("day <= $until")
        params["until"] = sq.parse_period(f.until, "until", end=True)
    if f.root:
        parts.append("root = $root")
        params["root"] = f.root
    if f.quad is not None:
        parts.append("quad = $quad")
        params["quad"] = f.quad
    if f.q:
        parts.append("(contains(lower(evidence), $q) OR contains(lower(source_name), $q) "
                     "OR contains(lower(target_name), $q))")
        params["q"] = f.q.lower()
    if f.place:
        parts.append("location_name = $place")
        params["place"] = f.place
    return parts, params


# -- dyads and actors ---------------------------------------------------------------------------
def timeline(con: Con, a: str, b: str, by: str, since: str | None, until: str | None,
             counting: sq.Counting = ASSERTED) -> list[dict[str, Any]]:
    """Per period: the store's dyad rows for both directions, A>B and B>A, merged into one dict."""
    rows = sq.dyad(con, a, b, by=by, since=since, until=until, modality=counting)
    points: dict[str, dict[str, Any]] = {}
    for r in rows:
        p = points.setdefault(r["period"], {"period": r["period"]})
        key = {"both": "both", f"{a}>{b}": "a_to_b", f"{b}>{a}": "b_to_a"}.get(r["direction"], "both")
        p[key] = r
    return [points[k] for k in points]


def actor_list(con: Con, limit: int, level: str, counting: sq.Counting = ASSERTED,
               since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    return sq.actors(con, top=limit, level=level, modality=counting, since=since, until=until)


# -- overview -----------------------------------------------------------------------------------
def overview(con: Con, f: EventQuery | None = None, top: int = 10) -> dict[str, Any]:
    """Totals, events per month by QuadClass and the busiest country pairs (both sides with a
    country or IGO code: "civilians" or "the government" of no named country make no pair), of the
    records that pass the filters (``articles`` and ``all_events``: the whole store)."""
    f = f or EventQuery()
    parts, params = filters_sql(f)
    where = " AND ".join(parts) or "TRUE"
    table = "events" if f.q or f.place else "event_records"
    totals = con.execute(f"""SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM event_records),
        count(*), min(day), max(day) FROM {table} WHERE {where}""", params).fetchone() or ()
    by_month = con.execute(f"""
        SELECT strftime(day, '%Y-%m') AS period,
               count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
               count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4)
        FROM {table} WHERE day IS NOT NULL AND length(date) >= 7 AND {where} GROUP BY ALL ORDER BY period""",
                           params).fetchall()
    dyads = con.execute(f"""
        WITH p AS (
          SELECT least(left(source_code, 3), left(target_code, 3)) AS a,
                 greatest(left(source_code, 3), left(target_code, 3)) AS b, quad, goldstein
          FROM {table}
          WHERE source_country IS NOT NULL AND target_country IS NOT NULL
            AND left(source_code, 3) <> left(target_code, 3) AND {where})
        SELECT a, b, count(*) AS events, count(*) FILTER (WHERE quad <= 2) AS cooperation,
               count(*) FILTER (WHERE quad >= 3) AS conflict, avg(goldstein) AS mean_goldstein
        FROM p GROUP BY a, b ORDER BY events DESC, a, b LIMIT $top""", params | {"top": top}).fetchall()
    n_actors = _scalar(con.execute(f"""SELECT count(DISTINCT code) FROM (
        SELECT source_code AS code FROM {table} WHERE {where}
        UNION ALL SELECT target_code FROM {table} WHERE {where})
        WHERE code IS NOT NULL""", params))
    return {
        "articles": totals[0], "all_events": totals[1], "events": totals[2], "actors": n_actors,
        "first_date": _iso(totals[3]), "last_date": _iso(totals[4]),
        "by_month": [{"period": r[0], "quad": list(r[1:5])} for r in by_month],
        "top_dyads": [{"a": r[0], "b": r[1], "events": r[2], "cooperation": r[3], "conflict": r[4],
                       "mean_goldstein": round(r[5], 2) if r[5] is not None else None} for r in dyads],
    }


# -- places -------------------------------------------------------------------------------------
def places(con: Con, f: EventQuery | None = None, limit: int = 500) -> dict[str, Any]:
    """Where the records that pass the filters took place: their first report's location (the
    place its sentence names), grouped by name and coordinates, most events first."""
    f = f or EventQuery()
    parts, params = filters_sql(f)
    where = " AND ".join(parts) or "TRUE"
    counts = con.execute(f"""SELECT count(*), count(*) FILTER (WHERE location_lat IS NOT NULL)
        FROM events WHERE {where}""", params).fetchone() or ()
    rows = con.execute(f"""
        SELECT location_name, location_country, round(location_lat, 3) AS lat, round(location_lon, 3) AS lon,
               count(*) AS n, count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
               count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4)
        FROM events WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL AND {where}
        GROUP BY ALL ORDER BY n DESC, location_name LIMIT $limit""", params | {"limit": limit}).fetchall()
    return {"events": counts[0], "located": counts[1],
            "places": [{"name": r[0], "country": r[1], "lat": r[2], "lon": r[3], "events": r[4],
                        "quad": list(r[5:9])} for r in rows]}


def _scalar(cur: Con) -> Any:
    """The first column of a query's one row (a count)."""
    row = cur.fetchone()
    return row[0] if row is not None else None


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


# -- articles -----------------------------------------------------------------------------------
def article_list(con: Con, q: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    where, params = "TRUE", dict[str, Any](limit=limit, offset=offset)
    if q:
        where = "(contains(lower(coalesce(title, '')), $q) OR contains(lower(id), $q) OR contains(lower(text), $q))"
        params["q"] = q.lower()
    total = _scalar(con.execute(f"SELECT count(*) FROM articles WHERE {where}",
                                {k: v for k, v in params.items() if k == "q"}))
    cur = con.execute(f"""SELECT id, hash, date, title, source, url, num_events FROM articles WHERE {where}
                          ORDER BY date DESC NULLS LAST, id, hash LIMIT $limit OFFSET $offset""", params)
    rows = [{"id": r[0], "hash": r[1], "date": _iso(r[2]), "title": r[3], "source": r[4], "url": r[5],
             "events": r[6] or 0} for r in cur.fetchall()]
    return rows, total


def load_article(con: Con, article_id: str) -> Article | None:
    return sq.load_article(con, article_id)


def ingest(path: Path, art: Article) -> bool:
    """Store one coded article through the store's writer; False when its text was already there."""
    from dyads.store import Store

    with Store.open(path) as store:
        return store.ingest([art]) > 0
