"""Helpers of the cluster suite: the worker node killed and started again, and waiting for a condition."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def school(command: str) -> None:
    """The worker node killed or started again, by the school's script (or MNIST_SCHOOL_NODE_SCRIPT)."""
    script = os.environ.get("MNIST_SCHOOL_NODE_SCRIPT", str(ROOT / "scripts" / "school.sh"))
    subprocess.run(["bash", script, command], check=True, cwd=ROOT, timeout=180)


def wait_until(condition: Callable[[], object], timeout: float = 240.0, every: float = 0.5) -> object:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(every)
