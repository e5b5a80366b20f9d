"""CASE 2021 Task 2 snippets (``case2021-dev.jsonl``): coverage, and a check of the coded roots
against the snippet's ACLED-style event type.

Those files carry an event-type ``label`` per snippet but no actors or CAMEO codes, so they cannot
be scored like gold events. Two numbers are still useful: coverage (share of snippets where at
least one event is coded; every snippet reports an event) and consistency (share of snippets
with a mapped label where at least one coded event has one of the CAMEO roots the label implies).

The mapping is ours, read off the CAMEO 1.1b3 codebook; labels with no sensible CAMEO root
(disasters, crime, changes inside a group, claims of responsibility, "other") are left out of
the consistency figure but still count for coverage.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from dyads.eval.classes import root_of

EXPECTED_ROOTS: dict[str, tuple[str, ...]] = {
    "ABDUCT_DISSAP": ("18", "17"),          # 181 abduct / take hostage; 173 detain
    "AGREEMENT": ("05", "03", "08"),        # 057 sign agreement; 03 intent; 08 yield (ceasefire)
    "AIR_STRIKE": ("19", "18"),             # 195 employ aerial weapons
    "ARMED_CLASH": ("19", "18"),            # 190/193 fight with small arms
    "ARREST": ("17",),                      # 173 arrest, detain
    "ART_MISS_ATTACK": ("19", "18"),        # 194 fight with artillery and tanks
    "ATTACK": ("18", "19"),                 # 18 assault / 19 fight
    "CHEM_WEAP": ("20", "19", "18"),        # 2041 use chemical weapons
    "DIPLO": ("16", "04", "05", "03"),      # 161/166 reduce relations, expel; 04 consult; 05 cooperate
    "DISR_WEAP": ("17",),                   # 171 seize or damage property (arms caches, intercepted bombs)
    "FORCE_AGAINST_PROTEST": ("17", "18"),  # 175 use repression
    "GOV_REGAINS_TERIT": ("19",),           # 192 occupy territory
    "GRENADE": ("18", "19"),                # 183 bombing / 190 use conventional force
    "HQ_ESTABLISHED": ("15",),              # 15 exhibit force posture (bases, posts)
    "MOB_VIOL": ("18", "14"),               # 180 assault; 145 riot
    "NON_STATE_ACTOR_OVERTAKES_TER": ("19",),  # 192 occupy territory
    "NON_VIOL_TERRIT_TRANSFER": ("08",),    # 0874 retreat or surrender militarily
    "PEACE_PROTEST": ("14",),               # 141 demonstrate or rally
    "PROPERTY_DISTRUCT": ("17", "14", "18"),  # 171 damage property; 145 riot
    "PROTEST_WITH_INTER": ("14", "17"),     # 14 protest; 175 repression
    "REM_EXPLOS": ("18", "19"),             # 183 bombing (IEDs, landmines)
    "SEX_VIOL": ("18",),                    # 1821 sexually assault
    "SUIC_BOMB": ("18",),                   # 1831 suicide bombing
    "VIOL_DEMONSTR": ("14", "18"),          # 145 protest violently, riot
}
UNMAPPED = ("ATTRIB", "CHANGE_TO_GROUP_ACT", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME", "OTHER")


def label_report(records: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Coverage overall and per label, and consistency of coded roots with mapped labels."""
    snippets: Counter = Counter()
    covered: Counter = Counter()
    consistent: Counter = Counter()
    for rec in records:
        label = str(rec.get("label") or "?")
        events = (predictions.get(str(rec["id"])) or {}).get("events") or []
        snippets[label] += 1
        covered[label] += bool(events)
        roots = {f"{r:02d}" for e in events if (r := root_of(e)) is not None}
        consistent[label] += bool(roots & set(EXPECTED_ROOTS.get(label, ())))
    mapped = [lab for lab in snippets if lab in EXPECTED_ROOTS]
    n_mapped = sum(snippets[lab] for lab in mapped)
    total = sum(snippets.values())
    return {
        "snippets": total,
        "with_events": sum(covered.values()),
        "coverage": round(sum(covered.values()) / total, 4) if total else None,
        "mapped_snippets": n_mapped,
        "consistent": sum(consistent[lab] for lab in mapped),
        "consistency": round(sum(consistent[lab] for lab in mapped) / n_mapped, 4) if n_mapped else None,
        "per_label": {lab: {"snippets": snippets[lab], "coverage": round(covered[lab] / snippets[lab], 4),
                            "expected_roots": list(EXPECTED_ROOTS.get(lab, ())),
                            "consistency": round(consistent[lab] / snippets[lab], 4) if lab in EXPECTED_ROOTS
                            else None}
                      for lab in sorted(snippets)},
    }
