"""Articles: the stored list, one article with its spans, and ingest of one (with a token)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request

from dyads.api import params, queries
from dyads.api.deps import Settings, article_from, code_article, settings
from dyads.api.params import QUERY_ERRORS
from dyads.api.schemas import ArticleList, ArticleSummary, ArticleView, ErrorBody, IngestRequest, IngestResult
from dyads.api.views import article_view
from dyads.errors import Forbidden, NotFound
from dyads.limits import MAX_FIELD_CHARS

router = APIRouter(prefix="/api")
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorBody}, 404: {"model": ErrorBody},
                                          503: {"model": ErrorBody}}


@router.get("/articles", response_model=ArticleList, responses=QUERY_ERRORS, tags=["queries"])
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


@router.get("/articles/{article_id:path}", response_model=ArticleView, responses=ERRORS, tags=["articles"])
def get_article(request: Request, article_id: Annotated[str, Path(max_length=MAX_FIELD_CHARS)]) -> ArticleView:
    """One stored article: its text and the spans of actors, events and quotes to highlight."""
    s = settings(request)
    with s.store.read() as con:
        art = queries.load_article(con, article_id)
    if art is None:
        raise NotFound("E106", value=article_id[:120])
    return article_view(art)


def _check_token(s: Settings, authorization: str | None) -> None:
    if s.token is None:
        raise Forbidden("E107")
    scheme, _, given = (authorization or "").partition(" ")
    given = given.strip()
    if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.encode(), s.token.encode()):
        raise Forbidden("E108")


@router.post("/articles", response_model=IngestResult, responses={**ERRORS, 403: {"model": ErrorBody}},
             status_code=201, tags=["articles"])
def ingest_article(request: Request, body: IngestRequest,
                   authorization: Annotated[str | None, Header()] = None) -> IngestResult:
    """Code and store one article. Off unless the server was started with --token; send
    `Authorization: Bearer <token>`."""
    s = settings(request)
    _check_token(s, authorization)
    ident = body.id or queries.content_id(body.text)
    art = code_article(s, article_from(body, ident, url=body.url, source=body.source))
    with s.store.exclusive() as path:
        stored = queries.ingest(path, art)
    return IngestResult(id=art.id, stored=stored, events=len(art.events))
