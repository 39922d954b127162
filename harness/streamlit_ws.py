"""One light Streamlit session over a websocket, as the browser holds it, without a browser.

The protocol (Streamlit 1.67, checked on this project's machine; see the field notes): GET /_stcore/health sets the
XSRF cookie; the session is one websocket at /_stcore/stream whose Sec-WebSocket-Protocol header carries
"streamlit, <xsrf token>". The page sends protobuf `BackMsg`s; a `rerun_script` carries the page and every widget's
state. The server answers with `ForwardMsg`s, and a run is over at its `script_finished`.

What a run shows is decoded into a `RunOutput`: the Draw page's reading (the st.metric inside the container keyed
"prediction"), anything that went wrong on the page, its coloured boxes and short texts (titles, captions, progress
bars), the pictures' media URLs, the widgets' ids, the fragments the page asks to rerun on a timer, and the script
runs it took (a fragment's st.rerun() asks for a run of the whole page, which the same request waits for).
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

XSRF_COOKIE = "_streamlit_xsrf"
READING_KEY = "prediction"  # the Draw page's container around its answer
WIDGET_ID_PREFIX = "$$ID-"  # ids are "$$ID-<hash>-<key>", the same in every session of one server
# A run that ended early because another run follows (a callback's or the page's own st.rerun) is not the end.
FINAL_STATUSES = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
TEXT_CHARS = 80  # a text longer than this is kept shortened: enough to recognise it in a message


T = TypeVar("T")


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: in a test session, Playwright keeps an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def key_of(element_id: str) -> str | None:
    """The key a widget or container was given in the page's code ("train-start"), from its id."""
    if not element_id.startswith(WIDGET_ID_PREFIX):
        return None
    return element_id.split("-", 2)[2]


@dataclass
class RunOutput:
    """What one script run sent to the page, decoded from its ForwardMsgs in the order they came."""

    status: int | None = None  # the final script_finished status; None while the run goes on
    reading: str | None = None
    problems: list[str] = field(default_factory=list)  # page exceptions and error boxes
    successes: list[str] = field(default_factory=list)  # green boxes ("Finished ...")
    warnings: list[str] = field(default_factory=list)  # yellow boxes ("This drawing could not be read ...")
    infos: list[str] = field(default_factory=list)  # blue boxes ("Taken out of the line ...")
    texts: list[str] = field(default_factory=list)  # titles, captions and progress bars' texts, shortened
    runs: list[str] = field(default_factory=list)  # the script runs in order ("page", "fragment <id>") and their ends
    media_urls: list[str] = field(default_factory=list)
    widget_ids: dict[str, str] = field(default_factory=dict)  # key -> id
    disabled: set[str] = field(default_factory=set)  # keys of widgets drawn disabled
    auto_reruns: dict[str, float] = field(default_factory=dict)  # fragment id -> seconds between reruns
    stopped_auto_reruns: list[str] = field(default_factory=list)  # fragments no longer to rerun
    seconds: float = 0.0  # from sending the request to the end of the run
    _reading_blocks: list[list[int]] = field(default_factory=list, repr=False)  # where "prediction" containers are
    _run_id: str = field(default="", repr=False)  # the script run the last message came from

    @property
    def finished(self) -> bool:
        return self.status is not None

    @property
    def full_run(self) -> bool:
        """A run of the whole page, not of one fragment."""
        return self.status == ForwardMsg.FINISHED_SUCCESSFULLY

    def describe(self) -> str:
        """What this run showed, in one line for an error message."""
        shown = {
            "runs": self.runs,
            "fragments stopped": self.stopped_auto_reruns,
            "warnings": self.warnings,
            "info boxes": self.infos,
            "texts": self.texts,
        }
        scope = "the whole page" if self.full_run else "a fragment"
        return f"{scope}, status {self.status}, " + ", ".join(f"{name} {value}" for name, value in shown.items())

    def add(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        self._note_run(message)
        if kind == "script_finished":
            ending = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            self.runs[-1:] = [f"{self.runs[-1] if self.runs else 'a run'}: {ending}"]
        if kind == "delta":
            self._add_delta(message)
        elif kind == "auto_rerun":
            self.auto_reruns[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            self.stopped_auto_reruns += message.stop_auto_rerun.fragment_ids
        elif kind == "script_finished" and message.script_finished in FINAL_STATUSES:
            self.status = message.script_finished
            if self.status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self.problems.append("the page's script did not compile")
        elif kind == "session_event" and message.session_event.HasField("script_compilation_exception"):
            self.problems.append(f"compile error: {message.session_event.script_compilation_exception.message}")
        elif kind == "page_not_found":
            self.problems.append(f"page not found: {message.page_not_found.page_name}")

    def _note_run(self, message: ForwardMsg) -> None:
        """A message from a script run not seen yet starts a new entry in `runs`."""
        run = message.metadata.run
        if not run.script_run_id or run.script_run_id == self._run_id:
            return
        self._run_id = run.script_run_id
        self.runs.append(f"fragment {','.join(run.fragment_ids)}" if run.fragment_ids else "page")

    def _add_delta(self, message: ForwardMsg) -> None:
        path = list(message.metadata.delta_path)
        delta = message.delta
        if delta.WhichOneof("type") == "add_block":
            if key_of(delta.add_block.id) == READING_KEY:
                self._reading_blocks.append(path)
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "metric" and any(path[: len(block)] == block for block in self._reading_blocks):
            self.reading = element.metric.body
        elif kind == "exception":
            self.problems.append(f"page exception: {element.exception.type}: {element.exception.message}")
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            self.problems.append(f"error box: {element.alert.body}")
        elif kind == "alert" and element.alert.format == Alert.SUCCESS:
            self.successes.append(element.alert.body)
        elif kind == "alert" and element.alert.format == Alert.WARNING:
            self.warnings.append(element.alert.body)
        elif kind == "alert" and element.alert.format == Alert.INFO:
            self.infos.append(element.alert.body)
        elif kind == "heading":
            self.texts.append(shortened(element.heading.body))
        elif kind == "progress":
            self.texts.append(shortened(f"progress {element.progress.value}%: {element.progress.text}"))
        elif kind == "markdown" and element.markdown.element_type == element.markdown.CAPTION:
            self.texts.append(shortened(element.markdown.body))
        elif kind == "imgs":
            self.media_urls += [image.url for image in element.imgs.imgs]
        widget = getattr(element, kind) if kind else None
        key = key_of(getattr(widget, "id", ""))
        if key is not None:
            self.widget_ids[key] = widget.id
            if getattr(widget, "disabled", False):
                self.disabled.add(key)


def shortened(text: str) -> str:
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 3] + "..."


class CookieJar(dict[str, str]):
    """A browser's cookies for one site, name to value: enough to stay with one server behind a load balancer
    (HAProxy's cookie) and one process behind the class server's door, as a browser does."""

    def take(self, headers: list[tuple[str, str]]) -> None:
        """Keep every cookie a response sets."""
        for name, value in headers:
            if name.lower() == "set-cookie" and "=" in value:
                cookie, content = value.split(";", 1)[0].split("=", 1)
                self[cookie.strip()] = content.strip()

    def header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.items())


