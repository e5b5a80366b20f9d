"""The events stage with the trained event model: the rules find the events, the model weighs them.

Everything the model decides is here, behind the ``weigh`` hook of :func:`dyads.annotate.events.stage.annotate`
(the rules stay in ``patterns.py`` and ``stage.py``, and code alone with ``--no-model``). The rules
decide which events a sentence holds; then, with one batch of PentaClass probabilities per article
(only for the sentences that hold a deed or a dyadic main clause, and for what each statement says):

* every event's confidence is scaled by the model's probability for its class, which decides the
  sentence's main event;
* where the model is confident (>= 0.7) of a class none of the sentence's events has, the main
  event takes that class (the class's generic code), keeping the rule's actors and evidence (not in
  sentences longer than those it was trained on);
* where no rule fired, a very confident model (>= 0.8) codes the main clause when the rules' parser
  finds a coded actor on both sides of it;
* a plain statement the rules found (:mod:`dyads.annotate.events.statements`: a coded speaker's
  words about another coded actor) whose content the model reads as verbal cooperation or conflict
  (>= 0.6) becomes praise or criticism (050 / 110) by the speaker.

Every event the model touched says so in its ``rule``: ``verb:condemn>111|model:penta-minilm-<v>[p=0.97]``
(the probability of the event's class), or, where the model chose the class, the rule that found the
actors and the model's code last (``actors:verb:destroy>190|model:penta-minilm-<v>[p=0.91]>110``);
a re-classed statement reads ``statement:say>010|model:penta-minilm-<v>[p=0.83]>110``. The last
code in a rule is always the event's code.
"""

from __future__ import annotations

from typing import Any

from dyads.annotate.events.arguments import possessed
from dyads.annotate.events.cameo import penta_class
from dyads.annotate.events.patterns import Found, SentenceCoder
from dyads.annotate.events.stage import ASSIGNS, REQUIRES, USES, Candidates, code_events
from dyads.annotate.state import ArticleState, Resources, stage

KEY = "event_model"  # Resources.extras key of the loaded EventModel
ERROR_KEY = "event_model_error"  # Resources.extras key of the numbered message when it cannot load
# CAMEO code for an event whose class only the model gives (the class's generic code).
CLASS_CODES = {0: "010", 1: "030", 2: "060", 3: "110", 4: "190"}
# Thresholds chosen on the dev tenth of the ConfliBERT tune part, the tuned articles and the seed
# article (docs/event-model.md gives the measurements).
FALLBACK_MIN_PROB = 0.8  # code a sentence no rule coded, between two coded actors
OVERRIDE_MIN_PROB = 0.7  # re-class the main candidate
# No re-class in a sentence longer than the model saw in training (the ConfliBERT tune part: median
# 22 words, 99th percentile 43, about 50 tokens): its class may then be another clause's
OVERRIDE_MAX_TOKENS = 50
NEVER_OVERRIDE_TO = {0}  # "X said ..." reads as a statement (01-02): never re-class an event as one
SPEECH_ROOTS = {"01", "02"}  # nor re-class a named speech act (a denial, an appeal) as a deed
WEIGHT_FLOOR = 0.3  # a candidate's confidence times (floor + (1 - floor) * p(its class))


@stage("events", requires=REQUIRES, uses=USES, assigns=ASSIGNS)
def annotate(state: ArticleState, res: Resources) -> None:
    """Events by the rules, weighed by the model when it is loaded; otherwise the rules alone and,
    when the model could not be loaded, its numbered error on the article."""
    model = res.extras.get(KEY)
    if model is None:
        if res.extras.get(ERROR_KEY):
            state.article.errors.append(res.extras[ERROR_KEY])
        code_events(state, res)
        return
    code_events(state, res, weigh=lambda st, coder, sents: weigh(model, st, coder, sents))


def weigh(model: Any, state: ArticleState, coder: SentenceCoder, sentences: list[Candidates]) -> None:
    """Classify the sentences worth it and the statements, in one batch per article, and apply the
    model's reading to each. (One article's batch never holds another article's sentences: with
    int8 activations quantised per batch, an article's output must not depend on its neighbours.)"""
    # a sentence whose only events are statements is read through what each statement says (below):
    # the whole sentence adds nothing the content does not, and costs a second pass of the model
    plans = [(c, None if c.found else main_clause(coder, c.sent)) for c in sentences
             if not c.found or any(not f.rule.startswith("statement:") for f in c.found)]
    todo = [(c, clause) for c, clause in plans if c.found or clause is not None]
    said = [f for c in sentences for f in c.found if f.rule.startswith("statement:") and f.code == "010"]
    if not todo and not said:
        return
    doc = state.doc
    probs = model.classify_sentences([c.sent for c, _ in todo] + [doc[f.evidence[0]:f.evidence[1]] for f in said])
    for (c, clause), p in zip(todo, probs[:len(todo)], strict=True):
        by_class = dict(zip(model.classes, p, strict=True))
        c.found = reweigh(model.tag, c.found, by_class) if c.found else code_clause(model.tag, coder, clause, by_class)
    for f, p in zip(said, probs[len(todo):], strict=True):
        classify_statement(model.tag, f, dict(zip(model.classes, p, strict=True)))


