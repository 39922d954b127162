"""The Draw page's one-click training: thirty clicks start one training, not thirty."""

import threading

from mnist_core.classroom.defaults import QUICK_EPOCHS, quick_settings
from mnist_core.serving.jobs import JobState, TrainingJob, TrainingOutcome
from mnist_core.serving.quick_training import SharedTraining


class FakeQueue:
    def __init__(self):
        self.jobs = []

    def submit(self, settings, owner=None, class_name="class"):
        job = TrainingJob(id=len(self.jobs) + 1, settings=settings, state=JobState.RUNNING)
        self.jobs.append(job)
        return job


def test_quick_settings_are_the_tutorials_for_a_few_epochs():
    settings = quick_settings(train_limit=500)
    assert (settings.dataset, settings.epochs, settings.batch_size, settings.hidden_units) == (
        "mnist",
        QUICK_EPOCHS,
        100,
        1000,
    )
    assert settings.train_limit == 500
    settings.validate()


def test_everyone_gets_the_same_job_while_it_runs():
    queue = FakeQueue()
    shared = SharedTraining(queue)
    assert shared.current() is None
    jobs = []
    threads = [threading.Thread(target=lambda: jobs.append(shared.start(quick_settings()))) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(queue.jobs) == 1
    assert all(job is queue.jobs[0] for job in jobs)
    assert shared.current() is queue.jobs[0]


def test_a_new_job_once_the_last_has_ended():
    queue = FakeQueue()
    shared = SharedTraining(queue)
    first = shared.start(quick_settings())
    first.finish(TrainingOutcome(JobState.FINISHED))
    second = shared.start(quick_settings())
    assert second is not first
    assert len(queue.jobs) == 2
