"""The server's line of trainings is fair: one job per student from any tab, a length cap, the teacher's caps
when joining, stops by the teacher that say so, and a wait estimated from the line's real pace."""

from __future__ import annotations

import inspect
import time
from dataclasses import replace

import pytest
from stand_ins import wait_until

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import TEACHER, Owner
from mnist_core.errors import Refusal
from mnist_core.serving.jobs import JobState
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings


def test_a_student_has_one_job_at_a_time_from_any_tab_or_device(store, held):
    queue = TrainingQueue(store, max_running=1)
    first = queue.submit(TrainingSettings(epochs=1), Owner("Min-jun"))
    with pytest.raises(Refusal) as refused:
        queue.submit(TrainingSettings(epochs=1), Owner(" min-jun "))  # another device, same student
    assert refused.value.key == "line.one_each"
    assert queue.active_job_of(Owner("MIN-JUN")) is first
    other = queue.submit(TrainingSettings(epochs=1), Owner("Ji-woo"))  # another student waits in line
    assert other.snapshot().state == JobState.QUEUED
    held.release.set()
    assert queue.wait_all(timeout=30)
    assert queue.submit(TrainingSettings(epochs=1), Owner("Min-jun"))  # the first ended: a new one is fine


def test_the_line_has_a_length_cap(store, held):
    queue = TrainingQueue(store, max_running=1, line_length=2)
    for number in range(3):  # one runs, two wait
        queue.submit(TrainingSettings(epochs=1), Owner(f"student {number}"))
    with pytest.raises(Refusal, match="2 trainings wait") as refused:
        queue.submit(TrainingSettings(epochs=1), Owner("one too many"))
    assert refused.value.key == "line.full"


def test_caps_bind_students_when_they_join_not_the_teacher_and_not_jobs_in_line(store, held):
    queue = TrainingQueue(store, max_running=1)
    with pytest.raises(Refusal, match="at most 3 epochs per training in this class; you asked for 10"):
        queue.submit(TrainingSettings(epochs=10), Owner("Min-jun"), caps=Caps(epochs=3))
    teachers = queue.submit(TrainingSettings(epochs=10), TEACHER, caps=Caps(epochs=3))
    waiting = queue.submit(TrainingSettings(epochs=3), Owner("Min-jun"), caps=Caps(epochs=3))
    # The teacher lowers the cap to 1 epoch while the job waits: new requests meet the new cap, the job keeps its 3.
    with pytest.raises(Refusal, match="at most 1 epoch per training"):
        queue.submit(TrainingSettings(epochs=3), Owner("Ji-woo"), caps=Caps(epochs=1))
    assert waiting.snapshot().state == JobState.QUEUED and waiting.settings.epochs == 3
    held.release.set()
    assert queue.wait_all(timeout=30)
    assert teachers.snapshot().state == waiting.snapshot().state == JobState.FINISHED


def test_the_teacher_stops_a_running_job_and_takes_a_waiting_one_out(store, held):
    queue = TrainingQueue(store, max_running=1)
    running = queue.submit(TrainingSettings(epochs=1), Owner("Min-jun"))
    waiting = queue.submit(TrainingSettings(epochs=1), Owner("Ji-woo"))
    wait_until(lambda: running.snapshot().batch > 0)
    assert [snapshot.owner.name for snapshot in queue.line()] == ["Min-jun", "Ji-woo"]
    queue.stop(waiting.id, by_teacher=True)
    queue.stop(running.id, by_teacher=True)
    assert queue.wait_all(timeout=30)
    stopped, cancelled = running.snapshot(), waiting.snapshot()
    assert stopped.state == JobState.STOPPED and stopped.stopped_by_teacher
    assert store.get(stopped.run_id).status == "stopped" and store.get(stopped.run_id).owner == "Min-jun"
    assert cancelled.state == JobState.CANCELLED and cancelled.stopped_by_teacher
    assert queue.line() == []


