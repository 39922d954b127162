"""The app as a real server, for tests and benchmarks: start it, wait for it, stop or kill it.

Two kinds: one `streamlit run app.py` (start_app_server), or the class server that start.sh runs, several Streamlit
processes behind a front door (start_class_server, `python -m mnist_core serve`). Either listens on a free loopback
port only, runs in its own process group (so stopping it stops everything it started) and writes its output to a
log file. bench/startup.py times a start with these too (start_app_server's health_timeout and poll_seconds).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from mnist_core.serving.loopback import free_ports, health_ok, streamlit_command
from mnist_core.tuning import quiet_tensorflow_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEALTH_TIMEOUT = 90  # seconds until /_stcore/health says ok (a busy machine, a cold disk)
HEALTH_POLL_SECONDS = 0.2
# Settings the app reads from the environment; a started server gets only the ones passed to it.
APP_SETTINGS = (
    "MNIST_APP_RUNS_DIR",
    "MNIST_APP_TRAIN_LIMIT",
    "MNIST_APP_MAX_TRAININGS",
    "MNIST_APP_TEACHER_PASSWORD",
    "MNIST_APP_CLASS_DB",
    "MNIST_APP_TRAINING_IN",
)


@dataclass
class AppServer:
    """A `streamlit run app.py` process started by `start_app_server`."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.is_file() else ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])

    def tracebacks(self) -> int:
        """How many Python tracebacks the server printed (0 for a healthy server)."""
        return self.log_text().count("Traceback (most recent call last)")

    def kill(self) -> None:
        """kill -9 the whole process group at once, as a power cut or the OOM killer would."""
        signal_group(self.process, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        """SIGTERM the process group, then SIGKILL whatever is left after a grace period."""
        for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            if not signal_group(self.process, sig):
                return
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                continue
            signal_group(self.process, signal.SIGKILL)  # the leader is gone; its children may not be
            return


def signal_group(process: subprocess.Popen, sig: int) -> bool:
    """Send `sig` to the process group `process` leads; False when the group is gone."""
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return False
    return True


def free_port() -> int:
    """A loopback port nobody listens on."""
    return free_ports(1)[0]


def server_environment(settings: dict[str, str]) -> dict[str, str]:
    """This process's environment without the app's own settings, plus `settings`; TensorFlow kept quiet."""
    env = {name: value for name, value in os.environ.items() if name not in APP_SETTINGS}
    return quiet_tensorflow_env({**env, **settings})


def server_command(port: int, options: dict[str, str] | None = None) -> list[str]:
    """`streamlit run app.py` on 127.0.0.1:<port>, headless, plus more `streamlit run` settings."""
    return streamlit_command(
        port, flags({"browser.gatherUsageStats": "false", "server.fileWatcherType": "none", **(options or {})})
    )


def class_server_command(port: int, processes: int, options: dict[str, str] | None = None) -> list[str]:
    """`python -m mnist_core serve` with `processes` Streamlit processes, its front door on 127.0.0.1:<port>."""
    return [
        sys.executable, "-m", "mnist_core", "serve",
        "--processes", str(processes),
        *flags({"server.address": "127.0.0.1", "server.port": str(port), "server.fileWatcherType": "none"}),
        *flags(options or {}),
    ]  # fmt: skip


def flags(options: dict[str, str]) -> list[str]:
    """{"server.port": "8600"} -> ["--server.port", "8600"]: settings as `streamlit run` takes them."""
    return [part for name, value in options.items() for part in (f"--{name}", value)]


def start_app_server(
    settings: dict[str, str],
    log_path: Path,
    port: int | None = None,
    options: dict[str, str] | None = None,
    *,
    health_timeout: float = HEALTH_TIMEOUT,
    poll_seconds: float = HEALTH_POLL_SECONDS,
) -> AppServer:
    """Start the app on 127.0.0.1 with these MNIST_APP_* settings and wait until it answers its health check.

    `options` are more `streamlit run` settings, e.g. {"runner.postScriptGC": "false"}. `health_timeout` and
    `poll_seconds`: how long to wait for the health check and how often to ask (often, when the wait is timed).
    """
    port = port or free_port()
    command = server_command(port, options)
    return start_server(command, settings, log_path, port, health_timeout=health_timeout, poll_seconds=poll_seconds)


def start_class_server(
    settings: dict[str, str], log_path: Path, processes: int, options: dict[str, str] | None = None
) -> AppServer:
    """Start the class server (start.sh's way: `processes` Streamlit processes behind the front door), as above."""
    port = free_port()
    return start_server(class_server_command(port, processes, options), settings, log_path, port)


def start_server(
    command: list[str],
    settings: dict[str, str],
    log_path: Path,
    port: int,
    *,
    health_timeout: float = HEALTH_TIMEOUT,
    poll_seconds: float = HEALTH_POLL_SECONDS,
) -> AppServer:
    """Run `command` in its own process group, its output appended to `log_path`; return once it is healthy."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=server_environment(settings),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops all it started
        )
    server = AppServer(process, port, log_path)
    try:
        wait_for_health(server, health_timeout, poll_seconds)
    except BaseException:
        server.stop()
        raise
    return server


def wait_for_health(
    server: AppServer, timeout: float = HEALTH_TIMEOUT, poll_seconds: float = HEALTH_POLL_SECONDS
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.process.returncode}:\n{server.log_tail()}")
        if health_ok(server.url):
            return
        time.sleep(poll_seconds)
    raise TimeoutError(f"streamlit did not answer /_stcore/health within {timeout} s:\n{server.log_tail()}")
