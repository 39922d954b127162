"""The class server as start.sh runs it: two Streamlit processes behind the front door, one training line.

A Streamlit process that dies (a crash, the OOM killer) is started again and its students get a page again; the
door's plain message covers the seconds in between. Stopping the server stops every process it started.
"""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request

import pytest
from streamlit.proto.ClientState_pb2 import ClientState

from harness.processes import process_tree
from harness.server import AppServer, start_class_server
from harness.streamlit_ws import StreamlitSession, run_apart
from mnist_core import config
from mnist_core.serving.class_server import greeting
from mnist_core.serving.front_door import COOKIE

RESTART_TIMEOUT = 120  # seconds for a killed process to serve again (Streamlit's start on a busy machine)


def streamlit_pids(server: AppServer) -> list[int]:
    """The server's Streamlit processes (its direct children running `streamlit run`)."""
    pids = []
    for pid in process_tree(server.pid)[1:]:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as command:
                if b"streamlit\x00run" in command.read():
                    pids.append(pid)
        except OSError:
            continue
    return sorted(pids)


def get_as(server: AppServer, process: int, path: str) -> tuple[int, str]:
    """A request from a browser seated at `process` (its cookie), as (status, text)."""
    request = urllib.request.Request(f"{server.url}{path}", headers={"Cookie": f"{COOKIE}={process}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
    except OSError as error:
        return 0, str(error)


@pytest.fixture
def class_server(tmp_path):
    server = start_class_server({"MNIST_APP_RUNS_DIR": str(tmp_path / "runs")}, tmp_path / "server.log", processes=2)
    yield server
    server.stop()


@pytest.mark.slow
def test_a_killed_process_is_started_again_and_the_others_students_never_notice(class_server):
    first, second = streamlit_pids(class_server)
    assert get_as(class_server, 1, "/_stcore/health") == (200, "ok")

    async def a_page_on_the_other_process() -> None:
        session = await StreamlitSession.open(class_server.url, cookie=f"{COOKIE}=0")
        try:
            os.kill(second, signal.SIGKILL)
            output = await session.rerun(ClientState(), timeout=60)  # the home page, from the process still running
            assert output.finished and not output.problems
        finally:
            await session.close()

    run_apart(a_page_on_the_other_process())
    deadline = time.monotonic() + RESTART_TIMEOUT
    while get_as(class_server, 1, "/_stcore/health") != (200, "ok"):
        status, text = get_as(class_server, 1, "/_stcore/health")
        assert status in (502, 200), text  # meanwhile the door's plain message, never a traceback
        assert time.monotonic() < deadline, class_server.log_tail()
        time.sleep(0.5)
    assert first in streamlit_pids(class_server) and second not in streamlit_pids(class_server)
    assert "Streamlit process 1 ended" in class_server.log_text()
    assert class_server.tracebacks() == 0, class_server.log_tail()


@pytest.mark.slow
def test_stopping_the_server_stops_every_process_it_started(class_server):
    children = streamlit_pids(class_server)
    assert len(children) == 2
    os.kill(class_server.pid, signal.SIGTERM)  # as Ctrl-C or a service manager would, to the server alone
    class_server.process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(os.path.exists(f"/proc/{pid}") and not zombie(pid) for pid in children):
        assert time.monotonic() < deadline, "a Streamlit process outlived the server"
        time.sleep(0.2)


def zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.slow
def test_streamlits_agent_api_is_off_behind_the_door(class_server):
    # Streamlit 1.67 can serve a page's contents and widgets as JSON over HTTP (server.enableAgentApi): that would
    # pass by the checks on what a browser's websocket sends. .streamlit/config.toml keeps it off.
    request = urllib.request.Request(
        f"{class_server.url}/_stcore/agent/interact",
        data=b"{}",
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    assert status >= 400, (status, text[:300])
    assert json.loads(text)["error"]["code"] == "not_available", text[:300]


def test_one_process_per_core_up_to_four_unless_the_teacher_says(monkeypatch):
    monkeypatch.delenv("MNIST_APP_PROCESSES", raising=False)
    for cores, processes in ((1, 1), (2, 2), (8, 4), (None, 1)):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert config.server_processes() == processes
    monkeypatch.setenv("MNIST_APP_PROCESSES", "6")
    assert config.server_processes() == 6


def test_the_greeting_says_where_students_open_the_app_in_both_languages(monkeypatch):
    monkeypatch.setattr("mnist_core.serving.class_server.network_address", lambda: "192.168.0.7")
    everywhere = greeting("0.0.0.0", 8501, 2)
    assert "http://192.168.0.7:8501" in everywhere and "학생들" in everywhere and "students" in everywhere
    assert "2 Streamlit processes" in everywhere
    alone = greeting("127.0.0.1", 8600, 1)
    assert "http://127.0.0.1:8600" in alone and "1 Streamlit process)" in alone and "192.168" not in alone
