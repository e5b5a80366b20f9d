"""What the resolver makes of a phrase before it is tied to a text span (:class:`Resolved`), and
how two readings of one actor combine ("the president of Russia": the role's sector, the country's
code)."""

from __future__ import annotations

from dataclasses import dataclass

from dyads.annotate.actors.dictionary import Entry


@dataclass(slots=True)
class Resolved:
    """An actor code before it is tied to a text span."""

    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    how: str
    person: bool = False
    plural: bool = False
    at: int | None = None  # for pronouns: token index of the mention that names the actor


def actor_code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


def kind_rank(e: Entry) -> int:
    return {"person": 0, "group": 1, "igo": 1, "government": 2, "capital": 3, "country": 4, "demonym": 5,
            "agent": 6}.get(e.kind, 9)


def merge(a: Resolved | None, b: Resolved | None) -> Resolved | None:
    if a is None:
        return b
    if b is None:
        return a
    country = a.country or b.country
    sector = a.sector or b.sector
    code = a.code if a.code and a.code.startswith("IGO") else actor_code(country, sector)
    return Resolved(code, country, sector, a.name or b.name, f"{a.how}+{b.how}", a.person or b.person, a.plural)
