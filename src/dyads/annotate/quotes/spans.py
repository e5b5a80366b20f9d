"""Span geometry: the characters of a cue, a content and its complements, and where a content ends."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from dyads.nlp.labels import SUBJECTS
from dyads.nlp.quotemarks import DOUBLE_MARKS, doc_text, has_double_mark
from dyads.resources import words

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.found import PARENTHETICAL, Found

EDGE_PUNCT = " \t\n\r,;:—–-"


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


def _clause_start(doc: Any, pos: int) -> int:
    """Where the sentence holding character ``pos`` starts, within its paragraph."""
    text = doc_text(doc)
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return pos
    start = max(span[0].sent.start_char, _paragraph(text, pos)[0])
    return _trim(text, start, pos)[0]


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
        trailing = TRAILING.search(text[last:first])  # always matches (every part is optional)
        end = first - len(trailing.group() if trailing else "")
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
