"""Statements: a reported speech act is an event of its speaker.

"X said Y must do Z", "X told MPs the UK was losing its veto", "X suggested that Y could play a
role": news reports positions far more often than deeds, and the event is the speaker's act of
saying (CAMEO 01-02, 10-13), not only what the content says. For every attribution the quotes stage
found whose speaker is a coded actor, whose cue verb no event pattern coded and whose content holds
no coded event of its own ("Peskov said Russia is developing ties with North Korea" is that event,
attributed to Peskov by the attribution stage), this module makes
one event of the speaker: its class from the cue and the content (an appeal when the content
obliges another actor, a denial for a denying cue, else a statement), its target the first coded
actor the content names other than the speaker. A plain statement about no one ("X said the
weather was cold") is no event: saying alone never is (DESIGN.md). Events inside the content stay as they are (the
attribution stage marks them as the speaker's claims).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.events.patterns import QUESTION_VERBS, WH_WORDS, Found
from dyads.annotate.quotes.finder import Found as Attribution
from dyads.model import Actor
from dyads.resources import words

OBLIGATION = {"should", "must", "ought", "need", "needs", "needed"}
DEMAND_MODALS = {"must"}  # "should", "ought", "need": an appeal (02); "must": a demand (10)
APPEAL_CUES = {"suggest", "propose", "recommend", "urge", "call", "appeal", "ask", "demand", "insist"}
SPEECH_KINDS = {"speech", "denial"}  # not beliefs ("may find", "hope", "understood"): no act of saying
NOT_ACTORS = {"MED"}  # a newspaper or agency that reports is never an actor of what it reports
BLOCKING_GOVERNORS = {"refuse", "decline", "fail", "want", "try", "hope", "plan", "expect"}
CONFIDENCE = 0.25  # below the events of deeds: a sentence that tells a deed and who said so is about the deed
MAX_EVIDENCE = 400  # characters: a long quotation's event points at the cue's sentence only


def statement_events(actors: ArticleActors, attributions: list[Attribution],
                     coded: dict[int, str | None], intent: Intent | None = None) -> list[Found]:
    """One event per attribution whose cue no pattern coded (``coded``: the trigger token indexes of
    the events found, each with its source's country; ``intent``: the lexicon's future codes and
    the code of a verb, to read the speaker's stated intent)."""
    out: list[Found] = []
    seen: set[int] = set()
    for f in attributions:
        cue = f.cue
        if cue is None or cue.i in coded or cue.i in seen or f.kind not in SPEECH_KINDS or f.source is None:
            continue
        if not _acts(cue):
            continue
        speaker = actors.actor_for(f.source)
        if speaker is None or not _coded(speaker) or speaker.sector in NOT_ACTORS:
            continue
        content = _content_tokens(actors.doc, f)
        seen.add(cue.i)
        hi = actors.sent_bounds[cue.i][1]
        if any(t.i in coded and coded[t.i] == speaker.country for t in content if t.i < hi):
            continue  # "Peskov said Russia is developing ties with X": the content's event says it
            # (up to the cue's sentence: a quotation's next sentence tells its own events)
        code, why = _classify(cue, f, content)
        meant = _own_intent(actors, content, speaker, intent) if code == "010" and intent else None
        if meant is not None:  # "Ukraine said it wants closer EU links": the speaker's intent
            code, why = meant, "+intent"
        target = _target(actors, content, speaker)
        own = target is not None and target.code == speaker.country
        if own:  # "the minister said Ukraine wants ...": its own country is the subject, no hearer
            target = _target(actors, content, speaker, skip=speaker.country)
        hearer = _hearer(actors, cue, speaker)
        if hearer is not None and (target is None or target.country == speaker.country):
            target, why = hearer, f"{why}+hearer"  # "told their EC partners they would oppose ...": to them
        if target is None and code in ("010", "030") and not own:
            continue  # "X said the weather was cold": saying alone, about no one, is no event
        start, end = _evidence(actors, cue, speaker, content)
        modality = "future" if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in cue.children) \
            else "asserted"
        rule = f"statement:{cue.lemma_.lower()}{why}>{code}"
        out.append(Found(cue, code, rule, speaker, target, modality, CONFIDENCE, (start, end), cue))
    return out


