"""Loading the spaCy pipeline: configurable by name (:mod:`dyads.config`), loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dyads.config import model_name
from dyads.errors import DataError
from dyads.resources import data_error, load

if TYPE_CHECKING:
    from spacy.language import Language

LINE_BREAKS = "dyads_line_breaks"
LEMMA_FIXES = "dyads_lemma_fixes"


def _line_breaks(doc: Any) -> Any:
    """A line break ends a sentence (headlines, datelines, paragraphs): spaCy's parser keeps it."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _lemma_table() -> tuple[str, dict[str, str]]:
    file = load("lemma_fixes.json")
    try:
        return file.tag, dict(file.json()["forms"])
    except (KeyError, TypeError, ValueError) as exc:
        raise data_error(file.name, f"{type(exc).__name__}: {exc}") from exc


def lemma_fixes() -> dict[str, str]:
    """Forms the lemmatizer gets wrong (``dyads/data/lemma_fixes.json``): "hoped" -> "hope"."""
    return _lemma_table()[1]


def _fix_lemmas(doc: Any) -> Any:
    fixes = lemma_fixes()
    for tok in doc:
        lemma = fixes.get(tok.lower_)
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process and name) an installed spaCy pipeline with a parser and NER."""
    import spacy
    from spacy.language import Language

    from dyads.nlp.cache import use_cached_components

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=_line_breaks)
    if not Language.has_factory(LEMMA_FIXES):
        Language.component(LEMMA_FIXES, func=_fix_lemmas)
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["senter"])
    except OSError as exc:
        raise DataError("E020", name=resolved) from exc
    if "parser" not in nlp.pipe_names:
        raise DataError("E021", name=resolved)
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if LEMMA_FIXES not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer" if "lemmatizer" in nlp.pipe_names else None)
    use_cached_components(nlp)
    return nlp
