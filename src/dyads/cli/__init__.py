"""The command line: a thin typer layer over the library. One module per command."""

from __future__ import annotations

import sys

# Each module registers its commands on the shared app when imported.
from dyads.cli import code as _code  # noqa: F401  (dyads code)
from dyads.cli import eval as _eval  # noqa: F401  (dyads eval)
from dyads.cli import export as _export  # noqa: F401  (dyads export)
from dyads.cli import ingest as _ingest  # noqa: F401  (dyads ingest, dyads demo)
from dyads.cli import query as _query  # noqa: F401  (dyads events, dyad, actors, sql)
from dyads.cli import serve as _serve  # noqa: F401  (dyads serve)
from dyads.cli import watch as _watch  # noqa: F401  (dyads watch)
from dyads.cli.app import app


def main() -> None:
    """Entry point: run the app; DyadsError becomes one line on stderr, never a traceback."""
    from dyads.errors import DyadsError

    try:
        app()
    except DyadsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
