"""GET /api/places: where the events took place (for the dashboard's map)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from dyads.api import params, queries
from dyads.api.deps import settings
from dyads.api.params import QUERY_ERRORS, ActorParam, CodedParam, DateParam, ModalityParam, QuadParam, RootParam
from dyads.api.routes.events import event_query
from dyads.api.schemas import Places

router = APIRouter(prefix="/api", tags=["queries"])


@router.get("/places", response_model=Places, responses=QUERY_ERRORS)
def list_places(
    request: Request,
    since: DateParam = None,
    until: DateParam = None,
    root: RootParam = None,
    quad: QuadParam = None,
    source: ActorParam = None,
    target: ActorParam = None,
    modality: ModalityParam = None,
    coded: CodedParam = False,
    limit: Annotated[int, Query(description=f"How many places, 1-{params.MAX_LIMIT}.")] = 500,
) -> Places:
    """The places named in the sentences of the events that pass the filters (the first report's),
    with their coordinates and events by QuadClass, most events first."""
    f = event_query(source, target, False, since, until, root, quad, None, None, modality, coded)
    limit, _ = params.page(limit, 0)
    store = settings(request).store
    with store.read() as con:
        return Places(**store.memo(("places", f, limit), con, lambda c: queries.places(c, f, limit)))
