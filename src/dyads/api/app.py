"""The FastAPI application: JSON API under /api, the dashboard at /."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from dyads import __version__
from dyads.api.db import StoreHandle
from dyads.api.problems import install_handlers, problem_response
from dyads.api.schemas import Health
from dyads.errors import DyadsError, E

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 2_000_000  # bytes of a POST body (an article of 200,000 characters fits several times)


@dataclass
class Settings:
    """What the routes need; one per app (no module-level state)."""

    store: StoreHandle
    token: str | None = None
    model: str | None = None
    code_lock: threading.Lock = field(default_factory=threading.Lock)


def _load_pipeline(model: str | None) -> None:
    from dyads import get_pipeline

    try:
        get_pipeline(model)
    except DyadsError:
        pass  # POST /api/code will report it (E020) when it is used


def settings(request: Request) -> Settings:
    return request.app.state.dyads


def create_app(db_path: str | Path, token: str | None = None, *, model: str | None = None,
               idle_seconds: float = 10.0, preload: bool = False) -> FastAPI:
    """The dyads server for the store at ``db_path`` (read-only; writes need ``token``).

    ``idle_seconds``: the read-only store is closed after this long without requests, so another
    process can write it. ``preload``: load the spaCy pipeline at startup (for POST /api/code)."""
    from dyads.api import routes_articles, routes_query

    store = StoreHandle(db_path, idle_seconds=idle_seconds)

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

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        size = request.headers.get("content-length", "")
        if size.isdigit() and int(size) > MAX_BODY:
            return problem_response(413, E.E105.format(
                detail=f"the request body is {int(size):,} bytes; at most {MAX_BODY:,}"))
        return await call_next(request)

    app.include_router(routes_query.router)
    app.include_router(routes_articles.router)

    @app.get("/api/health", response_model=Health, tags=["meta"])
    def health(request: Request) -> Health:
        """Whether the store file is there, the dyads version, and whether ingest is enabled."""
        s = settings(request)
        ok = s.store.path.is_file()
        return Health(status="ok" if ok else "no-store", store=str(s.store.path), version=__version__,
                      writable=s.token is not None)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    return app
