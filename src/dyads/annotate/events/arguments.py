"""Event arguments over the dependency parse: who acts and who is acted on, as actors."""

from __future__ import annotations

from typing import Any, cast

from spacy.tokens import Doc, Span

from dyads.annotate.actors.resolver import AMOUNT_UNITS, ArticleActors
from dyads.annotate.events.lexicon import Lexicon
from dyads.model import Actor
from dyads.resources import word_list, words

CLIMB_DEPS = {"xcomp", "conj", "acomp", "advcl", "pcomp", "prep", "ccomp", "oprd"}
QUANTITY_NOUNS = words("nouns.quantity")  # "closed dozens of offices": the offices are the object
ARG_POS = {"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"}
ABSTRACT_NOUNS = words("nouns.abstract")
ABSTRACT_SUFFIXES = word_list("suffixes.abstract")
LOCATIVE_PREPS = words("prepositions.locative")
NOT_TARGET_LEMMAS = words("pronouns.not_target")


def _tokens(doc: Doc, a: Actor) -> Span:
    """The tokens of an actor's span (its offsets lie in the text, so "expand" always finds some)."""
    return cast(Span, doc.char_span(a.start, a.end, alignment_mode="expand"))


def expand_conj(tokens: list[Any]) -> list[Any]:
    out: list[Any] = []
    stack = list(tokens)
    while stack:
        t = stack.pop(0)
        if t in out:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ARG_POS)
    return out


