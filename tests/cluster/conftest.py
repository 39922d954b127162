"""The cluster suite: run against a real Ray cluster, the school on one machine (scripts/school.sh) or one of your
own, inside a loopback-only network namespace:

    bash scripts/school.sh up && bash scripts/school.sh run .venv/bin/python -m pytest tests/cluster

Skipped unless MNIST_APP_CLUSTER names the cluster. The tests that kill the worker node call `scripts/school.sh
kill-node` and `start-node` (MNIST_SCHOOL_NODE_SCRIPT may name another script taking the same two words).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLUSTER = os.environ.get("MNIST_APP_CLUSTER", "")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.cluster)
            if not CLUSTER:
                reason = "needs a Ray cluster: MNIST_APP_CLUSTER (scripts/school.sh up)"
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def ray_client() -> Iterator[None]:
    """This test process connected to the cluster, in the line's namespace."""
    import ray

    from mnist_core.serving.cluster_line import NAMESPACE

    ray.init(address=CLUSTER, namespace=NAMESPACE, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


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
