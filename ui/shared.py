"""The objects one server shares between all its sessions: runs, the training line, loaded models, data sets.

Each lives in st.cache_resource, so every session of this Streamlit process uses the same run store, the same
loaded models and the same training line (which is what caps trainings at a few at a time; under the class server
every process reaches the one line it holds, see mnist_core/serving/line.py). Each is keyed by the runs folder,
so tests with different folders never see each other's objects. Shared objects must be thread-safe and are never
changed by a page.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from mnist_core import config
from mnist_core.classroom.settings import ClassSettings, ClassSettingsStore
from mnist_core.data import datasets
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunStore
from mnist_core.serving.line import PageLine, TrainingLine, connect_line
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.evaluation import Evaluation, evaluate

MODELS_KEPT = 8  # loaded models / evaluations kept in memory, most recently used first


def run_store() -> RunStore:
    return _run_store(str(config.runs_dir()))


@st.cache_resource(show_spinner=False)
def _run_store(root: str) -> RunStore:
    return RunStore(Path(root))


def training_line() -> PageLine:
    """The server's line of trainings: this process's own, or the one a class server shares between its processes."""
    return _training_line(str(config.runs_dir()), config.line_address())


@st.cache_resource(show_spinner=False)
def _training_line(root: str, shared: tuple[str, bytes] | None) -> PageLine:
    if shared is not None:
        return connect_line(*shared)
    return TrainingLine(TrainingQueue(_run_store(root), config.max_concurrent_trainings()))


def class_settings_store() -> ClassSettingsStore:
    """Where this server keeps its class's settings: the class database's row when MNIST_APP_DATABASE_URL names one
    (several servers share it), else beside its runs."""
    return _class_settings_store(str(config.runs_dir()), config.shared_database_url(), config.class_name())


@st.cache_resource(show_spinner=False)
def _class_settings_store(root: str, database: str | None, class_name: str) -> ClassSettingsStore:
    # One store per process: its database is checked once, not at every read of the settings.
    return ClassSettingsStore(Path(root), database, class_name)


def class_settings() -> ClassSettings:
    """What the teacher set for the class (caps, the pinned model), read fresh: it may have just changed."""
    return class_settings_store().load()


def save_class_settings(settings: ClassSettings) -> None:
    class_settings_store().save(settings)


def predictor(run_id: str) -> Predictor:
    """The run's network, loaded once for everybody (raises RunError when it cannot be read)."""
    return _predictor(str(config.runs_dir()), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _predictor(root: str, run_id: str) -> Predictor:
    return Predictor(_run_store(root).load_network(run_id))


def evaluation(run_id: str) -> Evaluation:
    """The run's answers on its test set, computed once per run (raises RunError or DatasetError)."""
    return _evaluation(str(config.runs_dir()), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _evaluation(root: str, run_id: str) -> Evaluation:
    store = _run_store(root)
    record = store.get(run_id)
    data = datasets.load(record.dataset)
    return evaluate(_predictor(root, run_id).network, data.x_test, data.y_test)


def dataset(name: str) -> datasets.Dataset:
    """A data set, loaded once per server (raises DatasetError, with a message for a person)."""
    return _dataset(name)


@st.cache_resource(show_spinner=False)
def _dataset(name: str) -> datasets.Dataset:
    return datasets.load(name)
