"""GET /api/health: whether the store is there, the dyads version, whether ingest is on."""

from __future__ import annotations

import duckdb
from fastapi import APIRouter, Request, Response

from dyads.api.deps import settings
from dyads.api.problems import problem_body
from dyads.api.schemas import ErrorDetail, Health
from dyads.errors import DyadsError, message
from dyads.version import __version__

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(request: Request, response: Response) -> Health:
    """Whether the store is there and can be read (503 when it cannot: a damaged file), the dyads
    version, and whether ingest is enabled."""
    s = settings(request)
    status, error = "ok", None
    if not s.store.path.is_file():
        status = "no-store"
    else:
        try:
            with s.store.read() as con:
                con.execute("SELECT count(*) FROM dyads_meta").fetchone()
        except DyadsError as exc:  # the store cannot be opened (StoreError 503) or is busy (StoreBusy, E101)
            body = problem_body(exc.status, str(exc), exc.code)["error"]
            status = "busy" if body["code"] == "E101" else "error"
            if status == "error":
                response.status_code = 503
                error = ErrorDetail(**body)
        except duckdb.Error as exc:  # readable header, damaged inside
            response.status_code = 503
            status, error = "error", ErrorDetail(status=503, code="E040", message=message("E040",
                path=s.store.path, detail=f"damaged: {exc}"[:300]))
    return Health(status=status, store=str(s.store.path), version=__version__, writable=s.token is not None,
                  error=error)
