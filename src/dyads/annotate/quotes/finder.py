"""Pipeline stage: quotations and reported speech — who said what.

Finds attributions in the parse: a *cue* (said, told reporters, according to, claimed…), the
*content* (what was said: a that-clause, a quotation, an object) and the *source* (the speaker).
Shapes handled:

* direct quotes in curly, straight or typewriter marks, before or after the cue, split around
  the cue (``"A," X said. "B."``), over several sentences and paragraphs;
* quotes with no cue of their own that go on after a quoted paragraph or after the whole
  attribution sentence (``"A," X said, pointing to …. "B."``), or after reported speech that ends
  its sentence (``X said that …. "B."``), quotes introduced by a colon (``He said: "…"``) and
  quotes after a sentence that ends with their cue (``X said in a statement. "…"``);
* indirect speech (``X said (that) …``, ``…, X told reporters``, ``X claimed …``) with partial
  quotes inside (``says its drills are a "just countermeasure"``);
* ``according to X, …`` and ``…, according to X``; parenthetical cues (``X, he said, did "Y"``)
  and asides (``As X noted, …``, ``…, as X noted, …``);
* quotations signed with a dash and a name, on their line or alone on the next one (``"…" ―
  Jane Doe``, ``"…"¶¶- Sanders.``: vox pops, epigraphs, fact checks), and tweets embedded as text
  (``… — Jane Doe (@janedoe) July 5, 2016``);
* speakers given by a pronoun or a role noun (``he said``, ``the spokesman said``), resolved to
  the person and actor met earlier in the article; a speaker is never a word inside the quotation
  it speaks, nor the dateline (``MOSCOW, Sept 13 (Reuters) -``), which no content includes either;
* not: an object that names someone else's words (``rejected the statement from China``, nouns
  in the lexicon's ``speech_nouns``): its speaker's own words are not in the sentence.

Which cue words count, with which grammatical relation, comes from ``data/speech_verbs.json``
(versioned): each (lemma, relation) has a score, the share of such constructions that are
attributions in PolNeAR-train; pairs below the lexicon's threshold are ignored. ``direct`` follows
PolNeAR: the content holds a double quotation mark (" “ ” „ « »); typewriter '' pairs (old NYT
text) delimit quotations for the spans but do not set ``direct``, as in PolNeAR's gold.

The stage runs before events: it tells the actor resolver who speaks in each quote, so that
"we" and "our" inside a quote resolve to the speaker, and keeps what the attribution stage needs
(cue kind, content spans) in ``doc.user_data``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from dyads.model import Actor, Article, Quote
from dyads.nlp.datelines import datelines
from dyads.nlp.quotemarks import DOUBLE_MARKS, Region, doc_text, has_double_mark, quote_regions
from dyads.resources import data_error, load, word_list, words

KEY = "dyads.annotate.quotes.finder"
LEXICON_FILE = "speech_verbs.json"
EDGE_PUNCT = " \t\n\r,;:—–-"
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Participial cues take the subject of the verb or noun they hang from ("…, saying that …").
INHERITS_SUBJECT = {"advcl", "xcomp", "conj", "acl", "relcl", "pcomp"}
QUOTED = "+q"  # lexicon relations scored again for contents that hold a quotation mark
WHEN = {"DATE", "TIME"}  # entity types that never speak
# verbs whose object does what their xcomp says: 'That led Kim to call Park "reckless"' (Kim calls)
OBJECT_CONTROL = words("verbs.object_control")
# cues whose object is the hearer: '"…," Ortiz told the radio' is Ortiz speaking to the radio
TELLS = words("verbs.tell")
PARENTHETICAL = "around"  # the relation of a parenthetical cue to the clause it stands in
SIGNED = "signature"  # the relation of a quotation signed with a dash and a name ('"…" ― Sonya Herridge')
# A signature: a dash, then a name of capitalised words (with the usual particles), then at most a
# short description ('— Ben Jacobs (@Bencjacobs) September 1, 2016', '- Sanders.', '― Jane Doe, 34').
NAME_WORD = r"(?:[A-Z][\w'’.-]*|" + "|".join(map(re.escape, word_list("name_particles"))) + ")"
SIGNATURE = re.compile(
    r"[^\S\n]*(?:\n[^\S\n]*)*(?P<dash>[―—–]|-{1,2}(?=[^\S\n]))[^\S\n]*"
    rf"(?P<name>{NAME_WORD}(?:[^\S\n]+{NAME_WORD}){{0,4}})[^\S\n]*(?:[,(][^\n]{{0,60}})?[^\S\n]*$", re.MULTILINE)
LEADING_TAG = re.compile(r"[^\S\n]*(?:<[a-zA-Z][^<>\n]{0,200}>[^\S\n]*)+")
# a tweet embedded as text: its words, then '— Name (@handle) Month D, YYYY'
TWEET_SIGNATURE = re.compile(
    r"[^\S\n]+(?P<dash>[―—–])[^\S\n]*(?P<name>[^\n()—–―]{2,60}?)[^\S\n]*\(@\w+\)[^\n]{0,40}$", re.MULTILINE)


@dataclass(frozen=True)
class CueLexicon:
    """Cue words: for each lemma, a score per relation that carries the content, and a kind."""

    version: str
    threshold: float
    rules: Mapping[str, Mapping[str, float]]
    kinds: Mapping[str, str]
    role_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()

    def score(self, lemma: str, relation: str) -> float:
        return self.rules.get(lemma, {}).get(relation, 0.0)

    def kind(self, lemma: str) -> str:
        return self.kinds.get(lemma, "attitude")


@lru_cache(maxsize=2)
def load_cue_lexicon(name: str = LEXICON_FILE) -> CueLexicon:
    """The versioned cue lexicon shipped with dyads (read once per process)."""
    file = load(name)
    try:
        raw = file.json()
        kinds = {lemma: kind for kind, lemmas in raw["kinds"].items() for lemma in lemmas}
        return CueLexicon(version=file.tag, threshold=float(raw["threshold"]),
                          rules={k: dict(v) for k, v in raw["rules"].items()}, kinds=kinds,
                          role_nouns=frozenset(raw.get("role_nouns", [])),
                          speech_nouns=frozenset(raw.get("speech_nouns", [])))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise data_error(name, f"{type(exc).__name__}: {exc}") from exc


@dataclass(slots=True)
class Found:
    """One attribution found in the parse, before its speaker is resolved to an actor."""

    start: int  # content span (characters)
    end: int
    cue: Any  # the cue token (spaCy Token)
    cue_start: int
    cue_end: int
    relation: str
    score: float
    source: Any = None  # head token of the speaker mention, or None
    regions: list[Region] = field(default_factory=list)
    kind: str = "speech"
    head: Any = None  # the head token of the content in the parse, when there is one

    @property
    def lemma(self) -> str:
        return self.cue.lemma_.lower()


# ---- content spans -------------------------------------------------------------------------
def _chars(tokens: Iterable[Any]) -> tuple[int, int]:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return 0, 0
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """Character bounds of the paragraph (line) holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _subtree_span(tok: Any, exclude: Any = None, within: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character span of ``tok``'s subtree without ``exclude``'s subtree, keeping only tokens that
    start inside ``within`` (a paragraph) when given."""
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    lo, hi = within if within is not None else (0, len(doc_text(tok.doc)))
    return _chars(t for t in tok.subtree if t.i not in skip and lo <= t.idx < hi)


def _cue_span(cue: Any) -> tuple[int, int]:
    """The cue word with its particle and negation ("pointed out", "did not say")."""
    toks = [cue] + [c for c in cue.children if c.dep_ in {"prt", "neg", "aux", "auxpass"} and c.i < cue.i + 3]
    return _chars(toks)


def _relations(cue: Any) -> Iterable[tuple[str, Any]]:
    """(relation name, content head) pairs a cue token offers, e.g. ("ccomp", said's clause)."""
    for c in cue.children:
        dep = c.dep_
        if dep == "prep":
            for p in c.children:  # 'as' may take an adjective: 'dismissed X as "absurd"'
                if p.dep_ in {"pobj", "pcomp"} or c.lower_ == "as" and p.pos_ == "ADJ" and p.dep_ != "advmod":
                    yield f"prep_{c.lower_}", p
        elif dep == "advcl" and _is_that_clause(c):
            yield "ccomp", c  # 'saying in a statement only that he was …': a that-clause is a complement
        elif dep in {"ccomp", "dobj", "xcomp", "advcl", "acl", "oprd", "parataxis"}:
            yield dep, c
    if cue.dep_ == "parataxis" and any(c.dep_ in SUBJECTS for c in cue.children) \
            and not any(c.dep_ in {"ccomp", "dobj"} for c in cue.children):
        yield PARENTHETICAL, cue.head  # 'X, he said, did Y' / 'X did Y, he said': the clause around


def _is_that_clause(head: Any) -> bool:
    """A clause opened by 'that' ('the mayor grumbled that the plan was "a disaster"')."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)


def content_tokens(cue: Any, rel: str, head: Any) -> list[Any]:
    """The tokens of a content: the head's subtree, less the cue's own clause when the cue
    stands inside it as a parenthetical."""
    if rel != PARENTHETICAL:
        return list(head.subtree)
    skip = {t.i for t in cue.subtree}
    return [t for t in head.subtree if t.i not in skip]


COMPLEMENTS = {"dobj", "oprd", "xcomp", "prep_for", "prep_as", "prep_of", "prep_about", "prep_over", "prep_to",
               "prep_on", "prep_with"}


def _with_complements(text: str, cue: Any, rel: str, start: int, end: int, p_end: int) -> tuple[int, int]:
    """'heralded the deal as a "breakthrough"', 'blamed the "fog of war" for the failure', 'called
    X "Y"': the object and the complements after it that hold a quotation are one content."""
    if rel not in COMPLEMENTS:
        return start, end
    spans = [_chars(h.subtree) for r, h in _relations(cue) if r in COMPLEMENTS and h.i > cue.i]
    lo = min([start] + [s for s, _ in spans])
    hi = max([end] + [e for _, e in spans if e <= p_end])
    if (lo, hi) == (start, end):
        return start, end
    return _trim(text, lo, hi)


NAMING = {"oprd", "prep_as", "xcomp"}  # 'called X "Y"', 'described X as "Y"'
RELATIVE_OBJECTS = words("pronouns.relative_object")


def _from_relative_object(cue: Any, rel: str, start: int) -> int:
    """'what he calls "infrastructure"', 'the server, which he described as "an open orchid"': the
    object of a naming cue is the relative pronoun before it; the content runs from there."""
    if rel not in NAMING:
        return start
    for c in cue.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.i < cue.i and c.lower_ in RELATIVE_OBJECTS and c.idx < start:
            return c.idx
    return start


COLON_QUOTE = re.compile(r":\s*[\"“„«]")
CONJUNCT_GAP = re.compile(r"[\s,;\"”]*(?:(?:but|and|so|yet)\b[\s,]*)?$")


def _with_quoted_conjunct(text: str, cue: Any, end: int, p_end: int, is_cue: Callable[[Any], bool]) -> int:
    """'X says that voters want a leader, but instead Obama is giving them "lectures …"': the parse
    hangs the second clause, with its own subject and a quotation, on the cue; it goes on with the
    reported clause, unless it holds a cue of its own ('…, and Trump vowed to "bomb …"')."""
    for c in cue.children:
        if c.dep_ not in {"conj", "advcl", "parataxis"} or c.idx < end or c.pos_ not in {"VERB", "AUX"}:
            continue
        s, e = _chars(c.subtree)
        if not any(g.dep_ in SUBJECTS for g in c.children) and not _opens_with_mark(text, s, e):
            continue  # '… and "struggled to …"': a quoted verb phrase goes on with the reported words
        if e > p_end or not has_double_mark(text[s:e]) or not CONJUNCT_GAP.match(text[end:s]):
            continue
        if any(is_cue(t) for t in c.subtree) or COLON_QUOTE.search(text, s, e):
            continue  # '…, but he gave a compliment: "…"': the colon brings in a quotation of its own
        return _trim(text, s, e)[1]
    return end


def _after_closing_mark(text: str, pos: int) -> bool:
    """``pos`` follows a quotation's closing mark and at most a comma ('"…," as Cruz said'): the
    aside attributes that quotation, which the quotation rules handle."""
    return text[:pos].rstrip(" \t,")[-1:] in {"\"", "”", "»"}


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    """The span's words start inside a quotation: a mark opens it, after at most its conjunction."""
    words = text[start:end].split(maxsplit=1)
    return bool(words) and (words[0][:1] in DOUBLE_MARKS or words[0].lower() in {"and", "but", "or"}
                            and len(words) > 1 and words[1][:1] in DOUBLE_MARKS)


DASH = re.compile(r"[ \t](?:[—–]|--?)[ \t]|[—–]")


def _before_closing_dash(text: str, cue: Any, start: int, end: int) -> int:
    """'Trump - who previously said he would "bomb …" oil fields - said at a rally …': a cue inside
    a dash parenthesis has its content end at the closing dash."""
    if len(DASH.findall(text, cue.sent.start_char, cue.idx)) % 2 == 0:
        return end  # no dash open before the cue
    closing = DASH.search(text, max(start, cue.idx), end)
    if closing is None:
        return end
    return _trim(text, start, closing.start())[1] if closing.start() > start else end


def _leading_date(head: Any) -> set[int]:
    """Tokens of a date the parse hung on the reported clause before its subject ('said on
    Monday it would …'): they date the saying, not what was said."""
    subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return set()
    out: set[int] = set()
    for c in head.children:
        if c.i < subj.i and c.dep_ in {"prep", "npadvmod"}:
            toks = [t for t in c.subtree if t.i != c.i or c.dep_ == "npadvmod"]
            if toks and all(t.ent_type_ in {"DATE", "TIME"} for t in toks):
                out.update(t.i for t in c.subtree)
    return out


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


# ---- the finder -----------------------------------------------------------------------------
class QuoteFinder:
    """Finds attributions in one parsed document. Pure: reads the Doc, writes nothing."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lex = lexicon

    def find(self, doc: Any) -> list[Found]:
        text = doc_text(doc)
        regions = quote_regions(text)
        found = [f for t in self._cue_tokens(doc) if (f := self._from_cue(t)) is not None]
        spans = datelines(text)
        if spans:
            found = [f for f in found if _skip_dateline(text, f, spans)]
        found = _dedupe(found, regions)
        taken = self._attach_regions(doc, found, regions)
        found.extend(self._signed(doc, found, regions, taken))
        found.extend(self._orphans(doc, found, regions, taken))
        found = _dedupe(found, regions)
        found.sort(key=lambda f: (f.start, f.end))
        for f in found:
            if f.regions:
                self._carry_on(text, f, found, regions, taken)
            else:
                self._quote_after_report(text, f, found, regions, taken)
        for f in found:
            if f.regions:
                _repair_speaker(f)
        _inherit_repaired_speakers(found)
        for f in found:
            if f.source is not None and f.source.ent_type_ in WHEN and not _names_an_age(f.source):
                f.source = _speaker_before_cue(f.cue, regions)
        return _dedupe(found, regions)

    def _cue_tokens(self, doc: Any) -> list[Any]:
        """Tokens whose lemma is in the lexicon (a vectorised look-up, not a Python loop)."""
        import numpy as np
        from spacy.attrs import LEMMA

        if len(doc) == 0:
            return []
        ids = np.array([doc.vocab.strings.add(w) for w in self.lex.rules], dtype="uint64")
        lemmas = doc.to_array([LEMMA]).reshape(-1)
        lower = doc.to_array(["LOWER"]).reshape(-1)
        hits = np.nonzero(np.isin(lemmas, ids) | np.isin(lower, ids))[0]
        # any verb whose that-clause may hold a quotation: its lemma may be too rare to be listed
        that = np.nonzero(lower == doc.vocab.strings["that"])[0]
        extra = {t.head.head.i for t in (doc[int(i)] for i in that)
                 if t.dep_ == "mark" and t.head.dep_ in {"ccomp", "advcl"} and t.head.head.pos_ == "VERB"}
        return [doc[i] for i in sorted(extra.union(int(i) for i in hits))]

    def _from_cue(self, cue: Any) -> Found | None:
        lemma = cue.lemma_.lower()
        if cue.lower_ == "according":
            return self._according(cue)
        if cue.pos_ not in {"VERB", "NOUN", "AUX"}:
            return None
        text = doc_text(cue.doc)
        p_start, p_end = _paragraph(text, cue.idx)
        best: tuple[float, int, float, str, Any] | None = None
        for rel, head in _relations(cue):
            plain = s = self.lex.score(lemma, rel)
            quoted = self.lex.score(lemma, rel + QUOTED)
            if not quoted and rel == "ccomp" and cue.pos_ == "VERB" and _is_that_clause(head):
                quoted = self.lex.score("*", rel + QUOTED)  # backing off for lemmas seen too rarely
            if quoted and has_double_mark(text[slice(*_chars(content_tokens(cue, rel, head)))]):
                s = quoted
            if s < self.lex.threshold or not p_start <= head.idx < p_end:
                continue  # the parse sometimes runs a sentence over a paragraph break
            if rel == "dobj" and self._someone_elses_words(head):
                continue
            # two contents of one relation ('In a statement after X quit, Cruz said he's "…"'):
            # the quotation mark does not make the relation a worse choice, only the distance does
            key = (max(s, plain), -abs(head.i - cue.i), s, rel, head)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            mark = next((c for c in cue.children if c.dep_ == "mark" and c.lower_ == "as"), None)
            if cue.dep_ == "advcl" and mark is not None and not _after_closing_mark(text, mark.idx):
                return self._as_aside(cue)
            return None
        _, _, score, rel, head = best
        skip = _leading_date(head) | self._conjoined_attributions(head) if rel == "ccomp" else set()
        start, end = _trim(text, *_chars(t for t in content_tokens(cue, rel, head)
                                         if p_start <= t.idx < p_end and t.i not in skip))
        if end <= start:
            return None
        start, end = _with_complements(text, cue, rel, start, end, p_end)
        start = _from_relative_object(cue, rel, start)
        end = _before_closing_dash(text, cue, start, end)
        if rel == "ccomp":
            end = _with_quoted_conjunct(text, cue, end, p_end, self._is_cue)
        cs, ce = _cue_span(cue)
        return Found(start, end, cue, cs, ce, rel, score, _subject(cue), kind=self.lex.kind(lemma), head=head)

    def _conjoined_attributions(self, head: Any) -> set[int]:
        """'said that he will "try …" and insisted that his party was …', 'tweeting that it was a
        "disaster" and asking, "How …?"': a conjoined cue with a content of its own is another
        attribution; its tokens, and the conjunction before it, are not this content."""
        out: set[int] = set()
        for c in head.children:
            if c.dep_ != "conj" or c.i < head.i or not self._is_cue(c) \
                    or not any(g.dep_ in {"ccomp", "xcomp"} and g.i > c.i for g in c.children):
                continue
            out.update(t.i for t in c.subtree)
            out.update(g.i for g in head.children if g.dep_ in {"cc", "punct"} and head.i < g.i < c.i
                       and not g.is_quote)
        return out

    def _is_cue(self, tok: Any) -> bool:
        """A verb the lexicon reads as a cue with a clause or a quotation ('vowed', 'tweeted')."""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "VERB" and max(self.lex.score(lemma, "ccomp"), self.lex.score(lemma, "xcomp"),
                                          self.lex.score(lemma, "quote")) >= self.lex.threshold

    def _someone_elses_words(self, head: Any) -> bool:
        """'rejected the statement from China', 'denounced Smith's remarks': the object names
        another speaker's words; what the cue's subject says is not in the sentence."""
        if head.lemma_.lower() not in self.lex.speech_nouns:
            return False
        for c in head.children:
            if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}:
                return True
            if c.dep_ == "prep" and c.lower_ in {"from", "by"} and any(g.dep_ == "pobj" for g in c.children):
                return True
        return False

    def _as_aside(self, cue: Any) -> Found | None:
        """'As The Daily Caller reported, S' / 'S, as Trump noted': the content is the clause the
        aside stands in, the source the aside's subject."""
        src = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
        lemma = cue.lemma_.lower()
        score = self.lex.score(lemma, PARENTHETICAL)
        if src is None or score < self.lex.threshold:
            return None
        text = doc_text(cue.doc)
        start, end = _trim(text, *_subtree_span(cue.head, exclude=cue, within=_paragraph(text, cue.idx)))
        if end <= start:
            return None
        cs, ce = _cue_span(cue)
        return Found(start, end, cue, cs, ce, PARENTHETICAL, score, src, kind=self.lex.kind(lemma), head=cue.head)

    def _according(self, tok: Any) -> Found | None:
        """"according to X, S" / "S, according to X": the content is S, the source X."""
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if src is None:
            return None
        clause = tok.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        start, end = _trim(doc_text(tok.doc), *_subtree_span(clause, exclude=tok))
        if end <= start:
            return None
        score = self.lex.score("according", "prep_to")
        if score < self.lex.threshold:
            return None
        cs, ce = _chars([tok, to])
        return Found(start, end, tok, cs, ce, "according", score, src, kind=self.lex.kind("according"),
                     head=clause)

    # ---- quotation marks ------------------------------------------------------------------
    def _attach_regions(self, doc: Any, found: list[Found], regions: list[Region]) -> set[int]:
        """Grow contents over the quotes they touch, the other quotes of the same sentence that
        hang from the cue ("A," X said, "B."), and the quotes that continue them. A cue inside a
        quote (a quotation quoting someone else) never takes the quote it stands in."""
        taken: set[int] = set()
        if not regions or not found:
            return taken
        text = doc_text(doc)
        for f in sorted(found, key=lambda f: f.end - f.start, reverse=True):
            for n, r in enumerate(regions):
                if r.start <= f.cue_start < r.end or not (r.start < f.end and f.start < r.end):
                    continue
                if n not in taken:
                    f.regions.append(r)
                    taken.add(n)
                elif f.start <= r.start < f.end < r.end:
                    f.end = r.end  # a quote a longer content has taken: this one ends with it too
        for f in sorted(found, key=lambda f: f.start):
            if not f.regions:
                self._quoted_tail(doc, f, regions, taken)
            if not f.regions:
                continue
            sent = f.cue.sent
            p_start, p_end = _paragraph(text, f.cue.idx)
            lo, hi = max(sent.start_char, p_start), min(sent.end_char, p_end)
            for n, r in enumerate(regions):
                if n in taken or not (lo <= r.start < hi):
                    continue
                lo_c, hi_c = min(r.end, f.cue_start), max(r.start, f.cue_end)
                if any(lo_c <= o.start and o.end <= hi_c for o in f.regions):
                    continue  # another quote of this cue lies between: "B." "C," X added
                if _hangs_from(doc, r, f.cue) and _is_long(text, r) and _opens_speech(text, f, r):
                    f.regions.append(r)
                    taken.add(n)
            if _quote_is_content(text, f):
                # the quotation is the content; what the parse hangs on it outside the marks is
                # the attribution or the narrator's ('"…," X told …, who …')
                f.start, f.end = min(r.start for r in f.regions), max(r.end for r in f.regions)
            else:
                f.start = min([f.start] + [r.start for r in f.regions])
                f.end = max([f.end] + [r.end for r in f.regions])
                _cut_trailing_clause(text, f, self.lex.kinds)
                _cut_after_partial_quote(text, f)
                _quote_before_cue(text, f)
        return taken

    def _quoted_tail(self, doc: Any, f: Found, regions: list[Region], taken: set[int]) -> None:
        """'said he is best placed to get a deal because he's a negotiator, "like you folks."': a
        quotation right after reported speech, hanging from the same cue, ends it."""
        text = doc_text(doc)
        for n, r in enumerate(regions):
            if r.start < f.end:
                continue
            if n in taken or r.end > f.cue.sent.end_char:
                return
            gap = text[f.end:r.start]
            if gap.strip() in {",", ""} and _hangs_from(doc, r, f.cue) and _is_long(text, r) \
                    or self._naming_aside(doc, f, gap):
                f.regions.append(r)
                taken.add(n)
            return

    def _naming_aside(self, doc: Any, f: Found, gap: str) -> bool:
        """'calling him, among other things, "a failed candidate."': a naming cue's object and its
        quoted name, with only an aside between them that the parse took elsewhere."""
        if f.relation != "dobj" or self.lex.score(f.cue.lemma_.lower(), "oprd") < self.lex.threshold:
            return False
        aside = gap.strip()
        if not (aside.startswith(",") and aside.endswith(",")) or len(aside.split()) > 6:
            return False
        span = doc.char_span(f.end, f.end + len(gap), alignment_mode="contract")
        return span is not None and not any(t.pos_ in {"VERB", "AUX"} for t in span)

    def _carry_on(self, text: str, f: Found, found: list[Found], regions: list[Region],
                  taken: set[int]) -> None:
        """Quotes that go on after the cue: in the same paragraph with nothing but the attribution
        between them, or in the next paragraphs when the quote was left open or a paragraph is a
        bare quotation following this one."""
        last = max(f.regions, key=lambda r: r.end)
        for n, r in enumerate(regions):
            if n in taken or r.start < f.end:
                continue
            if any(g is not f and g.start < r.end and r.start < g.end and not (r.start <= g.cue_start < r.end)
                   for g in found):
                break  # another attribution claims this quote
            if _title_in_attribution(text, f, last, r):
                continue  # '"A," he said on "Meet the Press." "B."': the title is not more speech
            gap = text[last.end:r.start]
            same_para = "\n" not in gap
            if (last.continues and not gap.strip()) or (
                    same_para and _is_long(text, r) and _only_cue(gap, f, last)) or (
                    same_para and _is_long(text, r) and _attribution_between(f, last, r)) or (
                    not same_para and _bare_paragraph(text, f, last, r) and _is_long(text, r)):
                f.regions.append(r)
                taken.add(n)
                f.end = r.end
                last = r
                continue
            break

    def _quote_after_report(self, text: str, f: Found, found: list[Found], regions: list[Region],
                            taken: set[int]) -> None:
        """Reported speech that runs to the end of its sentence, followed in the same paragraph by
        a quotation with no cue of its own (``…, adding that A. "B."``): the quote goes on with it."""
        n, r = next(((n, r) for n, r in enumerate(regions) if r.start >= f.end), (None, None))
        if r is None or n in taken or not _is_long(text, r):
            return
        gap = text[f.end:r.start]
        if "\n" in gap or gap.strip(" .") or f.cue_start > f.start and not _after_quote(f, regions):
            return
        if any(g is not f and g.start < r.end and r.start < g.end for g in found):
            return
        f.regions.append(r)
        taken.add(n)
        f.end = r.end
        self._carry_on(text, f, found, regions, taken)

    def _signed(self, doc: Any, found: list[Found], regions: list[Region], taken: set[int]) -> list[Found]:
        """Quotations signed with a dash and a name, on their line or alone on the next one
        ('"…" ― Sonya Herridge', '"…"¶¶- Bernie Sanders.'), as in vox pops, epigraphs and fact
        checks; and tweets embedded as text ('… — Ben Jacobs (@Bencjacobs) September 1, 2016')."""
        text = doc_text(doc)
        out: list[Found] = []
        covered = [(f.start, f.end) for f in found]
        score = max(self.lex.score("*", "quote"), self.lex.threshold)
        for n, r in enumerate(regions):
            if n in taken or r.continues or any(s <= r.start < e for s, e in covered):
                continue
            m = SIGNATURE.match(text, r.end)
            if m is None or text[r.end:m.start("dash")].count("\n") > 2 or len(r.inner(text).split()) < 2:
                continue
            f = _signature(doc, r.start, r.end, m.start("dash"), m.end("dash"), m.start("name"), m.end("name"), score)
            if f is not None:
                f.regions.append(r)
                taken.add(n)
                out.append(f)
        for m in TWEET_SIGNATURE.finditer(text):
            p_start = _paragraph(text, m.start())[0]
            tag = LEADING_TAG.match(text, p_start)  # an embed's own markup: '<tweet id=…>'
            start, end = _trim(text, tag.end() if tag else p_start, m.start())
            if end - start < 10 or any(s < end and start < e for s, e in covered) \
                    or any(f.start < end and start < f.end for f in out):
                continue
            f = _signature(doc, start, end, m.start("dash"), m.end("dash"), m.start("name"), m.end("name"), score)
            if f is not None:
                out.append(f)
        return out

    def _orphans(self, doc: Any, found: list[Found], regions: list[Region], taken: set[int]) -> list[Found]:
        """Quotations with no cue in their own clause: a colon introduction ("He said:"), or a
        cue verb of the same sentence that the parse did not link."""
        out: list[Found] = []
        text = doc_text(doc)
        covered = [(f.start, f.end) for f in found]
        for n, r in enumerate(regions):
            if n in taken or any(s <= r.start < e for s, e in covered) or not _is_long(text, r):
                continue
            cue = self._nearby_cue(doc, r)
            if cue is None:
                continue
            start = r.start
            if text[:r.start].rstrip(" \t")[-1:].isalnum():
                # a quote inside a clause ('Nancy's "single most … role was …," Anthony says'): a
                # speech verb after it reports the whole clause; any other verb is narration
                if cue.idx < r.end or self.lex.score(cue.lemma_.lower(), "quote") < self.lex.threshold:
                    continue
                start = _clause_start(doc, r.start)
            taken.add(n)
            same = next((f for f in [*found, *out] if f.cue.i == cue.i), None)
            if same is not None:  # "A," X said. "B": the cue already has the first quote
                same.regions.append(r)
                same.start, same.end = min(same.start, r.start), max(same.end, r.end)
                continue
            cs, ce = _cue_span(cue)
            lemma = cue.lemma_.lower()
            score = self.lex.score(lemma, "quote") or self.lex.score("*", "quote")
            colon = cue.text == ":"
            source = _colon_speaker(cue) if colon else _subject(cue)
            if source is not None and r.start <= source.idx < r.end:
                source = _name_after_quote(doc, r, cue) or source
            out.append(Found(start, r.end, cue, cs, ce, "quote", score, source, [r],
                             "speech" if colon else self.lex.kind(lemma)))
            covered.append((start, r.end))
        return out

    def _nearby_cue(self, doc: Any, r: Region) -> Any:
        """The cue of a quotation that the parse did not link: "…," X said / said X (right after
        the quote, any verb with its subject there), or X said: / X said, "…" (right before)."""
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        text = doc_text(doc)
        p_start, p_end = _paragraph(text, r.start)
        after = []
        for t in doc[span.end:span.end + 12]:
            if t.idx >= p_end or (t.is_quote and after):
                break
            after.append(t)
            if t.is_sent_end or t.text in {".", "!", "?", ";"}:
                break
        # a quote ending its sentence ('"…." It was …') lends no cue to the next sentence
        last_char = text[r.start:r.end].rstrip("\"“”„«»'` \n")[-1:]
        if last_char == "." and after and not after[0].is_lower:
            bare = self._bare_attribution(after)  # '"… missing." Trump said.': a full stop for a comma
            if bare is not None:
                return bare
            after = []
        verbs = [t for t in after if t.pos_ in {"VERB", "AUX"}]
        for t in verbs:
            if self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold:
                return t
        ids = {t.i for t in after}
        for t in verbs:  # '"…," mused the spokesman': any verb with its subject right there
            if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i in ids for c in t.children) \
                    and self.lex.score("*", "quote") >= self.lex.threshold and after[0].i >= t.i - 4:
                return t
        if after and after[0].pos_ in {"PROPN", "PRON", "NOUN", "DET"}:
            verb = _subject_after(after[0], span.start, p_end)[0]  # '"…," Trump, the front-runner …, said'
            if verb is not None and self.lex.score(verb.lemma_.lower(), "quote") >= self.lex.threshold:
                return verb
        before = _tokens_before(doc, span.start, p_start)
        prev = text[:p_start].rstrip()
        if not before and prev.endswith(":"):  # the quote opens its paragraph: 'He said:¶¶"…"'
            colon = doc.char_span(len(prev) - 1, len(prev), alignment_mode="expand")
            if colon is not None:
                before = _tokens_before(doc, colon.end, _paragraph(text, len(prev) - 1)[0])
        return self._cue_before(before) or self._cue_of_last_sentence(doc, span.start, p_start)

    def _bare_attribution(self, after: list[Any]) -> Any:
        """The cue of a sentence that is only an attribution ('Trump said.', 'said Jane Doe.')."""
        if len(after) > 7 or after[-1].text not in {".", "!"}:
            return None
        ids = {t.i for t in after}
        for t in after:
            if t.pos_ == "VERB" and self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold \
                    and all(c.i in ids for c in t.children) \
                    and any(c.dep_ in SUBJECTS for c in t.children) \
                    and not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in t.children):
                return t
        return None

    def _cue_of_last_sentence(self, doc: Any, start: int, p_start: int) -> Any:
        """'Lau said in a statement. "There are no …"', 'He explained.¶¶"…"': the sentence right
        before the quotation ends with a cue that has no content of its own; the quotation is it."""
        text = doc_text(doc)
        i = start - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0 or doc[i].text not in {".", ":"}:
            return None
        if doc[i].idx < p_start and text[doc[i].idx + 1:p_start].count("\n") > 2:
            return None
        sent = doc[i].sent
        for t in reversed(sent):
            if t.pos_ != "VERB" or t.i >= i or self.lex.score(t.lemma_.lower(), "quote") < self.lex.threshold:
                continue
            if any(c.dep_ in {"ccomp", "xcomp", "dobj", "oprd", "advcl", "conj", "acomp"} and c.i > t.i
                   for c in t.children):
                return None
            if t.dep_ in INHERITS_SUBJECT or not any(c.dep_ in SUBJECTS for c in t.children):
                return None  # '…," said O'Donnell, who wrote about it in the book.': not the cue
            return t
        return None

    def _cue_before(self, before: list[Any]) -> Any:
        """The cue of 'X said: "…"', 'X said, "…"' (``before``: the tokens before the quote, last
        first); for a colon with no verb ('Clinton: "…"', 'the board in its findings: "…"'), the colon."""
        if not before or before[0].text not in {":", ","}:
            return None
        for t in before:
            if t.pos_ in {"VERB", "AUX"} and self.lex.score(t.lemma_.lower(), "quote") >= self.lex.threshold:
                return t
        if before[0].text != ":" or self.lex.score("*", "quote") < self.lex.threshold:
            return None
        for t in before:
            if t.pos_ == "VERB":
                return t
        if any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in before[1:]):
            return before[0]
        return None


