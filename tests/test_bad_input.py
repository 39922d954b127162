"""Every odd input gets a clear answer, nothing saved is lost, and other users are not affected.

Complements the core tests (test_preprocess, test_cli, test_runs, test_datasets, test_jobs) at the levels they
do not reach: the Predictor, the training settings API, and the pages (run headless with AppTest): a damaged data
folder, a damaged model, drawings at the edges, and crafted canvas messages. Trainings in trouble (a failing
save, many users at once): test_training_trouble.py.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from stand_ins import stand_in_result
from streamlit.testing.v1 import AppTest

from harness.apptest import (
    APP,
    DRAW,
    MISTAKES,
    TIMEOUT,
    TRAIN,
    canvas_value_of,
    container,
    draw,
    open_app,
    send_canvas,
    texts,
)
from mnist_core import cli, i18n, limits
from mnist_core.data import datasets, idx
from mnist_core.data.pen_digits import render_strokes
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunStore
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training import fit as training
from mnist_core.training.settings import TrainingSettings

ROOT = Path(__file__).resolve().parent.parent

# Strokes on a 280x280 canvas.
DIAMOND_TOUCHING_EVERY_EDGE = [[(3.0, 140.0), (140.0, 3.0), (277.0, 140.0), (140.0, 277.0), (3.0, 140.0)]]
ONE_AGAINST_THE_LEFT_EDGE = [[(8.0, 20.0), (8.0, 260.0)]]
SEVEN = [[(80.0, 70.0), (200.0, 70.0), (130.0, 220.0)]]


def say(key: str, **values: object) -> str:
    """The English text the pages show for a catalog key."""
    return i18n.t(key, "en", **values)


def opaque_black() -> np.ndarray:
    canvas = np.zeros((280, 280, 4), np.uint8)
    canvas[..., 3] = 255
    return canvas


# ---------------------------------------------------------------- drawings the Predictor is given


@pytest.mark.parametrize(
    ("canvas", "status"),
    [
        (opaque_black(), "blank"),
        (np.zeros((280, 280, 4), np.uint8), "blank"),  # the widget's transparent default
        (render_strokes([[(140.0, 140.0)]]), "too_small"),  # a single dot
        (render_strokes([[(275.0, 5.0)]]), "too_small"),  # a single dot in a corner
        (np.full((280, 280, 4), 255, np.uint8), "too_full"),  # filled entirely with ink
    ],
    ids=["blank", "transparent", "dot", "dot-in-corner", "all-ink"],
)
def test_the_predictor_never_guesses_at_a_drawing_it_cannot_read(quick_result, canvas, status):
    reading = Predictor(quick_result.model).read_canvas(canvas)
    assert reading.prepared.status == status
    assert reading.probabilities is None and reading.predicted_label is None and reading.confidence is None


@pytest.mark.parametrize("strokes", [DIAMOND_TOUCHING_EVERY_EDGE, ONE_AGAINST_THE_LEFT_EDGE], ids=["diamond", "one"])
def test_strokes_touching_the_edges_are_read(quick_result, strokes):
    reading = Predictor(quick_result.model).read_canvas(render_strokes(strokes))
    assert reading.prepared.ok
    assert reading.probabilities.shape == (10,) and abs(float(reading.probabilities.sum()) - 1) < 1e-4
    assert 0 <= reading.predicted_label <= 9


# ---------------------------------------------------------------- training settings: the Python API


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"epochs": 0}, "Epochs must be between 1 and 1000, not 0"),
        ({"epochs": -1}, "Epochs must be between 1 and 1000, not -1"),
        ({"epochs": 1001}, "Epochs must be between 1 and 1000, not 1001"),
        ({"epochs": "abc"}, "Epochs must be a whole number, not 'abc'"),
        ({"epochs": 2.5}, "Epochs must be a whole number, not 2.5"),
        ({"epochs": True}, "Epochs must be a whole number, not True"),
        ({"batch_size": 0}, "Batch size must be between 1 and 60000, not 0"),
        ({"batch_size": "100"}, "Batch size must be a whole number, not '100'"),
        ({"hidden_units": 0}, "Hidden units must be between 1 and 10000, not 0"),
        ({"dataset": "cifar10"}, "Unknown data set 'cifar10': choose mnist or fashion_mnist"),
        ({"model_kind": "rnn"}, "Unknown model 'rnn': choose mlp or cnn"),
    ],
)
def test_bad_settings_are_refused_with_a_message_before_anything_starts(store, monkeypatch, settings, message):
    def must_not_load(name):
        raise AssertionError("the data set was loaded for settings that cannot work")

    monkeypatch.setattr(datasets, "load", must_not_load)
    bad = TrainingSettings(**settings)
    with pytest.raises(ValueError, match=re.escape(message)):
        bad.validate()
    with pytest.raises(ValueError, match=re.escape(message)):
        training.train(bad)
    queue = TrainingQueue(store)
    with pytest.raises(ValueError, match=re.escape(message)):
        queue.submit(bad)
    assert queue.running_count == 0 and queue.get(1) is None


def test_1000_epochs_is_the_largest_accepted_everywhere_but_the_page():
    assert limits.EPOCHS.high == 1000
    TrainingSettings(epochs=1000).validate()  # no error
    args = cli.build_parser().parse_args(["train", "--epochs", "1000"])
    assert args.epochs == 1000


def test_the_train_page_bounds_its_numbers(empty_runs):
    at = open_app(TRAIN)
    epochs, batch = at.number_input(key="train-epochs"), at.number_input(key="train-batch")
    assert (epochs.min, epochs.max) == (1, 200)
    assert batch.min == 1 and batch.max == limits.BATCH_SIZE.high


# ---------------------------------------------------------------- a data folder with garbage in it


def write_idx_files(folder: Path, damage: str) -> None:
    """The four MNIST file names, holding random bytes or truncated IDX data."""
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (50, 28, 28), dtype=np.uint8),
        "y_train": rng.integers(0, 10, 50, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (20, 28, 28), dtype=np.uint8),
        "y_test": rng.integers(0, 10, 20, dtype=np.uint8),
    }
    for key, name in datasets.IDX_FILES.items():
        data = idx.encode_idx(arrays[key])
        content = rng.bytes(len(data)) if damage == "garbage" else data[: len(data) // 2]
        (folder / name).write_bytes(content)


@pytest.fixture
def fresh_data_cache(monkeypatch):
    """Data sets are loaded once per process: start this test from nothing, and leave nothing behind."""
    import ui

    monkeypatch.setattr(datasets, "_cache", {})
    ui.shared._dataset.clear()
    yield
    ui.shared._dataset.clear()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
@pytest.mark.parametrize("page", [None, TRAIN, MISTAKES], ids=["home", "train", "mistakes"])
def test_a_data_folder_with_damaged_files_is_a_message_on_every_page(
    tmp_path, empty_runs, fresh_data_cache, monkeypatch, damage, page
):
    write_idx_files(tmp_path / "data", damage)
    monkeypatch.setenv("MNIST_APP_DATA_DIR", str(tmp_path / "data"))
    RunStore(empty_runs).save(stand_in_result(TrainingSettings(epochs=1)))  # Mistakes needs a run to go on
    at = open_app(page)
    shown = texts(at.error)
    assert say("common.data_missing", dataset="Digits (MNIST)") in shown
    assert "damaged" in shown and str(tmp_path / "data") in shown and "fetch-data" in shown
    assert "Traceback" not in shown
    assert not at.image  # the page stopped at the message


# ---------------------------------------------------------------- a damaged model file


def damage_model_file(path: Path, damage: str) -> None:
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "corrupt":
        path.write_bytes(path.read_bytes()[:3000] + b"\x00" * 3000)
    else:  # a zip file, but no Keras model inside
        path.unlink()
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a model")


@pytest.fixture
def healthy_and_broken(quick_result, empty_runs, request):
    """Two digits runs: a healthy one, and one whose model file is damaged (the newest, so pages pick it)."""
    store = RunStore(empty_runs)
    healthy = store.save(quick_result)
    time.sleep(1.05)  # run ids and "created" have whole seconds: the broken one is the newest
    broken = store.save(quick_result)
    damage_model_file(empty_runs / broken.id / "model.keras", request.param)
    return healthy, broken


DAMAGES = ["empty", "corrupt", "not-keras-zip"]


def open_on_run(page: str, run_key: str, run_id: str) -> tuple[AppTest, str]:
    """The page with this run chosen, no exception on it; and the text of its error boxes."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[run_key] = run_id
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at, texts(at.error)


