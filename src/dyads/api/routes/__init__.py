"""The API's route modules, one per resource, served (and listed in /openapi.json) in this order.

To add a resource, write ``routes/NAME.py`` with ``router = fastapi.APIRouter(prefix="/api", ...)``
(settings and shared helpers come from :mod:`dyads.api.deps`, parameters from
:mod:`dyads.api.params`), then add ``"NAME"`` below.
"""

from __future__ import annotations

from importlib import import_module

from fastapi import APIRouter

ROUTE_MODULES = (
    "events",  # GET /api/events
    "dyads",  # GET /api/dyads/{a}/{b}/timeline
    "actors",  # GET /api/actors
    "overview",  # GET /api/overview
    "places",  # GET /api/places
    "articles",  # GET /api/articles, GET /api/articles/{id}, POST /api/articles
    "code",  # POST /api/code
    "meta",  # GET /api/health
)


def routers() -> list[APIRouter]:
    """The routers of :data:`ROUTE_MODULES`, in order."""
    return [import_module(f"{__name__}.{name}").router for name in ROUTE_MODULES]
