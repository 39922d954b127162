"""The class server's front door: one address for the class, several Streamlit processes behind it.

One Streamlit process runs Python on one core at a time, so a class's burst of strokes ("now draw a 7") queues
behind itself however many cores the server has. The door spreads the class over one process per core and keeps
each browser with its process for as long as it is open: a Streamlit session lives in that process's memory (its
page, its download files), so every request and the websocket of one browser must reach the same one.

- A browser's first request seats it at the process with the fewest open websockets (ties in turn, so thirty
  pages opened in the same second split evenly) and the answer carries a cookie naming that process.
- Later requests and the websocket follow the cookie. A client without cookies (a load test's light client)
  is seated the same way for each websocket.
- Each request goes to its process on a connection of its own (see _open_session for why); websockets too.
- Everything is passed on as it came: headers (the browser's Host and Origin, which Streamlit checks), bodies
  still compressed, websocket messages one for one.
"""

from __future__ import annotations

import asyncio
import itertools

import aiohttp
from aiohttp import web
from multidict import CIMultiDict

COOKIE = "mnist_app_process"
STREAM_PATH = "/_stcore/stream"
MAX_MESSAGE_BYTES = 200 * 2**20  # Streamlit's own limit for one websocket message (server.maxMessageSize)
MAX_BODY_BYTES = 16 * 2**20  # the app takes no uploads: its HTTP requests are small
# Hop-by-hop headers belong to one connection and are not passed on; aiohttp sets its own lengths.
HOP_HEADERS = {
    "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    "content-length", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions",
    "sec-websocket-accept", "sec-websocket-protocol",
}  # fmt: skip
UNREACHABLE = (
    "이 수업 서버의 일부가 다시 시작하는 중입니다. 잠시 뒤 페이지를 새로 고치세요.\n"
    "Part of the class server is restarting. Reload the page in a moment.\n"
)


class FrontDoor:
    """Passes each browser's requests and websocket on to one of `backends` ("http://127.0.0.1:PORT")."""

    def __init__(self, backends: list[str]) -> None:
        self.backends = backends
        self.open_streams = [0] * len(backends)
        self._turns = itertools.count()
        self._session: aiohttp.ClientSession | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_route("*", "/{path:.*}", self.handle)
        app.on_startup.append(self._open_session)
        app.on_cleanup.append(self._close_session)
        return app

    def seat(self, request: web.Request) -> tuple[int, bool]:
        """The process this browser sits at, and whether it was seated just now (no cookie yet)."""
        value = request.cookies.get(COOKIE, "")
        if value.isdigit() and int(value) < len(self.backends):
            return int(value), False
        turn = next(self._turns)
        count = len(self.backends)
        return min(range(count), key=lambda index: (self.open_streams[index], (index - turn) % count)), True

    async def handle(self, request: web.Request) -> web.StreamResponse:
        index, new = self.seat(request)
        if request.path == STREAM_PATH and request.headers.get("Upgrade", "").lower() == "websocket":
            return await self._stream(request, index)
        try:
            response = await self._forward(request, index)
        except aiohttp.ClientConnectionError as error:
            print(f"front door: process {index} unreachable for {request.method} {request.path}: {error!r}", flush=True)
            return web.Response(status=502, text=UNREACHABLE)
        if new:
            response.set_cookie(COOKIE, str(index), httponly=True, samesite="Lax", path="/")
        return response

    async def _forward(self, request: web.Request, index: int) -> web.Response:
        assert self._session is not None
        async with self._session.request(
            request.method,
            self.backends[index] + str(request.rel_url),
            headers=_passed_on(request.headers),
            data=await request.read() if request.can_read_body else None,
            allow_redirects=False,
            auto_decompress=False,
        ) as upstream:
            body = await upstream.read()
            return web.Response(status=upstream.status, body=body, headers=_passed_on(upstream.headers))

    async def _stream(self, request: web.Request, index: int) -> web.StreamResponse:
        """One websocket, passed through message by message in both directions until either side closes."""
        assert self._session is not None
        # Streamlit reads its protocols by position (selected, XSRF token, session id): empty ones stay in place.
        header = request.headers.get("Sec-WebSocket-Protocol", "")
        protocols = [part.strip() for part in header.split(",")] if header else []
        try:
            upstream = await self._session.ws_connect(
                self.backends[index] + str(request.rel_url),
                protocols=protocols,
                headers=_passed_on(request.headers),
                max_msg_size=MAX_MESSAGE_BYTES,
            )
        except aiohttp.WSServerHandshakeError as refused:  # the process said no (its origin or XSRF check)
            return web.Response(status=refused.status, text=refused.message)
        except aiohttp.ClientError:
            return web.Response(status=502, text=UNREACHABLE)
        browser = web.WebSocketResponse(
            protocols=[upstream.protocol] if upstream.protocol else [],
            max_msg_size=MAX_MESSAGE_BYTES,
            compress=False,  # Streamlit's messages go as they are: compressing each would cost the door CPU
        )
        await browser.prepare(request)
        self.open_streams[index] += 1
        try:
            await asyncio.gather(_pipe(upstream, browser), _pipe(browser, upstream))
        finally:
            self.open_streams[index] -= 1
            await upstream.close()
            await browser.close()
        return browser

    async def _open_session(self, _app: web.Application) -> None:
        # No pool limit: every student's websocket is one upstream connection for as long as it is open.
        # A new connection for each request. Streamlit's server (uvicorn) closes one left idle for 5 s, and a
        # request sent on it in that instant was lost (twice in a row, past aiohttp's one retry, when several had
        # idled together: a 502). And it leaves Nagle's algorithm on, so each answer on a kept-alive connection
        # waited for a delayed ACK: 44 ms for a script against 3 ms this way (bench/door_requests.py).
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        self._session = aiohttp.ClientSession(connector=connector, auto_decompress=False)

    async def _close_session(self, _app: web.Application) -> None:
        if self._session is not None:
            await self._session.close()


async def _pipe(source, target) -> None:
    """Pass every message from one websocket to the other; when either side closes or goes away, close both."""
    try:
        async for message in source:
            if message.type == aiohttp.WSMsgType.BINARY:
                await target.send_bytes(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT:
                await target.send_str(message.data)
            else:
                break
    except (ConnectionError, aiohttp.ClientError):  # a browser closed its tab while a message was on its way
        pass
    await source.close()
    await target.close()


def _passed_on(headers) -> CIMultiDict:
    """The end-to-end headers (several Set-Cookie lines stay several)."""
    return CIMultiDict((name, value) for name, value in headers.items() if name.lower() not in HOP_HEADERS)


def run_front_door(backends: list[str], host: str, port: int) -> None:
    """Serve the door on host:port until the process is stopped."""
    # Open websockets would hold a graceful stop for a minute: the students reconnect to the next server anyway.
    web.run_app(FrontDoor(backends).app(), host=host, port=port, print=None, shutdown_timeout=2.0)
