"""Speakers: the token that speaks a quotation, found in the parse around its cue, and the Actor it names."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from dyads.model import Actor
from dyads.nlp.labels import SUBJECTS, WHEN
from dyads.nlp.quotemarks import Region, doc_text
from dyads.resources import words

if TYPE_CHECKING:
    from dyads.annotate.actors.resolver import ArticleActors
from dyads.annotate.quotes.found import Found
from dyads.annotate.quotes.spans import _chars, _is_that_clause, _trim

# Participial cues take the subject of the verb or noun they hang from ("…, saying that …").
INHERITS_SUBJECT = {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp"}


# verbs whose object does what their xcomp says: 'That led Kim to call Park "reckless"' (Kim calls)
OBJECT_CONTROL = words("verbs.object_control")


# cues whose object is the hearer: '"…," Ortiz told the radio' is Ortiz speaking to the radio
TELLS = words("verbs.tell")


def _subject(cue: Any) -> Any:
    """The speaker's head token: the cue's subject (a relative pronoun stays itself: the resolver
    maps it to its antecedent), the agent of a passive, the possessor of a noun cue ("Peskov's
    claim"), else the subject of the nearest verb the cue hangs from ("…, saying", "…and added")."""
    for c in cue.children:
        if c.dep_ in SUBJECTS:
            return c
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if cue.pos_ == "NOUN":
        for c in cue.children:
            if c.dep_ == "poss":
                return c
    if any(c.dep_ in {"ccomp", "parataxis", "punct"} and c.i < cue.i for c in cue.children) \
            and cue.lemma_.lower() not in TELLS:
        # inverted "…, said an official": the parse may call the speaker an object
        for c in cue.children:
            if c.i > cue.i and c.dep_ in {"dobj", "attr", "npadvmod", "oprd"} and c.pos_ in {"NOUN", "PROPN"} \
                    and c.ent_type_ not in WHEN:  # '…," X said Thursday morning
                return c
    if cue.dep_ not in INHERITS_SUBJECT:
        return None
    below, infinitive = cue, cue.tag_ != "VBG"
    for n, anc in enumerate(cue.ancestors):
        if n >= 4:
            break
        if infinitive and below.dep_ == "xcomp" and anc.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in anc.children if c.dep_ == "dobj" and c.i < below.i), None)
            if obj is not None:  # 'That led Kim to joke and call Park "reckless"': Kim calls
                return obj
        infinitive = infinitive and below.dep_ in {"xcomp", "conj"}
        below = anc
        if n == 0 and cue.dep_ == "conj" and anc.dep_ == "ccomp":
            continue  # 'X said it was A and added that B': the reported clause's subject is not X
        if anc.dep_ in {"acl", "ccomp"} and _is_that_clause(anc):
            continue  # 'X denied that a merger was near, explaining …': not 'merger'
        for c in anc.children:
            if c.dep_ in {"nsubj", "csubj"} and c.i != cue.i:
                return c
    return None


def _skip_dateline(text: str, f: Found, datelines: list[tuple[int, int]]) -> bool:
    """Keep the dateline out of the content and the speaker ('MOSCOW, Sept 13 (Reuters) - Russia
    said …'); False when nothing but the dateline is left."""
    for s, e in datelines:
        if s <= f.start < e:
            f.start, f.end = _trim(text, e, f.end)
        if f.source is not None and s <= f.source.idx < e:
            f.source = _after_datelines(f.cue, datelines)
    return f.end > f.start


def _after_datelines(cue: Any, datelines: list[tuple[int, int]]) -> Any:
    """The cue's subject after the dateline: the subject of the cue the parse did not see, else
    the last noun before the cue."""
    for t in reversed(cue.doc[cue.sent.start:cue.i]):
        if any(s <= t.idx < e for s, e in datelines):
            break
        if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.dep_ not in {"compound", "flat", "poss", "nmod"}:
            return t
    return None


def _repair_speaker(f: Found) -> None:
    """A speaker the parse put inside the quotation ('"…, I hold Sen. X in high esteem," Y said'),
    or none where the quote is followed or preceded by the attribution: the nearest subject-like
    noun beside the cue outside the marks."""
    src = f.source
    if src is not None and not _in_regions(src, f.regions):
        return
    if _in_regions(f.cue, f.regions):
        return
    f.source = _speaker_near_cue(f.cue, f.regions, f.start if f.start > f.cue_start else len(doc_text(f.cue.doc)))


def _names_an_age(tok: Any) -> bool:
    """'the 52-year-old said': a person the tagger read as a date."""
    return tok.lower_ == "old" and tok.i >= 2 and tok.nbor(-2).lower_ == "year"


def _speaker_before_cue(cue: Any, regions: list[Region]) -> Any:
    """'Saturday at the rally Sen. Jane Roe (D-MA) said …': the parse took a date for the
    subject; the speaker is the nearest noun before the cue outside marks and parentheses."""
    depth = 0
    for t in reversed(cue.doc[cue.sent.start:cue.i]):
        depth += (t.text == ")") - (t.text == "(")
        if depth > 0 or t.text in "()" or _in_regions(t, regions) or t.ent_type_ in WHEN:
            continue
        if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.dep_ not in {"compound", "flat", "poss", "pobj"}:
            return t
    return None


