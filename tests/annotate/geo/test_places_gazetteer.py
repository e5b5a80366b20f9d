"""Places: the offline gazetteer and event locations."""

from __future__ import annotations

import pytest

from dyads.annotate.geo.stage import gazetteer


@pytest.mark.parametrize(("name", "country", "city"), [
    ("Moscow", "RUS", True), ("Pyongyang", "PRK", True), ("the United States", "USA", False),
    ("Texas", "USA", False), ("Russia", "RUS", False),
])
def test_places_lookup(name, country, city):
    p = gazetteer().lookup(name)
    assert p is not None and p.country == country and p.lat is not None and p.lon is not None
    assert (p.population > 0) is city


@pytest.mark.parametrize(("code", "lat", "lon"), [("RUS", (45, 65), (40, 110)), ("USA", (30, 45), (-110, -80))])
def test_places_country_centroid(code, lat, lon):
    c = gazetteer().country(code)
    assert lat[0] < c.lat < lat[1] and lon[0] < c.lon < lon[1]


@pytest.mark.parametrize("text", [
    "In mid-September, Putin and Kim met at a summit at the space center located in Russia’s "
    "far-eastern Amur region where they inspected the facilities.",
])
def test_places_event_location_region_fallback(code, text):
    art = code(text)
    located = [e.location for e in art.events if e.location is not None]
    assert located and located[0].name == "Amur region" and located[0].country == "RUS"
    assert located[0].lat is not None  # the country centroid: Amur is not in the gazetteer
    places = [e for e in art.entities if e.type == "place" and e.text == "Amur region"]
    assert places and places[0].location.country == "RUS"
