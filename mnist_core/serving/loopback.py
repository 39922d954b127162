"""Streamlit on a loopback port of this computer: the command that starts it, free ports for it, and its health check.

The class server starts its Streamlit processes with these (class_server.py), and so do the tests and benchmarks
that start the app themselves (harness/server.py): both run the same command and wait for the same answer.
"""

from __future__ import annotations

import socket
import sys
import urllib.request

LOOPBACK = "127.0.0.1"


def streamlit_command(port: int, options: list[str]) -> list[str]:
    """`streamlit run app.py`, headless, on a loopback port, with more `streamlit run` options."""
    return [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.address", LOOPBACK,
        "--server.port", str(port),
        "--server.headless", "true",
        *options,
    ]  # fmt: skip


def health_ok(url: str) -> bool:
    """Whether the Streamlit server (or the class server's door) at `url` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


def free_ports(count: int) -> list[int]:
    """`count` different loopback ports that nobody listens on (the system's choice)."""
    # All bound at once before any is let go, so the system cannot hand out one port twice.
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind((LOOPBACK, 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()
