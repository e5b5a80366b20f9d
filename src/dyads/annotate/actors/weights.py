"""The countries an article is about: how much its dictionary mentions name each, and the one
that clearly leads (the country a bare "the chancellor" or "troops" belongs to)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dyads.annotate.actors.matcher import Mention

COUNTRY_KINDS = {"country", "demonym", "capital", "government", "person", "group"}
PRINCIPAL_MIN_SHARE = 0.4  # of all country mentions; and ahead of the runner-up by half as much again


def country_weights(doc: Any, mentions: list[Mention], day: dt.date | None) -> dict[str, float]:
    """How much the article's dictionary mentions name each country (the first sentence counts
    twice), heaviest first."""
    first_end = next(iter(doc.sents)).end if len(doc) else 0
    weight: dict[str, float] = {}
    for m in mentions:
        e = m.entry
        if e.kind not in COUNTRY_KINDS:
            continue
        country = e.country
        if e.person is not None:
            country = e.person.code_on(day)[1] or country
        if not country:
            continue
        weight[country] = weight.get(country, 0.0) + (2.0 if m.start < first_end else 1.0)
    return dict(sorted(weight.items(), key=lambda kv: -kv[1]))


def principal_country(weights: dict[str, float]) -> str | None:
    """The country an article is about: the heaviest of :func:`country_weights` when it clearly
    leads (at least 40% of the weight, 1.5 times the runner-up, two mentions). None when no country
    leads (a story between two countries)."""
    if not weights:
        return None
    ranked = list(weights.items())
    top, w = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if w >= PRINCIPAL_MIN_SHARE * sum(weights.values()) and w >= 1.5 * second and w >= 2:
        return top
    return None


def named_governments(doc: Any, mention_at: dict[int, Mention]) -> set[str]:
    """The countries whose government the article names as such ("the Australian Government",
    "Britain's government", "the Kremlin"): where "the Government" alone points when no country
    leads the story."""
    out: set[str] = set()
    for i, m in mention_at.items():
        e = m.entry
        if e.kind == "government" and e.country:
            out.add(e.country)
        elif e.kind == "agent" and e.sector == "GOV" and i == m.start and doc[i].lower_ == "government":
            for c in doc[i].children:
                o = mention_at.get(c.i)
                if c.i < i and o is not None and o.entry.kind in ("country", "demonym") and o.entry.country:
                    out.add(o.entry.country)
    return out


LOCAL_WINDOW = 3  # sentences either side: a document may hold several short stories (the Lee corpus)


def local_principal(doc: Any, mentions: list[Mention], day: dt.date | None, sent_starts: list[int],
                    sent: int, article: str | None) -> str | None:
    """The country the passage around sentence ``sent`` is about (``LOCAL_WINDOW`` sentences either
    side; ``sent_starts``: each sentence's first token): :func:`principal_country` of its mentions,
    the ``article``'s when the passage names no country. A bulletin that joins a cricket story to
    one from Gaza has no principal for a bowler."""
    lo = sent_starts[max(0, sent - LOCAL_WINDOW)]
    hi = sent_starts[sent + LOCAL_WINDOW + 1] if sent + LOCAL_WINDOW + 1 < len(sent_starts) else len(doc)
    weights = country_weights(doc, [m for m in mentions if lo <= m.start < hi], day)
    return principal_country(weights) if weights else article
