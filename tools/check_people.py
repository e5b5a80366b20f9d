#!/usr/bin/env python3
"""Validate src/dyads/data/people.json and print counts.

Checks: schema and value types, ISO dates that parse, start < end,
overlapping roles whose effective codes conflict (unless one is marked
"secondary"), alias collisions between people (case- and
diacritic-insensitive), and a few resolution spot checks.

Resolution rule the data is written for (first match wins):
  role "code"  >  person "code"  >  country + role "sector"  >  country + "default_sector"
where the active role is the non-secondary role whose [start, end) contains the
story date (end null = still in office).

Usage: python tools/check_people.py [path/to/people.json]
Exit status 1 if any error was found.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "src" / "dyads" / "data" / "people.json"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "REB", "OPP", "BUS", "CVL"}
PERSON_KEYS = {"name", "aliases", "country", "default_sector", "roles", "code", "note", "died"}
ROLE_KEYS = {"role", "sector", "start", "end", "approx", "code", "secondary", "note"}
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[A-Z]{3,12}$")
FAR_FUTURE = dt.date(9999, 12, 31)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").casefold()


def parse_date(v, where, errors):
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        errors.append(f"{where}: bad date {v!r}")
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        errors.append(f"{where}: invalid date {v!r}")
        return None


def covered(start, end, intervals) -> bool:
    """True if [start, end) is covered by the union of the [s, e) intervals."""
    cur = start
    for s, e in sorted(intervals):
        if s > cur:
            break
        cur = max(cur, e)
        if cur >= end:
            return True
    return cur >= end


def role_code(person, role):
    if role.get("code"):
        return role["code"]
    if person.get("code"):
        return person["code"]
    return (person.get("country") or "") + (role.get("sector") or "")


def resolve(person, when: dt.date) -> str:
    """Reference implementation of the resolution rule (for spot checks)."""
    for r in person["roles"]:
        if r.get("secondary"):
            continue
        start = dt.date.fromisoformat(r["start"])
        end = dt.date.fromisoformat(r["end"]) if r["end"] else FAR_FUTURE
        if start <= when < end:
            return role_code(person, r)
    if person.get("code"):
        return person["code"]
    return (person.get("country") or "") + (person.get("default_sector") or "")


def check(data) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    if not isinstance(data, dict) or set(data) - {"people"}:
        errors.append("top level must be an object with 'people'")
        return errors, warnings
    people = data.get("people")
    if not isinstance(people, list) or not people:
        errors.append("people must be a non-empty list")
        return errors, warnings

    names = defaultdict(list)
    alias_owner = defaultdict(set)
    for i, p in enumerate(people):
        where = f"people[{i}]"
        if not isinstance(p, dict):
            errors.append(f"{where}: not an object")
            continue
        name = p.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: missing name")
            continue
        where = f"{name!r}"
        names[name].append(i)
        for k in set(p) - PERSON_KEYS:
            errors.append(f"{where}: unknown key {k!r}")
        for k in ("aliases", "country", "default_sector", "roles"):
            if k not in p:
                errors.append(f"{where}: missing key {k!r}")
        country, code = p.get("country"), p.get("code")
        if country is not None and not (isinstance(country, str) and COUNTRY_RE.match(country)):
            errors.append(f"{where}: bad country {country!r}")
        if code is not None and not (isinstance(code, str) and CODE_RE.match(code)):
            errors.append(f"{where}: bad code {code!r}")
        if country is None and code is None:
            errors.append(f"{where}: needs a country or a code")
        ds = p.get("default_sector")
        if ds is not None and ds not in SECTORS:
            errors.append(f"{where}: bad default_sector {ds!r}")
        if "died" in p:
            parse_date(p["died"], f"{where} died", errors)
        if "note" in p and not isinstance(p["note"], str):
            errors.append(f"{where}: note must be a string")

        aliases = p.get("aliases")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            errors.append(f"{where}: aliases must be a list of non-empty strings")
            aliases = []
        if name not in aliases:
            errors.append(f"{where}: full name missing from aliases")
        if len(set(aliases)) != len(aliases):
            errors.append(f"{where}: duplicate aliases")
        for a in aliases:
            if a != a.strip() or "  " in a:
                errors.append(f"{where}: alias has stray whitespace {a!r}")
            curly, straight = a.replace("'", "\u2019"), a.replace("\u2019", "'")
            if ("'" in a and curly not in aliases) or ("\u2019" in a and straight not in aliases):
                errors.append(f"{where}: alias {a!r} lacks its other apostrophe variant")
            alias_owner[fold(a)].add(name)

        roles = p.get("roles")
        if not isinstance(roles, list):
            errors.append(f"{where}: roles must be a list")
            continue
        spans = []
        for j, r in enumerate(roles):
            rw = f"{where} role[{j}]"
            if not isinstance(r, dict):
                errors.append(f"{rw}: not an object")
                continue
            for k in set(r) - ROLE_KEYS:
                errors.append(f"{rw}: unknown key {k!r}")
            for k in ("role", "sector", "start", "end"):
                if k not in r:
                    errors.append(f"{rw}: missing key {k!r}")
            if not isinstance(r.get("role"), str) or not r.get("role"):
                errors.append(f"{rw}: role must be a non-empty string")
            sec, rcode = r.get("sector"), r.get("code")
            if sec is not None and sec not in SECTORS:
                errors.append(f"{rw}: bad sector {sec!r}")
            if rcode is not None and not (isinstance(rcode, str) and CODE_RE.match(rcode)):
                errors.append(f"{rw}: bad code {rcode!r}")
            if sec is None and rcode is None and code is None:
                errors.append(f"{rw}: sector null without a role or person code")
            for k in ("approx", "secondary"):
                if k in r and not isinstance(r[k], bool):
                    errors.append(f"{rw}: {k} must be a boolean")
            start = parse_date(r.get("start"), f"{rw} start", errors)
            end = None if r.get("end") is None else parse_date(r.get("end"), f"{rw} end", errors)
            if start and end and not start < end:
                errors.append(f"{rw}: start {start} is not before end {end}")
            if start and start > dt.date(2026, 12, 31):
                errors.append(f"{rw}: start in the future")
            if "died" in p and r.get("end") is None and start:
                errors.append(f"{rw}: open-ended role for a person who died")
            if start:
                spans.append((start, end or FAR_FUTURE, role_code(p, r), bool(r.get("secondary")), r.get("role")))
        # conflicting overlaps: two primary roles active at once with different codes
        prim = [s for s in spans if not s[3]]
        for a in range(len(prim)):
            for b in range(a + 1, len(prim)):
                s1, s2 = prim[a], prim[b]
                if s1[0] < s2[1] and s2[0] < s1[1] and s1[2] != s2[2]:
                    errors.append(f"{where}: overlapping roles with conflicting codes: "
                                  f"{s1[4]!r} ({s1[2]}) and {s2[4]!r} ({s2[2]})")
        for s in spans:
            if s[3] and not covered(s[0], s[1], [(q[0], q[1]) for q in prim]):
                warnings.append(f"{where}: secondary role {s[4]!r} not fully covered by primary roles")

    for n, idx in names.items():
        if len(idx) > 1:
            errors.append(f"duplicate person name {n!r}")
    collisions = {a: sorted(o) for a, o in alias_owner.items() if len(o) > 1}
    for a, owners in sorted(collisions.items()):
        errors.append(f"alias {a!r} maps to more than one person: {owners}")
    return errors, warnings


SPOT_CHECKS = [
    ("Trump", "2019-06-01", "USAGOV"),
    ("Trump", "2010-06-01", "USABUS"),
    ("Trump", "2025-06-01", "USAGOV"),
    ("Putin", "2010-01-01", "RUSGOV"),
    ("Guterres", "2020-01-01", "IGOUNO"),
    ("Hemedti", "2024-01-01", "SDNREB"),
    ("al-Burhan", "2024-01-01", "SDNGOV"),
    ("Haniyeh", "2020-01-01", "PSEREB"),
    ("Netanyahu", "2022-01-01", "ISROPP"),
    ("Rutte", "2015-01-01", "NLDGOV"),
    ("Jolani", "2020-01-01", "SYRREB"),
    ("Sharaa", "2025-06-01", "SYRGOV"),
]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    data = json.loads(path.read_text(encoding="utf-8"))
    errors, warnings = check(data)
    if not errors:
        by_alias = {}
        for p in data["people"]:
            for a in p["aliases"]:
                by_alias[fold(a)] = p
        for alias, day, want in SPOT_CHECKS:
            p = by_alias.get(fold(alias))
            got = resolve(p, dt.date.fromisoformat(day)) if p else None
            if got != want:
                errors.append(f"spot check {alias!r} on {day}: got {got}, want {want}")
    people = data.get("people", []) if isinstance(data, dict) else []
    n_alias = sum(len(p.get("aliases", [])) for p in people if isinstance(p, dict))
    n_roles = sum(len(p.get("roles", [])) for p in people if isinstance(p, dict))
    n_open = sum(1 for p in people if isinstance(p, dict)
                 for r in p.get("roles", []) if isinstance(r, dict) and r.get("end") is None)
    n_unver = sum(1 for p in people if isinstance(p, dict) and "unverified" in p.get("note", ""))
    n_code = sum(1 for p in people if isinstance(p, dict) and p.get("code"))
    countries = {p.get("country") for p in people if isinstance(p, dict) and p.get("country")}
    print(f"{path}")
    print(f"people: {len(people)}  aliases: {n_alias}  roles: {n_roles}  open roles: {n_open}  "
          f"countries: {len(countries)}  IGO-coded people: {n_code}  notes 'unverified': {n_unver}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