def _signature(doc: Any, start: int, end: int, dash_start: int, dash_end: int, name_start: int,
               name_end: int, score: float) -> Found | None:
    """The attribution of a content signed at ``dash_start`` by the name at ``name_start:name_end``:
    the dash is its cue, the name's last word its speaker."""
    dash = doc.char_span(dash_start, dash_end, alignment_mode="expand")
    name = doc.char_span(name_start, name_end, alignment_mode="contract")
    if dash is None or not len(dash) or name is None or not len(name):
        return None
    words = [t for t in name if not t.is_punct]
    if not words or words[0].is_stop or all(t.pos_ not in {"PROPN", "NOUN"} for t in words):
        return None  # '— The …', '— And …': a dash in the sentence, not a signature
    return Found(start, end, dash[0], dash_start, dash_end, SIGNED, score, words[-1], [], "speech")


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


def _clause_start(doc: Any, pos: int) -> int:
    """Where the sentence holding character ``pos`` starts, within its paragraph."""
    text = doc_text(doc)
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return pos
    start = max(span[0].sent.start_char, _paragraph(text, pos)[0])
    return _trim(text, start, pos)[0]


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


def _tokens_before(doc: Any, end: int, p_start: int) -> list[Any]:
    """Up to 15 tokens before token ``end``, nearest first, back to the paragraph start, a quote
    mark or the end of a sentence."""
    before = []
    for t in reversed(doc[max(0, end - 15):end]):
        if t.idx < p_start or t.is_quote or t.text in {".", "!", "?"}:
            break
        if not t.is_space:
            before.append(t)
    return before


