"""The line on a real Ray cluster of two nodes (the school on one machine: a head and a worker node, one CPU each),
reached as an app server reaches it (cluster.py's ClusterLine): trainings on both nodes, a node killed mid-training,
the teacher's stop, one job per student and the caps across two app-side processes, the actor restarted, and no
GPU asked of a cluster without one. Small trainings: 1,000-2,000 images."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from cluster_helpers import school, wait_until

from mnist_core import config
from mnist_core.classroom.students import Owner
from mnist_core.runs.store import RunStore
from mnist_core.serving.jobs import JobState
from mnist_core.training.settings import TrainingSettings

pytestmark = pytest.mark.cluster

SHORT = TrainingSettings(epochs=2, train_limit=1000, seed=0)
LONG = TrainingSettings(epochs=30, train_limit=2000, seed=0)


@pytest.fixture(scope="module")
def line(ray_client):
    from mnist_core.serving.cluster import ClusterLine

    return ClusterLine(config.class_name(), RunStore(config.runs_dir()))


@pytest.fixture(autouse=True)
def empty_line(line):
    """Each test starts and ends with nothing of this class training (a test's leftovers stopped)."""
    yield
    for snapshot in line.line():
        line.stop(snapshot.id, by_teacher=True)
    wait_until(lambda: not line.line(), timeout=180)


def head_node() -> str:
    import ray

    alive = [node for node in ray.nodes() if node["Alive"]]
    return next(node["NodeID"] for node in alive if "node:__internal_head__" in node["Resources"])


def finished(line, job_id: int):
    return wait_until(lambda: (lambda s: s if not s.active else None)(line.snapshot(job_id)), timeout=300)


def test_trainings_run_on_both_nodes_and_no_gpu_is_asked(line):
    import ray

    assert ray.cluster_resources().get("GPU", 0) == 0
    jobs = [line.submit(SHORT, Owner(f"both-{n}")) for n in range(2)]
    snapshots = [finished(line, job) for job in jobs]
    assert [snapshot.state for snapshot in snapshots] == [JobState.FINISHED] * 2
    assert all(snapshot.run_id and snapshot.history["loss"] for snapshot in snapshots)
    status = line.status()
    assert len({status["where"][job][-1] for job in jobs}) == 2  # one on each node
    assert [status["gpus"][job] for job in jobs] == [0, 0]


def test_a_node_killed_mid_training_requeues_its_job_which_finishes_on_the_other(line):
    jobs = [line.submit(TrainingSettings(epochs=4, train_limit=2000, seed=0), Owner(f"kill-{n}")) for n in range(2)]
    wait_until(lambda: all(line.snapshot(job).batch > 0 for job in jobs))
    head = head_node()
    on_worker = next(job for job in jobs if line.status()["where"][job][-1] != head)
    school("kill-node")
    try:
        seen = wait_until(lambda: (lambda s: s if s.state == JobState.REQUEUED else None)(line.snapshot(on_worker)))
        assert seen.attempt == 2 and seen.batch == 0
        snapshot = finished(line, on_worker)
        assert (snapshot.state, snapshot.attempt) == (JobState.FINISHED, 2)
        assert line.status()["where"][on_worker][-1] == head
        assert RunStore(config.runs_dir()).get(snapshot.run_id).status == "finished"
        wait_until(lambda: line.status()["max_running"] == 1, timeout=30)  # the places follow the CPUs
    finally:
        school("start-node")
    wait_until(lambda: line.status()["max_running"] == 2, timeout=60)


def test_the_teachers_stop_saves_a_cluster_job_as_stopped(line):
    job = line.submit(LONG, Owner("stopped-by-teacher"))
    wait_until(lambda: line.snapshot(job).batch > 0)
    line.stop(job, by_teacher=True)
    snapshot = finished(line, job)
    assert (snapshot.state, snapshot.stopped_by_teacher) == (JobState.STOPPED, True)
    assert snapshot.epoch < LONG.epochs
    assert RunStore(config.runs_dir()).get(snapshot.run_id).status == "stopped"


SUBMIT = textwrap.dedent(
    """
    import json, sys, ray
    from mnist_core import config
    from mnist_core.classroom.caps import Caps
    from mnist_core.classroom.students import Owner
    from mnist_core.errors import Refusal
    from mnist_core.runs.store import RunStore
    from mnist_core.serving.cluster import connect_cluster
    from mnist_core.training.settings import TrainingSettings

    line = connect_cluster(config.cluster_address())
    epochs = int(sys.argv[1])
    try:
        settings = TrainingSettings(epochs=epochs, train_limit=2000)
        answer = ["ok", line.submit(settings, Owner("Same Student"), Caps(epochs=5))]
    except Refusal as refusal:
        answer = ["refused", refusal.key]
    print(json.dumps(answer))
    """
)


def submit_from_another_process(epochs: int) -> subprocess.Popen:
    command = [sys.executable, "-c", SUBMIT, str(epochs)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=os.environ)


def test_one_job_per_student_and_the_caps_hold_across_two_app_processes(line):
    first, second = submit_from_another_process(5), submit_from_another_process(5)
    answers = [json.loads(process.communicate(timeout=120)[0].strip().splitlines()[-1]) for process in (first, second)]
    assert sorted(answer[0] for answer in answers) == ["ok", "refused"]
    assert next(answer for answer in answers if answer[0] == "refused")[1] == "line.one_each"
    job = next(answer[1] for answer in answers if answer[0] == "ok")
    assert line.active_job_id(Owner("same student")) == job
    line.stop(job)
    finished(line, job)
    over = submit_from_another_process(10)
    assert json.loads(over.communicate(timeout=120)[0].strip().splitlines()[-1]) == ["refused", "caps.epochs"]


APP_SERVER = textwrap.dedent(
    """
    import sys, time
    from mnist_core import config
    from mnist_core.classroom.students import Owner
    from mnist_core.serving.cluster import connect_cluster
    from mnist_core.training.settings import TrainingSettings

    line = connect_cluster(config.cluster_address())
    print(line.submit(TrainingSettings(epochs=3, train_limit=2000, seed=0), Owner("Left Behind")), flush=True)
    time.sleep(600)
    """
)


def test_an_app_server_that_dies_leaves_its_students_trainings_running(line):
    server = subprocess.Popen([sys.executable, "-c", APP_SERVER], stdout=subprocess.PIPE, text=True, env=os.environ)
    job = int(server.stdout.readline())
    wait_until(lambda: line.snapshot(job).batch > 0)
    server.kill()  # the app process that submitted it, gone without a word
    server.wait()
    snapshot = finished(line, job)
    assert (snapshot.state, snapshot.epoch) == (JobState.FINISHED, 3)


def test_a_restarted_line_takes_up_the_waiting_jobs_and_marks_the_running_ones_interrupted(line):
    import ray

    from mnist_core.database.line_records import LineRecords
    from mnist_core.serving.cluster_line import ACTOR_NAME

    running = [line.submit(LONG, Owner(f"restart-{n}")) for n in range(2)]
    waiting = line.submit(SHORT, Owner("restart-waiting"))
    wait_until(lambda: all(line.snapshot(job).state == JobState.RUNNING for job in running))
    assert line.snapshot(waiting).state == JobState.QUEUED
    ray.kill(ray.get_actor(ACTOR_NAME), no_restart=False)  # its process dies; Ray starts it again
    records = LineRecords(config.database_url())
    # ray.kill returns at once: the old actor may answer a moment longer, then the new one answers.
    wait_until(lambda: line.snapshot(running[0]).state == JobState.INTERRUPTED, timeout=60)
    assert [line.snapshot(job).state for job in running] == [JobState.INTERRUPTED] * 2
    assert [records.get(job).state for job in running] == ["interrupted"] * 2
    snapshot = finished(line, waiting)
    assert snapshot.state == JobState.FINISHED
    assert records.get(waiting).state == "finished"