@pytest.mark.parametrize("healthy_and_broken", DAMAGES, indirect=True)
def test_draw_with_a_damaged_model_says_so_and_the_other_run_still_reads(healthy_and_broken):
    healthy, broken = healthy_and_broken
    at, shown = open_on_run(DRAW, "draw-run", broken.id)
    assert say("draw.model_unreadable") in shown and say("errors.model_unreadable") in shown
    assert broken.id in shown and "Traceback" not in shown
    assert not at.metric

    at.selectbox(key="draw-run").set_value(healthy.id).run()
    draw(at, render_strokes(SEVEN))
    assert not at.error
    (metric,) = container(at, "prediction").metric
    assert re.fullmatch(r"\d", metric.value)


@pytest.mark.parametrize("healthy_and_broken", DAMAGES, indirect=True)
def test_mistakes_with_a_damaged_model_says_so_and_the_other_run_still_shows(healthy_and_broken):
    healthy, broken = healthy_and_broken
    at, shown = open_on_run(MISTAKES, "mistakes-run", broken.id)
    assert say("mistakes.cannot_read") in shown and broken.id in shown and "Traceback" not in shown

    at.selectbox(key="mistakes-run").set_value(healthy.id).run()
    assert not at.exception and not at.error
    assert re.search(r"of 10,000 test images wrong", texts(at.subheader))


