"""Checking request parameters before they reach a query (every query is parameterized anyway)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Query

from dyads.api.schemas import ErrorBody
from dyads.errors import ApiError, DyadsError
from dyads.store.queries import Counting, parse_period
from dyads.store.queries import actor_code as store_actor_code
from dyads.store.queries import counting as sq_counting

ROOT_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)$")
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_QUERY_CHARS = 200

# The error responses of the read-only query routes, as /openapi.json lists them.
QUERY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter (actor code, date, page size)."},
    404: {"model": ErrorBody, "description": "An actor or article the store does not hold."},
    422: {"model": ErrorBody, "description": "A parameter of the wrong type."},
    503: {"model": ErrorBody, "description": "The store cannot be opened (missing, locked, not a store)."},
}
ActorParam = Annotated[str | None, Query(max_length=100, description="Actor code prefix: RUS matches RUSGOV.")]
DateParam = Annotated[str | None, Query(max_length=40, description="YYYY, YYYY-MM or YYYY-MM-DD (included).")]
ModalityParam = Annotated[str | None, Query(max_length=100, description=(
    "Which events count, by what their reports say: asserted (the default), claimed, denied, negated, future, "
    "hypothetical; several with commas, or all."))]
CodedParam = Annotated[bool, Query(description="Only events whose source and target both carry a country "
                                                "(or IGO) code.")]
RootParam = Annotated[str | None, Query(description="CAMEO root code 01-20.")]
QuadParam = Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")]
PlaceParam = Annotated[str | None, Query(max_length=200, description="The place an event's sentence names "
                                                                      "(as GET /api/places lists it).")]


def actor_code(param: str, value: str | None) -> str | None:
    """An upper-cased actor code, or a 400 naming the parameter."""
    if value is None or value == "":
        return None
    return store_actor_code(value, param)


def path_actor_code(param: str, value: str) -> str:
    """An actor code given in the path (never empty there): upper-cased, or E048."""
    return store_actor_code(value, param)


def date_bound(param: str, value: str | None, end: bool = False) -> dt.date | None:
    """The first (or with ``end`` the last) day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    if value is None or value == "":
        return None
    try:
        return parse_period(value, param, end=end)
    except DyadsError:
        shown = value[:80]
        detail = "no such date" if re.fullmatch(r"\d{4}(-\d{2}){0,2}", shown.strip()) else "not a date"
        raise ApiError("E104", param=param, value=shown, detail=detail) from None


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """``since`` and ``until`` checked (and in order), returned as given for the store's filters."""
    lo, hi = date_bound("since", since), date_bound("until", until, end=True)
    if lo and hi and lo > hi:
        raise ApiError("E105", detail=f"since={since!r} is after until={until!r}")
    return (since.strip() if since and lo else None), (until.strip() if until and hi else None)


def root_code(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    v = value.strip()
    if len(v) == 1 and v.isdigit():
        v = "0" + v
    if not ROOT_CODE.match(v):
        raise ApiError("E105", detail=f"root={value[:80]!r}: a CAMEO root code is 01 to 20")
    return v


def page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError("E105", detail=f"limit={limit}: must be 1 to {MAX_LIMIT}; page with offset")
    if not 0 <= offset <= MAX_OFFSET:
        raise ApiError("E105", detail=f"offset={offset}: must be 0 to {MAX_OFFSET:,}")
    return limit, offset


def text_query(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_QUERY_CHARS:
        raise ApiError("E105", detail=f"q is {len(value)} characters; at most {MAX_QUERY_CHARS}")
    return value.strip()


def dates(since: str | None, until: str | None) -> dict[str, str | None]:
    """``since``/``until`` keyword arguments for a query, from the two date parameters."""
    lo, hi = date_range(since, until)
    return {"since": lo, "until": hi}


def counting(modality: str | None, coded: bool) -> Counting:
    """What the counts count (asserted events unless ``modality`` says otherwise), or a 400."""
    return sq_counting(modality, coded, param="modality")  # a bad value is a QueryError (400)
