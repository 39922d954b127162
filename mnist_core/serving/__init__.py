"""Serving a class: the training line, the jobs in it, the worker process that trains, and the class server (one
Streamlit process per core behind a front door).

    jobs.py            TrainingJob, JobSnapshot, JobState, TrainingOutcome: a training's progress and end
    training_queue.py  TrainingQueue: the line, one job per student, the caps, the wait estimates
    line.py            TrainingLine, PageLine: the line as the pages see it, shared by the class server's processes
    quick_training.py  one quick training everybody shares
    worker.py          run_job(): a training in a worker process of its own, at a low priority
    maps.py            the map of what a run learned, made by its training worker or, for an older run, on request
    cluster.py         the line on a Ray cluster as a class server sees it (imported only with MNIST_APP_CLUSTER)
    cluster_line.py    the cluster's line: one detached actor for every class, trainings as Ray tasks, requeued
    cluster_task.py    one training as a Ray task, reporting to that actor
    class_server.py    `python -m mnist_core serve` (imported directly: it brings the front door's aiohttp)
    front_door.py      the front door that keeps each browser with its Streamlit process
    loopback.py        free loopback ports, a health check, the `streamlit run` command line (shared with harness/)
"""

from __future__ import annotations

from mnist_core.serving.jobs import JobSnapshot, JobState, TrainingJob, TrainingOutcome
from mnist_core.serving.line import PageLine, TrainingLine, connect_line
from mnist_core.serving.training_queue import TrainingQueue

__all__ = [
    "JobSnapshot",
    "JobState",
    "PageLine",
    "TrainingJob",
    "TrainingLine",
    "TrainingOutcome",
    "TrainingQueue",
    "connect_line",
]