def _colon_speaker(colon: Any) -> Any:
    """The speaker of 'X: "…"': the subject of the clause the colon ends, else the noun it ends."""
    head = colon.head
    for c in head.children:
        if c.dep_ in SUBJECTS and c.i < colon.i:
            return c
    if head.pos_ in {"PROPN", "NOUN"} and head.i < colon.i:
        return head
    return None


TRAILING = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|as|though|although)\b)?[\s,]*$")


def _cut_trailing_clause(text: str, f: Found, kinds: Mapping[str, str]) -> None:
    """Reported speech with a partial quote ends with the quote's clause: a clause the parse hangs
    on it after the quotation ('that he has "grown the party," claiming …', '… "no more nonsense"
    and tells the crowd …') is the narrator's or another attribution."""
    if f.head is None or f.relation in {"according", "quote"}:
        return
    last = max((r.end for r in f.regions if r.end <= f.end), default=None)
    if last is None:
        return
    for c in f.head.children:
        if c.pos_ not in {"VERB", "AUX"} or any(g.dep_ in SUBJECTS for g in c.children):
            continue
        participle = c.dep_ == "advcl" and c.tag_ == "VBG"
        another_cue = c.dep_ in {"conj", "advcl"} and kinds.get(c.lemma_.lower()) == "speech"
        if not (participle or another_cue):
            continue
        first = min(t.idx for t in c.subtree)
        if first < last or any(r.start >= first for r in f.regions):
            continue
        between = text[last - 2:first]  # the comma may stand inside the marks: '"…," claiming'
        if "," not in between and not re.search(r"\b(?:and|but)\b", between):
            continue
        end = first - len(TRAILING.search(text[last:first]).group())
        f.end = _trim(text, f.start, max(end, last))[1]
        return


