"""A class server's line when its trainings run on a Ray cluster (MNIST_APP_CLUSTER, `serve --cluster`).

The class server connects to Ray once (`ray.init`) and finds, or makes, the cluster's one line: the detached actor
of cluster_line.py, shared by every app server of every class. It serves its Streamlit processes a ClusterLine,
which has TrainingLine's page methods and forwards them to the actor with this server's class name: the pages do not
know the difference. The maps of older runs stay made here, as on one server (maps.py).

Why the app server holds no training: a task dies with the process that submitted it, so the actor submits them,
and an app server that crashes takes none of its students' trainings along; its students reconnect to another app
server, which reaches the same actor.

Only this module and cluster_line.py, cluster_task.py import Ray, and only when a cluster is named: the app's own
install has no Ray (requirements-cluster.txt has it).
"""

from __future__ import annotations

import os
import time
from typing import Any

import ray
from ray.exceptions import ActorUnavailableError, RayActorError

from mnist_core import config
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.runs.store import RunStore
from mnist_core.serving.cluster_line import ACTOR_NAME, MAX_CONCURRENCY, NAMESPACE, ClassroomLine, task_environment
from mnist_core.serving.jobs import JobSnapshot
from mnist_core.serving.maps import MapMaker, MapStatus
from mnist_core.training.settings import TrainingSettings

ACTOR_RETURN_SECONDS = 60.0  # how long a call waits for an actor that is restarting (its __init__ reads the records)
HEAD_RESOURCE = "node:__internal_head__"  # only the head has it: the line lives where the cluster does


def connect_cluster(address: str) -> ClusterLine:
    """Connect this process to the cluster (once) and return the line of this server's class."""
    if not ray.is_initialized():
        ray.init(address=address, namespace=NAMESPACE, log_to_driver=False, configure_logging=False)
    return ClusterLine(config.class_name(), RunStore(config.runs_dir()))


def line_actor() -> Any:
    """The cluster's line: the running actor, or a new one (get_if_exists: two app servers starting together get the
    same one). Detached, so it outlives the app server that made it; restarted by Ray if its process dies (the new
    one takes up the recorded line); pinned to the head, which a lab PC switched off cannot take along."""
    environment = task_environment(os.environ)
    return (
        ray.remote(ClassroomLine)
        .options(
            name=ACTOR_NAME,
            namespace=NAMESPACE,
            lifetime="detached",
            get_if_exists=True,
            num_cpus=0,
            resources={HEAD_RESOURCE: 0.001},
            max_concurrency=MAX_CONCURRENCY,
            max_restarts=-1,
            runtime_env={"env_vars": environment},
        )
        .remote(config.training_cpus(), environment)
    )


class ClusterLine:
    """TrainingLine's page methods, forwarded to the cluster's line with this server's class name."""

    def __init__(self, class_name: str, store: RunStore) -> None:
        self.class_name = class_name
        self.maps = MapMaker(store)
        self.actor = line_actor()

    def submit(self, settings: TrainingSettings, owner: Owner, caps: Caps | None = None) -> int:
        return _raised(self._call("submit", self.class_name, settings, owner, caps))

    def stop(self, job_id: int, by_teacher: bool = False) -> None:
        self._call("stop", job_id, by_teacher)

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        return self._call("snapshot", job_id)

    def active_job_id(self, owner: Owner) -> int | None:
        return self._call("active_job_id", self.class_name, owner)

    def line(self) -> list[JobSnapshot]:
        return self._call("line", self.class_name)

    def estimate_epoch_seconds(self, settings: TrainingSettings) -> float:
        return self._call("estimate_epoch_seconds", settings)

    def request_map(self, run_id: str) -> MapStatus:
        return self.maps.request(run_id)

    def map_state(self, run_id: str) -> MapStatus:
        return self.maps.status(run_id)

    def start_quick(self, settings: TrainingSettings) -> int:
        return _raised(self._call("start_quick", self.class_name, settings))

    def quick_snapshot(self) -> JobSnapshot | None:
        return self._call("quick_snapshot", self.class_name)

    def status(self) -> dict[str, Any]:
        return self._call("status")

    def _call(self, method: str, *arguments: Any) -> Any:
        """One call to the actor; while Ray restarts it, the call waits for it (up to ACTOR_RETURN_SECONDS)."""
        deadline = time.monotonic() + ACTOR_RETURN_SECONDS
        while True:
            try:
                return ray.get(getattr(self.actor, method).remote(*arguments))
            except (ActorUnavailableError, RayActorError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
                self.actor = line_actor()  # the same actor restarted, or a new one if it was killed for good


def _raised(answer: Any) -> Any:
    """The actor returns a refusal instead of raising it (Ray would wrap it); raised here as the pages expect."""
    if isinstance(answer, Exception):
        raise answer
    return answer
