"""The FastAPI application: JSON API under /api, the dashboard at /."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dyads.api.db import StoreHandle
from dyads.api.deps import Settings
from dyads.api.limits import BodyLimit
from dyads.api.problems import install_handlers
from dyads.api.routes import routers
from dyads.errors import DyadsError
from dyads.version import __version__

STATIC = Path(__file__).resolve().parent / "static"


def _load_pipeline(model: str | None) -> None:
    from dyads.annotate.pipeline import get_pipeline

    try:
        get_pipeline(model)
    except DyadsError:
        pass  # POST /api/code will report it (E020) when it is used


def create_app(db_path: str | Path, token: str | None = None, *, model: str | None = None,
               idle_seconds: float = 0.0, preload: bool = False, lock_wait: float | None = None) -> FastAPI:
    """The dyads server for the store at ``db_path`` (read-only; writes need ``token``).

    ``idle_seconds``: the read-only store is closed this long after the last request ends (0: at
    once), so another process (``dyads ingest``, ``dyads watch``) can write it between requests.
    ``lock_wait``: how long a request waits for such a writer's batch to commit before a 503.
    ``preload``: load the spaCy pipeline at startup (for POST /api/code)."""
    store = StoreHandle(db_path, idle_seconds=idle_seconds, lock_wait=lock_wait)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if preload:
            threading.Thread(target=_load_pipeline, args=(model,), name="dyads-preload", daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the dashboard's API page reads /openapi.json
        redoc_url=None,
        title="dyads",
        version=__version__,
        summary="Who did what to whom: CAMEO/PLOVER events from a dyads store.",
        description="Read-only queries over a dyads DuckDB store, live coding of posted text, and "
                    "(with a token) ingest. Errors are JSON: `{\"error\": {\"status\", \"code\", \"message\"}}`.",
    )
    app.state.dyads = Settings(store=store, token=token or None, model=model)
    install_handlers(app)

    app.add_middleware(BodyLimit)  # every request body, counted on the bytes that arrive

    for router in routers():
        app.include_router(router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    return app