# what follows a partial quote and is the narrator's: '— asserting …' (a dash that no second dash
# closes), ', which …', ', a charge that …', '… though voters …'
AFTER_PARTIAL = re.compile(r"[ \t]*(?:[—–](?!.*[—–])|-[ \t](?!.*[ \t]-[ \t])|,?[ \t]*(?:which|though|although)\b"
                           r"|,[ \t]*an?[ \t])")


def _cut_after_partial_quote(text: str, f: Found) -> None:
    """Reported speech that quotes a few words ends with them when the sentence goes on with a
    remark of the narrator ('says there's "nothing wrong with that" — asserting …', 'says X is
    "about right," though voters …', 'told a crowd "The struggle continues" and vowing …')."""
    if f.head is None or f.relation in {"according", "quote"} or not f.regions:
        return
    last = max((r for r in f.regions if r.end <= f.end), key=lambda r: r.end, default=None)
    if last is None or last.end >= f.end or last.start <= f.start + 1:
        return
    rest = text[last.end:f.end]
    if AFTER_PARTIAL.match(rest) or _new_verb_after_and(f.cue.doc, last.end, f.end):
        f.end = _trim(text, f.start, last.end)[1]


def _new_verb_after_and(doc: Any, pos: int, end: int) -> bool:
    """' and vowing to …' right after ``pos``: a participle of the cue's subject, not the content's."""
    span = doc.char_span(pos, end, alignment_mode="expand")
    toks = [t for t in span if not t.is_punct and not t.is_space] if span is not None else []
    if len(toks) < 2 or toks[0].lower_ != "and" or toks[0].idx - pos > 3:
        return False
    verb = toks[1]
    return verb.pos_ in {"VERB", "AUX"} and verb.tag_ == "VBG" \
        and not any(c.dep_ in SUBJECTS for c in verb.children)