def _inherit_repaired_speakers(found: list[Found]) -> None:
    """'"…," said Okonkwo, explaining he …': a participle with no speaker of its own takes the one
    found for the cue it hangs from, which the parse may only have given after repair."""
    by_cue = {f.cue.i: f.source for f in found if f.source is not None}
    for f in found:
        if f.source is None and f.cue.dep_ in INHERITS_SUBJECT and f.cue.tag_ == "VBG":
            f.source = by_cue.get(f.cue.head.i)


def _in_regions(tok: Any, regions: list[Region]) -> bool:
    return any(r.start <= tok.idx < r.end for r in regions)


def _speaker_near_cue(cue: Any, regions: list[Region], content_start: int) -> Any:
    """The nearest subject-like word beside the cue outside the marks; after the cue it must come
    before the content ('X, who …, said the mood was …': not 'mood')."""
    for c in cue.children:
        if c.dep_ in SUBJECTS and not _in_regions(c, regions):
            return c
    if cue.tag_ == "VBG" and cue.dep_ in INHERITS_SUBJECT:
        return _outer_subject(cue, regions)  # '…, telling the audience, "…"': not the audience
    doc, sent = cue.doc, cue.sent
    before = doc[max(sent.start, cue.i - 8):cue.i]
    if len(before) > 1 and _in_regions(before[-2], regions) and before[-2].is_quote \
            and not _in_regions(before[-1], regions) and _names_someone(before[-1]):
        return before[-1]  # '"…," Okonkwo replies': the parse took the name for part of the verb
    quote_before = any(_in_regions(t, regions) for t in before[-2:]) if len(before) else False
    if quote_before or (len(before) and before[-1].is_punct):
        after = doc[cue.i + 1:min(sent.end, cue.i + 8)] if cue.lemma_.lower() not in TELLS else []
        for t in after:  # '"…," said X' / '"…," tweeted X'
            if t.is_punct or _in_regions(t, regions) or t.idx >= content_start:
                break
            if (t.pos_ == "ADP" and not (cue.lower_ == "according" and t.i == cue.i + 1)) or t.ent_type_ in WHEN:
                break  # 'said Thursday on the radio' names no speaker after the cue
            if _names_someone(t):
                return _phrase_head(t, cue.i + 1)
        if quote_before:
            return None
        opening = _opening_subject(cue)
        if opening is not None and not any(sent.start_char <= r.start and r.end <= cue.idx for r in regions):
            return opening
        # '"…," X, a local councillor, said' / '"…," an aide, who was not allowed to speak in
        # public, told …': the noun phrase right after the quotation, before its appositive
        after_quote: list[Any] = []
        for t in reversed(doc[max(sent.start, cue.i - 30):cue.i]):
            if _in_regions(t, regions) or t.is_quote:
                return next((_phrase_head(a, a.i) for a in after_quote
                             if a.pos_ in {"PROPN", "NOUN", "PRON"} and a.ent_type_ not in WHEN), None)
            after_quote.insert(0, t)
        for t in reversed(before):  # 'In a statement, her adviser, Jane Doe, said: "…"'
            if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.ent_type_ not in WHEN:
                return t
        return None
    for t in reversed(before):  # '"…," X said'
        if _in_regions(t, regions) or t.is_punct:
            break
        if t.pos_ in {"PROPN", "NOUN", "PRON"}:
            return t
    return None


def _outer_subject(cue: Any, regions: list[Region]) -> Any:
    """The subject of the nearest clause above a participle, outside the marks and outside the
    reported clauses it may have been hung in; the noun a participle qualifies ('a voter shouting')."""
    if cue.dep_ == "acl" and cue.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return cue.head
    for anc in cue.ancestors:
        if anc.dep_ in {"acl", "ccomp"} and _is_that_clause(anc):
            continue
        subj = next((c for c in anc.children if c.dep_ in SUBJECTS and c.i != cue.i), None)
        if subj is not None and not _in_regions(subj, regions):
            return subj
    return None


def _opening_subject(cue: Any) -> Any:
    """'One delegate, who like several others asked not to be named, said …': the parse made
    the opening words a clause of their own under the cue; its subject opens the sentence."""
    for c in cue.children:
        if c.i < cue.i and c.dep_ in {"ccomp", "advcl", "parataxis"}:
            subj = next((g for g in c.children if g.dep_ in SUBJECTS), None)
            if subj is not None and subj.left_edge.i == cue.sent.start:
                return subj
    return None


def _names_someone(tok: Any) -> bool:
    """A noun or pronoun, or a name the tagger misread ('said Okonkwo' with Okonkwo an adverb): a
    capitalised word that is neither a date nor a common word at the head of a sentence."""
    return tok.pos_ in {"PROPN", "NOUN", "PRON"} or tok.is_title and tok.is_alpha and tok.ent_type_ not in WHEN \
        and not tok.is_sent_start and tok.pos_ in {"ADV", "ADJ", "VERB", "X"}