# A plain statement (010, annotate/events/statements.py) whose content the model reads as verbal
# cooperation or conflict is praise or criticism by the speaker toward the actor the content names.
STATEMENT_CODES = {1: "050", 3: "110"}
STATEMENT_MIN_PROB = 0.6


def classify_statement(tag: str, f: Found, by_class: dict[int, float]) -> None:
    """Re-class a plain statement by what it says, when the model is sure of it."""
    k, pk = _best(by_class)
    if k in STATEMENT_CODES and pk >= STATEMENT_MIN_PROB and f.target is not None:  # praise or blame of someone
        f.code = STATEMENT_CODES[k]
        f.rule = f"{f.rule}|{tag}[p={pk:.2f}]>{f.code}"


def _best(by_class: dict[int, float]) -> tuple[int, float]:
    k = max(by_class, key=by_class.__getitem__)
    return k, by_class[k]


def reweigh(tag: str, found: list[Found], by_class: dict[int, float]) -> list[Found]:
    k, p = _best(by_class)
    for f in found:
        pf = by_class.get(penta_class(f.code[:2]), 0.0)
        f.confidence = round(f.confidence * (WEIGHT_FLOOR + (1 - WEIGHT_FLOOR) * pf), 3)
        f.rule = f"{f.rule}|{tag}[p={pf:.2f}]"
    deeds = [f for f in found if not f.rule.startswith("statement:")]  # statements: see classify_statement
    if not deeds:
        return found
    best = max(deeds, key=lambda f: f.confidence)
    if (p >= OVERRIDE_MIN_PROB and k not in NEVER_OVERRIDE_TO and best.modality != "negated"
            and len(best.trigger.sent) <= OVERRIDE_MAX_TOKENS
            and not _sense_given(best.rule) and not _speech_act(best.code)
            and all(penta_class(f.code[:2]) != k for f in found)):
        # the rules found actors, but the sentence reads as another kind of event: the model's
        # class leads, with the rule's actors and evidence; the rule's own events stay
        rule = f"actors:{best.rule.split('|')[0]}|{tag}[p={p:.2f}]>{CLASS_CODES[k]}"
        new = Found(best.trigger, CLASS_CODES[k], rule, best.source, best.target, best.modality,
                    round(min(0.95, best.confidence + 0.05), 3), best.evidence, best.date_token)
        found[found.index(best)] = new
    return found


def _speech_act(code: str) -> bool:
    """A speech act the verb names (a denial 016, an appeal 02x); a plain "said" (010) is not one:
    what was said may be the sentence's event ("said troops shelled the town")."""
    return code[:2] in SPEECH_ROOTS and code != "010"


def _sense_given(rule: str) -> bool:
    """Whether the lexicon chose the trigger's sense by its object or event noun ("attacked the
    record" 111, "held talks" 040) or its particle ("cracked down on" 175, "looked into" 090), or
    the event is a circumstance of the clause, not the clause ("X said during a visit to Y that
    ..."): the rule knows that sense better than a sentence class."""
    head, _, codes = rule.split("|")[0].partition(">")
    return head.startswith("light:") or "+" in head or "_" in head or "+holder" in codes \
        or any(f"+{m}>13" in codes for m in ("future", "threat"))


def main_clause(coder: SentenceCoder, sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """The verb of a sentence's main clause (the reported clause after 'X said') and the actors the
    rules' parser finds on either side of it; None when it names no actor or the lexicon says the
    verb is no event."""
    root = sent.root
    speaker = coder.subjects(root) if root.lemma_.lower() in coder.lex.speech_verbs else []
    if speaker:  # "X said (that) Y ...": the reported clause carries the event
        clause = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if not clause:
            return None
        root = clause[0]
    if root.pos_ not in ("VERB", "AUX"):
        return None
    blocked = coder.match_verb(root)[0]
    if blocked is not None and not blocked.code and not getattr(blocked, "armed_code", ""):
        return None  # the lexicon says this clause is no event ("released her third album")
    sources = coder.resolve_all(coder.subjects(root) or speaker)
    objs = [c for c in root.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    objs += [p for c in root.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"][:1]
    own = {a.country for a in sources if a.country}
    targets = [t for t in coder.resolve_all(objs[:1])
               if not (t.country in own and possessed(t, coder.actors.doc))]  # "expressed her belief": hers
    if not sources and not targets:
        return None
    if not (any(a.code for a in sources) and any(a.code for a in targets)):
        return None  # without a coded actor on both sides, most such clauses are no political event
    return root, sources, targets


def code_clause(tag: str, coder: SentenceCoder, clause: Any, by_class: dict[int, float]) -> list[Found]:
    """Where no rule fired: the model's class for the main clause, when it is confident."""
    k, p = _best(by_class)
    if clause is None or p < FALLBACK_MIN_PROB:
        return []
    root, sources, targets = clause
    modality, _ = coder.modality(root)
    rule = f"{tag}[p={p:.2f}]>{CLASS_CODES[k]}"
    out = []
    for s in sources or [None]:
        for t in targets or [None]:
            start = min([root.i] + ([coder.token_of(s)] if s else []))
            end = max([root.i + 1] + ([coder.token_end(t)] if t else []))
            out.append(Found(root, CLASS_CODES[k], rule, s, t, modality, round(0.45 * p, 3), (start, end), root))
    return out[:2]
