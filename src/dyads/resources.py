"""The read-only data every stage may use, loaded once per pipeline: actor dictionaries, the event
lexicon, the CAMEO table and the phrase matchers compiled for the pipeline's vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Resources:
    """Read-only data every stage may use: dictionaries, lexicon, CAMEO table (loaded once)."""

    actors: Any
    lexicon: Any
    cameo: Any
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """The combined dictionary version recorded on every event."""
        from dyads.nlp.load import lemma_fixes_version

        return "+".join(v for v in (self.actors.version, self.lexicon.version, self.cameo.version,
                                    lemma_fixes_version()) if v)


def load_resources(nlp: Any) -> Resources:
    """Dictionaries, lexicon and CAMEO table, with the phrase matchers compiled for ``nlp``."""
    from dyads.annotate.actors.dictionary import load_actor_dictionary
    from dyads.annotate.actors.matcher import ActorMatcher
    from dyads.annotate.events.cameo import load_cameo
    from dyads.annotate.events.lexicon import load_lexicon
    from dyads.annotate.geo.gazetteer import gazetteer

    actors = load_actor_dictionary()
    gazetteer()  # the place gazetteer the resolver and the places stage share, loaded up front
    return Resources(actors=actors, lexicon=load_lexicon(), cameo=load_cameo(),
                     extras={"actor_matcher": ActorMatcher(nlp, actors)})
