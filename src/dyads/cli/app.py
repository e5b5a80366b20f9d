"""The typer application object shared by every command module.

Help texts read well at any width: docstrings are markdown (a paragraph's line breaks are not
kept), and each option shows a plain placeholder (``FILE``, ``N``, ``TEXT``; none for a flag)
instead of the Python type (``<bool>``, ``<list[str]>``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

PLACEHOLDERS: dict[Any, str] = {str: "TEXT", int: "N", float: "NUMBER", Path: "PATH"}


def placeholder(param: Any) -> str | None:
    """What an option's value looks like in the help ('' for a flag); None keeps typer's own."""
    if getattr(param, "is_flag", False):
        return ""
    desc = getattr(param, "type_descriptor", None)
    if desc is None or desc.is_choice:
        return None  # choices are listed as they are
    ann = desc.annotation
    inner = getattr(ann, "__args__", (ann,))
    base = next((PLACEHOLDERS[a] for a in inner if a in PLACEHOLDERS), None)
    if param.param_type_name == "argument":  # its own name says it: PATHS, QUERY, A
        return param.name.upper()
    return base


def _no_type(ctx: Any) -> None:
    return None


def _readable(params: list[Any]) -> list[Any]:
    for p in params:
        if p.metavar is None:
            shown = placeholder(p)
            if shown is not None:
                p.metavar = shown
        if p.param_type_name == "argument":
            p.display_type_rich = _no_type  # the name and the help say what goes there
    return params


class Command(TyperCommand):
    """A typer command whose help shows plain placeholders."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _readable(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return _readable(super().get_params(ctx))


class Typer(typer.Typer):
    def command(self, *args: Any, cls: Any = None, **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or Command, **kwargs)


app = Typer(
    name="dyads",
    help="Who did what to whom: political event data (CAMEO/PLOVER) from news text, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    cls=Group,
)


@app.callback()
def _root() -> None:
    """Who did what to whom: political event data (CAMEO/PLOVER) from news text, offline.

    Example: dyads code story.txt --date 2024-01-17
    """
