"""PETRARCH's own unit-test suite, coded by dyads from raw text with the suite's dictionaries.

    .venv/bin/python benchmarks/petrarch_suite.py [--ids DEMO-00,DATE-02] [--show N] [--json]

Reads ``../shared/data/peer-suite/petrarch/PETR.UnitTest.records.xml``, loads the ``PETR.Validate.*``
dictionaries of that folder through dyads' PETRARCH readers (``--dictionaries``, replace mode: the
suite's fictional world alone), and codes the text of every active ``<Sentence>`` with its date
(never the given Treebank parse). The ``<Config>`` records between sentences are honoured as
PETRARCH does: ``require_dyad`` (an event needs a coded source and target; when false the missing
side prints ``---``) and ``new_actor_length`` (an uncoded actor phrase of at most N words prints
as its quoted text). The comma options have no counterpart in a dependency parse and are ignored.

Prints, overall and per category: records whose expected (source, target, event) triples are all
produced with no other triple ("fully right"), records that must produce no event and produce none,
and records that expect an error and get it (a discard phrase found; a dateline recognised as
not an actor; ``bad_input_parse`` concerns the given parse, which dyads does not read, so those
records cannot be right).
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "peer-suite" / "petrarch"
RECORDS = "PETR.UnitTest.records.xml"


@dataclass
class Record:
    id: str
    category: str
    date: str  # YYYY-MM-DD
    text: str
    expected: set[tuple[str, str, str]] = field(default_factory=set)
    noevents: bool = False
    error: str | None = None
    config: dict[str, str] = field(default_factory=dict)  # options in force for this record

    @property
    def kind(self) -> str:
        return "error" if self.error else "noevents" if self.noevents else "events"


def read_records(path: Path) -> list[Record]:
    """Active sentences in file order, each with the Config options in force before it."""
    root = ET.parse(path).getroot()
    config: dict[str, str] = {"require_dyad": "true", "new_actor_length": "0"}
    out = []
    sentences = root.find("Sentences")
    for el in sentences if sentences is not None else []:
        if el.tag == "Config":
            config[el.get("option", "")] = (el.get("value") or "").strip().lower()
            continue
        if el.tag != "Sentence" or el.get("sentence") != "true":
            continue
        d = el.get("date", "")
        rec = Record(el.get("id", ""), el.get("category", ""), f"{d[:4]}-{d[4:6]}-{d[6:8]}",
                     " ".join((el.findtext("Text") or "").split()), config=dict(config))
        for ec in el.findall("EventCoding"):
            if ec.get("noevents"):
                rec.noevents = True
            elif ec.get("error"):
                rec.error = ec.get("error")
            elif ec.get("eventcode"):
                rec.expected.add((ec.get("sourcecode", ""), ec.get("targetcode", ""), ec.get("eventcode", "")))
        out.append(rec)
    return out


def actor_codes(a: Any, new_actor_length: int) -> list[str]:
    """PETRARCH's printed code(s) of an actor: ``---`` for none, ``---GOV`` for agents alone,
    every code of ``A/B/C``, and the quoted phrase of an uncoded actor within new_actor_length."""
    if a is None:
        return ["---"]
    if not a.code:
        text = a.text.removesuffix("'s").removesuffix("’s")
        if new_actor_length and len(text.split()) <= new_actor_length:
            return [f'"{text.upper()}"']
        return ["---"]
    codes = a.code.split("/")
    return [c if a.country or c.startswith(("IGO", "NGO")) or len(c) != 3 or c not in SECTORS else "---" + c
            for c in codes]


SECTORS: set[str] = set()


def triples(article: Any, rec: Record) -> set[tuple[str, str, str]]:
    out = set()
    require = rec.config.get("require_dyad", "true") == "true"
    n = int(rec.config.get("new_actor_length", "0") or 0)
    for e in article.events:
        for s in actor_codes(e.source, n):
            for t in actor_codes(e.target, n):
                if require and "---" in (s, t):  # "---GOV" is coded (a sector), "---" is not
                    continue
                if s == "---" and t == "---":
                    continue
                out.add((s, t, e.cameo))
    return out


def judge(rec: Record, article: Any, got: set[tuple[str, str, str]]) -> bool:
    if rec.error:
        discarded = article.meta.get("discarded") or []
        if rec.error in ("storydiscard", "sentencediscard"):
            kind = rec.error.removesuffix("discard")
            return any(d["kind"] == kind for d in discarded)
        if rec.error == "dateline":
            return any("dateline" in why for why in article.meta.get("not_actors", []))
        return False  # bad_input_parse: about the given parse, which dyads does not read
    if rec.noevents:
        return not got
    return got == rec.expected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", type=Path, default=SUITE)
    ap.add_argument("--ids", default="", help="only these record ids (comma-separated)")
    ap.add_argument("--show", type=int, default=0, help="print N wrong records with what was produced")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not (a.suite / RECORDS).is_file():
        raise SystemExit(f"{a.suite / RECORDS} not found: ../shared must be beside the repository")
    from dyads.annotate.pipeline import Pipeline
    from dyads.model import Article

    records = read_records(a.suite / RECORDS)
    if a.ids:
        wanted = set(a.ids.split(","))
        records = [r for r in records if r.id in wanted]
    pipeline = Pipeline(dictionaries=str(a.suite), dictionaries_mode="replace")
    petrarch = pipeline.resources.extras["petrarch"]
    SECTORS.update(e.sector or "" for e in petrarch.agents.phrases.values())
    per: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for rec in records:
        art = pipeline(Article(id=rec.id, text=rec.text, date=rec.date))
        got = triples(art, rec)
        ok = judge(rec, art, got)
        for key in ("all", rec.category):
            per[key][rec.kind] += 1
            per[key][rec.kind + "_right"] += ok
        if not ok:
            wrong.append((rec, got, art))
    rows = {}
    for key in ["all", *sorted(k for k in per if k != "all")]:
        c = per[key]
        total = sum(c[k] for k in ("events", "noevents", "error"))
        right = sum(c[k + "_right"] for k in ("events", "noevents", "error"))
        rows[key] = {"records": total, "right": right, "share": round(right / total, 3) if total else None,
                     **{k: f"{c[k + '_right']}/{c[k]}" for k in ("events", "noevents", "error") if c[k]}}
    if a.json:
        print(json.dumps({"problems": len(petrarch.problems), "categories": rows}))
        return
    print(f"PETRARCH unit suite: {len(records)} active records, dictionaries {petrarch.version} "
          f"({len(petrarch.problems)} malformed line(s) skipped)")
    print(f"{'category':10} {'records':>7} {'fully right':>12} {'share':>6}  {'events':>8} {'noevents':>9} "
          f"{'error':>6}")
    for key, r in rows.items():
        print(f"{key:10} {r['records']:>7} {r['right']:>12} {r['share']:>6}  {r.get('events', '-'):>8} "
              f"{r.get('noevents', '-'):>9} {r.get('error', '-'):>6}")
    for rec, got, art in wrong[:a.show]:
        want = sorted(rec.expected) if rec.expected else ("noevents" if rec.noevents else f"error {rec.error}")
        print(f"\n{rec.id} [{rec.category}] {rec.text}\n  expected {want}\n  produced {sorted(got)}")
        for e in art.events:
            print(f"    {e.rule}  {e.source and e.source.text!r} -> {e.target and e.target.text!r}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
