"""Pipeline stage: claims. Events found inside an attributed statement are the speaker's claim.

Runs after events. For every event whose evidence lies inside the content of a quotation or of
reported speech, ``modality`` becomes ``"claimed"`` (``"denied"`` when the cue is a denial:
deny, dismiss, reject…) and ``attributed_to`` the speaker; events the article states in its own
voice stay ``"asserted"``. A negated event stays ``"negated"`` (the speaker is still recorded).
Cues that express an attitude rather than a statement (want, support, urge…) leave events alone.
When quotes nest ("the US claimed its sources confirmed that …"), the outermost statement is the
one the article attributes, so the outermost speaker is recorded.
"""

from __future__ import annotations

from dyads.annotate.quotes.found import Found
from dyads.annotate.state import ArticleState, Resources, stage
from dyads.model import Event, Quote

CLAIM_KINDS = {"speech", "belief"}
DENIAL_KINDS = {"denial"}
INSIDE = 0.8  # share of the evidence span that must lie inside the content


@stage("attribution", requires=("attributions", "article.events"), assigns=("article.events",))
def annotate(state: ArticleState, res: Resources) -> None:
    pairs = [(f, q) for f, q in state.attributions if f.kind in CLAIM_KINDS | DENIAL_KINDS]
    for ev in state.article.events:
        hit = claim_for(ev, pairs)
        if hit is None:
            continue
        f, q = hit
        ev.attributed_to = q.speaker
        if ev.modality != "negated":
            ev.modality = "denied" if f.kind in DENIAL_KINDS else "claimed"


def claim_for(ev: Event, pairs: list[tuple[Found, Quote]]) -> tuple[Found, Quote] | None:
    """The outermost statement whose content holds the event's evidence (not its cue)."""
    s, e = ev.evidence.start, ev.evidence.end
    length = max(1, e - s)
    best: tuple[Found, Quote] | None = None
    for f, q in pairs:
        c = q.content
        if min(e, c.end) - max(s, c.start) < INSIDE * length:
            continue
        if q.cue is not None and q.cue.start < e and s < q.cue.end:
            continue  # the event is the speech act itself
        if best is None or (c.end - c.start) > (best[1].content.end - best[1].content.start):
            best = (f, q)
    return best
