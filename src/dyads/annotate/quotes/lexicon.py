"""The cue lexicon: which words are cues, with which relation, and their kind (data/speech_verbs.json)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dyads.resources import data_error, load

if TYPE_CHECKING:
    pass


LEXICON_FILE = "speech_verbs.json"


QUOTED = "+q"  # lexicon relations scored again for contents that hold a quotation mark


@dataclass(frozen=True)
class CueLexicon:
    """Cue words: for each lemma, a score per relation that carries the content, and a kind."""

    version: str
    threshold: float
    rules: Mapping[str, Mapping[str, float]]
    kinds: Mapping[str, str]
    role_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()

    def score(self, lemma: str, relation: str) -> float:
        return self.rules.get(lemma, {}).get(relation, 0.0)

    def kind(self, lemma: str) -> str:
        return self.kinds.get(lemma, "attitude")


@lru_cache(maxsize=2)
def load_cue_lexicon(name: str = LEXICON_FILE) -> CueLexicon:
    """The versioned cue lexicon shipped with dyads (read once per process)."""
    file = load(name)
    try:
        raw = file.json()
        kinds = {lemma: kind for kind, lemmas in raw["kinds"].items() for lemma in lemmas}
        return CueLexicon(version=file.tag, threshold=float(raw["threshold"]),
                          rules={k: dict(v) for k, v in raw["rules"].items()}, kinds=kinds,
                          role_nouns=frozenset(raw.get("role_nouns", [])),
                          speech_nouns=frozenset(raw.get("speech_nouns", [])))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise data_error(name, f"{type(exc).__name__}: {exc}") from exc