async def http_get(url: str, timeout: float = 30, cookie: str = "") -> tuple[int, list[tuple[str, str]]]:
    """GET a URL over plain HTTP/1.1 (loopback servers only); returns the status and the headers, body read.
    `cookie` is sent as the Cookie header when given."""
    parts = urllib.parse.urlsplit(url)
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port or 80)
        try:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            cookie_line = f"Cookie: {cookie}\r\n" if cookie else ""
            writer.write(
                f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\n{cookie_line}Connection: close\r\n\r\n".encode()
            )
            response = await reader.read()  # to the end: the server closes after answering
        finally:
            writer.close()
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = [tuple(part.strip() for part in line.split(":", 1)) for line in head[1:] if ":" in line]
    return status, headers


async def xsrf_token(base_url: str, jar: CookieJar | None = None) -> str:
    """A fresh XSRF token, as a browser gets it: the cookie that GET /_stcore/health sets. With a jar, the request
    carries its cookies and the jar keeps every cookie the answer sets (a load balancer's, the door's)."""
    status, headers = await http_get(f"{base_url}/_stcore/health", cookie=jar.header() if jar is not None else "")
    if jar is not None:
        jar.take(headers)
    for name, value in headers:
        if status == 200 and name.lower() == "set-cookie" and value.startswith(f"{XSRF_COOKIE}="):
            return value.split(";", 1)[0].split("=", 1)[1]
    raise ConnectionError(f"{base_url}/_stcore/health answered {status} without an XSRF cookie")


class StreamlitSession:
    """One Streamlit session (one browser tab) over its own websocket."""

    def __init__(self, base_url: str, websocket: ClientConnection, jar: CookieJar | None = None) -> None:
        self.base_url = base_url
        self.websocket = websocket
        self.jar = jar

    @classmethod
    async def open(
        cls, base_url: str, timeout: float = 60, cookie: str = "", jar: CookieJar | None = None
    ) -> StreamlitSession:
        """A new session; `cookie` ("name=value") is sent too (e.g. the class server's door cookie). With a jar, the
        session sends the jar's cookies, on the websocket and with every picture, as a browser does."""
        token = await xsrf_token(base_url, jar)
        cookies = jar.header() if jar is not None else "; ".join(filter(None, [f"{XSRF_COOKIE}={token}", cookie]))
        websocket = await connect(
            base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=[Subprotocol("streamlit"), Subprotocol(token)],
            additional_headers={"Origin": base_url, "Cookie": cookies},
            max_size=None,  # a page may send large elements (charts, tables)
            open_timeout=timeout,
        )
        return cls(base_url, websocket, jar)

    async def rerun(self, state: ClientState, timeout: float) -> RunOutput:
        """Ask for a run with these widget states and collect what it shows until it is over."""
        request = BackMsg()
        request.rerun_script.CopyFrom(state)
        output = RunOutput()
        started = time.perf_counter()
        await self.websocket.send(request.SerializeToString())
        try:
            async with asyncio.timeout(timeout):
                while not output.finished:
                    output.add(ForwardMsg.FromString(await self.websocket.recv()))
        except TimeoutError:
            raise TimeoutError(f"a run not over within {timeout} s") from None
        output.seconds = time.perf_counter() - started
        return output

    async def missing_media(self, urls: list[str]) -> list[str]:
        """Fetch every picture as a browser would; returns those that did not load, with their status.

        A picture inside the message (a data: URL) is there already; only server files are fetched.
        """
        urls = [url for url in urls if not url.startswith("data:")]
        cookie = self.jar.header() if self.jar is not None else ""
        statuses = await asyncio.gather(*(http_get(self.base_url + url, cookie=cookie) for url in urls))
        return [f"{url} answered {status}" for url, (status, _) in zip(urls, statuses, strict=True) if status != 200]

    async def close(self) -> None:
        await self.websocket.close()
