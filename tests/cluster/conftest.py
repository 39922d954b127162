"""The cluster suite: run against a real Ray cluster, the school on one machine (scripts/school.sh) or one of your
own, inside a loopback-only network namespace:

    bash scripts/school.sh up && bash scripts/school.sh run .venv/bin/python -m pytest tests/cluster

Skipped unless MNIST_APP_CLUSTER names the cluster. The tests that kill the worker node call `scripts/school.sh
kill-node` and `start-node` (MNIST_SCHOOL_NODE_SCRIPT may name another script taking the same two words).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
