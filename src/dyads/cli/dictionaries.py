"""`--dictionaries DIR` for the commands that code: checked before anything is coded."""

from __future__ import annotations

import os
import sys

from dyads.errors import InputError

SHOWN_PROBLEMS = 20


def use_dictionaries(path: str | None, mode: str | None) -> None:
    """Check a PETRARCH dictionary folder (a missing or unreadable one is a one-line E121-E123
    before any article is coded), show its malformed lines (E120 warnings: the rest of each file is
    used), and make it this run's setting: it goes into $DYADS_DICTIONARIES and
    $DYADS_DICTIONARIES_MODE, which worker processes and a local Dask cluster inherit (workers of a
    remote scheduler need the same folder and settings; the runner refuses them otherwise, E092)."""
    from dyads.config import (
        DICTIONARIES_ENV,
        DICTIONARIES_MODE_ENV,
        DICTIONARIES_MODES,
        dictionaries_mode,
        dictionaries_path,
    )
    from dyads.io.petrarch import load_dictionary_dir

    chosen = dictionaries_mode(mode)
    if chosen not in DICTIONARIES_MODES:
        raise InputError("E124", value=chosen)
    folder = dictionaries_path(path)
    if folder is None:
        return
    found = load_dictionary_dir(folder)
    problems = found.problems
    for p in problems[:SHOWN_PROBLEMS]:
        print(f"warning: {p.message}", file=sys.stderr)
    if len(problems) > SHOWN_PROBLEMS:
        print(f"warning: {len(problems) - SHOWN_PROBLEMS} more malformed dictionary lines were skipped "
              f"(dyads.io.petrarch.load_dictionary_dir lists them all)", file=sys.stderr)
    os.environ[DICTIONARIES_ENV] = folder
    os.environ[DICTIONARIES_MODE_ENV] = chosen
