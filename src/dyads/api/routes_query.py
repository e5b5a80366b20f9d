"""Read-only queries: events, dyad timelines, actors, the overview and the article list."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from dyads.api import params, queries
from dyads.api.app import settings
from dyads.api.problems import Problem
from dyads.api.schemas import (
    ActorList,
    ActorRef,
    ActorStat,
    ArticleList,
    ArticleSummary,
    DirectionStats,
    ErrorBody,
    EventOut,
    EventPage,
    Overview,
    Timeline,
    TimelinePoint,
)
from dyads.api.views import cameo_label
from dyads.errors import E

router = APIRouter(prefix="/api", tags=["queries"])
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter (actor code, date, page size)."},
    404: {"model": ErrorBody, "description": "An actor or article the store does not hold."},
    422: {"model": ErrorBody, "description": "A parameter of the wrong type."},
    503: {"model": ErrorBody, "description": "The store cannot be opened (missing, locked, not a store)."},
}
ActorParam = Annotated[str | None, Query(max_length=100, description="Actor code prefix: RUS matches RUSGOV.")]
DateParam = Annotated[str | None, Query(max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD (included).")]


def _actor(prefix: str, row: dict[str, Any]) -> ActorRef | None:
    code = row.get(f"{prefix}_code")
    if code is None and row.get(f"{prefix}_name") is None:
        return None
    return ActorRef(code=code, country=row.get(f"{prefix}_country"), sector=row.get(f"{prefix}_sector"),
                    name=row.get(f"{prefix}_name"))


def event_out(row: dict[str, Any]) -> EventOut:
    return EventOut(
        id=str(row["event_key"]), date=row["date"], source=_actor("source", row), target=_actor("target", row),
        cameo=row["cameo"], root=row["root"], label=cameo_label(row["cameo"]), quad=row["quad"],
        penta=row["penta"], goldstein=row["goldstein"], plover=row["plover"], modality=row["modality"],
        attributed_to=row["attributed_to_code"], num_mentions=row["num_mentions"] or 1,
        num_articles=row["num_articles"] or 1, num_sources=row["num_sources"] or 1,
        article_id=row["article_id"], evidence=row["evidence"], evidence_start=row["evidence_start"],
        evidence_end=row["evidence_end"], rule=row["rule"], confidence=row["confidence"])


def _check_known(request: Request, con: Any, *codes: str | None) -> None:
    store = settings(request).store
    known = store.memo("actor-codes", con, queries.actor_codes)
    for code in codes:
        if code and not queries.actor_known(known, code):
            raise Problem(404, E.E103.format(value=code))


@router.get("/events", response_model=EventPage, responses=ERRORS)
def list_events(
    request: Request,
    source: ActorParam = None,
    target: ActorParam = None,
    both: Annotated[bool, Query(description="Also the reverse direction: target -> source.")] = False,
    since: DateParam = None,
    until: DateParam = None,
    root: Annotated[str | None, Query(description="CAMEO root code 01-20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    q: Annotated[str | None, Query(max_length=1000, description="Words in the evidence or actor names "
                                                                  "(literal, case-insensitive).")] = None,
    limit: Annotated[int, Query(description=f"Rows per page, 1-{params.MAX_LIMIT} (pages under 50 rows are "
                                              "fastest on a large store).")] = 40,
    offset: Annotated[int, Query(description="Rows to skip.")] = 0,
) -> EventPage:
    """Event records (one per event, however many articles reported it), ordered by date."""
    f = queries.EventQuery(
        source=params.actor_code("source", source), target=params.actor_code("target", target), both=both,
        root=params.root_code(root), quad=quad, q=params.text_query(q), **_dates(since, until))
    limit, offset = params.page(limit, offset)
    with settings(request).store.read() as con:
        _check_known(request, con, f.source, f.target)
        rows, more = queries.event_page(con, f, limit, offset)
    return EventPage(limit=limit, offset=offset, next_offset=offset + len(rows) if more else None,
                     events=[event_out(r) for r in rows])


def _dates(since: str | None, until: str | None) -> dict[str, str | None]:
    lo, hi = params.date_range(since, until)
    return {"since": lo, "until": hi}


def _direction(row: dict[str, Any]) -> DirectionStats:
    return DirectionStats(
        events=row["events"], mentions=row["mentions"],
        quad=[row["verbal_coop"], row["material_coop"], row["verbal_conflict"], row["material_conflict"]],
        cooperative=row["cooperative"], conflictual=row["conflictual"], net_cooperation=row["net_cooperation"],
        mean_goldstein=row["mean_goldstein"])


@router.get("/dyads/{a}/{b}/timeline", response_model=Timeline, responses=ERRORS)
def dyad_timeline(
    request: Request,
    a: str,
    b: str,
    by: Annotated[Literal["day", "week", "month", "quarter", "year"], Query(description="Period size.")] = "month",
    since: DateParam = None,
    until: DateParam = None,
) -> Timeline:
    """A dyad over time: per period, events by QuadClass, net cooperation and mean Goldstein, for
    both directions together and for each direction."""
    ca, cb = params.actor_code("a", a), params.actor_code("b", b)
    dates = _dates(since, until)
    with settings(request).store.read() as con:
        _check_known(request, con, ca, cb)
        rows = queries.timeline(con, ca, cb, by, **dates)
    points = []
    for p in rows:
        both = _direction(p["both"])
        points.append(TimelinePoint(period=p["period"], **both.model_dump(), a_to_b=_direction(p["a_to_b"]),
                                    b_to_a=_direction(p["b_to_a"])))
    return Timeline(a=ca, b=cb, by=by, points=points)


@router.get("/actors", response_model=ActorList, responses=ERRORS)
def list_actors(
    request: Request,
    limit: Annotated[int, Query(description=f"How many, 1-{params.MAX_LIMIT}.")] = 100,
    level: Annotated[Literal["code", "country"], Query(
        description="'country' groups codes by their first three letters (RUSGOV -> RUS).")] = "code",
) -> ActorList:
    """The actors in most event records, as source or target."""
    limit, _ = params.page(limit, 0)
    store = settings(request).store
    with store.read() as con:
        rows = store.memo(("actors", limit, level), con, lambda c: queries.actor_list(c, limit, level))
    return ActorList(actors=[ActorStat(**{k: r[k] for k in ActorStat.model_fields}) for r in rows])


@router.get("/overview", response_model=Overview, responses=ERRORS)
def overview(request: Request) -> Overview:
    """Totals, events per month by QuadClass, and the country pairs with most events."""
    store = settings(request).store
    with store.read() as con:
        return Overview(**store.memo("overview", con, queries.overview))


@router.get("/articles", response_model=ArticleList, responses=ERRORS)
def list_articles(
    request: Request,
    q: Annotated[str | None, Query(max_length=1000, description="Words in the title, id or text.")] = None,
    limit: Annotated[int, Query(description=f"Rows per page, 1-{params.MAX_LIMIT}.")] = 50,
    offset: Annotated[int, Query(description="Rows to skip.")] = 0,
) -> ArticleList:
    """Stored articles, newest first."""
    limit, offset = params.page(limit, offset)
    text = params.text_query(q)
    with settings(request).store.read() as con:
        rows, total = queries.article_list(con, text, limit, offset)
    return ArticleList(total=total, limit=limit, offset=offset, articles=[ArticleSummary(**r) for r in rows])
