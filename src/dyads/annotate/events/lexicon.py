"""The event lexicon (``dyads/data/lexicon.json``): verbs and event nouns mapped to CAMEO codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dyads.resources import data_error, load


@dataclass(frozen=True, slots=True)
class VerbEntry:
    verb: str
    code: str
    obj: frozenset[str] = frozenset()  # object lemmas the verb needs (then the object is the event noun)
    preps: tuple[str, ...] = ()  # prepositions whose object is the target
    sym: bool = False
    need_prep: str | None = None
    need_prt: str | None = None
    no_target_obj: bool = False
    obj_label: str = ""  # the first listed object, for the rule id
    domestic: bool = False  # done within a country (resign, curfew, state of emergency): that country is the target
    need_clause: bool = False  # codes only with a that-clause ("agreed with X that ...")
    # with need_clause: "indicative" ("insisted it had acted") or "subjunctive" ("insisted it act")
    clause_mood: str = ""
    obj_preps: tuple[str, ...] = ()  # prepositions whose object may stand for ``obj`` ("warned X of retaliation")
    # the code when every actor is an armed force ("jets blasted vehicles" 190, where "Kohl blasted the
    # plan" is 111; "troops arrived in Afghanistan" 154, where "the minister arrived in Kabul" is 042)
    armed_code: str = ""

    @property
    def rule(self) -> str:
        parts = [self.verb]
        if self.need_prt:
            parts.append(self.need_prt)
        if self.obj_label:
            parts.append("+" + self.obj_label)
        if self.need_prep:
            parts.append(self.need_prep)
        return f"verb:{'_'.join(parts).replace('_+', '+')}>{self.code}"

    @property
    def specificity(self) -> int:
        return bool(self.obj) * 4 + bool(self.need_prep) * 2 + bool(self.need_prt) * 2 + self.need_clause \
            + bool(self.clause_mood)


@dataclass(frozen=True, slots=True)
class NounEntry:
    noun: str
    code: str
    preps: tuple[str, ...] = ()
    by: tuple[str, ...] = ("by", "from")
    sym: bool = False
    needs: frozenset[str] = frozenset()  # modifier or of-object lemmas required ("missile deliveries")
    light_only: bool = False  # codes only as the object of a light verb ("expressed concern")
    domestic: bool = False
    held: bool = False  # a state one is held in: "X is in the custody of Y" (the holder X is the target)

    @property
    def rule(self) -> str:
        return f"noun:{self.noun.replace(' ', '_')}>{self.code}"


@dataclass
class Lexicon:
    version: str
    verbs: dict[str, list[VerbEntry]] = field(default_factory=dict)
    nouns: dict[str, NounEntry] = field(default_factory=dict)  # by last word lemma or full phrase
    light_verbs: frozenset[str] = frozenset()
    intent_verbs: dict[str, str] = field(default_factory=dict)
    future_codes: dict[str, str] = field(default_factory=dict)
    refuse_codes: dict[str, str] = field(default_factory=dict)
    speech_verbs: frozenset[str] = frozenset()
    control_object_verbs: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    adjectives: dict[str, str] = field(default_factory=dict)  # predicate adjective -> code

    def verb_entries(self, lemma: str) -> list[VerbEntry]:
        return self.verbs.get(lemma, [])

    def noun_entry(self, phrase: str) -> NounEntry | None:
        return self.nouns.get(phrase)


def build_lexicon(raw: dict[str, Any], version: str = "") -> Lexicon:
    lex = Lexicon(
        version=version,
        light_verbs=frozenset(raw.get("light_verbs", [])),
        intent_verbs=dict(raw.get("intent_verbs", {})),
        future_codes=dict(raw.get("future_codes", {})),
        refuse_codes=dict(raw.get("refuse_codes", {})),
        speech_verbs=frozenset(raw.get("speech_verbs", [])),
        control_object_verbs=frozenset(raw.get("control_object_verbs", [])),
        relation_nouns=frozenset(raw.get("relation_nouns", [])),
        adjectives=dict(raw.get("adjectives", {})),
    )
    for v in raw.get("verbs", []):
        entry = VerbEntry(
            verb=v["verb"], code=v["code"], obj=frozenset(v.get("obj", [])), preps=tuple(v.get("preps", [])),
            sym=bool(v.get("sym")), need_prep=v.get("need_prep"), need_prt=v.get("need_prt"),
            no_target_obj=bool(v.get("no_target_obj")), obj_label=(v.get("obj") or [""])[0],
            domestic=bool(v.get("domestic")), need_clause=bool(v.get("need_clause")),
            clause_mood=v.get("clause_mood", ""), obj_preps=tuple(v.get("obj_preps", [])),
            armed_code=v.get("armed_code", ""),
        )
        lex.verbs.setdefault(entry.verb, []).append(entry)
    for entries in lex.verbs.values():
        entries.sort(key=lambda e: -e.specificity)
    for n in raw.get("nouns", []):
        needs = frozenset(n.get("needs", [])) | frozenset(n.get("needs_any_of", []))
        noun = NounEntry(noun=n["noun"], code=n["code"], preps=tuple(n.get("preps", [])),
                         by=tuple(n.get("by", ["by", "from"])), sym=bool(n.get("sym")), needs=needs,
                         light_only=bool(n.get("light_only")), domestic=bool(n.get("domestic")),
                         held=bool(n.get("held")))
        lex.nouns[noun.noun] = noun
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged event lexicon (``data/lexicon.json``, read once per process)."""
    file = load("lexicon.json")
    try:
        return build_lexicon(file.json(), version=file.tag)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise data_error(file.name, f"{type(exc).__name__}: {exc}") from exc
