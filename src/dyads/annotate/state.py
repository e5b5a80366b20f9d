"""What the stages share: the data of the pipeline (:class:`Resources`), the state of one article
while it is annotated (:class:`ArticleState`), and how a stage says what it needs (:func:`stage`).

A stage is a function ``(state, resources) -> None`` wrapped by :func:`stage`, which names it and
declares what it *requires* (fails without), *uses* (reads when an earlier stage gave it) and
*assigns*, as spaCy's ``Language.factory(requires=..., assigns=...)`` does. The names are the
fields of :class:`ArticleState` (``"actors"``, ``"dates"``, ``"attributions"``) and of the
Article (``"article.events"``). :class:`~dyads.annotate.pipeline.Pipeline` checks the
declarations once, when it is built; when a stage fails, the stages that require what it assigns
are not run, and the article's errors say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from dyads.model import Article
from dyads.resources import data_version

if TYPE_CHECKING:
    from dyads.annotate.actors.dictionary import ActorDictionary
    from dyads.annotate.actors.resolver import ArticleActors
    from dyads.annotate.events.cameo import CameoTable
    from dyads.annotate.events.lexicon import Lexicon
    from dyads.annotate.quotes.found import Found
    from dyads.model import Quote

# What every stage may read: the parse and the article as read.
GIVEN = frozenset({"doc", "article.text", "article.date", "article.sentences"})
# token index -> (entity start token, entity end token, resolved date "YYYY[-MM[-DD]]")
Dates = dict[int, tuple[int, int, str]]


@dataclass(slots=True)
class ArticleState:
    """One article while it is annotated: the spaCy Doc and what the stages found so far."""

    article: Article
    doc: Doc
    actors: ArticleActors | None = None  # the actor resolver of this article (stage "actors")
    dates: Dates = field(default_factory=dict)  # resolved DATE entities (stage "dates")
    # every attribution the quotes stage found, nested ones too, with its Quote (stage "quotes")
    attributions: list[tuple[Found, Quote]] = field(default_factory=list)


StageFn = Callable[[ArticleState, "Resources"], None]


@dataclass(frozen=True)
class Resources:
    """Read-only data every stage may use: dictionaries, lexicon, CAMEO table (loaded once), and the
    version string of all data files, recorded on every event."""

    actors: ActorDictionary
    lexicon: Lexicon
    cameo: CameoTable
    extras: dict[str, Any] = field(default_factory=dict)
    version: str = field(default_factory=data_version)


@dataclass(frozen=True, slots=True)
class Stage:
    """A pipeline stage with its declarations."""

    name: str
    run: StageFn
    requires: frozenset[str] = frozenset()
    uses: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()

    def __call__(self, state: ArticleState, res: Resources) -> None:
        self.run(state, res)


def stage(name: str, *, requires: tuple[str, ...] = (), uses: tuple[str, ...] = (),
          assigns: tuple[str, ...] = ()) -> Callable[[StageFn], Stage]:
    """Declare a function a stage: ``@stage("dates", requires=("doc",), assigns=("dates",))``."""

    def wrap(fn: StageFn) -> Stage:
        return Stage(name, fn, frozenset(requires), frozenset(uses), frozenset(assigns))

    return wrap
