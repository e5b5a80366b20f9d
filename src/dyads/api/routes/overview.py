"""GET /api/overview: totals, events per month and the busiest country pairs."""

from __future__ import annotations

from fastapi import APIRouter, Request

from dyads.api import queries
from dyads.api.deps import settings
from dyads.api.params import QUERY_ERRORS
from dyads.api.schemas import Overview

router = APIRouter(prefix="/api", tags=["queries"])


@router.get("/overview", response_model=Overview, responses=QUERY_ERRORS)
def overview(request: Request) -> Overview:
    """Totals, events per month by QuadClass, and the country pairs with most events."""
    store = settings(request).store
    with store.read() as con:
        return Overview(**store.memo("overview", con, queries.overview))