def test_the_wait_is_estimated_from_the_line_s_real_pace(store, held):
    queue = TrainingQueue(store, max_running=1)
    first = queue.submit(TrainingSettings(epochs=1, train_limit=6000), Owner("a"))
    wait_until(lambda: first.snapshot().batch > 0)
    time.sleep(0.3)
    held.release.set()
    assert queue.wait_all(timeout=30)
    assert queue._speed != pytest.approx(1.0)  # the speed against the reference machine, learned from the first
    measured = queue.estimate_epoch_seconds(TrainingSettings(epochs=4, train_limit=6000))

    held.release.clear()
    running = queue.submit(TrainingSettings(epochs=1, train_limit=6000), Owner("b"))
    second = queue.submit(TrainingSettings(epochs=4, train_limit=6000), Owner("c"))
    third = queue.submit(TrainingSettings(epochs=1, train_limit=6000), Owner("d"))
    wait_until(lambda: running.snapshot().batch > 0)
    waits = [queue.snapshot(job.id).wait_seconds for job in (second, third)]
    assert queue.snapshot(second.id).queue_position == 1 and 0 <= waits[0] < waits[1]
    # The third waits for the second's 4 epochs of 6,000 images at the measured pace, its start-up and first epoch's
    # tracing.
    start = queue._setup_seconds + queue._first_epoch_extra
    assert waits[1] - waits[0] == pytest.approx(4 * measured + start, rel=0.01)
    held.release.set()
    assert queue.wait_all(timeout=30)


def test_an_epoch_of_any_network_is_estimated_from_the_line_s_measured_speed(store):
    from mnist_core.model.layers import PRESETS
    from mnist_core.serving.jobs import TrainingJob, TrainingOutcome
    from mnist_core.serving.line import TrainingLine
    from mnist_core.training.epoch_cost import epoch_cost_seconds

    queue = TrainingQueue(store)
    tutorial = TrainingSettings(layers=PRESETS["tutorial"], epochs=3)
    networks = {name: TrainingSettings(layers=PRESETS[name]) for name in PRESETS}
    estimates = {name: queue.estimate_epoch_seconds(settings) for name, settings in networks.items()}
    # Before any training: the reference machine's costs, in the order their work says.
    assert estimates["cnn"] > estimates["wide"] > estimates["tutorial"] > estimates["deep_sigmoid"] > 0
    assert estimates["deep_sigmoid"] == estimates["deep_relu"]  # an activation costs what another does
    assert queue.estimate_epoch_seconds(replace(networks["wide"], train_limit=1000)) < estimates["tutorial"]
    assert queue.estimate_epoch_seconds(TrainingSettings()) == pytest.approx(estimates["tutorial"])  # the named mlp

    # A finished training of 3 epochs: 3.0 s (with the graph's tracing), then 1.0 and 1.2 s.
    job = TrainingJob(id=1, settings=tutorial)
    job.on_start(tutorial, 10, {})
    for epoch, seconds in enumerate([3.0, 1.0, 1.2], start=1):
        job.on_batch(epoch, 10, 0.5, 0.8)
        job.on_epoch(epoch, {"loss": 0.5}, seconds)
    job.finish(TrainingOutcome(JobState.FINISHED))
    queue._learn_pace(job.snapshot(), began=time.monotonic() - 20)

    speed = 0.5 * 1.0 + 0.5 * 1.1 / epoch_cost_seconds(tutorial)  # halfway from the first guess to what it measured
    for settings in networks.values():  # one speed for every network: a network nobody trained is estimated too
        assert queue.estimate_epoch_seconds(settings) == pytest.approx(speed * epoch_cost_seconds(settings))
    assert queue._first_epoch_extra == pytest.approx(0.5 * 1.0 + 0.5 * 1.9)
    assert TrainingLine(queue).estimate_epoch_seconds(tutorial) == queue.estimate_epoch_seconds(tutorial)


def test_a_stopped_training_s_cut_short_epoch_teaches_nothing(store):
    from mnist_core.serving.jobs import TrainingJob, TrainingOutcome

    queue = TrainingQueue(store)
    settings = TrainingSettings(epochs=5)
    job = TrainingJob(id=1, settings=settings)
    job.on_start(settings, 10, {})
    job.on_batch(1, 3, 0.5, 0.8)
    job.on_epoch(1, {"loss": 0.5}, 0.2)  # Keras ends the epoch it was stopped in
    job.finish(TrainingOutcome(JobState.STOPPED))
    queue._learn_pace(job.snapshot(), began=time.monotonic())
    assert queue._speed == 1.0


def test_both_lines_have_every_page_method_with_its_parameters():
    pytest.importorskip("ray")  # only for an install without requirements-cluster.txt; setup.sh test installs it
    from mnist_core.serving.cluster import ClusterLine
    from mnist_core.serving.line import PageLine, TrainingLine

    methods = [name for name in vars(PageLine) if not name.startswith("_")]
    assert "submit" in methods and "estimate_epoch_seconds" in methods
    for line in (TrainingLine, ClusterLine):
        for name in methods:
            wanted = inspect.signature(getattr(PageLine, name))
            assert inspect.signature(getattr(line, name)).parameters.keys() == wanted.parameters.keys(), (line, name)
