"""Event patterns over the dependency parse.

For every verb: look it up in the lexicon (a verb with a required object, "held talks" through a
light verb and an event noun, or a plain verb), find its source (subject, inherited subject of
conjoined / controlled verbs, the "by" agent of a passive) and target (object, listed prepositions on
the verb or its object, the passive subject), expand compound arguments into one event per pair,
and work out modality (negation, future and intent, refusal, threats). Event nouns that stand on
their own with actors ("sanctions by the U.S.", "talks between X and Y") become nominal events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from spacy.tokens import Span

from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.events.arguments import (
    LOCATIVE_PREPS,
    NOT_TARGET_LEMMAS,
    QUANTITY_NOUNS,
    _date_prep,
    expand_conj,
    possessed,
)
from dyads.annotate.events.lexicon import Lexicon, NounEntry, VerbEntry
from dyads.annotate.events.modality import ModalityReader
from dyads.model import Actor
from dyads.resources import words

MUTUAL_GOVERNORS = words("verbs.mutual_governors")
VENUE_ROOTS = {"04"}  # consultations: the place they are held in is a venue, never their target
VIOLENT_ROOTS = {"19", "20"}  # fighting, mass violence: what is hit is often a place or a thing
SERIES_NOUNS = words("nouns.series")
ENDING_NOUNS = words("nouns.ending")  # "an end to attacks", "a halt to the shelling"
ALLEGATION_NOUNS = words("nouns.allegation")  # "a charge Russia denies": the charge's maker is the target
EFFORT_NOUNS = words("nouns.effort")  # "mediation efforts", "the peace process": the modifier is the event
QUESTION_VERBS = words("verbs.question")  # "asked why ...": a question, not a request
WH_WORDS = words("wh_words")


@dataclass(slots=True)
class Found:
    """An event found in the parse, before it becomes an :class:`Event`."""

    trigger: Any  # token
    code: str
    rule: str
    source: Actor | None
    target: Actor | None
    modality: str
    confidence: float
    evidence: tuple[int, int]  # token range [start, end)
    date_token: Any  # token whose clause gives the date


class SentenceCoder(ModalityReader):
    """Finds events in one parsed article, sentence by sentence."""

    def __init__(self, actors: ArticleActors, lexicon: Lexicon) -> None:
        self.actors = actors
        self.lex = lexicon
        self.consumed: set[int] = set()  # event nouns already used by a verb pattern

    # ---- verbs ----------------------------------------------------------------------------
    def match_verb(self, v: Any) -> tuple[VerbEntry | NounEntry | None, Any]:
        """The lexicon entry for a verb and the event noun it governs (if any)."""
        lemma = v.lemma_.lower()
        kids = list(v.children)
        prts = {c.lower_ for c in kids if c.dep_ == "prt"}
        preps = {c.lower_ for c in kids if c.dep_ in ("prep", "agent") and not _date_prep(c)} | prts
        # "pushed for the constitution to be revised": the parser makes "for" the mark of a clause
        preps |= {m.lower_ for c in kids if c.dep_ == "advcl"
                  for m in c.children if m.dep_ == "mark" and m.lower_ == "for"}
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        if not objs:  # "declared a state of siege to begin at midnight": the parser's subject of the infinitive
            objs = [s for c in kids if c.dep_ in ("ccomp", "xcomp") and any(a.tag_ == "TO" for a in c.children)
                    for s in c.children if s.dep_ == "nsubj" and s.i < c.i]
        if not objs:
            objs = [p for c in kids if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"][:1]
        objs += [inner for o in objs if o.lemma_.lower() in QUANTITY_NOUNS for inner in self.prep_objects(o, ("of",))]
        objs += [m for o in objs if o.lemma_.lower() in EFFORT_NOUNS
                 for m in o.children if m.dep_ == "compound" and m.pos_ == "NOUN"]
        plain = None
        for e in self.lex.verb_entries(lemma):
            if e.need_prt and e.need_prt not in prts:
                continue
            if e.need_prep and e.need_prep not in preps:
                continue
            if e.need_clause and not any(c.dep_ == "ccomp" and _mood_fits(c, e.clause_mood) for c in kids):
                continue
            if e.obj:
                cands = objs + (self.prep_objects(v, e.obj_preps) if e.obj_preps else [])
                hit = next((o for o in cands if o.lemma_.lower() in e.obj or o.lower_ in e.obj), None)
                if hit is not None:
                    return e, hit
                continue
            if plain is None:
                plain = e
        if lemma in self.lex.light_verbs:
            for o in objs:
                n = self.noun_entry(o)
                if n is not None:
                    return n, o
            for o in objs:  # "began a new round of talks", "carried out a series of raids"
                if o.lemma_.lower() in SERIES_NOUNS:
                    for inner in self.prep_objects(o, ("of",)):
                        n = self.noun_entry(inner)
                        if n is not None:
                            return n, inner
        return plain, None

    def noun_entry(self, tok: Any) -> NounEntry | None:
        lemma = tok.lemma_.lower()
        if any(c.lower_ == "joint" and c.dep_ in ("amod", "compound") for c in tok.children):
            # "joint (military) exercises", "joint war games": done together
            near = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1]
            for key in [f"joint {w} {lemma}" for w in near] + [f"joint {lemma}", f"joint {tok.lower_}"]:
                n = self.lex.noun_entry(key)
                if n is not None:
                    return n
        comp = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
        if comp:
            first = comp[0].lower_
            n = self.lex.noun_entry(f"{first} {lemma}") or self.lex.noun_entry(f"{first} {tok.lower_}")
            if n is not None:
                return n
        n = self.lex.noun_entry(lemma) or self.lex.noun_entry(tok.lower_)
        if n is not None and n.needs:
            near = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            near += self.prep_objects(tok, ("of",))
            mods = {c.lemma_.lower() for c in near} | {c.lower_ for c in near}
            if not mods & n.needs:
                return None
        return n

    def verb_events(self, v: Any) -> list[Found]:
        """The events of one verb: its lexicon entry, arguments, targets, modality and code."""
        entry, noun = self.match_verb(v)
        if entry is None or not (entry.code or getattr(entry, "armed_code", "")):
            return []  # an empty code: the lexicon says this is no event (but for armed forces, if it says so)
        if self.defers_event(v):
            return []
        if noun is not None:
            self.consumed.add(noun.i)
        passive = _passive(v)
        src_heads, tgt_heads = self.verb_arguments(v, entry, noun, passive)
        sources = self.resolve_all(src_heads)
        targets, rule_suffix = self.verb_targets(v, entry, noun, passive, src_heads, tgt_heads, sources)
        pair = self.hyphen_pair([c for c in noun.children if c.i < noun.i]) \
            if noun is not None and passive and not self.agent_objects(v) else []
        if pair:  # "a US-China summit will be held": the two parties the noun names
            sources, targets, rule_suffix = pair[:1], pair[1:], "+hyphen_pair"
        if not sources and not targets:
            return []
        modality, kind = self.modality(v)
        base, sense = _labour_sense(entry.code, noun or v, sources), "labour"
        if isinstance(entry, VerbEntry) and entry.armed_code and sources and all(s.sector in ARMED for s in sources):
            base, sense = entry.armed_code, "armed"
        if not base:  # "people arrived in Australia": only an armed force's arrival is an event
            return []
        code, modality, failed = self.modal_code(base, modality, kind)
        rule = entry.rule if noun is None or isinstance(entry, VerbEntry) else f"light:{v.lemma_.lower()}+{entry.rule}"
        if not entry.code:  # "verb:arrive>154+armed": the lexicon codes only the armed sense
            rule += f"{base}+{sense}"
        elif base != entry.code:
            rule += f"+{sense}>{base}"
        rule += rule_suffix + failed
        code, rule, sources, targets = self.reported_speech(v, code, rule, modality, sources, targets)
        # "A and B agreed to share information": a joint act of the two, as with symmetric verbs
        sym = entry.sym or (v.dep_ == "xcomp" and v.head.lemma_.lower() in MUTUAL_GOVERNORS)
        pairs = self.among(_pairs(sources, targets, sym), sym and code[:2] == "04")
        return self.verb_found(v, code, rule, modality, pairs)

    def among(self, pairs: list[tuple[Actor | None, Actor | None]], sym: bool
              ) -> list[tuple[Actor | None, Actor | None]]:
        """Talks of one plural group with no one else ("the Afghan factions held talks", "the four
        Afghan groups locked in dialogue") are among its members: the group on both sides."""
        if not sym or len(pairs) != 1 or pairs[0][1] is not None or pairs[0][0] is None:
            return pairs
        s = pairs[0][0]
        span = self.actors.doc.char_span(s.start, s.end, alignment_mode="expand")
        if s.code and span is not None and span.root.tag_ in ("NNS", "NNPS") \
                and span.root.lemma_.lower() in GROUP_PLURALS:
            return [(s, s)]
        return pairs

    def defers_event(self, v: Any) -> bool:
        """Whether a verb the lexicon knows leaves its event to another word or is no event here."""
        # "agreed to meet", "threatened to attack": the controlled verb carries the event
        if self.lex.intent_verbs.get(v.lemma_.lower()) not in (None, "hope") and any(
                c.dep_ == "xcomp" and self.match_verb(c)[0] is not None for c in v.children):
            return True
        if v.dep_ == "xcomp" and self.controls(v.head) and \
                self.match_verb(v.head)[0] is not None:
            return True  # "invited X to visit", "urged X to act": the governing verb is the event
        if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether", "why") for c in v.children):
            return True  # "talks on how Russia could help": a topic, not an event
        if v.tag_ == "VBN" and v.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in v.children):
            return True  # "Asked about the talks, Peskov said": a participle in the passive sense
        if v.lemma_.lower() in QUESTION_VERBS and any(
                c.dep_ == "ccomp" and any(w.lower_ in WH_WORDS and w.i < c.i for w in c.subtree) for c in v.children):
            return True  # "asked why the government had acted": a question, not a request
        return False

    def verb_arguments(self, v: Any, entry: VerbEntry | NounEntry, noun: Any, passive: bool
                       ) -> tuple[list[Any], list[Any]]:
        """The head tokens of a verb's sources (subject, or the agent of a passive) and of its targets
        (object, dative, the entry's prepositions on the verb or on its event noun)."""
        preps = entry.preps
        if not preps and noun is not None and (noun_entry := self.noun_entry(noun)) is not None:
            # "launched airstrikes on Gaza": the event noun's target prepositions, on the verb too
            preps = tuple(dict.fromkeys(preps + noun_entry.preps))
        if passive:
            src_heads = self.agent_objects(v)
            tgt_heads = [] if noun is not None and noun.dep_ == "nsubjpass" else \
                expand_conj([c for c in v.children if c.dep_ == "nsubjpass"])
            if not tgt_heads and noun is None and v.dep_ == "acl" and \
                    any(a.code for a in self.resolve_all([v.head])):
                tgt_heads = [v.head]  # "Bin Laden, accused by Washington of ...": the actor it describes
            if not src_heads and noun is not None:
                src_heads = self.prep_objects(noun, ("by",))
            if not src_heads and noun is not None:  # "UN sanctions against Iran were lifted"
                src_heads = [c for c in noun.children if c.dep_ in ("compound", "poss", "amod")
                             and (a := self.actors.actor_for(c)) is not None and a.code]
        else:
            src_heads = self.subjects(v)
            tgt_heads = []
            # the event noun is the object ("held talks"), unless it came through a preposition
            # ("warned Iran of retaliation": Iran stays the target)
            via_prep = noun is not None and noun.dep_ == "pobj" and noun.head.head == v
            no_obj = getattr(entry, "no_target_obj", False) or (noun is not None and not via_prep)
            if no_obj and noun is None and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
                no_obj = False  # "provided the army with weapons": the object is the recipient
            if not no_obj:
                tgt_heads = expand_conj([c for c in v.children if c.dep_ in ("dobj", "dative")])
            tgt_heads += [c for c in v.children if c.dep_ == "dative" and c not in tgt_heads]
        tgt_heads += self.prep_objects(v, preps)
        if noun is not None:
            noun_entry = self.noun_entry(noun)
            noun_preps = tuple(preps) + (noun_entry.preps if noun_entry is not None else ())
            tgt_heads += self.noun_prep_objects(noun, noun_preps)
        if not tgt_heads and preps:  # "sent supplies and doctors to Nepal": the prep hangs off the object
            for obj in [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]:
                for t in obj.subtree:
                    tgt_heads += self.prep_objects(t, preps)
                    if tgt_heads:
                        break
        tgt_heads = [t for t in tgt_heads if t.lemma_.lower() not in NOT_TARGET_LEMMAS]
        if not src_heads and v.tag_ == "VBN":  # "civilians injured in raids by US warplanes"
            src_heads = [a for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
                         for n in p.children if n.dep_ == "pobj" and self.noun_entry(n) is not None
                         for a in self.prep_objects(n, ("by",))]
        return src_heads, tgt_heads

    def verb_targets(self, v: Any, entry: VerbEntry | NounEntry, noun: Any, passive: bool, src_heads: list[Any],
                     tgt_heads: list[Any], sources: list[Actor]) -> tuple[list[Actor], str]:
        """The targets of a verb's event and the rule suffix that says where they were found: the
        argument heads, else an actor in its object clause, its event noun or a purpose clause."""
        if getattr(entry, "no_target_obj", False):
            # "sent troops to the UN force in South Sudan": a force or mission stands where it serves
            tgt_heads = [self.serving_in(h) for h in tgt_heads]
        targets = self.resolve_all(tgt_heads)
        src_ids = {s.i for s in src_heads}
        if not any(t.code for t in targets) and noun is None and not getattr(entry, "no_target_obj", False):
            # the first coded actor in the object ("condemned what they say were X's deliveries"), or
            # in the subject of a passive ("the speech by Arafat was hailed"): whose thing it is
            obj_deps = ("dobj", "ccomp", "nsubjpass") if passive else ("dobj", "ccomp")
            obj_roots = [c for c in v.children if c.dep_ in obj_deps and c.i not in src_ids]
            for root in obj_roots:
                found = self.search_target(root, src_ids)
                if found:
                    targets = found
                    break
        rule_suffix = ""
        own = {s.code for s in sources if s.code}
        targets = [t for t in targets if not (t.code and t.code in own and possessed(t, self.actors.doc))]
        if any(t.code for t in targets):  # "offered the US a regiment": a named actor beats a thing
            targets = [t for t in targets if t.code]
        if not targets and noun is not None and isinstance(entry, VerbEntry) and not entry.no_target_obj:
            obj_actor = self.actors.actor_for(noun)  # "expelled 20 aid workers": the object is the target
            if obj_actor is not None and obj_actor.code:
                targets = [obj_actor]
            elif passive and noun.dep_ == "nsubjpass":  # "two inspectors were expelled": who was
                start, end = self.actors.phrase_bounds(noun)
                targets = [Actor(code=None, country=None, sector=None, name=None, text=self.actors.text[start:end],
                                 start=start, end=end, how="phrase")]
        if not any(t.code for t in targets) and not passive and v.dep_ in ("advcl", "xcomp") and \
                v.head.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "summoned France's ambassador to complain": a purpose clause addresses the same party
            addressed = [t for t in self.resolve_all([c for c in v.head.children if c.dep_ in ("dobj", "dative")])
                         if t.code and t.code not in own]
            if addressed:
                targets, rule_suffix = addressed, "+purpose_target"
        if not targets and entry.code[:2] in ("01", "11", "12") and v.dep_ in ("relcl", "acl") and \
                v.head.lemma_.lower() in ALLEGATION_NOUNS:
            targets = self.allegation_maker(v.head, own)
            rule_suffix = "+allegation_maker" if targets else ""
        return self.fallback_targets(v, entry, noun, passive, src_heads, sources, targets, rule_suffix)

    def allegation_maker(self, noun: Any, own: set[str]) -> list[Actor]:
        """Who made the charge a verb denies or rejects: its owner ("the Democrats' charge"), else
        the subject of the sentence it sums up ("Kiev accused Moscow of ..., a charge Russia denies")."""
        owners = [c for c in noun.children if c.dep_ == "poss"]
        root = noun.sent.root
        heads = owners or (self.subjects(root) if root is not noun else [])
        return [a for a in self.resolve_all(heads) if a.code and a.code not in own]

    def fallback_targets(self, v: Any, entry: VerbEntry | NounEntry, noun: Any, passive: bool,
                         src_heads: list[Any], sources: list[Actor], targets: list[Actor], rule_suffix: str
                         ) -> tuple[list[Actor], str]:
        """Where the arguments name no target: the country of a domestic act, the first coded actor
        of the verb's clause or of its noun's phrase, the implicit partner of a relation, the place
        of violence, and last the first coded actor of the sentence."""
        own = {s.code for s in sources if s.code}
        at_place = entry.code[:2] not in VENUE_ROOTS  # talks "in Paris" do not address France
        if not any(t.country for t in targets) and sources and entry.domestic:
            domestic = self.domestic_target(v, sources, [(t.start, t.end) for t in targets if not t.code])
            if domestic:
                targets, rule_suffix = domestic, "+domestic_target"
        if not targets and noun is None and not (entry.sym and len(sources) > 1):
            # the first coded actor elsewhere in the verb's clause
            skip = {t.i for h in src_heads for t in h.subtree} | {v.i}
            if getattr(entry, "no_target_obj", False):  # "sent troops": the object is what is sent
                skip |= {t.i for c in v.children if c.dep_ == "dobj" for t in c.subtree}
            if any(c.dep_ == "dobj" for c in v.children):
                # "rejected the decision and voted for the flag": a second predicate with its own
                # object is a second act, not where this one's target is
                skip |= {t.i for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.subtree}
            targets = [t for t in self.search_target(v, skip, own, at_place)
                       if t.code not in own and not _home_town(t, sources, entry.code)]
            rule_suffix = "+clause_target" if targets else ""
        if not targets and noun is not None and not passive and not (entry.sym and len(sources) > 1):
            skip = {t.i for h in src_heads for t in h.subtree} | {noun.i}
            targets = [t for t in self.search_target(noun, skip, own, at_place)
                       if t.code not in own and not _home_town(t, sources, entry.code)]
            rule_suffix = "+noun_target" if targets else ""
        if not targets and noun is not None and noun.lemma_.lower() in self.lex.relation_nouns:
            targets = self.implicit_partner(v, sources)
            rule_suffix = "+implicit_partner" if targets else ""
        if targets and not any(t.code for t in targets) and entry.code[:2] in VIOLENT_ROOTS:
            # "struck a target in the Gaza Strip": the country where the violence fell
            placed = [a for a in self.resolve_all(self.prep_objects(v, tuple(LOCATIVE_PREPS)))
                      if a.country and a.code == a.country and a.code not in own]
            if placed:
                targets, rule_suffix = placed[:1], "+place_target"
        if not targets and sources and not (entry.sym and len(sources) > 1):
            # last resort, "Turkey launched a mediation effort after clashes between Armenia and ...":
            # the first coded actor elsewhere in the sentence (the rule says so: +sentence_target)
            skip = {t.i for h in src_heads for t in h.subtree} | {v.i}
            for anc in v.ancestors:  # not the speaker of "X demanded that Y ease sanctions"
                skip |= {t.i for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            targets = [t for t in self.search_target(v.sent.root, skip, own, at_place)
                       if t.code not in own and not _home_town(t, sources, entry.code)]
            rule_suffix = "+sentence_target" if targets else ""
        return targets, rule_suffix

    def verb_found(self, v: Any, code: str, rule: str, modality: str,
                   pairs: list[tuple[Actor | None, Actor | None]]) -> list[Found]:
        """One Found per (source, target) pair, with its evidence span: from a direct subject to the
        target, within the verb's sentence."""
        out = []
        for s, t in pairs:
            ev_start = min([v.i] + ([self.token_of(s)] if s and self._direct_subject(v, s) else []))
            ev_end = max([v.i + 1] + [self.token_end(t)] if t else [v.i + 1])
            sent_start, sent_end = self.actors.sent_bounds[v.i]
            if t is not None and not (sent_start <= self.token_of(t) < sent_end):
                ev_end = v.i + 1
            out.append(Found(v, code, rule, s, t, modality, self.confidence(v, s, t, modality),
                             (ev_start, ev_end), v))
        return out

    def predicate_events(self, tok: Any) -> list[Found]:
        """Adjective predicates: "X is skeptical about Y" (012), "optimistic" (013)."""
        code = self.lex.adjectives.get(tok.lemma_.lower())
        if code is None or tok.dep_ not in ("acomp", "ROOT"):
            return []
        head = tok.head if tok.dep_ == "acomp" else tok
        sources = self.resolve_all(self.subjects(head))
        if not sources:
            return []
        rule = f"adj:{tok.lemma_.lower()}>{code}"
        last = tok.i + 1
        targets = self.resolve_all(self.prep_objects(tok, ("about", "of", "over", "on", "at", "with", "for")))
        if not any(t.code for t in targets):
            # "pleased (that) the EC plans to offer a reform", "critical that Japan kept its quotas":
            # the coded subject of the clause the feeling is about
            clauses = [c for c in tok.children if c.dep_ == "ccomp"] + [c for c in head.children if c.dep_ == "ccomp"]
            subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            found = [t for t in self.resolve_all(subjects) if t.code]
            targets = found or targets
            last = max([last] + [self.token_end(t) for t in found])
        deed = self.responsible_for(tok) if code == "015" else None
        if deed is not None:  # "X is responsible for mass killings": X did them, as the narrator says
            noun, entry = deed
            self.consumed.add(noun.i)
            code, rule, last = entry.code, f"adj:{tok.lemma_.lower()}+{entry.rule}", noun.i + 1
            targets = self.resolve_all(self.prep_objects(noun, entry.preps))
        modality, _ = self.modality(head)
        out = []
        for s, t in _pairs(sources, targets, False):
            end = max([last] + ([self.token_end(t)] if t else []))
            out.append(Found(tok, code, rule, s, t, modality,
                             self.confidence(head, s, t, modality), (min(self.token_of(cast(Actor, s)), tok.i), end),
                             head))
        return out

    def responsible_for(self, tok: Any) -> tuple[Any, NounEntry] | None:
        """The violent event noun of "responsible for <noun>", with its lexicon entry."""
        for noun in self.prep_objects(tok, ("for",)):
            entry = self.noun_entry(noun)
            if entry is not None and entry.code[:2] >= "14":
                return noun, entry
        return None

    def confidence(self, v: Any, s: Actor | None, t: Actor | None, modality: str) -> float:
        c = 0.5
        if s is not None and s.code:
            c += 0.2
        elif s is not None:
            c += 0.05
        if t is not None and t.code:
            c += 0.15
        elif t is not None:
            c += 0.05
        if v.dep_ == "ROOT" or (v.dep_ == "conj" and v.head.dep_ == "ROOT"):
            c += 0.05
        if modality == "negated":
            c *= 0.3
        elif modality == "hypothetical":
            c *= 0.6
        return round(min(c, 0.99), 3)

    # ---- nouns ----------------------------------------------------------------------------
    def noun_events(self, n: Any) -> list[Found]:
        if n.i in self.consumed or (n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN")):
            return []  # "the ceasefire line", "war crimes": the noun names a thing, not an event
        if n.dep_ == "pobj" and n.head.lower_ in ("to", "of") and n.head.head.lemma_.lower() in ENDING_NOUNS:
            return []  # "a call for an end to attacks on Israelis": no attack is told
        entry = self.noun_entry(n)
        if entry is None or entry.light_only:
            return []
        src_heads = self.prep_objects(n, entry.by)
        mods = [c for c in n.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < n.i]
        for inner in self.prep_objects(n, ("of",)):  # "development of our relations"
            mods += [c for c in inner.children if c.dep_ == "poss"]
        src_from_mod = []
        for m in mods:
            a = self.actors.actor_for(m)
            if a is not None and a.code:
                src_from_mod.append(a)
        tgt_heads = self.prep_objects(n, entry.preps)
        if n.dep_ == "pobj" and (n.head.lower_ == "under" or (entry.held and n.head.lower_ == "in")):
            # "X has been under sanctions by Y", "X is in the custody of Y": X is the target
            tgt_heads += self.subjects(n.head.head) or [c for c in n.head.head.children if c.dep_ == "nsubjpass"]
        sources = self.resolve_all(src_heads) or src_from_mod[:1]
        sources = [s for s in sources if s.code]
        rule_note = ""
        pair = [] if src_heads else self.hyphen_pair(mods)
        if pair:  # "the Reagan-Gorbachev summit": the first is the source, the second the target
            sources, rule_note = pair[:1], "+hyphen_pair"
        party_mods = [m for m in mods if m.dep_ == "poss" or m.pos_ == "PROPN" or self.actors.actor_for(m) is not None]
        if not sources and not src_heads and not party_mods:  # "a three-day visit" names no party
            sources = [s for s in self.resolve_all(self.event_holder(n)) if s.code]
            rule_note = "+holder" if sources else ""
        targets = [t for t in self.resolve_all(tgt_heads) if t.code] or pair[1:]
        rule = entry.rule + rule_note
        if sources and not targets and entry.needs & self.lex.relation_nouns:
            targets = self.implicit_partner(n, sources)
            rule += "+implicit_partner" if targets else ""
        if not sources and not (entry.sym and len(targets) >= 2):
            return []
        if entry.sym and not sources:
            sources, targets = targets[:1], targets[1:]
        own = {a.code for a in sources}
        targets = [t for t in targets if t.code not in own]  # "sanctions on the country": not a self-dyad
        gov = n
        while gov.dep_ not in ("ROOT",) and gov.pos_ not in ("VERB", "AUX") and gov.head is not gov:
            gov = gov.head
        modality = "asserted"  # a named event is presupposed, whatever the governing verb says
        out = []
        for s, t in self.among(_pairs(sources, targets, entry.sym), entry.sym and entry.code[:2] == "04"):
            toks = [n.i] + [self.token_of(a) for a in (s, t) if a is not None]
            ends = [n.i + 1] + [self.token_end(a) for a in (s, t) if a is not None]
            start, end = min(toks), max(ends)
            if end - start > 40:
                start, end = n.i, n.i + 1
            out.append(Found(n, entry.code, rule, s, t, modality,
                             round(self.confidence(gov, s, t, modality) - 0.1, 3), (start, end), gov))
        return out

    def event_holder(self, n: Any) -> list[Any]:
        """Who takes part in an event noun that names no party of its own: the subject of the clause
        it is the circumstance of ("X said during a visit to Britain", "announced the aid after
        talks with Y", "X, on the first day of a visit to the US, called on ...")."""
        if n.dep_ == "pobj" and n.head.lower_ in ("to", "for", "against") and n.head.head.pos_ == "NOUN":
            return []  # "warned of a harsh response to the attacks": the attacks are the other side's
        t = n
        for _ in range(4):
            if t.dep_ in ("pobj", "prep") or (t.dep_ == "compound" and t.head.pos_ == "NOUN"):
                t = t.head
                continue
            break
        if t is not n and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass"):
            return [t]  # "Chirac, on the first day of a visit to the US, said": the subject itself
        if t is n or t.pos_ not in ("VERB", "AUX"):
            return []
        if t.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            return []  # "Asked about the talks, X said": X was asked, X did not hold the talks
        return self.subjects(t)

    def sentence(self, sent: Span) -> list[Found]:
        found: list[Found] = []
        toks = list(sent)  # one Token object per word for both passes
        for tok in toks:
            if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT" and tok.lemma_ != "be") \
                    or _verb_tagged_noun(tok):
                found.extend(self.verb_events(tok))
        for tok in toks:
            if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):  # not "on March 16"
                found.extend(self.noun_events(tok))
            elif tok.pos_ == "ADJ":
                found.extend(self.predicate_events(tok))
        # The highest event in the tree is the sentence's main event: one governed by another
        # event's trigger ("provided money to support projects") ranks below it.
        triggers = {f.trigger.i for f in found}
        for f in found:
            anc = {a.i for a in f.trigger.ancestors}
            if anc & (triggers - {f.trigger.i}):
                f.confidence = round(max(0.05, f.confidence - 0.15), 3)
        return found


LABOUR_SECTORS = {"LAB", "CVL", "EDU", "HLH"}  # workers, unions, teachers, doctors
GROUP_PLURALS = {"faction", "group", "party", "side", "leader", "state", "nation", "country"}  # "the factions met"
ARMED = {"MIL", "REB"}  # armed forces and armed groups: a verb's armed sense (VerbEntry.armed_code)
STRIKE_CODE = "143"  # conduct a strike or boycott


def _home_town(t: Actor, sources: list[Actor], code: str) -> bool:
    """A town of the actor's own country, found by a fallback search for an appeal, a promise, a
    demand or a threat (roots 02-13): where something happened, not whom the act addresses ("Israel
    warned of a response to the attacks in Haifa"). Force, and a claim for it (015), may fall on a town."""
    return "02" <= code[:2] <= "13" and t.code == t.country and t.how.startswith("place:") \
        and any(s.country == t.country for s in sources)


def _labour_sense(code: str, word: Any, sources: list[Actor]) -> str:
    """A strike by workers ("unions launched strikes", "teachers are striking") is a strike (143),
    not an air or armed strike."""
    if word.lemma_.lower() == "strike" and code[:2] in ("18", "19") and sources \
            and all(s.sector in LABOUR_SECTORS for s in sources):
        return STRIKE_CODE
    return code


def _passive(v: Any) -> bool:
    """A passive verb: with a passive subject or auxiliary, or a participle with a "by" agent
    ("a claim denied by the chancellor", "civilians injured in raids by US warplanes")."""
    kids = list(v.children)
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or \
        (v.tag_ == "VBN" and any(c.dep_ == "agent" for c in kids))


def _verb_tagged_noun(tok: Any) -> bool:
    """A verb the tagger called a noun but the parser used as one: the root of its sentence with a
    subject and an object or particle ("EU and UN hand over supplies to ...": "hand" NN)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "prt"})


def _pairs(sources: list[Actor], targets: list[Actor], sym: bool) -> list[tuple[Actor | None, Actor | None]]:
    if sym and not targets and len(sources) >= 2:
        return [(sources[i], sources[j]) for i in range(len(sources)) for j in range(i + 1, len(sources))]
    if sym and not sources and len(targets) >= 2:  # "an accord was reached between X and Y"
        return _pairs(targets, [], sym)
    srcs: list[Actor | None] = list(sources) or [None]
    tgts: list[Actor | None] = list(targets) or [None]
    out = []
    for s in srcs:
        for t in tgts:
            if s is not None and t is not None and (s.start, s.end) == (t.start, t.end):
                continue
            out.append((s, t))
    return out


def _mood_fits(clause: Any, mood: str) -> bool:
    """Whether a that-clause is in the mood an entry asks for: "subjunctive" is a bare verb with no
    auxiliary ("insisted that Japan open its market"), "indicative" anything else ("insisted that
    closer co-operation did not mean ...")."""
    if not mood:
        return True
    bare = clause.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    return bare if mood == "subjunctive" else not bare