# ---------------------------------------------------------------- drawings on the Draw page


@pytest.fixture
def one_digits_run(quick_result, empty_runs):
    return RunStore(empty_runs).save(quick_result)


def test_draw_page_answers_a_blank_canvas_and_strokes_on_the_edges(one_digits_run):
    at = open_app(DRAW)
    draw(at, opaque_black())  # e.g. every stroke undone: the canvas sends an empty drawing
    assert say("draw.blank") in texts(at.info)
    assert container(at, "prediction") is None and not at.warning

    draw(at, render_strokes(DIAMOND_TOUCHING_EVERY_EDGE))
    (metric,) = container(at, "prediction").metric
    assert re.fullmatch(r"\d", metric.value) and not at.warning and not at.error


def crafted_pictures() -> dict[str, bytes]:
    """What a script, not a canvas, might send as the drawing."""

    def png(image: Image.Image) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    drawing = png(Image.fromarray(render_strokes(SEVEN)))
    return {
        "huge": png(Image.new("L", (5000, 5000))),
        "truncated": drawing[: len(drawing) // 2],
        "garbage": b"no picture at all" * 100,
        "jpeg": drawing.replace(b"PNG", b"JPG", 1),
        "sixteen-bit": png(Image.new("I;16", (280, 280))),
    }


@pytest.mark.parametrize("kind", list(crafted_pictures()))
def test_a_crafted_canvas_message_gets_a_friendly_word_and_the_next_drawing_reads(one_digits_run, kind):
    at = open_app(DRAW)
    send_canvas(at, canvas_value_of(crafted_pictures()[kind]))
    assert say("draw.unreadable") in texts(at.warning) and not at.error and not at.exception
    assert container(at, "prediction") is None
    draw(at, render_strokes(SEVEN))  # Clear, draw again: read as ever
    assert container(at, "prediction") is not None and say("draw.unreadable") not in texts(at.warning)


def test_a_canvas_message_that_is_not_even_a_data_url_gets_the_same_friendly_word(one_digits_run):
    at = open_app(DRAW)
    value = canvas_value_of(b"")
    value["drawing"]["data"] = "javascript:alert(1)"
    send_canvas(at, value)
    assert say("draw.unreadable") in texts(at.warning) and not at.exception