def _acts(cue: Any) -> bool:
    """Whether the cue is a speech act that happened: not negated ("did not say"), not passive with
    the speaker unnamed ("is said to be"), not governed by "refused to", "wants to", "hopes to"."""
    if cue.pos_ not in ("VERB", "AUX"):
        return False
    quoted_as = cue.lemma_.lower() == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    if any(c.dep_ == "neg" or (c.dep_ in ("auxpass", "nsubjpass") and not quoted_as) for c in cue.children):
        return False  # (but "X was quoted as saying" is X saying it)
    if cue.tag_ == "VBN" and not quoted_as and not any(c.dep_ == "aux" for c in cue.children):
        return False  # "Asked about the talks, X said": the participle is passive, X was asked
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if any(c.tag_ in ("WP", "WDT") and c.dep_ == "dobj" for c in cue.children) or (
            subj is not None and subj.i > 0 and subj.doc[subj.i - 1].tag_ in ("WP", "WDT")):
        return False  # "condemned what they say were deliveries": a hedge inside another's words
    if cue.lemma_.lower() in QUESTION_VERBS and any(
            c.dep_ == "ccomp" and any(w.lower_ in WH_WORDS and w.i < c.i for w in c.subtree) for c in cue.children):
        return False  # "asked why ministers had ...": a question, not a statement
    return not (cue.dep_ == "xcomp" and cue.head.lemma_.lower() in BLOCKING_GOVERNORS)


def _evidence(actors: ArticleActors, cue: Any, speaker: Actor, content: list[Any]) -> tuple[int, int]:
    """Token range of the statement: what was said (its part in the cue's sentence, or in the
    quotation just before it, at most MAX_EVIDENCE characters), else the speaker and the cue. The
    hearer ("told the BBC") and the rest of the sentence are not the statement."""
    sent_lo, sent_hi = actors.sent_bounds[cue.i]
    said = [t.i for t in content if t.i < sent_hi and t.idx >= cue.idx - MAX_EVIDENCE]
    if said:
        return min(said), max(said) + 1
    src = actors.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    idx = [cue.i] + ([src.start, src.end - 1] if src is not None and sent_lo <= src.start < sent_hi else [])
    return min(idx), max(idx) + 1


def _coded(a: Actor) -> bool:
    return bool(a.country or (a.code and a.code.startswith(("IGO", "NGO"))))


