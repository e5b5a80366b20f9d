"""One attribution as the finder finds it, before its speaker is resolved to an actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dyads.nlp.quotemarks import Region

if TYPE_CHECKING:
    pass


PARENTHETICAL = "around"  # the relation of a parenthetical cue to the clause it stands in


SIGNED = "signature"  # the relation of a quotation signed with a dash and a name ('"…" ― Sonya Herridge')


@dataclass(slots=True)
class Found:
    """One attribution found in the parse, before its speaker is resolved to an actor."""

    start: int  # content span (characters)
    end: int
    cue: Any  # the cue token (spaCy Token)
    cue_start: int
    cue_end: int
    relation: str
    score: float
    source: Any = None  # head token of the speaker mention, or None
    regions: list[Region] = field(default_factory=list)
    kind: str = "speech"
    head: Any = None  # the head token of the content in the parse, when there is one

    @property
    def lemma(self) -> str:
        return self.cue.lemma_.lower()
