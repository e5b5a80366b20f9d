"""Pipeline stage: turn the patterns found in the parse into Events with all derived fields.

The rules find each sentence's candidate events (:class:`Candidates`); an optional ``weigh`` hook
(the trained event model's stage, ``dyads.annotate.events.model_stage``) may then re-rank, re-class or add
candidates before the informative ones become Events. Without it the rules decide alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dyads.annotate.events.arguments import ABSTRACT_NOUNS, ABSTRACT_SUFFIXES
from dyads.annotate.events.patterns import LOCATIVE_PREPS, Found, SentenceCoder
from dyads.annotate.events.statements import Intent, statement_events
from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Actor, Article, Event, Span
from dyads.resources import words

# Dependencies under which a date modifier belongs to another clause, not this event.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj", "pcomp"}


@dataclass
class Candidates:
    """One body sentence and the events the rules found in it (possibly none)."""

    index: int  # sentence number in the article
    sent: SpacySpan
    found: list[Found]


Weigh = Callable[[ArticleState, SentenceCoder, list[Candidates]], None]
# What the events stage reads and writes (the model's stage, model_stage.py, declares the same).
REQUIRES = ("doc", "actors", "dates", "article.date")
USES = ("speakers", "attributions")
ASSIGNS = ("article.events", "article.meta")  # meta: the uncoded candidates


@stage("events", requires=REQUIRES, uses=USES, assigns=ASSIGNS)
def annotate(state: ArticleState, res: Resources) -> None:
    """The events the rules find, alone."""
    code_events(state, res)


def code_events(state: ArticleState, res: Resources, weigh: Weigh | None = None) -> None:
    """The rules' events of an article, after the ``weigh`` hook (if any) has seen the candidates."""
    article, doc = state.article, state.doc
    assert state.actors is not None  # required
    coder = SentenceCoder(state.actors, res.lexicon)
    dates = state.dates
    headline_end = headline_length(article.text)
    sentences = []
    for si, sent in enumerate(doc.sents):
        if sent.end_char <= headline_end:
            continue
        here = [f for f in coder.sentence(sent) if f.trigger.idx >= headline_end]
        # figurative force goes before the model sees it: re-classed, "hit by falling sales" would
        # no longer look like force
        sentences.append(Candidates(si, sent, [
            f for f in keep_informative(here)
            if (_coded(f) or f.code[:2] in VIOLENCE_ROOTS or f.confidence >= UNCODED_MIN_CONFIDENCE)
            and not figurative(f, doc)]))
    # what a coded speaker says is an event of its own (annotate/events/statements.py)
    coded = {f.trigger.i: f.source.country if f.source else None for c in sentences for f in c.found}
    by_start = {c.sent.start: c for c in sentences}
    intent = Intent(res.lexicon.future_codes, lambda v: _verb_code(coder, v))
    for f in statement_events(coder.actors, [a for a, _ in state.attributions], coded, intent):
        c = by_start.get(f.trigger.sent.start)
        if c is not None and f.trigger.idx >= headline_end:
            c.found.append(f)
    if weigh is not None:  # the rules chose which events exist; the hook ranks, re-classes or adds
        weigh(state, coder, sentences)
    for c in sentences:
        c.found = secondary_dyads(c.found)
    many_sentences = len(sentences) > 1  # an article, not a lone sentence: its actors are named somewhere
    found = [(c.index, g) for c in sentences for f in c.found
             if (_coded(f) or f.code[:2] in VIOLENCE_ROOTS or f.confidence >= UNCODED_MIN_CONFIDENCE
                 or f.rule.startswith("statement:")) and not figurative(f, doc) and not business_only(f)
             and not (many_sentences and unsaid(f)) and (g := without_reporters(f)) is not None]
    attackers: dict[int, set[str]] = {}  # a verb's sources, allies of each other ("US and British planes")
    for _, f in found:
        if f.source is not None and f.source.country:
            attackers.setdefault(f.trigger.i, set()).add(f.source.country)
    for _, f in found:
        place_uncoded_target(f, coder.actors, attackers.get(f.trigger.i, set()))
        own_government(f)
        own_people(f)
    events: dict[tuple, Event] = {}
    for si, f in found:
        ev = to_event(article, doc, si, f, res, event_date(f.date_token, dates, article.date))
        key = (si, _actor_key(ev.source), _actor_key(ev.target), ev.cameo)
        if key not in events or events[key].confidence < ev.confidence:
            events[key] = ev
    ordered = sorted(events.values(), key=lambda e: (e.evidence.start, e.cameo))
    article.events = [ev for ev in ordered if _has_code(ev.source) or _has_code(ev.target)]
    if len(article.events) < len(ordered):  # no coded actor on either side: a candidate, not an event
        article.meta["uncoded_candidates"] = [candidate(ev) for ev in ordered if ev not in article.events]
    for n, ev in enumerate(article.events):
        ev.id = f"{article.id}-E{n + 1:02d}"


