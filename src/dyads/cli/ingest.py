"""`dyads ingest`: code articles into the store; `dyads demo`: the bundled examples, end to end."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dyads.cli import options
from dyads.cli.app import app
from dyads.cli.dictionaries import use_dictionaries
from dyads.cli.output import EXIT_PARTIAL, write_table
from dyads.config import DEFAULT_DB
from dyads.errors import DyadsError, InputError, message
from dyads.io.readers import valid_date

if TYPE_CHECKING:
    from dyads.services.ingest import IngestReport

DB_HELP = "The DuckDB store file (created if missing)."


@app.command("ingest")
def ingest_command(
    paths: options.Paths,
    db: Annotated[Path, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    date: options.Date = None,
    model: options.Model = None,
    no_model: options.NoModel = False,
    workers: options.Workers = None,
    dask: options.Dask = False,
    scheduler: options.Scheduler = None,
    dictionaries: options.Dictionaries = None,
    dictionaries_mode: options.DictionariesMode = None,
    batch_size: Annotated[int, typer.Option(
        envvar="DYADS_INGEST_BATCH", min=1, help="Articles per transaction: a killed run loses at most one batch.",
    )] = 256,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per committed batch on stderr.")] = False,
    wait: options.Wait = options.DEFAULT_WAIT,
) -> None:
    """Code articles and store them, deduplicated, in a DuckDB file. Safe to rerun or resume.

    Texts already in the store are skipped; the same event reported by several articles becomes
    one event record with num_mentions / num_articles / num_sources.

    Example: dyads ingest news.jsonl.gz --db dyads.duckdb --workers 4
    """
    from dyads.services.ingest import ingest

    if date is not None and not valid_date(date):
        raise InputError("E010", item="--date", value=date)
    use_dictionaries(dictionaries, dictionaries_mode)
    seconds = options.wait_seconds(wait)
    report = ingest(paths, db, date=date, model=model, event_model=not no_model, workers=workers, dask=dask,
                    scheduler=scheduler, batch_size=batch_size, progress=True, wait=seconds,
                    on_wait=options.say_waiting,
                    on_error=lambda msg: print(f"error: {msg}", file=sys.stderr),
                    on_batch=_log_batch if verbose else None)
    print(f"{db}: {report.summary()}")
    if report.failed and not (report.coded or report.skipped):
        print(message("E031"), file=sys.stderr)
        raise typer.Exit(1)
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)


def _log_batch(report: IngestReport) -> None:
    w = report.written
    print(f"batch {report.batches} committed: {w.articles} new article(s), {w.mentions} mention(s) so far",
          file=sys.stderr, flush=True)


def example_paths() -> list[Path]:
    """The bundled example texts (src/dyads/examples: *.jsonl and *.txt)."""
    import dyads.examples

    folder = Path(dyads.examples.__file__).parent
    return sorted(p for p in folder.iterdir() if p.name.endswith((".jsonl", ".txt")))


@app.command("demo")
def demo_command(
    db: Annotated[Path, typer.Option(help=DB_HELP)] = DEFAULT_DB,
) -> None:
    """Code the bundled example stories, store them and show the events per dyad.

    Example: dyads demo && dyads dyad TUR SYR --by month
    """
    from dyads.io.readers import ReadError, read_inputs
    from dyads.io.rows import event_row
    from dyads.model import Article
    from dyads.runner import annotate
    from dyads.store import Store, queries

    paths = example_paths()
    if not paths:
        raise InputError("E007", item="bundled examples (dyads/examples)")
    items = list(annotate(read_inputs(paths)))
    for it in items:
        if isinstance(it, ReadError):
            print(f"error: {it.message}", file=sys.stderr)
    articles = [it for it in items if isinstance(it, Article)]
    n_events = sum(len(a.events) for a in articles)
    try:
        with Store.open(db) as store:
            new = store.ingest(items)
            rows = queries.top_dyads(store.con, top=20)
    except DyadsError as exc:
        print(f"warning: cannot store the examples ({exc}); showing the coded events instead", file=sys.stderr)
        rows = [event_row(a, e) for a in articles for e in a.events]
        write_table(rows, ["article_id", "date", "source_code", "cameo", "target_code", "goldstein", "evidence"],
                    title=f"{n_events} events in {len(articles)} example article(s)")
        return
    write_table(rows, ["source", "target", "events", "mentions", "mean_goldstein"],
                title=f"events per dyad in {db} ({new} new of {len(articles)} example article(s), {n_events} events)")
    if rows:
        first = rows[0]
        print(f"next: dyads events --source {first['source'][:3]} --target {first['target'][:3]} --db {db}   "
              f"|   dyads dyad {first['source'][:3]} {first['target'][:3]} --by month --db {db}")
