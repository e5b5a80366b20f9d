"""GDELT 2.0 Events and Mentions files from a store: tab-separated, no header, GDELT column order.

``<out>/dyads.export.CSV`` has the 61 columns of GDELT 2.0 Events (one row per event record) and
``<out>/dyads.mentions.CSV`` the 16 columns of GDELT 2.0 Mentions (one row per report). Fields
dyads does not produce (ethnic/religion codes, actor geography, FIPS country codes of places)
are empty. Tabs and line breaks inside values become spaces, so every row has exactly the
column count. Written by DuckDB's COPY: millions of rows take seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from dyads.store.export.base import TSV, sql_path
from dyads.store.export.gkg import export_gkg

EVENTS_FILE = "dyads.export.CSV"
MENTIONS_FILE = "dyads.mentions.CSV"


def _text(expr: str) -> str:
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor(n: int, p: str) -> list[tuple[str, str]]:
    return [
        (f"Actor{n}Code", _text(f"e.{p}_code")),
        (f"Actor{n}Name", _text(f"upper(e.{p}_name)")),
        (f"Actor{n}CountryCode", f"e.{p}_country"),
        (f"Actor{n}KnownGroupCode", f"CASE WHEN starts_with(e.{p}_code, 'IGO') THEN substr(e.{p}_code, 4, 3) END"),
        (f"Actor{n}EthnicCode", "NULL"),
        (f"Actor{n}Religion1Code", "NULL"),
        (f"Actor{n}Religion2Code", "NULL"),
        (f"Actor{n}Type1Code", f"e.{p}_sector"),
        (f"Actor{n}Type2Code", "NULL"),
        (f"Actor{n}Type3Code", "NULL"),
    ]


def _geo(prefix: str, located: bool) -> list[tuple[str, str]]:
    return [
        (f"{prefix}_Type", "NULL"),
        (f"{prefix}_FullName", _text("e.location_name") if located else "NULL"),
        (f"{prefix}_CountryCode", "NULL"),  # GDELT uses FIPS 10-4 here; dyads has ISO 3166 alpha-3
        (f"{prefix}_ADM1Code", "NULL"),
        (f"{prefix}_ADM2Code", "NULL"),
        (f"{prefix}_Lat", "e.location_lat" if located else "NULL"),
        (f"{prefix}_Long", "e.location_lon" if located else "NULL"),
        (f"{prefix}_FeatureID", "NULL"),
    ]


# (GDELT column, SQL over `events e LEFT JOIN articles a ON a.hash = e.article_hash`)
EVENT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "e.event_key"),
    ("SQLDATE", "strftime(e.day, '%Y%m%d')"),
    ("MonthYear", "strftime(e.day, '%Y%m')"),
    ("Year", "strftime(e.day, '%Y')"),
    ("FractionDate", "round(year(e.day) + (month(e.day) * 30 + day(e.day)) / 365, 4)"),
    *_actor(1, "source"),
    *_actor(2, "target"),
    ("IsRootEvent", "CASE WHEN e.sentence <= 1 THEN 1 ELSE 0 END"),
    ("EventCode", "e.cameo"),
    ("EventBaseCode", "e.base"),
    ("EventRootCode", "e.root"),
    ("QuadClass", "e.quad"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "e.num_mentions"),
    ("NumSources", "e.num_sources"),
    ("NumArticles", "e.num_articles"),
    ("AvgTone", "e.avg_tone"),
    *_geo("Actor1Geo", False),
    *_geo("Actor2Geo", False),
    *_geo("ActionGeo", True),
    ("DATEADDED", "strftime(e.date_added, '%Y%m%d%H%M%S')"),
    ("SOURCEURL", _text("coalesce(a.url, e.article_id)")),
]

# (GDELT column, SQL over `mentions m JOIN event_records e USING (event_key) LEFT JOIN articles a`)
MENTION_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "m.event_key"),
    ("EventTimeDate", "strftime(e.date_added, '%Y%m%d%H%M%S')"),
    ("MentionTimeDate", "coalesce(strftime(m.article_date, '%Y%m%d000000'), strftime(m.ingested_at, '%Y%m%d%H%M%S'))"),
    ("MentionType", "CASE WHEN a.url IS NOT NULL THEN 1 ELSE 2 END"),
    ("MentionSourceName", _text("m.article_source")),
    ("MentionIdentifier", _text("coalesce(a.url, a.id)")),
    ("SentenceID", "m.sentence + 1"),
    ("Actor1CharOffset", "m.source_start"),
    ("Actor2CharOffset", "m.target_start"),
    ("ActionCharOffset", "m.evidence_start"),
    ("InRawText", "1"),
    ("Confidence", "round(m.confidence * 100)::INTEGER"),
    ("MentionDocLen", "length(a.text)"),
    ("MentionDocTone", "m.article_tone"),
    ("MentionDocTranslationInfo", "NULL"),
    ("Extras", "NULL"),
]

def _select(columns: list[tuple[str, str]]) -> str:
    return ", ".join(f'{expr} AS "{name}"' for name, expr in columns)


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path) -> list[Path]:
    """Write the Events and Mentions files into ``out``; returns their paths."""
    events, mentions = out / EVENTS_FILE, out / MENTIONS_FILE
    con.execute(f"""COPY (SELECT {_select(EVENT_COLUMNS)}
                          FROM events e LEFT JOIN articles a ON a.hash = e.article_hash
                          ORDER BY e.day NULLS LAST, e.event_key)
                    TO '{sql_path(events)}' ({TSV})""")
    con.execute(f"""COPY (SELECT {_select(MENTION_COLUMNS)}
                          FROM mentions m JOIN event_records e USING (event_key)
                          LEFT JOIN articles a ON a.hash = m.article_hash
                          ORDER BY e.day NULLS LAST, m.event_key, m.article_hash, m.evidence_start)
                    TO '{sql_path(mentions)}' ({TSV})""")
    return [events, mentions]


def export(con: duckdb.DuckDBPyConnection, out: Path, tables: Sequence[str] = ()) -> list[Path]:
    """The ``gdelt`` format: Events, Mentions and the GKG file, in that order (``tables`` unused)."""
    return [*export_gdelt(con, out), export_gkg(con, out)]
