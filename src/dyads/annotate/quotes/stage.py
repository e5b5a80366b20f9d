"""Pipeline stage: quotations and reported speech, who said what (see :mod:`dyads.annotate.quotes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Quote
from dyads.nlp.quotemarks import Region, doc_text, has_double_mark, quote_regions

if TYPE_CHECKING:
    pass
from dyads.annotate.quotes.finder import QuoteFinder
from dyads.annotate.quotes.found import Found
from dyads.annotate.quotes.lexicon import load_cue_lexicon
from dyads.annotate.quotes.speakers import _after_dateline, _in_regions, _speaker_name, _without_cue, speaker_actor


@stage("quotes", requires=("doc", "actors"), assigns=("attributions", "article.quotes", "speakers"))
def annotate(state: ArticleState, res: Resources) -> None:
    """Find the attributions; tell the actor resolver who speaks in each (``speakers``: "we" in a
    quote is its speaker); report each saying once (``article.quotes``) and keep them all, nested
    ones too, for the claims stage (``attributions``)."""
    article, doc, resolver = state.article, state.doc, state.actors
    lexicon = load_cue_lexicon()
    found = QuoteFinder(lexicon).find(doc)
    quotes: list[Quote] = []
    speakers: list[tuple[int, int, Any]] = []
    text = doc_text(doc)
    for f in found:
        if resolver is not None and f.source is not None and resolver.in_dateline(f.source):
            f.source = _after_dateline(f.cue, resolver)
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
    # nested quotations stay in the attributions (claims, resolver) but are reported once, by the outer one
    regions = quote_regions(text)
    article.quotes = [q for f, q in zip(found, quotes, strict=True)
                      if not _inside_quoted_content(text, f, found) and not _quoted_saying(text, f, regions)]
    state.attributions = list(zip(found, quotes, strict=True))


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
