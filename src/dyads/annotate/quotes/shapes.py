"""Quotation shapes: signatures, titles, quotations that go on after their cue, duplicates."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from dyads.nlp.quotemarks import Region, doc_text
from dyads.resources import word_list, words

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.found import SIGNED, Found
from dyads.annotate.quotes.speakers import _in_regions

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