def _quote_is_content(text: str, f: Found) -> bool:
    """The content is a quotation closed by a comma ('"…," X told …'), its clause in the marks:
    the words the parse hangs on it outside the marks belong to the attribution."""
    if f.head is None or f.relation == "according":
        return False
    first = min(f.regions, key=lambda r: r.start)
    return first.start <= f.head.idx < first.end and f.start >= first.start - 1 \
        and text[first.start:first.end].rstrip("\"“”„«»'` \n").endswith(",")


def _opens_speech(text: str, f: Found, r: Region) -> bool:
    """A quotation after the cue goes on with the speech when it follows the cue itself or a
    punctuation mark ('X said, "B."', 'said X: "B."'), not a word of the narration ('X said in May
    on the podcast "Here's the Thing."', 'X said after Y argued that "…"')."""
    if r.start < f.cue_end:
        return True
    before = text[f.cue_end:r.start].rstrip()
    return not before or before[-1] in ",:;.—–-"


def _title_in_attribution(text: str, f: Found, last: Region, r: Region) -> bool:
    """``r`` stands in the attribution after the quote ``last`` and its cue, after a word of the
    narration: a name or title ('said on "Meet the Press."', 'showing off the "MAGA" hat')."""
    return last.end <= f.cue_start and f.cue_end <= r.start < f.cue.sent.end_char \
        and "\n" not in text[last.end:r.start] and not _opens_speech(text, f, r)


