"""GET /api/events: event records (one per event, however many articles reported it)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from dyads.annotate.events.cameo import label_of
from dyads.api import params, queries
from dyads.api.deps import check_known, settings
from dyads.api.params import (
    QUERY_ERRORS,
    ActorParam,
    CodedParam,
    DateParam,
    ModalityParam,
    PlaceParam,
    QuadParam,
    RootParam,
)
from dyads.api.schemas import ActorRef, EventOut, EventPage, Location
from dyads.api.views import actor_ref
from dyads.io.rows import actor_from

router = APIRouter(prefix="/api", tags=["queries"])


def _listed(row: dict[str, Any], prefix: str) -> ActorRef | None:
    """An event's actor as the API lists it: one with a code or a name (a bare phrase is left out)."""
    a = actor_from(row, prefix)
    return actor_ref(a) if a is not None and (a.code is not None or a.name is not None) else None


def event_out(row: dict[str, Any]) -> EventOut:
    return EventOut(
        id=str(row["event_key"]), date=row["date"], source=_listed(row, "source"), target=_listed(row, "target"),
        cameo=row["cameo"], root=row["root"], label=label_of(row["cameo"]), quad=row["quad"],
        penta=row["penta"], goldstein=row["goldstein"], plover=row["plover"], modality=row["modality"],
        attributed_to=row["attributed_to_code"], num_mentions=row["num_mentions"] or 1,
        num_articles=row["num_articles"] or 1, num_sources=row["num_sources"] or 1,
        article_id=row["article_id"], evidence=row["evidence"], evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"], rule=row["rule"], confidence=row["confidence"],
        location=Location(name=row["location_name"], country=row["location_country"], lat=row["location_lat"],
                          lon=row["location_lon"]) if row.get("location_name") else None)


def event_query(source: str | None = None, target: str | None = None, both: bool = False, since: str | None = None,
                until: str | None = None, root: str | None = None, quad: int | None = None, q: str | None = None,
                place: str | None = None, modality: str | None = None, coded: bool = False) -> queries.EventQuery:
    """The filters of a request, checked (a 400 names a bad one)."""
    return queries.EventQuery(
        source=params.actor_code("source", source), target=params.actor_code("target", target), both=both,
        root=params.root_code(root), quad=quad, q=params.text_query(q), place=params.text_query(place),
        counting=params.counting(modality, coded), **params.dates(since, until))


@router.get("/events", response_model=EventPage, responses=QUERY_ERRORS)
def list_events(
    request: Request,
    source: ActorParam = None,
    target: ActorParam = None,
    both: Annotated[bool, Query(description="Also the reverse direction: target -> source.")] = False,
    since: DateParam = None,
    until: DateParam = None,
    root: RootParam = None,
    quad: QuadParam = None,
    q: Annotated[str | None, Query(max_length=1000, description="Words in the evidence or actor names "
                                                                  "(literal, case-insensitive).")] = None,
    place: PlaceParam = None,
    modality: ModalityParam = None,
    coded: CodedParam = False,
    limit: Annotated[int, Query(description=f"Rows per page, 1-{params.MAX_LIMIT} (pages under 50 rows are "
                                              "fastest on a large store).")] = 40,
    offset: Annotated[int, Query(description="Rows to skip.")] = 0,
) -> EventPage:
    """Event records (one per event, however many articles reported it), ordered by date: asserted
    events unless ``modality`` says otherwise."""
    f = event_query(source, target, both, since, until, root, quad, q, place, modality, coded)
    limit, offset = params.page(limit, offset)
    with settings(request).store.read() as con:
        check_known(request, con, f.source, f.target)
        rows, more = queries.event_page(con, f, limit, offset)
    return EventPage(limit=limit, offset=offset, next_offset=offset + len(rows) if more else None,
                     events=[event_out(r) for r in rows])
