"""GET /api/actors: the actors in most event records."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from dyads.api import params, queries
from dyads.api.deps import settings
from dyads.api.params import QUERY_ERRORS, CodedParam, DateParam, ModalityParam
from dyads.api.schemas import ActorList, ActorStat

router = APIRouter(prefix="/api", tags=["queries"])


@router.get("/actors", response_model=ActorList, responses=QUERY_ERRORS)
def list_actors(
    request: Request,
    limit: Annotated[int, Query(description=f"How many, 1-{params.MAX_LIMIT}.")] = 100,
    level: Annotated[Literal["code", "country"], Query(
        description="'country' groups codes by their first three letters (RUSGOV -> RUS).")] = "code",
    since: DateParam = None,
    until: DateParam = None,
    modality: ModalityParam = None,
    coded: CodedParam = False,
) -> ActorList:
    """The actors in most event records (asserted ones unless ``modality`` says otherwise), as
    source or target: each code with what it stands for and the people seen under it."""
    limit, _ = params.page(limit, 0)
    counted = params.counting(modality, coded)
    lo, hi = params.date_range(since, until)
    store = settings(request).store
    with store.read() as con:
        rows = store.memo(("actors", limit, level, counted, lo, hi), con,
                          lambda c: queries.actor_list(c, limit, level, counted, lo, hi))
    return ActorList(actors=[ActorStat(**{k: r[k] for k in ActorStat.model_fields}) for r in rows])