CLOSED_BY_ATTRIBUTION = {",", "?", "!", "—", "–"}
OPENS_CLAUSE = ":;.—–-"


def _quote_before_cue(text: str, f: Found) -> None:
    """'Trump asserted that France had lost its identity: "France is no longer France," he
    claimed': a quotation that opens its clause and is closed by a comma right before its
    attribution is the content; the narration the parse hangs on the cue before it, and the
    attribution between it and the cue, are not."""
    if f.relation in {"according", "quote"}:
        return
    before = [r for r in f.regions if r.end <= f.cue_start]
    if not before:
        return
    r = max(before, key=lambda r: r.end)
    gap = text[r.end:f.cue_start]
    if "\n" in gap or len(gap.split()) > 12 or r.start < f.cue.sent.start_char:
        return
    if text[r.start:r.end].rstrip("\"“”„«»'` \n")[-1:] not in CLOSED_BY_ATTRIBUTION:
        return
    lead = text[f.start:r.start].rstrip()
    if lead and lead[-1] not in OPENS_CLAUSE:
        return  # a partial quote closing reported speech: 'Trump is a "liar," Cruz said'
    f.start = max(f.start, r.start)
    if r.end < f.end <= f.cue_start:
        f.end = r.end


def _hangs_from(doc: Any, r: Region, cue: Any) -> bool:
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None:
        return False
    inside = {t.i for t in span}
    return any(t.head.i not in inside and (t.head.i == cue.i or t.head.head.i == cue.i) for t in span)


