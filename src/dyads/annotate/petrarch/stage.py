"""The events stage when a user's PETRARCH verb dictionary is loaded.

A verb the user's dictionary knows is coded by its patterns (:mod:`.verbs`); in extend mode dyads'
lexicon codes the other verbs and the event nouns. The source is the verb's subject (the ``by``
agent of a passive), the target its object, else the object of one of its prepositions, else the
first coded actor after the verb in its phrase, unless a pattern marks them (``$``, ``+``, ``%``).
Discards: a story discard phrase anywhere in the article codes nothing in it, a sentence discard
phrase nothing in its sentence; ``article.meta["discarded"]`` says which phrase of which file.
Codes outside CAMEO (the PETRARCH test suite has some) keep their first two characters as the
root, with quad, penta and Goldstein of that root when CAMEO has it, else 0.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from dyads.annotate.events.arguments import expand_conj
from dyads.annotate.events.patterns import Found, SentenceCoder
from dyads.annotate.events.stage import event_date
from dyads.annotate.petrarch.load import PetrarchSet
from dyads.annotate.petrarch.verbs import PatternMatcher, VerbMatch
from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Actor, Article, Event, Span

TARGET_DEPS = ("dobj", "dative", "attr", "oprd")
# clauses of their own whose actors are not the verb's target (a reported clause is: "X believes Y can ...")
CLAUSE_WITH_SUBJECT = {"advcl", "relcl", "conj", "parataxis"}
OF_PREPS = ("of", "in", "for", "from")


@stage("events", requires=("doc", "actors", "dates", "article.date"), uses=("speakers",),
       assigns=("article.events", "article.meta"))
def annotate(state: ArticleState, res: Resources) -> None:
    petr: PetrarchSet = res.extras["petrarch"]
    article, doc, resolver = state.article, state.doc, state.actors
    assert resolver is not None  # required
    coder = SentenceCoder(resolver, res.lexicon)
    story = petr.discard(article.text)
    if story is not None and story[0] == "story":
        article.meta["discarded"] = [{"kind": "story", "phrase": story[1], "dictionary": story[2]}]
        article.events = []
        return

    def is_actor(tok: Any) -> bool:
        a = resolver.actor_for(_phrase_head(tok))
        return a is not None and bool(a.code)

    matcher = PatternMatcher(petr.verbs, is_actor) if petr.verbs is not None else None
    found: list[tuple[int, Found]] = []
    discarded = []
    for si, sent in enumerate(doc.sents):
        hit = petr.discard(sent.text)
        if hit is not None:
            discarded.append({"kind": "sentence", "phrase": hit[1], "dictionary": hit[2], "sentence": si})
            continue
        for tok in sent:
            if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
                continue
            m = matcher.match(tok) if matcher is not None else None
            if m is not None:
                found.extend((si, f) for f in verb_found(coder, m, tok))
            elif petr.mode == "extend":
                found.extend((si, f) for f in coder.verb_events(tok) if _coded(f))
        if petr.mode == "extend":
            for tok in sent:
                if tok.pos_ in ("NOUN", "PROPN"):
                    found.extend((si, f) for f in coder.noun_events(tok) if _coded(f))
    if discarded:
        article.meta["discarded"] = discarded
    dates = state.dates
    events: dict[tuple[Any, ...], Event] = {}
    for si, f in found:
        ev = make_event(article, doc, si, f, res, event_date(f.date_token, dates, article.date))
        key = (si, _key(ev.source), _key(ev.target), ev.cameo)
        if key not in events:
            events[key] = ev
    article.events = sorted(events.values(), key=lambda e: (e.evidence.start, e.cameo))
    for n, ev in enumerate(article.events):
        ev.id = f"{article.id}-E{n + 1:02d}"


def _coded(f: Found) -> bool:
    return bool((f.source and f.source.code) or (f.target and f.target.code))


def _key(a: Actor | None) -> Any:
    return None if a is None else (a.code or (a.start, a.end))


def _phrase_head(tok: Any) -> Any:
    while tok.dep_ in ("compound", "flat", "amod", "nmod", "poss", "case") and tok.head is not tok:
        tok = tok.head
    return tok


def members(coder: SentenceCoder, heads: list[Any]) -> list[Actor]:
    """Every actor a list of argument heads names, as PETRARCH counts them: conjoined heads and
    appositions ("Mordor, the Shire, Fornost and Bree"), each actor of a conjoined of-phrase under
    an agent ("the ambassadors of Arnor, Osgiliath and Gondor" -> ARNGOV, OSGGOV, GONGOV), and a
    conjoined head sharing the modifiers of the first ("Danish media and government" -> DNKMED,
    DNKGOV)."""
    actors = coder.actors
    compose_with = getattr(actors, "agent_codes", None)
    out: list[Actor] = []
    expanded = expand_conj(heads)
    for h in list(expanded):
        for c in h.children:
            if c.dep_ == "appos" and any(x.dep_ == "conj" for x in c.children):  # a list, not a name
                for x in expand_conj([c]):
                    a = actors.actor_for(x)
                    if a is not None and a.code and x not in expanded:
                        expanded.append(x)
    first = expanded[0] if expanded else None
    for h in expanded:
        a = actors.actor_for(h)
        if a is not None and a.code and a.country is None and a.sector and a.code == a.sector \
                and compose_with is not None and first is not None and h is not first and h.dep_ == "conj":
            shared = actors.actor_for(first)
            if shared is not None and shared.country and shared.code:
                base = shared.country
                mods = [x for x in compose_with(first, modifiers_only=True) if x not in compose_with(h)]
                a = _with_code(a, compose([base], mods + compose_with(h)))
        if a is None:
            a = coder.resolve_all([h])[0] if coder.resolve_all([h]) else None
        if a is not None and all((a.start, a.end, a.code) != (b.start, b.end, b.code) for b in out):
            out.append(a)
        if a is None or not a.code or compose_with is None:
            continue
        agents = compose_with(h)
        if not agents or a.country is None:
            continue
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in OF_PREPS):
            objs = expand_conj([p for p in prep.children if p.dep_ == "pobj"])
            for x in objs[1:]:
                b = actors.actor_for(x)
                if b is not None and b.code:
                    out.append(_with_code(a, compose([b.code], agents)))
    return out


def compose(parts: list[str], agents: list[str]) -> str:
    from dyads.annotate.petrarch.actors import compose as petrarch_compose

    return petrarch_compose("".join(parts), agents) or ""


def _with_code(a: Actor, code: str) -> Actor:
    country = None if code.startswith(("IGO", "NGO")) else code[:3]
    return Actor(code=code, country=country, sector=code[3:] or None, name=a.name, text=a.text, start=a.start,
                 end=a.end, how=f"{a.how}+shared>{code}", dictionary=a.dictionary)


def verb_found(coder: SentenceCoder, m: VerbMatch, v: Any) -> list[Found]:
    """Events of a matched verb (both directions for a paired code ``a:b``)."""
    forward, reverse = m.codes()
    if forward is None and reverse is None:
        return []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)

    def at(indices: list[int]) -> list[Actor]:
        return [a for a in members(coder, [_phrase_head(v.doc[i]) for i in indices]) if a.code]

    if "source" in m.slots:
        sources = at(m.slots["source"])
    else:
        heads = coder.agent_objects(v) if passive else coder.subjects(v)
        sources = [a for a in members(coder, heads) if a.code]
    if "target" in m.slots:
        targets = at(m.slots["target"])
    else:
        targets = default_targets(coder, v, m.end, passive, governed_too=m.pattern is not None)
    if "compound" in m.slots:
        # '%' a compound actor: before the verb the sources, after it the targets; with nothing on
        # the other side, its members act on each other ("Gondor and Osgiliath have delayed ...")
        group = at(m.slots["compound"])
        if min(m.slots["compound"]) < v.i:
            sources = group
            targets = [t for t in targets if all((t.start, t.end) != (g.start, g.end) for g in group)]
        else:
            targets = group
        if not targets or not sources:
            sources = targets = group
    source_list: list[Actor | None] = [*sources] or [None]
    target_list: list[Actor | None] = [*targets] or [None]
    pairs = [(s, t) for s in source_list for t in target_list
             if s is None or t is None or (s.start, s.end) != (t.start, t.end)]
    modality, _ = coder.modality(v)
    out = []
    for s, t in pairs:
        if s is None and t is None:
            continue
        toks = [v.i] + [coder.token_of(a) for a in (s, t) if a is not None]
        ends = [m.end] + [coder.token_end(a) for a in (s, t) if a is not None]
        evidence = (min(toks), max(ends))
        if forward is not None:
            out.append(Found(v, forward, m.rule, s, t, modality, 0.7, evidence, v))
        if reverse is not None and s is not None and t is not None:
            out.append(Found(v, reverse, m.rule, t, s, modality, 0.7, evidence, v))
    return out


def default_targets(coder: SentenceCoder, v: Any, verb_end: int, passive: bool,
                    governed_too: bool = False) -> list[Actor]:
    """The verb's object, else the object of its first preposition that names an actor, else the
    first coded actor after the verb in its phrase: not in a clause with a subject of its own, and
    not under a verb it governs ("proposed to take up the issue with the World Bank": that verb's
    own event) unless a pattern of the verb reached into it (``governed_too``: "vowed to wage WAR
    on the Rohans")."""
    if passive:
        heads = expand_conj([c for c in v.children if c.dep_ == "nsubjpass"])
        return [a for a in coder.resolve_all(heads) if a.code]
    objs = [c for c in v.children if c.dep_ in TARGET_DEPS]
    coded = [a for a in members(coder, objs) if a.code]
    if coded:
        return coded
    for prep in (c for c in v.children if c.dep_ in ("prep", "agent")):
        objs = [p for p in prep.children if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")]
        coded = [a for a in members(coder, objs) if a.code]
        if coded:
            return coded
    skip: set[int] = set()
    for t in v.subtree:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        governed = t.dep_ == "xcomp" and t.pos_ == "VERB" and not governed_too
        if t.i != v.i and ((t.dep_ in CLAUSE_WITH_SUBJECT and own_subject) or governed):
            skip.update(x.i for x in t.subtree)  # a clause of its own, or a verb it governs (with its own event)
    for t in v.doc[verb_end:v.right_edge.i + 1]:
        if t.i in skip or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        head = _phrase_head(t)
        a = coder.actors.actor_for(head)
        if a is not None and a.code:
            return [x for x in members(coder, [head]) if x.code] or [a]
    return []


def make_event(article: Article, doc: Doc, sentence: int, f: Found, res: Resources, date: str | None) -> Event:
    span = doc[f.evidence[0]:f.evidence[1]]
    try:
        info = res.cameo.get(f.code)
        quad, penta, goldstein, plover = info.quad, info.penta, info.goldstein, info.plover
    except (KeyError, ValueError):
        quad, penta, goldstein, plover = 0, 0, 0.0, None
    return Event(id="", sentence=sentence, source=f.source, target=f.target, cameo=f.code, root=f.code[:2],
                 quad=quad, penta=penta, goldstein=goldstein, plover=plover, date=date,
                 modality=f.modality,  # type: ignore[arg-type]
                 evidence=Span(span.start_char, span.end_char, span.text), rule=f.rule,
                 confidence=f.confidence, dictionary_version=res.version)
