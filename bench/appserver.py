"""The app as a real server, for benchmarks and tests: start, wait, kill, and measure `streamlit run app.py`.

The server listens on a free loopback port only, runs in its own process group (so stopping it stops everything
it started) and writes its output to a log file. Memory and settings of a server are read from /proc (Linux),
so a server started elsewhere can be measured too.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEALTH_TIMEOUT = 90  # seconds until /_stcore/health says ok (a busy machine, a cold disk)
# Settings the app reads from the environment; a started server gets only the ones passed to it.
APP_SETTINGS = ("MNIST_APP_RUNS_DIR", "MNIST_APP_TRAIN_LIMIT", "MNIST_APP_MAX_TRAININGS")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The page has drawn and no script run is going on.
IDLE_APP = "[data-testid=stApp][data-test-script-state=notRunning]"
# The app's stable hooks that the browser tests and benchmarks look for.
PROGRESS_BAR = "[data-testid=stProgress] [role=progressbar]"
PAGE_PROBLEMS = "[data-testid=stException], [data-testid=stAlertContentError]"  # a traceback or an error
PREDICTION = ".st-key-prediction [data-testid=stMetricValue]"  # the Draw page's answer
PAGE_LANDMARKS = {  # something each page draws, to know it is there (by page slug; "" is the home page)
    "": ".st-key-new-samples",
    "train": ".st-key-train-start",
    "draw": ".st-key-draw-canvas",
    "mistakes": ".st-key-gallery",
}


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
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(settings: dict[str, str]) -> dict[str, str]:
    """This process's environment without the app's own settings, plus `settings`; TensorFlow kept quiet."""
    env = {name: value for name, value in os.environ.items() if name not in APP_SETTINGS}
    return {**env, "TF_CPP_MIN_LOG_LEVEL": "2", **settings}


def server_command(port: int, options: dict[str, str] | None = None) -> list[str]:
    """`streamlit run app.py` on 127.0.0.1:<port>, headless, plus more `streamlit run` settings."""
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    for name, value in (options or {}).items():
        command += [f"--{name}", value]
    return command


def start_app_server(
    settings: dict[str, str], log_path: Path, port: int | None = None, options: dict[str, str] | None = None
) -> AppServer:
    """Start the app on 127.0.0.1 with these MNIST_APP_* settings and wait until it answers its health check.

    `options` are more `streamlit run` settings, e.g. {"runner.postScriptGC": "false"}.
    """
    port = port or free_port()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            server_command(port, options),
            cwd=PROJECT_ROOT,
            env=server_environment(settings),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops all it started
        )
    server = AppServer(process, port, log_path)
    try:
        wait_for_health(server)
    except BaseException:
        server.stop()
        raise
    return server


def wait_for_health(server: AppServer, timeout: float = HEALTH_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.process.returncode}:\n{server.log_tail()}")
        if health_ok(server.url):
            return
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer /_stcore/health within {timeout} s:\n{server.log_tail()}")


def health_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


# Measuring a server process from outside (Linux /proc)


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants that are alive now."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                # The name in parentheses may hold spaces: the parent pid is the 2nd field after its ")".
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024  # the kernel reports kB
    except OSError:
        pass
    return 0


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and its descendants (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        return sum(rss_bytes(member) for member in process_tree(pid))
    try:
        root = psutil.Process(pid)
        members = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its descendants, reaped ones included."""
    ticks = 0
    for member in process_tree(pid):
        try:
            with open(f"/proc/{member}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def listening_pid(port: int) -> int | None:
    """The process listening on this TCP port, found through its socket in /proc (None when not visible)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(f"socket:[{inode}]")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            for descriptor in os.scandir(f"/proc/{entry.name}/fd"):
                if os.readlink(descriptor.path) in inodes:
                    return int(entry.name)
        except OSError:
            continue
    return None


def process_environment(pid: int) -> dict[str, str]:
    """The environment a process was started with (empty when it cannot be read)."""
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    pairs = (item.decode(errors="replace").split("=", 1) for item in raw.split(b"\0") if b"=" in item)
    return dict(pairs)


def process_cwd(pid: int) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None
