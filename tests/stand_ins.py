"""Trainings replaced by stand-ins, for tests of what the line and the pages do around a training."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import mnist_core.worker


def use_stand_in_training(monkeypatch: pytest.MonkeyPatch, stand_in: Callable) -> None:
    """Trainings call `stand_in(settings, listener=, stop=, store=)` instead of train(), in the server's process
    (a worker process would not see the replacement)."""
    monkeypatch.setenv("MNIST_APP_TRAINING_IN", "thread")
    monkeypatch.setattr(mnist_core.worker, "train", stand_in)
