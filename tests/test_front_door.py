"""The front door seats each browser at one process and keeps it there; it passes requests and websockets on
unchanged, and says so plainly when a process cannot be reached. Here in front of two small aiohttp backends that
say who they are; the real app behind it is in test_class_server.py and the browser tests."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import http.client
import logging
import shutil
from collections.abc import Awaitable, Callable

import aiohttp
import pytest
from aiohttp import web

from harness.haproxy import start_haproxy
from harness.streamlit_ws import run_apart
from mnist_core.serving.front_door import COOKIE, FrontDoor


def backend(number: int) -> web.Application:
    """A stand-in Streamlit process: answers with its number, echoes websockets, sets two cookies."""

    async def page(request: web.Request) -> web.Response:
        response = web.Response(
            body=gzip.compress(f"process {number} {request.path_qs} {request.headers.get('Host')}".encode()),
            headers={"Content-Encoding": "gzip", "Content-Type": "text/plain"},
        )
        response.set_cookie("_streamlit_xsrf", f"token-{number}")
        response.set_cookie("other", "yes")
        return response

    async def stream(request: web.Request) -> web.WebSocketResponse:
        if "Sec-WebSocket-Protocol" not in request.headers:  # as Streamlit refuses a socket without its token
            raise web.HTTPForbidden(text="no XSRF token")
        socket = web.WebSocketResponse(protocols=["streamlit"])
        await socket.prepare(request)
        await socket.send_str(f"process {number} protocols {request.headers.get('Sec-WebSocket-Protocol')}")
        async for message in socket:
            if message.type == aiohttp.WSMsgType.BINARY:
                await socket.send_bytes(message.data[::-1])
            elif message.data == "close":
                await socket.close()
            elif message.data == "flood":  # many answers, as a page's run sends them
                for _ in range(2000):
                    await socket.send_bytes(bytes(10_000))
        return socket

    app = web.Application()
    app.router.add_get("/_stcore/stream", stream)
    app.router.add_route("*", "/{path:.*}", page)
    return app


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    return runner, f"http://127.0.0.1:{port}"


def with_door(test: Callable[[FrontDoor, str], Awaitable[None]], backends: int = 2, down: int | None = None) -> None:
    """Run `test(door, door_url)` with the door in front of `backends` stand-ins (number `down` not started)."""

    async def main() -> None:
        runners, urls = [], []
        for number in range(backends):
            if number == down:
                with_nothing, url = await serve(web.Application())
                await with_nothing.cleanup()  # a port where nothing listens any more
            else:
                runner, url = await serve(backend(number))
                runners.append(runner)
            urls.append(url)
        door = FrontDoor(urls)
        door_runner, door_url = await serve(door.app())
        try:
            await test(door, door_url)
        finally:
            await door_runner.cleanup()
            for runner in runners:
                await runner.cleanup()

    run_apart(main())


def test_each_new_browser_is_seated_in_turn_and_stays_where_it_sat():
    async def test(door: FrontDoor, url: str) -> None:
        seats = []
        for _ in range(4):
            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:  # IP cookies
                async with browser.get(f"{url}/draw?student=Min-jun") as first:
                    seats.append(first.cookies[COOKIE].value)
                    assert (await first.text()).startswith(f"process {seats[-1]} /draw?student=Min-jun")
                for _ in range(3):  # the cookie goes back: the same process every time, and no new cookie
                    async with browser.get(f"{url}/static/app.js") as later:
                        assert (await later.text()).startswith(f"process {seats[-1]} ")
                        assert COOKIE not in later.cookies
        assert seats == ["0", "1", "0", "1"]

    with_door(test)


def test_requests_pass_through_unchanged():
    async def test(door: FrontDoor, url: str) -> None:
        async with (
            aiohttp.ClientSession(auto_decompress=False) as browser,
            browser.get(f"{url}/x", headers={"Host": "class.school:8501"}) as response,
        ):
            assert response.headers["Content-Encoding"] == "gzip"  # still compressed, as the process sent it
            text = gzip.decompress(await response.read()).decode()
            assert text == "process 0 /x class.school:8501"  # the browser's Host, which Streamlit checks
            assert {"_streamlit_xsrf", "other", COOKIE} <= set(response.cookies)  # every cookie line kept

    with_door(test)


def test_a_cookie_naming_no_process_is_seated_afresh():
    async def test(door: FrontDoor, url: str) -> None:
        for value in ("7", "x", "-1", ""):
            async with aiohttp.ClientSession(cookies={COOKIE: value}) as browser, browser.get(f"{url}/") as response:
                assert response.status == 200
                assert response.cookies[COOKIE].value in ("0", "1")

    with_door(test)


def test_websockets_pass_messages_both_ways_and_are_seated_where_fewest_are_open():
    async def test(door: FrontDoor, url: str) -> None:
        async with aiohttp.ClientSession() as first, aiohttp.ClientSession() as second:
            # Streamlit reads the protocols by position (selected, XSRF token, session id): an empty one stays.
            one = await first.ws_connect(f"{url}/_stcore/stream", protocols=["streamlit", "", "session-id"])
            assert one.protocol == "streamlit"
            assert await one.receive_str() == "process 0 protocols streamlit,,session-id"
            await one.send_bytes(b"\x01\x02\x03")
            assert await one.receive_bytes() == b"\x03\x02\x01"
            assert door.open_streams == [1, 0]
            two = await second.ws_connect(f"{url}/_stcore/stream", protocols=["streamlit"])
            assert (await two.receive_str()).startswith("process 1 ")  # the process with fewer open
            assert door.open_streams == [1, 1]
            await one.send_str("close")  # the process closes: so does the browser's side
            assert (await one.receive()).type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            await two.close()  # the browser closes: the door lets go of the process's side
            for _ in range(100):
                if door.open_streams == [0, 0]:
                    break
                await asyncio.sleep(0.02)
            assert door.open_streams == [0, 0]

    with_door(test)


def test_a_process_that_cannot_be_reached_gets_a_plain_message():
    async def test(door: FrontDoor, url: str) -> None:
        async with aiohttp.ClientSession(cookies={COOKIE: "1"}) as browser:
            async with browser.get(f"{url}/draw") as response:
                assert response.status == 502
                text = await response.text()
                assert "Reload the page in a moment" in text and "새로 고치세요" in text
                assert "Traceback" not in text
            async with browser.get(f"{url}/_stcore/stream", headers={"Upgrade": "websocket"}) as response:
                assert response.status in (400, 502)
        async with aiohttp.ClientSession(cookies={COOKIE: "0"}) as browser, browser.get(f"{url}/draw") as response:
            assert response.status == 200  # the other process still serves

    with_door(test, down=1)


def test_a_websocket_the_process_refuses_is_refused_the_same_way():
    async def test(door: FrontDoor, url: str) -> None:
        async with aiohttp.ClientSession() as browser:
            try:
                await browser.ws_connect(f"{url}/_stcore/stream")
            except aiohttp.WSServerHandshakeError as refused:
                assert refused.status == 403
            else:
                raise AssertionError("the door accepted a websocket its process refused")
        assert door.open_streams == [0, 0]

    with_door(test)


def test_a_browser_that_goes_away_mid_answer_costs_nothing_but_its_socket(caplog):
    async def test(door: FrontDoor, url: str) -> None:
        browser = aiohttp.ClientSession()
        socket = await browser.ws_connect(f"{url}/_stcore/stream", protocols=["streamlit"])
        await socket.receive_str()
        await socket.send_str("flood")
        await socket.receive_bytes()
        await browser.connector.close()  # the tab is gone: no closing handshake
        for _ in range(250):
            if door.open_streams == [0, 0]:
                break
            await asyncio.sleep(0.02)
        assert door.open_streams == [0, 0]
        await browser.close()

    with caplog.at_level(logging.ERROR):
        with_door(test)
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR], caplog.text


async def drop_the_second_request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A stand-in app server that answers one request per connection, offers to keep it, then drops the next
    request that comes on it: as uvicorn (Streamlit's server) does when its 5 s idle timeout ends just as one
    arrives."""
    with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):  # a door that closed it after one answer
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok")
        await writer.drain()
        await reader.readuntil(b"\r\n\r\n")
    writer.close()


