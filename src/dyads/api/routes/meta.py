"""GET /api/health: whether the store is there, the dyads version, whether ingest is on."""

from __future__ import annotations

from fastapi import APIRouter, Request

from dyads.api.deps import settings
from dyads.api.schemas import Health
from dyads.version import __version__

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=Health)
def health(request: Request) -> Health:
    """Whether the store file is there, the dyads version, and whether ingest is enabled."""
    s = settings(request)
    ok = s.store.path.is_file()
    return Health(status="ok" if ok else "no-store", store=str(s.store.path), version=__version__,
                  writable=s.token is not None)
