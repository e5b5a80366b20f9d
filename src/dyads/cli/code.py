"""`dyads code`: code articles and print their events (table, jsonl or csv)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from dyads.annotate.events.cameo import label_of
from dyads.cli import options
from dyads.cli.app import app
from dyads.cli.dictionaries import use_dictionaries
from dyads.cli.output import EXIT_PARTIAL, Format, write_csv, write_jsonl, write_table
from dyads.errors import InputError, message
from dyads.io.losses import Losses
from dyads.io.readers import ReadError, count_items, read_inputs, valid_date
from dyads.io.rows import EVENT_COLUMNS, event_row
from dyads.model import Article

TABLE_COLUMNS = ["date", "source", "event", "target", "quad", "goldstein", "modality", "evidence"]


MANY_ITEM_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".tsv", ".tsv.gz", ".warc", ".warc.gz")


def _many_inputs(paths: list[str]) -> bool:
    if len(paths) > 1 or "-" in paths:
        return True
    p = Path(paths[0])
    return p.is_dir() or p.name.endswith(MANY_ITEM_SUFFIXES)


def _table_row(art: Article) -> Iterator[dict]:
    for ev in art.events:
        def who(a) -> str:
            if a is None:
                return "-"
            name = a.name or a.text
            return f"{a.code or '?'} ({name})" if name else (a.code or "?")
        yield {
            "date": ev.date or "",
            "source": who(ev.source),
            "event": f"{ev.cameo} {label_of(ev.cameo) or ''}",
            "target": who(ev.target),
            "quad": ev.quad,
            "goldstein": ev.goldstein,
            "modality": ev.modality,
            "evidence": ev.evidence.text if len(ev.evidence.text) <= 90 else ev.evidence.text[:87] + "...",
        }


@app.command("code")
def code_command(
    paths: options.Paths,
    date: options.Date = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    model: options.Model = None,
    no_model: options.NoModel = False,
    workers: options.Workers = None,
    dask: options.Dask = False,
    scheduler: options.Scheduler = None,
    dictionaries: options.Dictionaries = None,
    dictionaries_mode: options.DictionariesMode = None,
    wide: Annotated[bool, typer.Option(
        "--wide", help="Every column of the table, however narrow the terminal.")] = False,
) -> None:
    """Code articles into events: who did what to whom.

    Example: dyads code article.txt --date 2024-01-17 --format jsonl
    """
    from dyads.runner import annotate

    if date is not None and not valid_date(date):
        raise InputError("E010", item="--date", value=date)
    use_dictionaries(dictionaries, dictionaries_mode)
    many = _many_inputs(paths)
    items = annotate(read_inputs(paths, date=date), model=model, workers=workers, dask=dask, scheduler=scheduler,
                     progress=many, total=count_items(paths) if many else None, event_model=not no_model)
    coded = warned = 0
    lost = Losses()

    def articles() -> Iterator[Article]:
        nonlocal coded, warned
        for item in items:
            if isinstance(item, ReadError):
                lost.add(item.item, item.message)
                print(f"error: {item.message}", file=sys.stderr)
                continue
            for msg in item.errors:
                print(f"warning: {msg}", file=sys.stderr)
            coded += 1
            warned += bool(item.errors)
            yield item

    if format in (Format.jsonl, Format.json):
        write_jsonl(a.to_dict() for a in articles())
    elif format is Format.csv:
        write_csv((event_row(a, e, label_of(e.cameo, short=False) or "") for a in articles() for e in a.events),
                  EVENT_COLUMNS)
    else:
        rows = [r for a in articles() for r in _table_row(a)]
        if coded or not lost.count:  # nothing coded at all: the errors say it, no empty table
            write_table(rows, TABLE_COLUMNS, title=f"{len(rows)} events in {coded} article(s)",
                        optional=["quad", "goldstein", "modality"], wide=wide)
    read = coded + lost.count
    if read > 1 or lost.count:
        parts = [f"{read:,} read", f"{coded:,} coded", lost.describe(),
                 f"{warned:,} with warnings" if warned else ""]
        print(", ".join(p for p in parts if p), file=sys.stderr)
    if coded == 0 and lost.count:
        print(message("E031"), file=sys.stderr)
        raise typer.Exit(1)
    if lost.count:
        raise typer.Exit(EXIT_PARTIAL)
