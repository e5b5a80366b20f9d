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
    """Entry point: run the app. A DyadsError becomes one line on stderr (exit 2), anything
    unforeseen one numbered line (E032, exit 1; ``DYADS_DEBUG=1`` shows the traceback), a reader
    that stops reading (``| head``) ends the output quietly; never a traceback."""
    import os

    from dyads.errors import DyadsError, message

    try:
        app()
    except DyadsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(141)  # as a shell reports a command ended by SIGPIPE
    except Exception as exc:
        if os.environ.get("DYADS_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:200] or "no detail"
        print("error: " + message("E032", kind=type(exc).__name__, detail=detail), file=sys.stderr)
        sys.exit(1)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush into the closed pipe is silent."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
