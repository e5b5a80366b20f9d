"""Turn a coded :class:`~dyads.model.Article` into the article view: text plus spans to highlight."""

from __future__ import annotations

import re

from dyads.annotate.events.cameo import label_of
from dyads.api.schemas import ActorRef, ArticleEvent, ArticleQuote, ArticleView, TextSpan
from dyads.model import Actor, Article


def actor_ref(a: Actor | None) -> ActorRef | None:
    if a is None:
        return None
    return ActorRef(code=a.code or None, country=a.country, sector=a.sector, name=a.name, text=a.text or None)


def _actor_title(a: Actor) -> str:
    bits = [a.code or "?"]
    if a.name and a.name != a.text:
        bits.append(a.name)
    return " · ".join(bits)


# A quotation's own words inside double marks (“…”, "…", «…», „…“).
QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]")
FORM_LABELS = {"direct": "direct quote", "mixed": "indirect, with quoted words", "indirect": "indirect quote"}


def quote_form(content: str, direct: bool) -> str:
    """'direct' when most of the content is inside quotation marks; 'mixed' for reported speech
    with a few quoted words ("… in all areas, including “sensitive” ones"); else 'indirect'.
    (``Quote.direct`` follows PolNeAR: any double mark in the content.)"""
    if not direct:
        return "indirect"
    inside = sum(len(m.group(0)) for m in QUOTED.finditer(content))
    return "direct" if inside >= 0.6 * len(content.strip()) else "mixed"


def _actor_label(a: Actor | None) -> str:
    """An event side as the tooltip shows it: its code, else its words (an uncoded actor), else '?'."""
    if a is None:
        return "?"
    return a.code or (f"“{a.text}”" if a.text else "?")


def article_view(art: Article) -> ArticleView:
    """Spans for actors (every resolved mention), events (evidence) and quotes (content and cue)."""
    n = len(art.text)
    spans: list[TextSpan] = []
    seen: set[tuple[int, int]] = set()

    def add_actor(a: Actor | None) -> None:
        if a is None or not a.code or not (0 <= a.start < a.end <= n) or (a.start, a.end) in seen:
            return
        seen.add((a.start, a.end))
        spans.append(TextSpan(kind="actor", start=a.start, end=a.end, label=a.code, title=_actor_title(a)))

    for ent in art.entities:
        if ent.actor and 0 <= ent.start < ent.end <= n and (ent.start, ent.end) not in seen:
            seen.add((ent.start, ent.end))
            spans.append(TextSpan(kind="actor", start=ent.start, end=ent.end, label=ent.actor,
                                  title=f"{ent.actor} · {ent.type}"))
    events: list[ArticleEvent] = []
    for i, ev in enumerate(art.events):
        add_actor(ev.source)
        add_actor(ev.target)
        label = label_of(ev.cameo)
        events.append(ArticleEvent(
            id=ev.id, source=actor_ref(ev.source), target=actor_ref(ev.target), cameo=ev.cameo, label=label,
            quad=ev.quad, goldstein=ev.goldstein, date=ev.date, modality=ev.modality,
            evidence=ev.evidence.text, start=ev.evidence.start, end=ev.evidence.end, rule=ev.rule))
        if 0 <= ev.evidence.start < ev.evidence.end <= n:
            who = " → ".join(_actor_label(x) for x in (ev.source, ev.target))
            spans.append(TextSpan(kind="event", start=ev.evidence.start, end=ev.evidence.end, label=ev.cameo,
                                  title=f"{ev.cameo} {label or ''} · {who} · {ev.modality}".strip(), ref=i))
    quotes: list[ArticleQuote] = []
    for i, q in enumerate(art.quotes):
        speaker = (q.speaker.code or None) if q.speaker else None
        add_actor(q.speaker)
        quotes.append(ArticleQuote(speaker=speaker, speaker_name=q.speaker_name, content=q.content.text,
                                   start=q.content.start, end=q.content.end, direct=q.direct,
                                   form=quote_form(q.content.text, q.direct)))
        who = q.speaker_name or speaker or "unattributed"
        if 0 <= q.content.start < q.content.end <= n:
            spans.append(TextSpan(kind="quote", start=q.content.start, end=q.content.end, label=who,
                                  title=f"{FORM_LABELS[quote_form(q.content.text, q.direct)]} · {who}", ref=i))
        if q.cue and 0 <= q.cue.start < q.cue.end <= n:
            spans.append(TextSpan(kind="cue", start=q.cue.start, end=q.cue.end, label="cue", title=f"cue · {who}",
                                  ref=i))
    spans.sort(key=lambda s: (s.start, -s.end))
    return ArticleView(id=art.id, title=art.title, date=art.date, url=art.url, source=art.source, text=art.text,
                       spans=spans, events=events, quotes=quotes, errors=list(art.errors))
