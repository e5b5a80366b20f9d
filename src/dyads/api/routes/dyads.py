"""GET /api/dyads/{a}/{b}/timeline: a pair of actors over time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from dyads.api import params, queries
from dyads.api.deps import check_known, settings
from dyads.api.params import QUERY_ERRORS, CodedParam, DateParam, ModalityParam
from dyads.api.schemas import DirectionStats, Timeline, TimelinePoint

router = APIRouter(prefix="/api", tags=["queries"])


def _direction(row: dict[str, Any]) -> DirectionStats:
    return DirectionStats(
        events=row["events"], mentions=row["mentions"],
        quad=[row["verbal_coop"], row["material_coop"], row["verbal_conflict"], row["material_conflict"]],
        cooperative=row["cooperative"], conflictual=row["conflictual"], net_cooperation=row["net_cooperation"],
        mean_goldstein=row["mean_goldstein"])


@router.get("/dyads/{a}/{b}/timeline", response_model=Timeline, responses=QUERY_ERRORS)
def dyad_timeline(
    request: Request,
    a: str,
    b: str,
    by: Annotated[Literal["day", "week", "month", "quarter", "year"], Query(description="Period size.")] = "month",
    since: DateParam = None,
    until: DateParam = None,
    modality: ModalityParam = None,
    coded: CodedParam = False,
) -> Timeline:
    """A dyad over time: per period, events by QuadClass, net cooperation and mean Goldstein, for
    both directions together and for each direction (asserted events unless ``modality`` says
    otherwise)."""
    ca, cb = params.path_actor_code("a", a), params.path_actor_code("b", b)
    dates = params.dates(since, until)
    counted = params.counting(modality, coded)
    with settings(request).store.read() as con:
        check_known(request, con, ca, cb)
        rows = queries.timeline(con, ca, cb, by, counting=counted, **dates)
    points = []
    for p in rows:
        both = _direction(p["both"])
        points.append(TimelinePoint(period=p["period"], **both.model_dump(), a_to_b=_direction(p["a_to_b"]),
                                    b_to_a=_direction(p["b_to_a"])))
    return Timeline(a=ca, b=cb, by=by, points=points)
