"""Pipeline stage: find dictionary mentions and set up the article's actor resolver."""

from __future__ import annotations

from typing import Any

from dyads.annotate.actors.resolver import ArticleActors
from dyads.model import Article

KEY = "dyads.annotate.actors"


def annotate(article: Article, res: Any) -> Article:
    doc = article.doc
    mentions = res.extras["actor_matcher"].find(doc)
    make = res.extras.get("resolver", ArticleActors)  # PetrarchActors with a user's dictionaries
    doc.user_data[KEY] = make(doc, mentions, res.actors, article.date)
    return article


def resolver_for(article: Article) -> ArticleActors:
    """The actor resolver of an article being annotated (set by :func:`annotate`)."""
    return article.doc.user_data[KEY]