class ArgumentFinder:
    """The arguments of an event word: subjects, objects, prepositional objects, the actors they
    name, and targets found elsewhere in the clause or sentence (part of
    :class:`~dyads.annotate.events.patterns.SentenceCoder`)."""

    actors: ArticleActors
    lex: Lexicon

    # ---- arguments ----------------------------------------------------------------------
    def subjects(self, v: Any, depth: int = 0) -> list[Any]:
        subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if subs:
            return expand_conj(subs)
        if v.dep_ == "acl" and v.head.pos_ == "NOUN" and depth <= 4:
            return self.acl_subjects(v, depth)
        if v.dep_ == "ROOT" and v.lemma_.lower() in self.lex.speech_verbs:
            return self.inverted_speaker(v)
        if depth > 4 or v.dep_ not in CLIMB_DEPS or v.head is v:
            return []

        head = v.head
        if head.dep_ == "prep" and v.dep_ == "pcomp":
            passive_subj = [c for c in head.head.children if c.dep_ == "nsubjpass"]
            if head.lower_ == "as" and passive_subj:
                return expand_conj(passive_subj)  # "X was quoted as saying": X said it
            head = head.head
        if v.dep_ == "xcomp" and head.lemma_.lower() in self.lex.control_object_verbs:
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return expand_conj(objs[:1])
        if v.dep_ == "ccomp":
            return []
        passive_subj = [c for c in head.children if c.dep_ == "nsubjpass"]
        if v.dep_ == "xcomp" and passive_subj:
            return expand_conj(passive_subj)
        return self.subjects(head, depth + 1)

    @staticmethod
    def inverted_speaker(v: Any) -> list[Any]:
        """The speaker of "..., President Musharraf of Pakistan has said" that the parser hung on the
        words before it (an apposition of "Islam"): the phrase between the comma and the verb."""
        i = v.i - 1
        while i >= 0 and v.doc[i].head.i == v.i and v.doc[i].dep_ in ("aux", "neg", "advmod"):
            i -= 1
        if i < 1:
            return []
        t = v.doc[i]
        while t.dep_ in ("pobj", "prep") and t.head.i < t.i:
            t = t.head  # "President Musharraf of Pakistan": the name, not the country
        start = min(x.i for x in t.subtree)
        if t.pos_ not in ("PROPN", "NOUN") or t.dep_ not in ("appos", "conj") or start < 1 \
                or v.doc[start - 1].text != "," or max(x.i for x in t.subtree) >= v.i:
            return []
        return [t]

    def serving_in(self, h: Any) -> Any:
        """The country a recipient without one of its own is in ("the NATO-led force in
        Afghanistan" -> Afghanistan), else the recipient itself."""
        a = self.actors.actor_for(h)
        if a is not None and a.country:
            return h
        for p in self.prep_objects(h, ("in",)):
            place = self.actors.actor_for(p)
            if place is not None and place.country and place.code == place.country:
                return p
        return h

    def domestic_target(self, v: Any, sources: list[Actor], places: list[tuple[int, int]]) -> list[Actor]:
        """The country where an act within a country happens, as the sentence names it: a country in
        a place phrase first ("a ceasefire in Yemen"), else one named with the actor ("the president
        of Kyrgyzstan resigned", "Bolivian authorities declared a state of siege"); a place the
        gazetteer lacks ("a curfew in Pando", given in ``places`` or found here) is taken to lie in
        that country."""
        sent = v.sent
        taken = {(s.start, s.end) for s in sources}
        candidates: list[tuple[int, Actor]] = []
        unknown_places = list(places)  # "in Pando": a place no dictionary or gazetteer holds
        for t in sent:
            if t.dep_ in ("compound", "flat") or t.pos_ not in ("PROPN", "ADJ", "NOUN"):
                continue
            start, end = t.idx, t.idx + len(t.text)
            ent = next((e for e in sent.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                start, end = ent.start_char, ent.end_char
            locative = _in_place_phrase(t)
            r = self.actors.resolve(t)
            if (r is None or r.country is None) and locative and t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC"):
                unknown_places.append((start, end))
            if r is None or r.country is None or r.sector or r.person or r.code != r.country:
                continue
            if (start, end) in taken:
                continue
            candidates.append((0 if locative else 1, Actor(
                code=r.country, country=r.country, sector=None, name=r.name, text=self.actors.text[start:end],
                start=start, end=end, how=f"domestic:{r.how}")))
        candidates.sort(key=lambda c: c[0])
        if candidates and candidates[0][0] == 1 and unknown_places:
            # "Bolivian President ... declared a state of siege in Pando": Pando, in that country
            country, (start, end) = candidates[0][1], unknown_places[0]
            return [Actor(code=country.code, country=country.country, sector=None, name=country.name,
                          text=self.actors.text[start:end], start=start, end=end,
                          how=f"domestic:place in {country.text}")]
        return [candidates[0][1]] if candidates else []

    def acl_subjects(self, v: Any, depth: int) -> list[Any]:
        """Who acts in a clause on a noun: "its commitment to support X" (the owner), "approved a
        resolution criticizing X" (the author)."""
        noun = v.head
        if v.tag_ == "VBN":
            return []  # "the decisions taken at the meeting": a passive participle, no actor here
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return owners
        if v.tag_ == "VBG" and any(a.code for a in self.resolve_all([noun])):
            return [noun]  # "a tribal leader currently fighting the Taliban": who is fighting
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            return self.subjects(noun.head, depth + 1)
        return []

    def controls(self, v: Any) -> bool:
        """A verb that asks someone else to act ("urged X to", "called on X to")."""
        return v.lemma_.lower() in self.lex.control_object_verbs or (
            v.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in v.children))

    def prep_objects(self, tok: Any, preps: tuple[str, ...] | list[str]) -> list[Any]:
        out: list[Any] = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"))
        return expand_conj(out)

    def noun_prep_objects(self, noun: Any, preps: tuple[str, ...] | list[str]) -> list[Any]:
        """Prepositional objects of an event noun, also through "of" ("renaissance of ties with X")."""
        out = self.prep_objects(noun, preps)
        if not out:
            for inner in self.prep_objects(noun, ("of",)):
                out = self.prep_objects(inner, preps)
                if out:
                    break
        return out

    def implicit_partner(self, v: Any, sources: list[Actor]) -> list[Actor]:
        """"develop ties" with no partner named: the other country of the last two sentences."""
        own = {s.country for s in sources if s.country}
        if not own:
            return []
        r = self.actors.antecedent_country(v, exclude=own)
        return [r] if r is not None else []

    def agent_objects(self, v: Any) -> list[Any]:
        out: list[Any] = []
        for c in v.children:
            if c.dep_ == "agent":
                out.extend(p for p in c.children if p.dep_ == "pobj")
        return expand_conj(out)

    def resolve_all(self, heads: list[Any]) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            if h.lemma_.lower() in QUANTITY_NOUNS and h.ent_type_ not in ("ORG", "GPE", "NORP", "PERSON"):
                inner = self.prep_objects(h, ("of",))  # "dozens of Hamas offices": the offices
                h = inner[0] if inner else h
            a = self.actors.actor_for(h)
            if a is None and h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() not in NOT_TARGET_LEMMAS:
                a = self.phrase_actor(h)
            for b in [a, *self.coordinated_owners(h, a)]:
                if b is not None and all((b.start, b.end, b.code) != (c.start, c.end, c.code) for c in out):
                    out.append(b)
        return out

    def coordinated_owners(self, h: Any, a: Actor | None) -> list[Actor]:
        """"U.S. and Japanese officials", "British and French troops": one actor per country the
        coordinated modifiers name, each with the head's sector (the first is ``a`` itself)."""
        if a is None or not a.country:
            return []
        out = []
        for m in h.children:
            if m.dep_ not in ("amod", "nmod", "compound") or m.i > h.i:
                continue
            for c in m.children:
                if c.dep_ != "conj" or c.i > h.i:
                    continue
                other = self.actors.actor_for(c)
                if other is None or not other.country or other.country == a.country or other.code != other.country:
                    continue
                code = other.country + (a.sector or "") if not (a.code or "").startswith(("IGO", "NGO")) else other.code
                out.append(Actor(code=code, country=other.country, sector=a.sector, name=other.name,
                                 text=self.actors.text[c.idx:h.idx + len(h.text)], start=c.idx,
                                 end=h.idx + len(h.text), how=f"coordinated:{c.text}+{a.how}"))
        return out

    def hyphen_pair(self, mods: list[Any]) -> list[Actor]:
        """Two parties joined by a hyphen in one modifier of an event noun ("the Reagan-Gorbachev
        summit", "the Iran-Iraq war", "Israeli-Palestinian talks"): the first and the second,
        each its own actor, when both are coded and differ; else none."""
        for m in mods:
            hyphen = next((c.i for c in m.children if c.tag_ == "HYPH" and c.i < m.i), None)
            firsts = [c for c in m.children if c.dep_ in ("compound", "amod", "nmod") and c.i < (hyphen or -1)]
            if not firsts:
                continue
            a, b = self.actors.actor_for(firsts[-1]), self.actors.actor_for(m)
            if a is None or b is None or not a.code or not b.code or a.code == b.code \
                    or "+article:" in a.how + b.how:  # a guess from the article's country: no party
                continue
            b = Actor(code=b.code, country=b.country, sector=b.sector, name=b.name, text=m.text,
                      start=m.idx, end=m.idx + len(m.text), how=b.how, dictionary=b.dictionary)
            return [a, b]
        return []

    def phrase_actor(self, h: Any) -> Actor | None:
        """An argument no dictionary knows: keep its text and span, with no code."""
        lemma = h.lemma_.lower()
        if h.pos_ == "NOUN" and (lemma in ABSTRACT_NOUNS or self.lex.noun_entry(lemma) is not None
                                 or h.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")
                                 or (lemma.endswith(ABSTRACT_SUFFIXES) and not h.ent_type_)):
            return None
        start, end = self.actors.phrase_bounds(h)
        return Actor(code=None, country=None, sector=None, name=None, text=self.actors.text[start:end],
                     start=start, end=end, how="phrase")

    def search_target(self, root: Any, exclude: set[int], own: set[str] | None = None,
                      places: bool = True) -> list[Actor]:
        """First coded actor in an object clause ("condemned what they say were X's deliveries"); a
        place ("in Gaza") only as a last resort and only when ``places`` (force falls on a place; a
        meeting or an agreement "in Paris" does not address it)."""
        venues: list[Any] = []
        for t in root.subtree:
            if t.i in exclude or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "flat"):
                continue
            if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
                venues.append(t)  # "at the space center in Russia": a place, a target only as a last resort
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children):
                continue  # "their weapons", "its borders": the actor's own things
            if t.dep_ in ("amod", "nmod") and t.head.lower_ in self.actors.dictionary.non_actor_heads:
                continue  # "the Argentine coach": no political actor
            a = self.actors.actor_for(t)
            if a is not None and a.code and a.code not in (own or ()) and not a.how.startswith("agency:"):
                return [a]  # (not "Lyng told Reuters": the news agency reports, it is no party)
        for t in root.subtree:
            if t.i in exclude or t.pos_ != "ADJ" or t.head.lower_ in self.actors.dictionary.non_actor_heads \
                    or t.ent_type_ == "MONEY" or t.head.lower_ in AMOUNT_UNITS:
                continue  # (nor "the Japanese yen": a currency)
            a = self.actors.actor_for(t)
            if a is not None and a.country and a.code == a.country:  # a demonym ("Syrian"), not "public"
                return [a]
        for t in venues if places else []:
            a = self.actors.actor_for(t)
            if a is not None and a.country:
                return [a]
        return []

    def token_of(self, a: Actor) -> int:
        return _tokens(self.actors.doc, a).start

    def token_end(self, a: Actor) -> int:
        return _tokens(self.actors.doc, a).end

    def _direct_subject(self, v: Any, a: Actor) -> bool:
        i = self.token_of(a)
        return self.actors.sent_bounds[v.i][0] <= i < v.i and \
            self.actors.doc[i].head.i in {v.i} | {c.i for c in v.subtree}

    def _same_actor(self, a: Actor, b: Actor) -> bool:
        return (a.start, a.end) == (b.start, b.end) or bool(a.code and a.code == b.code)


def possessed(a: Actor, doc: Any) -> bool:
    """"its borders", "their weapons": a phrase owned through a possessive pronoun."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "poss" and t.pos_ == "PRON" for t in span)


def _date_prep(prep: Any) -> bool:
    """"on Wednesday": a preposition whose object is a date, not an argument."""
    return any(p.ent_type_ in ("DATE", "TIME") for p in prep.children if p.dep_ == "pobj")


def _agentive(h: Any) -> bool:
    """A common noun that names people or groups ("protesters", "the ministry")."""
    low = h.lower_
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "ors")) and h.tag_ == "NNS"


def _in_place_phrase(t: Any) -> bool:
    """Whether a noun sits in a place phrase of its clause ("in parts of the city of Ahmedabad")."""
    while t.dep_ in ("pobj", "prep", "compound", "appos", "conj") and t.head is not t:
        if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS:
            return True
        t = t.head
    return t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS
