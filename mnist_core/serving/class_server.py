"""A server for a class: the training line, one Streamlit process per core, and the front door before them.

    python -m mnist_core serve [--processes N] [--server.address 0.0.0.0] [--server.port 8501] [streamlit options]

`bash scripts/start.sh` runs it. Why several processes: a Streamlit process runs its Python on one core at a time,
so when thirty students stroke in the same second, their strokes take turns on one core while the other idles
(bench/burst.py). With one process per core and the front door (front_door.py) seating each browser at one of
them, a burst is shared by all cores.

What the processes must share, they share outside their memory: runs and settings on disk, the class's drawings
in SQLite, and the training line, which this process holds and serves to them over a Unix socket with a random
key (line.py). Trainings run in worker processes started from here (worker.py), or, with MNIST_APP_CLUSTER, as
Ray tasks of the cluster's one line (cluster.py), which this process forwards the pages' calls to.

This module supervises; how one Streamlit process is started on a free loopback port and found healthy is
loopback.py's, shared with the harness that starts the app for tests and benchmarks.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field

from mnist_core import config
from mnist_core.runs.store import RunStore
from mnist_core.serving.front_door import run_front_door
from mnist_core.serving.line import PageLine, TrainingLine, serve_line
from mnist_core.serving.loopback import LOOPBACK, free_ports, health_ok, streamlit_command
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.tuning import quiet_tensorflow_env

START_TIMEOUT = 120  # seconds for a process to answer its health check (a busy machine, a cold disk)
WATCH_SECONDS = 2.0  # how often a process that ended is looked for (and started again)
# Streamlit's greeting names its own loopback port, which is not where the class connects: left out.
GREETING = ("You can now view your Streamlit app", "URL: http", "Uvicorn server started on")


@dataclass
class StreamlitProcess:
    """One `streamlit run app.py` on a loopback port, started again if it ends."""

    number: int
    port: int
    environment: dict[str, str]
    options: list[str]
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            streamlit_command(self.port, self.options),
            cwd=config.PROJECT_ROOT,
            env=self.environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        threading.Thread(target=self.pass_output_on, args=(self.process,), daemon=True).start()

    def pass_output_on(self, process: subprocess.Popen) -> None:
        """The process's output on this one's, each line marked with its number (warnings, tracebacks)."""
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() and not any(part in line for part in GREETING):
                print(f"[process {self.number}] {line}", end="", flush=True)

    def wait_until_healthy(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not health_ok(self.url):
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"Streamlit process {self.number} ended as it started (its output is above)")
            if time.monotonic() > deadline:
                raise TimeoutError(f"Streamlit process {self.number} did not start within {timeout} s")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def serve_class(host: str, port: int, processes: int, streamlit_options: list[str]) -> None:
    """Start the line and the processes, then serve the front door on host:port until stopped (Ctrl-C)."""
    # 1. The training line, served to the processes that know its key.
    key = secrets.token_bytes(16)
    line = make_line()
    line_address = serve_line(line, key)
    environment = quiet_tensorflow_env({**os.environ, "MNIST_APP_LINE": line_address, "MNIST_APP_LINE_KEY": key.hex()})
    # 2. The Streamlit processes, on loopback only: the class reaches them through the door.
    ports = free_ports(processes)
    streamlit = [StreamlitProcess(number, port, environment, streamlit_options) for number, port in enumerate(ports)]
    stopping = threading.Event()
    try:
        for process in streamlit:
            process.start()
        for process in streamlit:
            process.wait_until_healthy()
        threading.Thread(target=keep_running, args=(streamlit, stopping), name="keep-running", daemon=True).start()
        print(greeting(host, port, processes), flush=True)
        # 3. The front door, until Ctrl-C or SIGTERM.
        run_front_door([process.url for process in streamlit], host, port)
    finally:
        stopping.set()
        with RESTARTS:
            for process in streamlit:
                process.stop()


def make_line() -> PageLine:
    """This server's own line, or, when a cluster is named, the cluster's (cluster.py: Ray is imported only then)."""
    address = config.cluster_address()
    if address is None:
        return TrainingLine(TrainingQueue(RunStore(config.runs_dir()), config.max_concurrent_trainings()))
    from mnist_core.serving.cluster import connect_cluster

    print(f"Trainings run on the Ray cluster at {address}, class {config.class_name()!r}", flush=True)
    return connect_cluster(address)


RESTARTS = threading.Lock()  # a process is never started again while the server stops them all


def greeting(host: str, port: int, processes: int) -> str:
    """Where the class opens the app, in both languages, with this computer's network address when it has one."""
    everywhere = host in ("0.0.0.0", "::", "")
    address = network_address() if everywhere else host
    count = f"{processes} Streamlit process" + ("es" if processes > 1 else "")
    lines = [f"수업 서버가 준비되었습니다 / The class server is ready ({count})"]
    lines.append(f"  이 컴퓨터 / this computer:   http://{'localhost' if everywhere else host}:{port}")
    if everywhere and address:
        lines.append(f"  학생들 / students:           http://{address}:{port}")
    return "\n".join(lines)


def network_address() -> str | None:
    """This computer's address on its network (the one its default route leaves from), or None offline."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))  # a UDP "connect" sends nothing; it only picks the route
            return probe.getsockname()[0]
        except OSError:
            return None


def keep_running(streamlit: list[StreamlitProcess], stopping: threading.Event) -> None:
    """Start again any process that ended (a crash, the OOM killer): its students reconnect to a fresh page."""
    while not stopping.wait(WATCH_SECONDS):
        with RESTARTS:
            if stopping.is_set():
                return
            for process in streamlit:
                if process.process is None or process.process.poll() is None:
                    continue
                code = process.process.returncode
                print(f"Streamlit process {process.number} ended (code {code}); starting it again", flush=True)
                process.start()