def _is_long(text: str, r: Region) -> bool:
    """A quotation rather than a quoted name or scare quote: a clause or sentence-like words."""
    inner = r.inner(text)
    words = inner.split()
    if len(words) >= 6:
        return True
    ends = text[r.start:r.end].rstrip("\"“”„«»'` \n")
    return len(words) >= 1 and ends[-1:] in {",", ".", "!", "?", "…"} and not _is_title(text, r, words)


TITLE_SMALL_WORDS = words("title_small_words")


def _is_title(text: str, r: Region, words: list[str]) -> bool:
    """A name in marks that a comma or full stop follows inside them ('his film, "Trainwreck."',
    'CNN's "The Lead with Jake Tapper," on June 3'): a few capitalised words after a word or an
    appositive comma, not a quotation opening a sentence or following a colon."""
    before = text[:r.start].rstrip(" \t")
    if not before or before[-1] in "\n:\"“”.!?" or len(words) > 5 or words[-1][-1:] in "?!":
        return False  # a quotation opening a sentence, or a question
    if len(words) == 1 and before[-1] == ",":
        return False  # 'he said, "No."'
    core = [w.strip(",.!?…'’\"") for w in words]
    return all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS for w in core if w) \
        and any(w[:1].isupper() for w in core)


def _bare_paragraph(text: str, f: Found, last: Region, r: Region) -> bool:
    """``r`` opens the paragraph right after the one ``last`` is in; after ``last`` that paragraph
    holds at most this attribution; ``r``'s paragraph is all quotation."""
    gap = text[last.end:r.start]
    nl = gap.find("\n")
    tail = gap[:nl]
    if gap.count("\n") > 3 or gap[nl:].strip() or len(tail.split()) > 15:
        return False
    if tail.strip(" .,") and not (last.end <= f.cue_start < last.end + nl):
        return False
    nl2 = text.find("\n", r.start)
    para_end = len(text) if nl2 < 0 else nl2
    return not text[r.end:para_end].strip(" .,")


