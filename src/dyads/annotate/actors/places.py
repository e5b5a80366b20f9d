"""Places the actor dictionaries do not list: a city or US state stands for its country
("shelling in Aleppo" -> SYR), through the offline gazetteer (:mod:`dyads.annotate.geo.gazetteer`)."""

from __future__ import annotations

from dyads.annotate.geo.gazetteer import gazetteer

UNTAGGED_PLACE_MIN_POPULATION = 250_000  # a name the tagger did not call a place: only a large city
FOREIGN_PLACE_MIN_POPULATION = 200_000  # a town abroad when the sentence is about other countries


def place_country(text: str, tagged: bool, named: set[str]) -> tuple[str, str] | None:
    """The country (and place name) of the place ``text``, or None. ``tagged``: the tagger called
    it a place; ``named``: the countries its sentence names (a town of that name there first, else
    only a big city elsewhere)."""
    gaz = gazetteer()
    place = gaz.lookup(text)
    if place is None or place.country is None:
        return None
    if not tagged and place.population < UNTAGGED_PLACE_MIN_POPULATION:
        return None
    if named and place.country not in named:
        local = next((p for c in sorted(named) if (p := gaz.lookup(text, c)) is not None), None)
        if local is None and place.population < FOREIGN_PLACE_MIN_POPULATION:
            return None
        place = local or place
    if place.country is None:
        return None
    return place.country, place.name
