"""Pipeline stage: turn the patterns found in the parse into Events with all derived fields."""

from __future__ import annotations

from typing import Any

from dyads.actors.stage import resolver_for
from dyads.dates import dates_of
from dyads.events.patterns import Found, SentenceCoder
from dyads.model import Article, Event, Span

# Dependencies under which a date modifier belongs to another clause, not this event.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj", "pcomp"}


def annotate(article: Article, res: Any) -> Article:
    doc = article.doc
    coder = SentenceCoder(resolver_for(article), res.lexicon)
    dates = dates_of(doc)
    found: list[tuple[int, Found]] = []
    headline_end = headline_length(article.text)
    for si, sent in enumerate(doc.sents):
        found.extend((si, f) for f in coder.sentence(sent) if f.trigger.idx >= headline_end)
    events: dict[tuple, Event] = {}
    for si, f in found:
        ev = to_event(article, si, f, res, event_date(f.date_token, dates, article.date))
        key = (si, _actor_key(ev.source), _actor_key(ev.target), ev.cameo)
        if key not in events or events[key].confidence < ev.confidence:
            events[key] = ev
    article.events = sorted(events.values(), key=lambda e: (e.evidence.start, e.cameo))
    for n, ev in enumerate(article.events):
        ev.id = f"{article.id}-E{n + 1:02d}"
    return article


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


def to_event(article: Article, sentence: int, f: Found, res: Any, date: str | None) -> Event:
    doc = article.doc
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