def _content_tokens(doc: Any, f: Attribution) -> list[Any]:
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _classify(cue: Any, f: Attribution, content: list[Any]) -> tuple[str, str]:
    """(CAMEO code, rule note) of the speech act: denial, appeal, or statement."""
    if f.kind == "denial":
        return "016", ""
    verbs = [t for t in content if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj")]
    modals = {c.lower_ for v in verbs for c in [v, *v.children] if c.lower_ in OBLIGATION and c.dep_ in ("aux", "ROOT")}
    if modals & DEMAND_MODALS:  # "Russia says Israel must end attacks": a demand, not a request
        return "100", "+demand"
    if modals or (cue.lemma_.lower() in APPEAL_CUES and content and content[0].tag_ != "VBG"):
        return "020", "+appeal"
    return "010", ""


SELF_PRONOUNS = {"it", "he", "she", "we", "they"}  # "I would ..." in a quotation is an opinion
WILL = {"will", "shall", "'ll", "’ll"}
TELL_VERBS = words("verbs.tell")  # "told X", "assured X": the object is the hearer
INTENT_VERBS = words("verbs.stated_intent")  # "said it wants / plans / intends to ..."
QUOTE_MARKS = {'"', "“", "”", "``", "''"}


@dataclass(frozen=True)
class Intent:
    """What reading a stated intent needs from the event lexicon."""

    future_codes: dict[str, str]  # CAMEO root -> the code of intending it ("04" -> "036")
    verb_code: Callable[[Any], str | None]  # the lexicon's code for a verb token, if any


def _own_intent(actors: ArticleActors, content: list[Any], speaker: Actor, intent: Intent) -> str | None:
    """The code of what was said when it is the speaker's own intent: its main clause has the
    speaker as subject (a pronoun, or an actor of the speaker's country) and looks ahead ("will",
    "would", or an intent verb: "wants closer links", "has decided to stop", "plans to"). A verb the
    lexicon codes says what is intended: cooperation is its 03 code ("will meet" 036), conflict its
    future code ("would send troops" 138) or itself ("would oppose" 120, "will sue" 115); any other
    verb is an intent to cooperate (030). None when it is not an intent."""
    inside = {t.i for t in content}
    roots = [t for t in content if t.pos_ in ("VERB", "AUX") and t.head.i not in inside]
    if not roots:
        return None
    root = roots[0]
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    a = actors.actor_for(subj)  # "it", "he": whom the resolver finds it points back to
    if subj.pos_ == "PRON":
        own = subj.lower_ in SELF_PRONOUNS and a is not None and a.country is not None and a.country == speaker.country
    else:  # "the radical Palestinian movement" said by a Hamas official: the speaker's own body
        own = a is not None and a.code is not None and a.code == speaker.code
    if not own or any(c.dep_ == "neg" for c in root.children):
        return None
    lemma = root.lemma_.lower()
    aux = {c.lower_ for c in root.children if c.dep_ == "aux"}
    quoted = any(t.text in QUOTE_MARKS for t in content)  # "we would ..." in a quotation is a supposition
    ahead = bool(aux & WILL) or ("would" in aux and not quoted) or lemma in INTENT_VERBS or (
        lemma == "decide" and any(c.dep_ == "xcomp" for c in root.children))
    if not ahead:
        return None
    deed = next((c for c in root.children if c.dep_ == "xcomp"), root) if lemma in INTENT_VERBS | {"decide"} else root
    code = intent.verb_code(deed)
    if not code:
        return "030"
    return intent.future_codes.get(code[:2], code if code[:2] >= "10" else "030")


def _hearer(actors: ArticleActors, cue: Any, speaker: Actor) -> Actor | None:
    """Whom the speaker told ("told their EC partners", "assured Washington"), when coded: not the
    news media ("told the BBC"), not the speaker itself."""
    tells = cue.lemma_.lower() in TELL_VERBS  # (the object of "proclaimed its caliphate" is what was said)
    for c in cue.children:
        if (c.dep_ == "dative" or (c.dep_ == "dobj" and tells)) and c.pos_ in ("NOUN", "PROPN"):
            a = actors.actor_for(c)
            if a is not None and _coded(a) and a.sector not in NOT_ACTORS and a.code != speaker.code:
                return a
    return None


def _target(actors: ArticleActors, content: list[Any], speaker: Actor, skip: str | None = None) -> Actor | None:
    """The first coded actor the content names (subjects before the rest), not the speaker."""
    heads = [t for t in content if t.dep_ in ("nsubj", "nsubjpass")]
    heads += [t for t in content if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ") and t not in heads
              and t.dep_ not in ("compound", "flat")]
    for h in heads:
        a = actors.actor_for(h)
        if a is None or not _coded(a) or a.sector in NOT_ACTORS:
            continue
        if (a.start, a.end) == (speaker.start, speaker.end) or (skip is not None and a.code == skip):
            continue
        if a.code == speaker.code and a.name is not None and a.name == speaker.name and "person:" in a.how:
            continue  # "Gorbachev said Gorbachev's new offer ...": the speaker's own thing
        if a.country == speaker.country and (h.pos_ == "PRON" or h.lower_ in ("country", "nation")
                                             or a.text == speaker.text
                                             or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in h.children)):
            continue  # "Israel said it will ...", "we", "the country", "its drills": the speaker again
        return a
    return None
