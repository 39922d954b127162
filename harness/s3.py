"""An S3 stand-in for tests and for the school on one machine: moto's server on a loopback port, with one bucket.

Runs shared through S3 (MNIST_APP_RUNS_URL=s3://bucket/prefix, mnist_core/runs/remote.py) are tested against it
rather than a real bucket: moto answers the same HTTP API, keeps everything in memory and accepts any credentials.
It comes from requirements-cluster.txt (moto[server]), not the app's own requirements.

In Python (tests): `with s3_server(bucket="runs") as s3:` gives the endpoint and the environment a client needs;
`s3.stop()` stops it early (the store unreachable). From a shell (scripts/school.sh):

    python -m harness.s3 up --port 9300 --bucket runs [--pid-file FILE]   # prints the endpoint, returns at once
    python -m harness.s3 down --port 9300 [--pid-file FILE]               # stops it

`up` leaves the server running in its own session (so the shell that started it may end) and writes its pid to the
pid file; `down` stops that process. Only loopback addresses are ever used.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from harness.server import free_port

HOST = "127.0.0.1"
START_TIMEOUT = 30  # seconds until moto answers (it imports much of botocore at start)
# moto checks no signature: any key works. Fixed, so a test's environment is reproducible.
TEST_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
REGION = "us-east-1"


@dataclass
class S3Server:
    """A moto server started by `start_s3`."""

    process: subprocess.Popen
    port: int
    bucket: str
    log_path: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        """The standard AWS variables a client (s3fs, the AWS command line) needs to reach this server."""
        return {
            **TEST_CREDENTIALS,
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_DEFAULT_REGION": REGION,
            **self.extra_env,
        }

    def url(self, prefix: str = "runs") -> str:
        """An fsspec URL inside the bucket, for MNIST_APP_RUNS_URL."""
        return f"s3://{self.bucket}/{prefix}".rstrip("/")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL); nothing it held is kept."""

        def ended(grace: float) -> bool:
            try:
                self.process.wait(timeout=grace)  # reaps it: a zombie child would still answer signal 0
            except subprocess.TimeoutExpired:
                return False
            return True

        _stop_group(self.process.pid, ended)


def start_s3(port: int | None = None, bucket: str = "runs", log_path: Path | None = None) -> S3Server:
    """Start moto's server on `port` (a free one when None), wait until it answers, create `bucket`."""
    port = port or free_port()
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 (the child keeps it)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: stopping it stops all of it, and a shell may end meanwhile
        )
    finally:
        if log_path:
            log.close()
    server = S3Server(process, port, bucket, log_path)
    try:
        _wait_until_answering(server)
        _create_bucket(server.endpoint, bucket)
    except BaseException:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def s3_server(bucket: str = "runs") -> Iterator[S3Server]:
    """A moto server for the length of a `with` block (tests)."""
    server = start_s3(bucket=bucket)
    try:
        yield server
    finally:
        server.stop()


def _wait_until_answering(server: S3Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"moto's server ended at start (exit code {server.process.returncode}); is moto[server] "
                "installed (requirements-cluster.txt)?"
            )
        try:
            with urllib.request.urlopen(f"{server.endpoint}/moto-api/", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise TimeoutError(f"moto's server did not answer on {server.endpoint} within {START_TIMEOUT} s")


def _create_bucket(endpoint: str, bucket: str) -> None:
    """PUT /bucket, path style: moto checks no signature, so plain HTTP does (no boto3 needed here)."""
    request = urllib.request.Request(f"{endpoint}/{bucket}", method="PUT")
    with urllib.request.urlopen(request, timeout=10):
        pass


def _stop_group(pid: int, ended: Callable[[float], bool] | None = None) -> None:
    """SIGTERM the server's process group, then SIGKILL it after a grace period. `ended(grace)` waits for the
    leader when it is our child; otherwise (`down`, from another process) the group is polled."""
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        if (ended or (lambda seconds: _group_gone(pid, seconds)))(grace):
            return


def _group_gone(pid: int, grace: float) -> bool:
    """Whether the process group ended within `grace` seconds."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def default_pid_file(port: int) -> Path:
    return Path(tempfile.gettempdir()) / f"mnist-s3-{port}.pid"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness.s3", description="An S3 stand-in (moto) on loopback.")
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="start it in the background, create the bucket, print the endpoint")
    up.add_argument("--port", type=int, required=True)
    up.add_argument("--bucket", default="runs")
    up.add_argument("--pid-file", type=Path)
    up.add_argument("--log", type=Path, help="moto's output (default: discarded)")
    down = commands.add_parser("down", help="stop the server `up` started")
    down.add_argument("--port", type=int, required=True)
    down.add_argument("--pid-file", type=Path)
    options = parser.parse_args(argv)
    pid_file = options.pid_file or default_pid_file(options.port)
    if options.command == "up":
        server = start_s3(options.port, options.bucket, options.log)
        pid_file.write_text(f"{server.process.pid}\n")
        print(server.endpoint)
        return 0
    try:
        pid = int(pid_file.read_text().strip())
    except (OSError, ValueError):
        print(f"no S3 stand-in recorded in {pid_file}", file=sys.stderr)
        return 1
    _stop_group(pid)
    pid_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
