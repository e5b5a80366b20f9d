"""The actor dictionaries (versioned JSON files in ``dyads/data``) as one lookup structure.

Files: countries.json (names, demonyms, abbreviations, capitals, government metonyms),
igos.json (international organisations and NGOs), agents.json (role words -> sector),
people.json (named people with dated roles). See ``dyads/data/README.md`` for the formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from dyads.annotate.actors.phoenix import load_generated
from dyads.resources import data_error, load

EntryKind = Literal["country", "demonym", "capital", "government", "igo", "person", "group", "agent"]


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    code: str | None = None  # overrides the person's code for this role (e.g. IGOEU)
    secondary: bool = False  # held alongside a main role; not used to pick the code

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str | None
    code: str | None  # overrides country+sector (e.g. IGOUNO for the UN Secretary-General)
    default_sector: str | None
    roles: tuple[Role, ...]

    def on(self, day: dt.date | None) -> tuple[str | None, Role | None]:
        """(sector, role) on a date. Undated text takes the most recent main role that is an office
        (not ELI, the sector of former office holders): news that names someone without a date
        is most often about them in office, and the most recent office is the likeliest one."""
        main = [r for r in self.roles if not r.secondary]
        if day is None:
            offices = [r for r in main if r.sector != "ELI" or r.code] or main
            latest = max(offices, key=lambda r: r.start or dt.date.min, default=None)
            return (latest.sector if latest else self.default_sector), latest
        for r in main:
            if r.holds_on(day):
                return r.sector, r
        return self.default_sector, None

    def code_on(self, day: dt.date | None) -> tuple[str | None, str | None, str | None, Role | None]:
        """(code, country, sector, role) on a date: role code, person code, country + sector."""
        sector, role = self.on(day)
        if role is not None and role.code:
            if role.code.startswith("IGO"):
                return role.code, None, None, role
            return role.code, role.code[:3], role.code[3:] or None, role
        if self.code:
            return self.code, None, None, role
        if self.country:
            return (self.country + sector if sector else self.country), self.country, sector, role
        return None, None, None, role


@dataclass(frozen=True, slots=True)
class Entry:
    """What one dictionary phrase means."""

    kind: EntryKind
    country: str | None = None
    sector: str | None = None
    code: str | None = None  # full code for IGOs
    name: str | None = None  # canonical name (country, IGO or person)
    person: Person | None = None
    source: str = ""  # a user's dictionary file (name@sha8) the entry comes from; "" for dyads' own


@dataclass
class ActorDictionary:
    version: str
    # phrase (lower-cased unless case-sensitive) -> entry
    phrases: dict[str, Entry] = field(default_factory=dict)
    case_sensitive: dict[str, Entry] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> name
    sectors: dict[str, str] = field(default_factory=dict)  # sector -> label
    non_actor_heads: frozenset[str] = frozenset()  # "team", "singer": people outside politics
    generated: Any = None  # GeneratedActors (phoenix.json): tokenized phrases, found without PhraseMatcher

    def add(self, phrase: str, entry: Entry, case_sensitive: bool = False) -> None:
        phrase = " ".join(phrase.split())
        if not phrase:
            return
        if case_sensitive:
            self.case_sensitive.setdefault(phrase, entry)
        else:
            self.phrases.setdefault(phrase.lower(), entry)

    def lookup(self, text: str) -> Entry | None:
        text = " ".join(text.split())
        return self.case_sensitive.get(text) or self.phrases.get(text.lower())


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in s.strip()


def _variants(phrase: str) -> list[str]:
    """The phrase plus apostrophe and leading-article variants."""
    out = {phrase, phrase.replace("'", "’"), phrase.replace("’", "'")}
    for p in list(out):
        if p.lower().startswith("the "):
            out.add(p[4:])
    return sorted(out)


DICTIONARY_FILES = ("countries.json", "igos.json", "agents.json", "people.json", "groups.json", "phoenix.json")


def build_dictionary(countries: dict[str, Any], igos: dict[str, Any], agents: dict[str, Any],
                     people: dict[str, Any], groups: dict[str, Any] | None = None,
                     version: str = "", generated: dict[str, Any] | None = None) -> ActorDictionary:
    """Combine the dictionary files. Earlier sources win on a clash: people, groups, IGOs,
    countries, agents (so "Georgia" the country is not shadowed by a role word), then the
    generated Phoenix file (phoenix.json), whose phrases only add what the others lack."""
    groups = groups or {}
    d = ActorDictionary(version=version)
    named: dict[str, Entry] = {}

    def add(phrase: str | dict[str, Any], entry: Entry) -> None:
        if isinstance(phrase, dict):
            text, cs = phrase.get("text", ""), bool(phrase.get("case_sensitive"))
        else:
            text, cs = phrase, _is_acronym(phrase)
        for v in _variants(text):
            d.add(v, entry, case_sensitive=cs)

    for p in people.get("people", []):
        roles = tuple(
            Role(r.get("role", ""), r.get("sector"), _date(r.get("start")), _date(r.get("end")),
                 r.get("code"), bool(r.get("secondary")))
            for r in p.get("roles", [])
        )
        person = Person(p["name"], p.get("country"), p.get("code"), p.get("default_sector"), roles)
        entry = Entry("person", country=p.get("country"), code=p.get("code"), name=p["name"], person=person)
        named.setdefault(f"person:{p['name']}", entry)
        for alias in {p["name"], *p.get("aliases", [])}:
            add(alias, entry)

    for g in groups.get("groups", []):
        roles = tuple(
            Role(r.get("role", ""), r.get("sector"), _date(r.get("start")), _date(r.get("end")), r.get("code"))
            for r in g.get("roles", [])
        )
        org = Person(g["name"], g.get("country"), g.get("code"), g.get("default_sector"), roles)
        entry = Entry("group", country=g.get("country"), code=g.get("code"), name=g["name"], person=org)
        named.setdefault(f"group:{g['name']}", entry)
        for alias in {g["name"], *g.get("aliases", [])}:
            add(alias, entry)

    for group in ("igos", "ngos"):
        for o in igos.get(group, []):
            entry = Entry("igo", code=o["code"], name=o["name"])
            named.setdefault(f"igo:{o['name']}", entry)
            for n in [o["name"], *o.get("names", [])]:
                add(n, entry)

    for c in countries.get("countries", []):
        code, name = c["code"], c["name"]
        d.country_names[code] = name
        for n in [name, *c.get("names", []), *c.get("abbreviations", [])]:
            add(n, Entry("country", country=code, name=name))
        for n in c.get("demonyms", []):
            add(n, Entry("demonym", country=code, name=name))
        for n in c.get("capitals", []):
            add(n, Entry("capital", country=code, sector="GOV", name=name))
        for key, sector in (("government", "GOV"), ("military", "MIL"), ("legislature", "LEG")):
            for n in c.get(key, []):
                add(n, Entry("government", country=code, sector=sector, name=name))

    d.non_actor_heads = frozenset(w.lower() for w in agents.get("non_actor_heads", []))
    for sector, spec in agents.get("sectors", {}).items():
        d.sectors[sector] = spec.get("label", sector)
        for w in spec.get("words", []):
            add(w, Entry("agent", sector=sector))
    if generated:
        d.generated = load_generated(generated, lambda value: _generated_entry(value, named))
    return d


GENERATED_KINDS: dict[str, EntryKind] = {"p": "person", "g": "group", "i": "igo", "n": "igo", "c": "country"}


def _generated_entry(value: list[Any] | str, named: dict[str, Entry]) -> Entry | None:
    """The entry of a phoenix.json row, of "agent:SECTOR", or of one of dyads' own entries ("person:X")."""
    if isinstance(value, str):
        if value.startswith("agent:"):
            return Entry("agent", sector=value.removeprefix("agent:"))
        return named.get(value)
    kind, name, country, code, default_sector, roles = value
    if kind in ("i", "n"):
        return Entry("igo", code=code, name=name)
    if kind == "c":
        return Entry("country", country=country, name=name)
    person = Person(name, country, code, default_sector,
                    tuple(Role("", sector, _date(start), _date(end), own) for sector, own, start, end in roles))
    return Entry(GENERATED_KINDS[kind], country=country, code=code, name=name, person=person)


@lru_cache(maxsize=1)
def load_actor_dictionary() -> ActorDictionary:
    """The packaged dictionaries (read once per process)."""
    files = [load(name) for name in DICTIONARY_FILES]
    countries, igos, agents, people, groups, phoenix = (f.json() for f in files)
    try:
        return build_dictionary(countries, igos, agents, people, groups, version=";".join(f.tag for f in files),
                                generated=phoenix)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise data_error("+".join(DICTIONARY_FILES), f"{type(exc).__name__}: {exc}") from exc
