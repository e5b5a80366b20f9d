"""`dyads events`, `dyads dyad`, `dyads actors`, `dyads sql`: questions to a store (read-only)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from dyads.cli.app import app
from dyads.cli.output import Format, write_rows
from dyads.config import DEFAULT_DB

DB_OPTION = typer.Option(help="The DuckDB store to read.")
FORMAT_OPTION = typer.Option("--format", "-f", help="Output format.")
Modality = Annotated[str, typer.Option(
    help="Which events count, by what their reports say: asserted (the default), claimed, denied, negated, "
         "future, hypothetical; several with commas, or all.")]
Coded = Annotated[bool, typer.Option("--coded", help="Only events whose source and target both have a country "
                                                     "(or IGO) code.")]


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


Wide = Annotated[bool, typer.Option("--wide", help="Every column of the table, however narrow the terminal.")]


def _emit(rows: list[dict[str, Any]], columns: list[str], fmt: Format, title: str | None = None,
          optional: Sequence[str] = (), wide: bool = False) -> None:
    from dyads.store.queries import plain_rows

    if fmt is Format.table:
        write_rows(rows, columns, fmt, title=title, optional=optional, wide=wide)
    else:
        write_rows(plain_rows(rows), columns, fmt)


def _label(cameo: str) -> str:
    from dyads.annotate.events.cameo import label_of

    return label_of(cameo) or ""


def _clip(text: str | None, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 3] + "..."


@app.command("events")
def events_command(
    source: Annotated[str | None, typer.Option(help="Source actor code prefix (RUS matches RUSGOV).")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code prefix.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix on either side.")] = None,
    since: Annotated[str | None, typer.Option(help="From this YYYY, YYYY-MM or YYYY-MM-DD (included).")] = None,
    until: Annotated[str | None, typer.Option(help="To this YYYY, YYYY-MM or YYYY-MM-DD (included).")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 04 (consult).")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 042.")] = None,
    quad: Annotated[int | None, typer.Option(min=1, max=4, help="QuadClass 1-4.")] = None,
    modality: Modality = "asserted",
    coded: Coded = False,
    limit: Annotated[int, typer.Option(min=0, help="At most this many events (0: all).")] = 1000,
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    format: Annotated[Format, FORMAT_OPTION] = Format.table,
    wide: Wide = False,
) -> None:
    """List event records (one per event, however many articles reported it), by date.

    Only asserted events unless --modality says otherwise ("did not condemn", "might attack" and
    "will meet" are negated, hypothetical and future).

    Example: dyads events --source RUS --target PRK --since 2023-01 --until 2024-12 --root 04
    """
    from dyads.store import Store, queries

    with Store.open(db, read_only=True) as store:
        rows = queries.events(store.con, source=source, target=target, actor=actor, since=since, until=until,
                              root=root, cameo=cameo, quad=quad, limit=limit or None, modality=modality, coded=coded)
    if format is Format.table:
        view = [{**r, "event": f"{r['cameo']} {_label(r['cameo'])}".strip(), "evidence": _clip(r["evidence"])}
                for r in rows]
        cols = ["date", "source_code", "event", "target_code", "goldstein", "modality", "num_articles",
                "num_mentions", "article_id", "evidence"]
        _emit(view, cols, format, optional=["num_mentions", "num_articles", "article_id", "goldstein", "modality"],
              wide=wide, title=f"{len(rows)} event(s)" + (" (--limit reached)" if limit and
                                                                    len(rows) == limit else ""))
    else:
        from dyads.store.schema import SCHEMAS

        _emit(rows, SCHEMAS["events"].names, format)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor code prefix, e.g. RUS.")],
    b: Annotated[str, typer.Argument(help="Second actor code prefix, e.g. PRK.")],
    by: Annotated[Period, typer.Option(help="Period length.")] = Period.month,
    since: Annotated[str | None, typer.Option(help="From this YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="To this YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    modality: Modality = "asserted",
    coded: Coded = False,
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    format: Annotated[Format, FORMAT_OPTION] = Format.table,
    wide: Wide = False,
) -> None:
    """A dyad over time: per period and direction (both, A>B, B>A), events by quad class, mean
    Goldstein and net cooperation (cooperative minus conflictual events). Asserted events only
    unless --modality says otherwise.

    Example: dyads dyad RUS PRK --by month --since 2022-01
    """
    from dyads.store import Store, queries

    counted = queries.counting(modality, coded)
    with Store.open(db, read_only=True) as store:
        rows = queries.dyad(store.con, a, b, by=by.value, since=since, until=until, modality=counted,
                            coded=coded)
    _emit(rows, queries.DYAD_COLUMNS, format, title=f"{a.upper()}-{b.upper()} by {by.value} ({counted.describe()})",
          optional=["mentions", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
                    "cooperative", "conflictual"], wide=wide)


@app.command("actors")
def actors_command(
    top: Annotated[int, typer.Option(min=1, help="How many actors.")] = 20,
    country: Annotated[bool, typer.Option("--country", help="Group codes by country (RUSGOV, RUSMIL -> RUS).")] = False,
    since: Annotated[str | None, typer.Option(help="From this YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="To this YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    modality: Modality = "asserted",
    coded: Coded = False,
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    format: Annotated[Format, FORMAT_OPTION] = Format.table,
    wide: Wide = False,
) -> None:
    """The actors in the most event records, as source or target: each code with what it stands
    for (USAGOV: United States — government) and the people most often seen under it.

    Example: dyads actors --top 20 --since 2024
    """
    from dyads.store import Store, queries

    counted = queries.counting(modality, coded)
    with Store.open(db, read_only=True) as store:
        rows = queries.actors(store.con, top=top, since=since, until=until,
                              level="country" if country else "code", modality=counted, coded=coded)
    if format is Format.table:
        rows = [{**r, "people": ", ".join(r["people"])} for r in rows]
    _emit(rows, queries.ACTOR_COLUMNS, format, title=f"top {top} actors ({counted.describe()})",
          optional=["mentions", "country", "as_source", "as_target"], wide=wide)


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(help="One SELECT (or WITH ... SELECT) statement.")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    format: Annotated[Format, FORMAT_OPTION] = Format.table,
) -> None:
    """Run one read-only SQL query on the store (tables: docs/store.md; SHOW TABLES lists them).

    Example: dyads sql "SELECT root, count(*) AS n FROM event_records GROUP BY root ORDER BY n DESC"
    """
    from dyads.store import queries

    with queries.stream_sql(db, query) as res:
        if format is Format.table:
            rows, more = _first_rows(res.batches, TABLE_ROWS)
            _emit([dict(zip(res.columns, r, strict=True)) for r in rows], res.columns, format)
            if more:
                print(f"(the first {TABLE_ROWS:,} rows; use --format csv or --format jsonl for all of them)",
                      file=sys.stderr)
        elif format is Format.csv:
            out = csv.writer(sys.stdout)
            out.writerow(res.columns)
            for batch in res.batches:
                out.writerows(queries.plain_tuple(r) for r in batch)
        else:
            cols = res.columns
            for batch in res.batches:
                sys.stdout.write("".join(json.dumps(dict(zip(cols, queries.plain_tuple(r), strict=True)),
                                                    ensure_ascii=False) + "\n" for r in batch))


TABLE_ROWS = 1_000  # a terminal table shows this many rows of `dyads sql` (as `dyads events`); csv and jsonl stream all


def _first_rows(batches: Iterator[list[tuple]], n: int) -> tuple[list[tuple], bool]:
    """The first ``n`` rows, and whether there were more."""
    rows: list[tuple] = []
    for batch in batches:
        rows.extend(batch)
        if len(rows) > n:
            return rows[:n], True
    return rows, False