def _attribution_between(f: Found, last: Region, r: Region) -> bool:
    """Between two quotes of a paragraph lies only the sentence of the cue, however long
    (``"A," X said, pointing to …. "B."``): the second quote goes on with the first."""
    if not last.end - 1 <= f.cue_start < r.start:
        return False
    if doc_text(f.cue.doc)[last.end:r.start].rstrip()[-1:] not in {".", ",", ":", ";", "—", "–"}:
        return False  # the quote stands inside the attribution ('said X, who waited in a "…"')
    doc = f.cue.doc
    sent = f.cue.sent
    span = doc.char_span(last.end, r.start, alignment_mode="contract")
    if span is None:
        return False
    return all(t.sent.start == sent.start for t in span if not (t.is_space or t.is_punct))


def _after_quote(f: Found, regions: list[Region]) -> bool:
    """The cue stands in the attribution of an earlier quote of its sentence ('"A," X said,
    adding that …')."""
    sent = f.cue.sent
    return any(sent.start_char <= r.start and r.end <= f.cue_start for r in regions)


def _only_cue(gap: str, f: Found, last: Region) -> bool:
    """The text between two quotes is just the attribution ("…," Peskov said. "…")."""
    return len(gap.split()) <= 12 and f.cue_start >= last.end - 1


def _dedupe(found: list[Found], regions: list[Region]) -> list[Found]:
    """One attribution per content: when two overlap heavily, keep the higher-scoring one."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: -f.score):
        clash = [g for g in out if _same(f, g)]
        if clash and all(_speaks_inside(g, f, regions) for g in clash):
            out = [g for g in out if g not in clash]  # '"Comey said my answers were true," Clinton said'
        elif clash:
            continue
        out.append(f)
    return sorted(out, key=lambda f: (f.start, f.end))


def _speaks_inside(inner: Found, outer: Found, regions: list[Region]) -> bool:
    """``inner``'s cue stands in a quotation in ``outer``'s content and ``outer``'s cue outside
    ``inner``'s: ``inner`` is a saying that ``outer``'s speaker quotes."""
    return outer.start - 1 <= inner.cue_start < outer.end + 1 and _in_regions(inner.cue, regions) \
        and not _in_regions(outer.cue, regions) and not inner.start <= outer.cue_start < inner.end


def _same(a: Found, b: Found) -> bool:
    if a.cue.i == b.cue.i:
        return True
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0 and inter >= 0.8 * (a.end - a.start) and inter >= 0.8 * (b.end - b.start)


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
    return Actor(code=resolved.code, country=resolved.country, sector=resolved.sector,  # type: ignore[arg-type]
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


def annotate(article: Article, res: Any) -> Article:
    doc = article.doc
    lexicon = load_cue_lexicon()
    found = QuoteFinder(lexicon).find(doc)
    try:
        from dyads.annotate.actors.stage import resolver_for

        resolver = resolver_for(article)
    except (ImportError, KeyError, AttributeError):
        resolver = None
    quotes: list[Quote] = []
    speakers: list[tuple[int, int, Any]] = []
    text = doc_text(doc)
    for f in found:
        if resolver is not None and f.source is not None and f.source.i in resolver.excluded:
            f.source = _after_dateline(f.cue, resolver.excluded)
        actor, resolved = speaker_actor(resolver, f.source)
        if actor is not None and actor.start < f.cue_end <= actor.end and f.cue_start >= actor.start:
            actor = _without_cue(article.text, actor, f.cue_end)
        content = article.span(f.start, f.end)
        quotes.append(Quote(content=content, cue=article.span(f.cue_start, f.cue_end),
                            direct=has_double_mark(content.text), speaker=actor,
                            speaker_name=_speaker_name(actor, resolved)))
        if resolved is not None:
            speakers.append((f.start, f.end, resolved))
    if resolver is not None and speakers:
        resolver.set_quote_speakers(speakers)
    # nested quotations stay in user_data (claims, resolver) but are reported once, by the outer one
    regions = quote_regions(text)
    article.quotes = [q for f, q in zip(found, quotes, strict=True)
                      if not _inside_quoted_content(text, f, found) and not _quoted_saying(text, f, regions)]
    doc.user_data[KEY] = list(zip(found, quotes, strict=True))
    return article


def _inside_quoted_content(text: str, f: Found, found: list[Found]) -> bool:
    """A quotation inside the content of another attribution ('X said Y called Z "…"', 'a
    statement calling Z "…"'): the article reports it once, as the outer attribution's content.
    Its own speaker still tells the resolver whose "we" is inside it."""
    if not has_double_mark(text[f.start:f.end]):
        return False
    return any(g is not f and g.start <= f.start and f.end <= g.end
               and (g.end - g.start > f.end - f.start or g.cue.i < f.cue.i) for g in found)


def _quoted_saying(text: str, f: Found, regions: list[Region]) -> bool:
    """Reported speech whose cue stands inside a quotation ('"I told him that we would win,"
    she said', '"serious concerns about the industry"'): the quoted speaker's words, which the
    article reports as the outer quotation; its speaker still serves the resolver and claims."""
    return not has_double_mark(text[f.start:f.end]) and _in_regions(f.cue, regions)


def found_quotes(article: Article) -> list[tuple[Found, Quote]]:
    """The attributions of an article being annotated, each with its Quote (set by :func:`annotate`)."""
    if article.doc is None:
        return []
    return article.doc.user_data.get(KEY, [])


def _after_dateline(cue: Any, excluded: set[int]) -> Any:
    """"MOSCOW (Reuters) – Kremlin spokesman Dmitry Peskov said": the parse may take the dateline
    as the subject; the speaker is the last noun before the cue after the dateline."""
    for t in reversed(cue.doc[cue.sent.start:cue.i]):
        if t.i in excluded:
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


__all__ = ["CueLexicon", "Found", "QuoteFinder", "annotate", "found_quotes", "load_cue_lexicon",
           "speaker_actor"]
