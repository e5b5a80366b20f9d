"""Articles: read one from the store with its spans, code posted text live, ingest (with a token)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request

from dyads.api import queries
from dyads.api.app import Settings, settings
from dyads.api.problems import Problem
from dyads.api.schemas import ArticleView, CodeRequest, ErrorBody, IngestRequest, IngestResult
from dyads.api.views import article_view
from dyads.errors import DyadsError, E
from dyads.model import Article
from dyads.readers import ReadOptions, make_article, valid_date

router = APIRouter(prefix="/api", tags=["articles"])
ERRORS = {400: {"model": ErrorBody}, 404: {"model": ErrorBody}, 503: {"model": ErrorBody}}


@router.get("/articles/{article_id:path}", response_model=ArticleView, responses=ERRORS)
def get_article(request: Request, article_id: Annotated[str, Path(max_length=500)]) -> ArticleView:
    """One stored article: its text and the spans of actors, events and quotes to highlight."""
    s = settings(request)
    with s.store.read() as con:
        art = queries.load_article(con, article_id)
    if art is None:
        raise Problem(404, E.E106.format(value=article_id[:120]))
    return article_view(art)


def _article_from(body: CodeRequest, ident: str, **fields: str | None) -> Article:
    if body.date not in (None, "") and not valid_date(body.date):
        raise Problem(400, E.E010.format(item="date", value=body.date[:40]))
    item = make_article(ident, body.text, ReadOptions(date=valid_date(body.date)), title=body.title, **fields)
    if not isinstance(item, Article):
        raise Problem(400, item.message)
    return item


def _code(s: Settings, art: Article) -> Article:
    from dyads import get_pipeline

    with s.code_lock:  # one spaCy pipeline per process; keep its use serial
        try:
            pipeline = get_pipeline(s.model)
        except DyadsError as exc:
            raise Problem(503, str(exc)) from None
        return pipeline(art)


@router.post("/code", response_model=ArticleView, responses=ERRORS)
def code_text(request: Request, body: CodeRequest) -> ArticleView:
    """Code the posted text and return it with its spans and events. Nothing is stored."""
    s = settings(request)
    return article_view(_code(s, _article_from(body, "posted")))


def _check_token(s: Settings, authorization: str | None) -> None:
    if s.token is None:
        raise Problem(403, E.E107)
    scheme, _, given = (authorization or "").partition(" ")
    given = given.strip()
    if scheme.lower() != "bearer" or not given or not hmac.compare_digest(given.encode(), s.token.encode()):
        raise Problem(403, E.E108)


@router.post("/articles", response_model=IngestResult, responses={**ERRORS, 403: {"model": ErrorBody}},
             status_code=201)
def ingest_article(request: Request, body: IngestRequest,
                   authorization: Annotated[str | None, Header()] = None) -> IngestResult:
    """Code and store one article. Off unless the server was started with --token; send
    `Authorization: Bearer <token>`."""
    s = settings(request)
    _check_token(s, authorization)
    ident = body.id or queries.content_id(body.text)
    art = _code(s, _article_from(body, ident, url=body.url, source=body.source))
    with s.store.exclusive() as path:
        stored = queries.ingest(path, art)
    return IngestResult(id=art.id, stored=stored, events=len(art.events))
