"""The command line: a thin typer layer over the library. One module per command."""

from __future__ import annotations

import sys

from dyads.cli import code as _code  # noqa: F401  (registers `dyads code` and `dyads demo`)
from dyads.cli.app import app

# Further commands register themselves on import; keep one line per module.
for _mod in ("eval", "ingest", "query", "export", "serve", "watch"):
    try:
        __import__(f"dyads.cli.{_mod}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"dyads.cli.{_mod}":
            raise


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
