"""Shared fixtures: a quick model trained on a small slice of the real MNIST data, and an empty runs folder."""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # before anything imports TensorFlow

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from mnist_core.runs import RunStore
from mnist_core.training import TrainingResult, TrainingSettings, train

if TYPE_CHECKING:
    from playwright.sync_api import Browser

QUICK_SETTINGS = TrainingSettings(dataset="mnist", epochs=2, batch_size=100, seed=1, train_limit=3000)


@pytest.fixture(scope="session")
def quick_result() -> TrainingResult:
    """Two epochs on the first 3,000 MNIST images: seconds to train, and already far better than chance."""
    return train(QUICK_SETTINGS)


@pytest.fixture
def store(tmp_path) -> RunStore:
    return RunStore(tmp_path / "runs")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright: one for the whole test session (Playwright's sync API allows one)."""
    from playwright.sync_api import sync_playwright

    from harness.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()
