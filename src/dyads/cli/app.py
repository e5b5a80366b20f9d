"""The typer application object shared by every command module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dyads",
    help="Who did what to whom: political event data (CAMEO/PLOVER) from news text, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Who did what to whom: political event data (CAMEO/PLOVER) from news text, offline.

    Example: dyads code story.txt --date 2024-01-17
    """