async def get_in_bursts(url: str, browser: aiohttp.ClientSession) -> None:
    """GETs in bursts of several at once, as a page loads its scripts, so several connections idle in a pool."""
    for count in (4, 1, 1, 4, 2):
        answers = await asyncio.gather(*(browser.get(f"{url}/static/js/{n}.js") for n in range(count)))
        assert [answer.status for answer in answers] == [200] * count
        assert [await answer.text() for answer in answers] == ["ok"] * count


def test_a_kept_alive_connection_the_process_drops_as_a_request_arrives_costs_the_browser_nothing():
    # With a pool of kept-alive connections to such a process, a GET met two dropped ones in a row (aiohttp retries
    # once) and the browser got a 502: a page whose scripts did not load (CI, 2026-12-05).
    async def main() -> None:
        process = await asyncio.start_server(drop_the_second_request, "127.0.0.1", 0)
        port = process.sockets[0].getsockname()[1]
        door_runner, url = await serve(FrontDoor([f"http://127.0.0.1:{port}"]).app())
        try:
            async with aiohttp.ClientSession() as browser:
                await get_in_bursts(url, browser)
        finally:
            await door_runner.cleanup()
            process.close()
            await process.wait_closed()

    run_apart(main())


def statuses_on_one_connection(url: str, count: int) -> list[int]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    statuses = []
    for number in range(count):
        connection.request("GET", f"/static/js/{number}.js")
        answer = connection.getresponse()
        answer.read()
        statuses.append(answer.status)
    connection.close()
    return statuses


@pytest.mark.skipif(
    shutil.which("haproxy") is None, reason="needs Debian's haproxy (scripts/setup.sh test installs it)"
)
def test_the_schools_haproxy_door_too(tmp_path):
    # deploy/haproxy.cfg's `option http-server-close`: without it HAProxy closed the browser's connection unanswered.
    async def main() -> None:
        processes = [await asyncio.start_server(drop_the_second_request, "127.0.0.1", 0) for _ in range(2)]
        backends = [f"http://127.0.0.1:{process.sockets[0].getsockname()[1]}" for process in processes]
        haproxy, url = await asyncio.to_thread(start_haproxy, tmp_path, backends)  # the loop serves its checks
        try:
            # One connection to HAProxy, kept alive, as a browser's (http.client: no retry of its own to hide a drop).
            assert await asyncio.to_thread(statuses_on_one_connection, url, 8) == [200] * 8
        finally:
            haproxy.terminate()
            haproxy.wait(10)
            for process in processes:
                process.close()
                await process.wait_closed()

    run_apart(main())
