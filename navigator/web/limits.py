"""A limit on the size of a request body: more than `max_bytes` gets 413, whether the body
says its length (`Content-Length`) or not (chunked). The body is read here, up to the limit,
before the app sees it, so an endpoint never reads more."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyLimit"]

MESSAGE = (
    "The request body is larger than this site accepts ({limit} bytes). Please send less: "
    "the answers to one pathway fit in a few kilobytes."
)


class BodyLimit:
    """ASGI middleware: 413 with a JSON `message` for a body of more than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (
                not value.isdigit() or len(value) > 12 or int(value) > self.max_bytes
            ):
                await self._refuse(send)
                return
        pieces: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            piece = message.get("body", b"")
            seen += len(piece)
            if seen > self.max_bytes:
                await self._refuse(send)
                return
            pieces.append(piece)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(pieces), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        text = MESSAGE.format(limit=self.max_bytes)
        body = json.dumps({"message": text, "errors": []}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
