"""Places: the offline gazetteer and event locations."""

from __future__ import annotations

import pytest

from dyads.annotate.geo.stage import gazetteer


@pytest.mark.parametrize(("name", "country", "city"), [
    ("Moscow", "RUS", True), ("Pyongyang", "PRK", True), ("the United States", "USA", False),
    ("Texas", "USA", False), ("Russia", "RUS", False),
    ("Florida", "USA", False),  # the US state before the Cuban town of that name
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


def _outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """Country outlines of the dashboard's map (Equal Earth SVG paths) as polygons."""
    import json
    import re
    from pathlib import Path

    import dyads.api

    world = json.loads((Path(dyads.api.__file__).parent / "static" / "world.json").read_text(encoding="utf-8"))
    out = {}
    for c in world["countries"]:
        polys = []
        for part in re.findall(r"M([^Mz]+)z", c["d"]):
            start, _, steps = part.partition("l")
            x, y = map(float, start.split(","))
            pts = [(x, y)]
            for step in steps.split():
                dx, dy = map(float, step.split(","))
                x, y = x + dx, y + dy
                pts.append((x, y))
            polys.append(pts)
        out[c["id"]] = polys
    return out


def _inside(pt: tuple[float, float], polys: list[list[tuple[float, float]]], slack: float = 1.5) -> bool:
    """Inside the outline, or within ``slack`` map units (~0.5 degree) of its 1:110m coastline."""
    import math

    x, y = pt
    hits = 0
    near = math.inf
    for poly in polys:
        for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hits += 1
            dx, dy = x2 - x1, y2 - y1
            t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
            near = min(near, math.dist((x, y), (x1 + t * dx, y1 + t * dy)))
    return hits % 2 == 1 or near <= slack


@pytest.mark.parametrize("code", ["RUS", "USA", "CAN", "CHN", "IND", "BRA", "AUS", "KAZ", "ARG", "MEX", "IDN", "NOR",
                                  "CHL", "FRA", "GBR", "PRK", "UKR", "TUR", "IRN", "EGY", "NGA", "ZAF", "JPN", "DEU"])
def test_places_country_point_is_inside_the_country(code):
    """The point that stands for a country lies inside its outline ("Russia" and "Amur region"
    were placed at 52.78N 70.94E, in northern Kazakhstan)."""
    from tools.build_world import project

    c = gazetteer().country(code)
    assert _inside(project(c.lon, c.lat), _outlines()[code]), (code, c.lat, c.lon)


@pytest.mark.parametrize(("name", "country"), [("Kandahar", "AFG"), ("Herat", "AFG"), ("Mazar-e Sharif", "AFG"),
                                               ("Krakow", "POL"), ("Sao Paulo", "BRA"), ("Zurich", "CHE")])
def test_places_a_name_written_without_its_diacritics(name, country):
    """News writes "Kandahar" for the gazetteer's "Kandahār": both find the town."""
    place = gazetteer().lookup(name)
    assert place is not None and place.country == country


def test_places_a_town_written_plainly_is_placed(code):
    """"bombed ... in Kandahar": the event's place has its country and its point."""
    evs = code("US jets bombed Taliban positions in Kandahar on Monday.", "2001-12-10").events
    assert [(e.location.country, e.location.lat is not None) for e in evs if e.location] == [("AFG", True)]
    evs = code("US jets bombed Kandahar on Monday.", "2001-12-10").events
    assert [e.target.country for e in evs if e.target] == ["AFG"]
