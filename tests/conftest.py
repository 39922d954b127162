"""Shared fixtures: a quick model trained on a small slice of the real MNIST data, and an empty runs folder."""

from __future__ import annotations

# The imports below come after TensorFlow is made quiet, on purpose:
# ruff: noqa: E402
from mnist_core.tuning import quiet_tensorflow

quiet_tensorflow()  # before anything imports TensorFlow

import os

# Maps of what a run learned hold 300 test images in tests (config.map_images): about 2 s to make, not 10; the
# servers the browser tests start inherit it.
os.environ.setdefault("MNIST_APP_MAP_IMAGES", "300")

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from stand_ins import StandInTraining, use_stand_in_training

from mnist_core.runs.store import RunStore
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingResult, TrainingSettings

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


@pytest.fixture
def held(monkeypatch) -> Iterator[StandInTraining]:
    """Trainings replaced by a stand-in that holds in its first epoch until `held.release` is set."""
    training = StandInTraining(release_at_once=False)
    use_stand_in_training(monkeypatch, training)
    yield training
    training.release.set()


@pytest.fixture
def empty_runs(tmp_path, monkeypatch):
    """The app's runs folder for this test: empty, and nobody else's."""
    root = tmp_path / "runs"
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(root))
    return root


@pytest.fixture(scope="session")
def trained_root(tmp_path_factory):
    """One tiny digits model and one tiny fashion model, shared by the slow page tests."""
    import time

    root = tmp_path_factory.mktemp("trained-runs")
    store = RunStore(root)
    for dataset in ("fashion_mnist", "mnist"):  # the digits run is the newest
        store.save(train(TrainingSettings(dataset=dataset, epochs=1, train_limit=2000, seed=0)))
        time.sleep(1.1)  # run ids and "created" have whole seconds
    return root


@pytest.fixture
def trained_runs(trained_root, monkeypatch):
    """The app serves the two tiny runs (tests that add runs remove them again)."""
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(trained_root))
    return trained_root


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright: one for the whole test session (Playwright's sync API allows one)."""
    from playwright.sync_api import sync_playwright

    from harness.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def files_made_on_click(monkeypatch) -> dict:
    """File name -> the function Streamlit calls to make that download when its button is clicked."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}
    register = MediaFileManager.add_deferred

    def remember(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", remember)
    return made


@pytest.fixture
def missing_dataset(monkeypatch) -> Iterator[None]:
    """Every data set is missing, as on a server where fetch-data never ran (the server's cache forgets it after)."""
    import ui
    from mnist_core.data import datasets

    def missing(name):
        raise datasets.DatasetNotFoundError("Could not find the MNIST data set.\nRun python -m mnist_core fetch-data")

    monkeypatch.setattr(datasets, "load", missing)
    ui.shared._dataset.clear()
    yield
    ui.shared._dataset.clear()
