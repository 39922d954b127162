"""One quick digits training that everybody on the server shares.

When no digits model exists yet, every student on the Draw page is offered a one-click training. Thirty
clicks must not queue thirty trainings: the first click starts one, every later click (from anyone)
gets the same job to watch, until it has ended.
"""

from __future__ import annotations

import threading

from mnist_core.classroom.students import TEACHER
from mnist_core.serving.jobs import DEFAULT_CLASS, TrainingJob
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings


class SharedTraining:
    """Starts a training at most once at a time, however many people ask for it."""

    def __init__(self, queue: TrainingQueue, class_name: str = DEFAULT_CLASS) -> None:
        self.queue = queue
        self.class_name = class_name  # one quick training per class on a line several classes share
        self._job: TrainingJob | None = None
        self._lock = threading.Lock()

    def start(self, settings: TrainingSettings) -> TrainingJob:
        """The job under way if there is one, else a new one with these settings."""
        with self._lock:
            if self._job is None or not self._job.snapshot().active:
                # The class's first model, for everybody: in nobody's name, and not held to the caps.
                self._job = self.queue.submit(settings, owner=TEACHER, class_name=self.class_name)
            return self._job

    def current(self) -> TrainingJob | None:
        """The job started last (active or ended), or None."""
        return self._job
