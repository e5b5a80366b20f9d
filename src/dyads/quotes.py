"""Stage placeholder: being written (see the issue); returns the article unchanged."""

from __future__ import annotations

from typing import Any

from dyads.model import Article


def annotate(article: Article, res: Any) -> Article:
    return article
