"""GET /api/overview: totals, events per month and the busiest country pairs, under filters."""

from __future__ import annotations

from fastapi import APIRouter, Request

from dyads.api import queries
from dyads.api.deps import settings
from dyads.api.params import QUERY_ERRORS, ActorParam, CodedParam, DateParam, ModalityParam, QuadParam, RootParam
from dyads.api.routes.events import event_query
from dyads.api.schemas import Overview

router = APIRouter(prefix="/api", tags=["queries"])


@router.get("/overview", response_model=Overview, responses=QUERY_ERRORS)
def overview(
    request: Request,
    since: DateParam = None,
    until: DateParam = None,
    root: RootParam = None,
    quad: QuadParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    modality: ModalityParam = None,
    coded: CodedParam = False,
) -> Overview:
    """Totals, events per month by QuadClass, and the country pairs with most events, of the events
    that pass the filters (asserted events unless ``modality`` says otherwise)."""
    f = event_query(source, target, False, since, until, root, quad, None, None, modality, coded)
    store = settings(request).store
    with store.read() as con:
        return Overview(**store.memo(("overview", f), con, lambda c: queries.overview(c, f)))
