"""POST /api/code: code posted text live; nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from dyads.api.deps import article_from, code_article, settings
from dyads.api.schemas import ArticleView, CodeRequest, ErrorBody
from dyads.api.views import article_view

router = APIRouter(prefix="/api", tags=["articles"])
ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorBody}, 404: {"model": ErrorBody},
                                          503: {"model": ErrorBody}}


@router.post("/code", response_model=ArticleView, responses=ERRORS)
def code_text(request: Request, body: CodeRequest) -> ArticleView:
    """Code the posted text and return it with its spans and events. Nothing is stored."""
    s = settings(request)
    return article_view(code_article(s, article_from(body, "posted")))