def _phrase_head(tok: Any, lo: int) -> Any:
    """The head of the noun phrase ``tok`` starts ('Rubio spokesman Alex Conant' -> Conant)."""
    while tok.dep_ in {"compound", "flat", "nmod", "amod", "poss", "det"} and tok.head.i > tok.i >= lo:
        tok = tok.head
    return tok


def _subject_after(tok: Any, quote_start: int, p_end: int) -> tuple[Any, Any]:
    """(verb, name) when ``tok``, right after a quotation, opens the subject phrase of a verb of its
    paragraph, however long the apposition ('"…," Trump, the front-runner in …, said'); the parse
    may hang the name on a word inside the quotation. (None, None) otherwise."""
    head = name = tok
    while head.dep_ in {"compound", "det", "amod", "poss", "flat", "nmod", "appos"} and head.head.i != head.i:
        if head.dep_ != "appos" and head.head.i >= tok.i:
            name = head.head
        head = head.head
    if head.dep_ not in SUBJECTS or any(t.i < quote_start for t in head.subtree):
        return None, None
    verb = head.head
    if verb.pos_ != "VERB" or verb.i <= tok.i or verb.idx >= p_end:
        return None, None
    return verb, name


def _name_after_quote(doc: Any, r: Region, cue: Any) -> Any:
    """The name opening the subject phrase of ``cue`` right after the quotation ``r``, if any."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    tok = next((t for t in doc[span.end:cue.i] if not (t.is_punct or t.is_space)), None)
    if tok is None:
        return None
    verb, name = _subject_after(tok, span.start, len(doc_text(doc)))
    return name if verb is not None and verb.i == cue.i else None


def _colon_speaker(colon: Any) -> Any:
    """The speaker of 'X: "…"': the subject of the clause the colon ends, else the noun it ends."""
    head = colon.head
    for c in head.children:
        if c.dep_ in SUBJECTS and c.i < colon.i:
            return c
    if head.pos_ in {"PROPN", "NOUN"} and head.i < colon.i:
        return head
    return None


# ---- speakers and the stage ------------------------------------------------------------------
def speaker_actor(resolver: Any, tok: Any) -> tuple[Actor | None, Any]:
    """The speaker as an Actor carrying the mention's own span (pronouns keep the pronoun's span),
    with ``code=None`` when no actor code is known; and the resolver's record (or None)."""
    if tok is None:
        return None, None
    resolved = resolver.resolve(tok) if resolver is not None else None
    if resolver is not None:
        start, end = resolver.phrase_bounds(tok) if tok.pos_ != "PRON" else (tok.idx, tok.idx + len(tok))
    else:
        start, end = _chars([tok, *(c for c in tok.children if c.dep_ in {"compound", "flat"})])
    text = doc_text(tok.doc)[start:end]
    if resolver is not None and (resolved is None or resolved.country is None):
        resolved = _role_reference(resolver, tok) or resolved
    if resolved is None:
        return Actor(code=None, country=None, sector=None, name=None, text=text,
                     start=start, end=end, how="unresolved speaker"), None
    return Actor(code=resolved.code, country=resolved.country, sector=resolved.sector,
                 name=resolved.name, text=text, start=start, end=end, how=resolved.how), resolved


def _role_reference(resolver: Any, tok: Any) -> Any:
    """"the spokesman said": the last person introduced with that role before ("Kremlin
    spokesman Dmitry Peskov", "Dmitry Peskov, the Kremlin spokesman")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    role = tok.lemma_.lower()
    for ent in reversed([e for e in tok.doc.ents if e.label_ == "PERSON" and e.end <= tok.i]):
        near = [t for t in ent.root.subtree if not ent.start <= t.i < ent.end] + \
            [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
        if ent.root.dep_ == "appos":
            near.append(ent.root.head)
        if any(t.lemma_.lower() == role for t in near):
            return resolver.resolve(ent.root)
    return None


def _after_dateline(cue: Any, resolver: ArticleActors) -> Any:
    """"MOSCOW (Reuters) – Kremlin spokesman Dmitry Peskov said": the parse may take the dateline
    as the subject; the speaker is the last noun before the cue after the dateline."""
    for t in reversed(cue.doc[cue.sent.start:cue.i]):
        if resolver.in_dateline(t):
            break
        if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.dep_ not in {"compound", "flat"}:
            return t
    return None


def _without_cue(text: str, actor: Actor, cue_end: int) -> Actor | None:
    """'tweeted Rubio spokesman Alex Conant': the speaker's words start after the cue."""
    start = cue_end
    while start < actor.end and not text[start].isalnum():
        start += 1
    if start >= actor.end:
        return None
    return replace(actor, start=start, text=text[start:actor.end])


def _speaker_name(actor: Actor | None, resolved: Any) -> str | None:
    if resolved is not None and getattr(resolved, "person", False) and resolved.name:
        return resolved.name
    return actor.text if actor is not None else None
