"""One HTTP request through each door to a Streamlit process: how long it takes when the client keeps its
connection alive, as a browser does for a page's scripts and each drawing's pictures.

Streamlit's server (uvicorn) binds its own listening socket without naming TCP, so asyncio leaves Nagle's algorithm
on for the connections it accepts (uvicorn#3149): on a kept-alive connection, every answer after the first waits
for the client's delayed ACK, about 40 ms on Linux. The class server's door (serving/front_door.py) opens a new
connection to its process for every request, which never waits. This starts one `streamlit run app.py` on
loopback and, side by side in rounds (the order turning each round), asks it for one of its scripts N times:

- straight, on one kept-alive connection (a browser on `streamlit run app.py`);
- straight, on a new connection each time;
- through the class server's door, the client's connection to the door kept alive (a browser on start.sh);
- through HAProxy from deploy/haproxy.cfg, the same (a school's door; needs Debian's `haproxy` and root).

    .venv/bin/python bench/door_requests.py                # 10 rounds of 100 requests per way
    .venv/bin/python bench/door_requests.py --rounds 5 --requests 50 --no-haproxy
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from harness.haproxy import start_haproxy
from harness.server import start_app_server
from mnist_core.serving.front_door import FrontDoor

SCRIPT_PATH = "/static/js/"


def a_script(url: str) -> str:
    """The path of one of the page's scripts, as the page names it."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/")
    page = connection.getresponse().read().decode()
    connection.close()
    start = page.index(SCRIPT_PATH)
    return page[start : page.index('"', start)]


def kept_alive(url: str, path: str, count: int) -> list[float]:
    """Seconds for each of `count` GETs on one connection (the first one opens it and is left out)."""
    connection = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=10)
    seconds = []
    for _ in range(count + 1):
        start = time.perf_counter()
        connection.request("GET", path)
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200, answer.status
        seconds.append(time.perf_counter() - start)
    connection.close()
    return seconds[1:]


def new_connections(url: str, path: str, count: int) -> list[float]:
    """Seconds for each of `count` GETs, each on a connection of its own."""
    seconds = []
    for _ in range(count):
        start = time.perf_counter()
        connection = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=10)
        connection.request("GET", path)
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200, answer.status
        connection.close()
        seconds.append(time.perf_counter() - start)
    return seconds


def serve_door(backend: str) -> tuple[str, Callable[[], None]]:
    """The class server's front door on a free loopback port, in a thread of its own; its URL and how to stop it."""
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(FrontDoor([backend]).app())
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"

    def serve() -> None:
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())  # its connections to the process closed, not left to the exit

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()

    def stop() -> None:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)

    return url, stop


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--requests", type=int, default=100, help="requests per way and round (100)")
    parser.add_argument("--no-haproxy", action="store_true", help="leave HAProxy out")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="door-requests-"))
    streamlit = start_app_server({"MNIST_APP_RUNS_DIR": str(scratch / "runs")}, scratch / "streamlit.log")
    stops: list[Callable[[], None]] = [streamlit.stop]
    try:
        door_url, stop_door = serve_door(streamlit.url)
        stops.append(stop_door)
        ways: dict[str, Callable[[str, int], list[float]]] = {
            "Streamlit, kept alive": lambda path, n: kept_alive(streamlit.url, path, n),
            "Streamlit, new connection each": lambda path, n: new_connections(streamlit.url, path, n),
            "class server's door, kept alive": lambda path, n: kept_alive(door_url, path, n),
        }
        if not args.no_haproxy:
            haproxy, haproxy_url = start_haproxy(scratch, [streamlit.url, streamlit.url])
            stops.append(haproxy.terminate)
            ways["HAProxy, kept alive"] = lambda path, n: kept_alive(haproxy_url, path, n)
        path = a_script(streamlit.url)
        medians: dict[str, list[float]] = {name: [] for name in ways}
        names = list(ways)
        for round_number in range(args.rounds):
            turn = round_number % len(names)
            for name in names[turn:] + names[:turn]:
                medians[name].append(statistics.median(ways[name](path, args.requests)))
        print(f"{args.rounds} rounds of {args.requests} GETs of {path} per way; the median of the rounds' medians:")
        reference = statistics.median(medians["Streamlit, kept alive"])
        for name, values in medians.items():
            middle = statistics.median(values)
            spread = f"{min(values) * 1000:.2f}-{max(values) * 1000:.2f}"
            print(f"  {name:34} {middle * 1000:7.2f} ms  (rounds {spread})  {middle / reference:5.2f} of kept alive")
    finally:
        for stop in reversed(stops):
            stop()


if __name__ == "__main__":
    sys.exit(main())
