"""The request size limit, enforced on the bytes that arrive (README: "Limits").

A pure ASGI middleware: a body is read up to ``limit`` bytes, counted as they come in, whatever
``Content-Length`` says and whether or not there is one (``Transfer-Encoding: chunked``). A
request over the limit is answered 413 (E105) at once and nothing more of it reaches the app.
uvicorn then throws away what the client still sends, keeping none of it, and closes the
connection after its keep-alive timeout (5 s), so a client still sending can read the answer.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from dyads.errors import TooLarge
from dyads.limits import MAX_ITEM_BYTES

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

class BodyLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_ITEM_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(send, f"the request body is {declared:,} bytes")
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away: let the app see it
                await self.app(scope, _replay([message], receive), send)
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await self._refuse(send, "the request body is larger")
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([whole], receive), send)

    async def _refuse(self, send: Send, what: str) -> None:
        err = TooLarge("E105", detail=f"{what}; at most {self.limit:,} bytes are read (README: Limits)")
        body = json.dumps({"error": {"status": err.status, "code": err.code, "message": str(err)}}).encode()
        await send({"type": "http.response.start", "status": err.status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: MutableMapping[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that gives ``messages`` first, then whatever the server sends (a disconnect)."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay
