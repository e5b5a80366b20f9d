"""`dyads serve`: the HTTP API and dashboard over a store (read-only unless started with a token)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dyads.cli import options
from dyads.cli.app import app
from dyads.cli.dictionaries import use_dictionaries
from dyads.config import DEFAULT_DB
from dyads.errors import message


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option(help="The DuckDB store to serve.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(
        help="Interface to listen on (0.0.0.0 exposes it to the network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="DYADS_TOKEN",
        help="Enable POST /api/articles (ingest) for requests sending this bearer token.")] = None,
    model: Annotated[str | None, typer.Option(
        help="spaCy pipeline for POST /api/code and ingest (default: $DYADS_SPACY_MODEL or the bundled one).")] = None,
    dictionaries: options.Dictionaries = None,
    dictionaries_mode: options.DictionariesMode = None,
) -> None:
    """Serve the JSON API and the dashboard: explore dyads, events and articles in a browser.

    Example: dyads serve --db dyads.duckdb --port 8000   (then open http://127.0.0.1:8000/)
    """
    import uvicorn

    from dyads.api import create_app

    if not db.is_file():
        print(f"warning: {message('E043', path=db)}", file=sys.stderr)
    use_dictionaries(dictionaries, dictionaries_mode)
    web = create_app(db, token=token, model=model, preload=True)
    mode = "ingest enabled with token" if token else "read-only"
    print(f"dyads: serving {db} ({mode}) at http://{host}:{port}/  (Ctrl+C to stop)", file=sys.stderr)
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