def _verb_code(coder: SentenceCoder, v: Any) -> str | None:
    entry = coder.match_verb(v)[0]
    return entry.code if entry is not None and entry.code else None


REPORTERS = {"MED"}  # a newspaper, agency or broadcaster reports events; it is not their actor


def business_only(f: Found) -> bool:
    """A firm's act with no state, group or people on the other side ("the company has refused",
    "Singapore's UIC has agreed", "the bank's officials said the falls were due to the bank"),
    or an act on a firm by no one coded: commerce, not a political event. Force stays an event
    (a broadcaster's building hit by helicopters); a firm with a government, a party or a people
    ("Keidanren urged the government", "Yukos will sue the Russian state") stays too."""
    if f.code[:2] in VIOLENCE_ROOTS:
        return False
    sides = [a for a in (f.source, f.target) if a is not None and a.code]
    return bool(sides) and all(a.sector == "BUS" for a in sides) and (f.source is None or f.source.sector == "BUS")


def unsaid(f: Found) -> bool:
    """Talk, cooperation or verbal conflict by no one the dictionaries know ("accused", "promised",
    "candidates pledged", "Yukos will return to a US court"): in an article, where who acts is
    named somewhere, the coder's failure to code the actor even there leaves a record that tells
    little (wrong 25 times in 26 on the tuned and checked articles). A lone sentence keeps it: its
    kind of event is still worth having; so does an agentless passive ("X has been accused of
    ..."), which tells the act and leaves the actor for later. Force on a known victim ("a bomber
    killed 15 Israeli passengers") stays everywhere."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in f.trigger.children)
    known = f.source is not None and bool(f.source.code)
    to_known = f.target is not None and bool(f.target.code)  # (with no coded actor at all: a candidate)
    return f.code[:2] < "14" and not known and to_known and not passive  # roots 01-13, not protest or force


def without_reporters(f: Found) -> Found | None:
    """The event without the news media as its actor ("the Mirror newspaper said") or as the hearer
    of a statement ("told the BBC"); None when no actor is left."""
    if f.source is not None and f.source.sector in REPORTERS:
        return None  # "the state media blamed X": a newspaper's act is no political event
    src = f.source
    tgt = f.target  # a journalist can be arrested or freed; only the speaker's hearer is no actor
    if tgt is not None and tgt.sector in REPORTERS and f.code[:2] in ("01", "02"):
        tgt = None
    if (src, tgt) == (f.source, f.target):
        return f
    if src is None and tgt is None:
        return None
    f.source, f.target = src, tgt
    f.rule += "+no_media"
    return f


def figurative(f: Found, doc: Any) -> bool:
    """Force that is a figure of speech: what is hit is an amount ("the deficit hit 58 billion
    dlrs"); what is fought is a policy or a condition ("fight corruption"); or force done by no one
    ("the deficit hit a record", "hit by declining consumption", "battle falling sales"): the one who
    hits is a thing no dictionary codes, not a person or group, and what is hit is no coded actor
    either, or a business ("the missiles struck the Syrian army" is force; "the wine industry, hit
    by falling sales" is not). Read on the rule's own code too, before a modality or the model
    changed it."""
    if f.code[:2] not in HARM_ROOTS and _first_root(f.rule) not in HARM_ROOTS:
        return False  # (the rule's own code: "agreed to fight protectionism" is coded 138 by then)
    if f.target is not None and not f.target.code:
        span = doc.char_span(f.target.start, f.target.end, alignment_mode="expand")
        if span is not None and (span.root.ent_type_ in AMOUNTS or span.root.lower_ in AMOUNT_UNITS):
            return True  # "the deficit hit 58 billion dlrs", "shares hit 5 pct": an amount is not hit
    if f.trigger.lemma_.lower() in STRUGGLE_VERBS and \
            any(_abstract(c) for c in f.trigger.children if c.dep_ == "dobj"):
        return True  # "fight protectionism", "battle inflation": a policy, not a fight
    if f.source is not None and f.source.code:
        return False
    if f.target is not None and f.target.code and f.target.sector not in FIGURATIVE_TARGETS:
        return False
    if f.source is None:  # a passive's agent no dictionary knows and no phrase actor kept: "hit by X"
        agents = [p for c in f.trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        head = agents[0] if agents else None
    else:
        span = doc.char_span(f.source.start, f.source.end, alignment_mode="expand")
        head = span.root if span is not None else None
    return head is not None and head.pos_ == "NOUN" and not head.ent_type_ and not _agentive(head)


def _first_root(rule: str) -> str:
    """The root of the first code a rule names ("verb:fight>190+future>138" -> "19")."""
    return rule.partition(">")[2][:2]


def _abstract(h: Any) -> bool:
    """A common noun that names a condition or a policy ("corruption", "protectionism"), not a
    group ("the insurgency") or a state ("the administration")."""
    low = h.lower_
    return h.pos_ == "NOUN" and not h.ent_type_ and low not in COUNTRY_NOUNS and (
        low in ABSTRACT_NOUNS or low.endswith(ABSTRACT_SUFFIXES))


def _agentive(h: Any) -> bool:
    """A common noun that names people or groups ("protesters", "gunmen", "rebels")."""
    low = h.lower_
    return low.endswith(("ers", "ists", "ians", "ants", "ents", "ors", "men", "els", "ites")) or h.tag_ == "NNPS"


AMOUNTS = {"MONEY", "PERCENT", "QUANTITY"}  # spaCy entity types of amounts ("20 villages" is hit)
COUNTRY_NOUNS = words("nouns.country_reference")
STRUGGLE_VERBS = words("verbs.struggle")  # fought only against people, else a figure of speech
AMOUNT_UNITS = words("nouns.amount_unit")  # "58 billion dlrs": units spaCy does not always know
FIGURATIVE_TARGETS = {"BUS"}  # markets and firms are "hit" and "battle" in the business pages
HARM_ROOTS = {"18", "19", "20"}  # assault, fighting, mass violence (coercion is mostly at home)


def place_uncoded_target(f: Found, actors: Any, allies: set[str]) -> None:
    """The victims or objects of force that no dictionary codes ("shot the suspect dead", "blasted
    several vehicles", "destroyed the oil platform") belong to a country of the story other than
    the attackers' (``allies``: the countries of all the verb's sources, "US and British planes"):
    one the sentence places the act in ("at Sharana", "in Gaza"), else the heaviest of the
    article's other countries."""
    t = f.target
    if t is None or t.code is not None or f.code[:2] not in HARM_ROOTS:
        return
    own = f.source.country if f.source is not None else None
    allies = allies | {own} if own else allies
    country = None
    lo, hi = actors.sent_bounds[f.trigger.i]
    for tok in actors.doc[lo:hi]:
        if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
            a = actors.actor_for(tok)
            if a is not None and a.country and a.country not in allies and a.code == a.country:
                country = a.country
                break
    if country is None:
        country = next((c for c in actors.countries if c not in allies), None)
    if country is None:
        return
    f.target = Actor(code=country, country=country, sector=None, name=actors.country_name(country),
                     text=t.text, start=t.start, end=t.end, how=f"{t.how}+context:victims in {country}")
    f.rule += "+placed_target"


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


def own_government(f: Found) -> None:
    """A people's own state: "the government" (or "the army", "the courts") that a business group,
    a party or citizens of one country urge, criticise or sue, where nothing else places it, is
    their country's ("Japan's top business group Keidanren urged the government to remove ..." ->
    JPNGOV). A government addressing "the government" means another one: no guess then."""
    s, t = f.source, f.target
    if (t is None or s is None or not s.country or t.country or t.code != t.sector
            or t.sector not in STATE_SECTORS or s.sector in STATE_SECTORS or s.code == s.country
            or len(t.text.split()) != 2 or not t.text.lower().startswith("the ")):
        return  # only a bare "the government": "the European Court", "a government campaign" are not
    f.target = Actor(code=s.country + t.sector, country=s.country, sector=t.sector, name=s.name, text=t.text,
                     start=t.start, end=t.end, how=f"{t.how}+context:own state of {s.code}")


DOMESTIC_COERCION = ("172", "173", "175")  # restrictions, arrests, repression: a state on its own people
CIVIL_STATE = {"GOV", "COP", "JUD", "LEG"}  # (not an army, which may hold another country's ground)


def own_people(f: Found) -> None:
    """The people a state arrests, restricts or cracks down on, named by a sector alone ("launched
    a crackdown on Islamic militants", "police arrested protesters"), are of that state's country."""
    s, t = f.source, f.target
    if (t is None or s is None or not s.country or t.country or not t.sector or t.code != t.sector
            or s.sector not in CIVIL_STATE or not f.code.startswith(DOMESTIC_COERCION)):
        return
    f.target = Actor(code=s.country + t.sector, country=s.country, sector=t.sector, name=s.name, text=t.text,
                     start=t.start, end=t.end, how=f"{t.how}+context:own people of {s.code}")


MIN_SHARE_OF_BEST = 0.6
# An event no dictionary can put a code on either side of ("technology stocks rallied", "the rover
# travelled") is kept only when the pattern is sure of it: weak ones are mostly not political events.
# Violence stays whoever did it ("two women were raped", "gunmen opened fire on a teahouse").
UNCODED_MIN_CONFIDENCE = 0.25
VIOLENCE_ROOTS = {"17", "18", "19", "20"}


def _has_code(a: Actor | None) -> bool:
    return a is not None and bool(a.code)


def candidate(ev: Event) -> dict[str, Any]:
    """An event the rules found with no coded actor on either side ("the bulk offered", "Mr Hicks
    was captured"): kept in ``article.meta["uncoded_candidates"]`` for a reader, never stored as an
    event, counted or exported. Texts only: the offsets of the repaired text are not mapped back."""
    return {"sentence": ev.sentence, "cameo": ev.cameo, "rule": ev.rule, "evidence": ev.evidence.text,
            "source": ev.source.text if ev.source else None, "target": ev.target.text if ev.target else None}


def _coded(f: Found) -> bool:
    return bool((f.source and f.source.code) or (f.target and f.target.code))


def keep_informative(here: list[Found]) -> list[Found]:
    """Drop a sentence's secondary events that name no coded actor on either side (a dyadic record
    with two unknown actors says little), that have under 60% of the confidence of the sentence's
    best event, or that sit in a clause subordinate to the best event's verb ("stormed the base,
    killing five", "will meet X to discuss Y": one event, told with its circumstances). Events of
    the same verb with other actors ("against Libya and Iraq") and of coordinated clauses with their
    own subject ("..., and Eritrean forces took ...") stay. The best event is always kept."""
    if len(here) <= 1:
        return here
    best = max(here, key=lambda f: f.confidence)
    accusations = [f.trigger for f in here if f.code.startswith(ACCUSE_CODE)]
    return [f for f in here if f is best or (
        ((f.source and f.source.code) or (f.target and f.target.code))
        and f.confidence >= MIN_SHARE_OF_BEST * best.confidence
        and not subordinate_to(f.trigger, best.trigger)
        and not any(subordinate_to(f.trigger, a) for a in accusations))]  # "accusing it of firing": a charge


ACCUSE_CODE = "112"  # what an actor is accused of is the charge, not an event


def secondary_dyads(found: list[Found]) -> list[Found]:
    """A sentence's main event (its most confident, after any weighing) may have one side unknown
    ("Investors had worried", "the US jets blasted several vehicles"); a secondary deed needs a
    dyad: a country, IGO or NGO on both sides, or, for violence, on one (the victims of an unnamed
    attacker: "a bomber ... killed 15 Israeli passengers"). Half-known secondary readings of a
    sentence ("hoping", "sue Baikal and others" beside the sentence's statement) were nine in ten
    wrong on the tuned articles. The main event's copies for its other coordinated actors ("Both
    Russia and North Korea rejected the proposal") are the main event too. Statements keep their
    own rules (annotate/events/statements.py)."""
    if len(found) <= 1:
        return found
    best = max(found, key=lambda f: f.confidence)
    return [f for f in found if f.trigger.i == best.trigger.i or f.rule.startswith("statement:")
            or (_placed(f.source) and _placed(f.target))
            or (f.code[:2] in VIOLENCE_ROOTS and (_placed(f.source) or _placed(f.target)))]


def _placed(a: Actor | None) -> bool:
    """An actor coded with a country, or as an IGO or NGO (not a bare sector: "diplomats" GOV)."""
    return a is not None and bool(a.code) and (bool(a.country) or a.code != a.sector)


# Clauses that tell the circumstances of an event (its result, purpose or manner: "killing five",
# "to discuss", "by accusing"; or what its object says: "issued a statement urging") hang under its
# verb by these relations, without a subject of their
# own. Clauses with a subject, coordinated verbs ("lauded ... and then held talks"), relative
# clauses and time clauses ("since sending troops") tell events of their own.
CIRCUMSTANCE_DEPS = {"advcl", "xcomp", "pcomp", "prep", "acl", "dobj", "pobj"}
TIME_WORDS = words("conjunctions.time")


def subordinate_to(tok: Any, head: Any) -> bool:
    """Whether ``tok`` heads a clause that only tells the circumstances of ``head``'s event."""
    if tok == head or tok.i < head.left_edge.i or tok.i > head.right_edge.i or tok.pos_ != "VERB":
        return False  # a named event under the verb ("condemned the attack by X") is an event of its own
    while tok != head:
        if tok.dep_ not in CIRCUMSTANCE_DEPS or tok.head == tok:
            return False
        if tok.lower_ in TIME_WORDS or any(c.dep_ in ("nsubj", "nsubjpass") or (
                c.dep_ == "mark" and c.lower_ in TIME_WORDS) for c in tok.children):
            return False
        tok = tok.head
    return True


def headline_length(text: str) -> int:
    """Length of a title line at the top (no final punctuation, mostly capitalised words, more text
    below). The body repeats what a headline says and headline grammar parses badly, so events are
    not coded from it. 0 when the text does not start with a headline."""
    first, sep, rest = text.lstrip().partition("\n")
    if not sep or not rest.strip():
        return 0
    line = first.strip()
    if not line or line[-1] in ".!?\"”'’:;,":
        return 0
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    if not words or sum(w[0].isupper() for w in words) / len(words) < 0.6:
        return 0
    return len(text) - len(text.lstrip()) + len(first)


def _actor_key(a: Any) -> Any:
    return None if a is None else (a.code or (a.start, a.end))


def to_event(article: Article, doc: Doc, sentence: int, f: Found, res: Resources, date: str | None) -> Event:
    span = doc[f.evidence[0]:f.evidence[1]]
    info = res.cameo.get(f.code)
    return Event(
        id="",
        sentence=sentence,
        source=f.source,
        target=f.target,
        cameo=f.code,
        root=f.code[:2],
        quad=info.quad,
        penta=info.penta,
        goldstein=info.goldstein,
        plover=info.plover,
        date=date,
        modality=f.modality,  # type: ignore[arg-type]
        evidence=Span(span.start_char, span.end_char, span.text),
        rule=f.rule,
        confidence=f.confidence,
        dictionary_version=res.version,
    )


def _own_date(tok: Any, dates: dict[int, tuple[int, int, str]]) -> str | None:
    """A resolved DATE in the token's own clause (not inside a nested clause)."""
    best = None
    stack = [(c, 1) for c in tok.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        t, d = stack.pop()
        if t.i in dates and (best is None or d < best[0]):
            best = (d, dates[t.i][2])
        stack.extend((c, d + 1) for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return best[1] if best else None


def event_date(tok: Any, dates: dict[int, tuple[int, int, str]], pub: str | None) -> str | None:
    """The event's date: its own clause, else the clause it hangs from, else the publication date."""
    cur = tok
    for _ in range(4):
        d = _own_date(cur, dates)
        if d:
            return d
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        if cur.dep_ in ("conj", "xcomp", "acomp") and not own_subject and cur.head is not cur:
            cur = cur.head
            continue
        break
    return pub
