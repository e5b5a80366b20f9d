"""Pipeline stage: find dictionary mentions and set up the article's actor resolver."""

from __future__ import annotations

from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.state import ArticleState, Resources, stage


@stage("actors", requires=("doc", "article.date"), assigns=("actors",))
def annotate(state: ArticleState, res: Resources) -> None:
    mentions = res.extras["actor_matcher"].find(state.doc)
    make = res.extras.get("resolver", ArticleActors)  # PetrarchActors with a user's dictionaries
    state.actors = make(state.doc, mentions, res.actors, state.article.date)
