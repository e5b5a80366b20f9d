"""Errors as JSON: every failure becomes ``{"error": {"status", "code", "message"}}``, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyads.errors import DyadsError, InternalError, Unprocessable

log = logging.getLogger("dyads.api")


def problem_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def problem_response(status: int, message: str, code: str | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(problem_body(status, message, code), status_code=status, headers=headers)


def error_response(exc: DyadsError) -> JSONResponse:
    """A numbered error as JSON: the HTTP status (and headers) its family gives."""
    return problem_response(exc.status, str(exc), exc.code, headers=exc.headers)


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        value = err.get("input")
        limit = (err.get("ctx") or {}).get("max_length")
        if err.get("type") == "string_too_long" and isinstance(value, str) and isinstance(limit, int):
            parts.append(f"{where} is {len(value):,} characters, over the limit of {limit:,} (README: Limits)")
            continue
        shown = f"={value!r}" if isinstance(value, str | int | float) and len(repr(value)) <= 60 else ""
        parts.append(f"{where}{shown}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def install_handlers(app: FastAPI) -> None:
    """Map every exception to a JSON problem; unexpected ones to E109 without details."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(Unprocessable("E105", detail=_validation_detail(exc)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such endpoint: {request.method} {request.url.path}; see /openapi.json for the API."
        elif exc.status_code == 405:
            detail = f"method {request.method} is not allowed on {request.url.path}; see /openapi.json for the API."
        return problem_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(DyadsError)
    async def _dyads(request: Request, exc: DyadsError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(InternalError("E109", kind=type(exc).__name__, path=request.url.path))
