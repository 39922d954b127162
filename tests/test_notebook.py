"""A run as a notebook: what its cells say and build, and (slow) that it really runs in a Jupyter kernel.

The slow tests execute exported notebooks headless with nbclient and ipykernel, a real kernel training for
real on a few thousand images, and compare the test accuracy the notebook prints with the run's own.
"""

import ast
import json
import os
import re
import time
from dataclasses import asdict, replace
from pathlib import Path

import nbformat
import numpy as np
import pytest
from traitlets.config import Config

from mnist_core import cli
from mnist_core.data import datasets
from mnist_core.model.keras_model import (
    MODEL_KINDS,
    MOMENTUM,
    OPTIMIZERS,
    build_model,
    build_spec_model,
    layer_table,
)
from mnist_core.model.layers import parse_layers
from mnist_core.runs.store import RunRecord, RunStatus
from mnist_core.text.notebook import TRAIN_IMAGES_SETTING, build_notebook, notebook_bytes
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile("[\uac00-\ud7a3]")
TEST_ACCURACY = re.compile(r"^Test accuracy: ([0-9.]+)$", re.MULTILINE)
# The notebook feeds Keras its own way (no tf.data pipeline, no stroke-width augmentation): close, not equal.
ACCURACY_TOLERANCE = 0.08


def record_for(settings: TrainingSettings, accuracy: float = 0.9812, epochs_done: int | None = None) -> RunRecord:
    """A run record as the app writes it, for tests that only read the notebook's text."""
    epochs = settings.epochs if epochs_done is None else epochs_done
    return RunRecord(
        id=f"20261201-101500-{settings.dataset}-1a2b3c",
        dataset=settings.dataset,
        settings=settings.to_dict(),
        history={name: [0.5] * epochs for name in ("loss", "accuracy", "val_loss", "val_accuracy")},
        fit_seconds=25.8,
        test_loss=0.0741,
        test_accuracy=accuracy,
        status=RunStatus.FINISHED,
        created="2026-12-01T10:15:00+00:00",
    )


def code_cells(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_first_cell_names_the_run_and_the_accuracy_it_reached(language):
    record = record_for(TrainingSettings(dataset="fashion_mnist", epochs=10))
    first = build_notebook(record, language).cells[0]
    assert first.cell_type == "markdown"
    assert record.id in first.source and "0.9812" in first.source
    assert bool(HANGUL.search(first.source)) == (language == "ko")


def test_the_first_code_cell_holds_the_runs_settings():
    settings = TrainingSettings(epochs=7, batch_size=250, seed=5, train_limit=3000, optimizer="sgd", learning_rate=0.05)
    first_code = code_cells(build_notebook(record_for(settings), "en"))[0]
    assert "EPOCHS = 7\n" in first_code and "BATCH_SIZE = 250\n" in first_code
    assert "LEARNING_RATE = 0.05\n" in first_code and "SEED = 5  #" in first_code
    assert f"{TRAIN_IMAGES_SETTING} = 3000  #" in first_code and "DATA_DIR = None  #" in first_code


def test_a_run_saved_before_optimizers_existed_gets_the_tutorials_adam():
    record = record_for(TrainingSettings())
    saved_then = {name: value for name, value in record.settings.items() if name not in ("optimizer", "learning_rate")}
    older = replace(record, settings=saved_then)
    cells = code_cells(build_notebook(older, "en"))
    assert "LEARNING_RATE = 0.001\n" in cells[0]
    assert any("keras.optimizers.Adam(learning_rate=LEARNING_RATE)" in cell for cell in cells)
    assert "TRAIN_IMAGES = 60000" in cells[0] and "SEED = None" in cells[0]


def test_a_stopped_run_trains_for_the_epochs_it_did():
    record = record_for(TrainingSettings(epochs=10), epochs_done=4)
    notebook = build_notebook(record, "en")
    assert "EPOCHS = 4\n" in code_cells(notebook)[0]
    assert "stopped after 4 of its 10 epochs" in notebook.cells[0].source


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("dataset", datasets.DATASET_NAMES)
@pytest.mark.parametrize("model_kind", MODEL_KINDS)
@pytest.mark.parametrize("augment", [False, True])
def test_every_code_cell_is_python_and_every_text_is_in_the_language(language, dataset, model_kind, augment):
    record = record_for(TrainingSettings(dataset=dataset, model_kind=model_kind, augment=augment))
    notebook = nbformat.reads(notebook_bytes(record, language).decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for source in code_cells(notebook):
        ast.parse(source)
        assert "mnist_core" not in source
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            assert bool(HANGUL.search(cell.source)) == (language == "ko"), cell.source
    if dataset == "fashion_mnist":
        assert "Ankle boot" in "".join(code_cells(notebook))  # class names under the mistakes


def notebook_model(record: RunRecord):
    """The model the notebook builds and compiles: its model and compile cells, run here."""
    import keras

    cells = code_cells(build_notebook(record, "en"))
    model_cell = next(cell for cell in cells if "keras.Sequential" in cell)
    compile_cell = next(cell for cell in cells if "model.compile" in cell)
    namespace = {"keras": keras, "SEED": 1, "LEARNING_RATE": record.settings["learning_rate"]}
    exec(model_cell.replace("model.summary()", ""), namespace)
    exec(compile_cell, namespace)
    return namespace["model"]


AUGMENTING_LAYERS = {"RandomRotation", "RandomZoom", "RandomTranslation"}


@pytest.mark.parametrize("model_kind", MODEL_KINDS)
@pytest.mark.parametrize("augment", [False, True])
def test_the_notebook_builds_the_network_the_app_trains(model_kind, augment):
    settings = TrainingSettings(model_kind=model_kind, augment=augment, hidden_units=300)
    ours = notebook_model(record_for(settings))
    apps = build_model(model_kind, hidden_units=300)

    def layers(model) -> list[tuple[str, str, int]]:
        rows = [(row.kind, row.output_shape, row.parameters) for row in layer_table(model)]
        return [row for row in rows if row[0] not in AUGMENTING_LAYERS]

    expected = layers(apps)
    if model_kind == "mlp" and augment:  # the augmenting layers turn images with a channel
        expected.insert(0, ("Reshape", "(batch, 28, 28, 1)", 0))
    assert layers(ours) == expected
    assert {row.kind for row in layer_table(ours)} >= (AUGMENTING_LAYERS if augment else set())


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_the_notebook_compiles_with_the_runs_optimizer_and_learning_rate(optimizer):
    model = notebook_model(record_for(TrainingSettings(optimizer=optimizer, learning_rate=0.025)))
    expected = {"adam": ("Adam", 0.0), "sgd": ("SGD", 0.0), "momentum": ("SGD", MOMENTUM)}[optimizer]
    assert type(model.optimizer).__name__ == expected[0]
    assert float(model.optimizer.learning_rate) == pytest.approx(0.025)
    assert getattr(model.optimizer, "momentum", 0.0) == pytest.approx(expected[1])
    assert model.loss == "sparse_categorical_crossentropy"


def test_the_command_line_writes_a_korean_notebook(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(store.root))
    record = record_for(TrainingSettings())
    folder = store.root / record.id
    folder.mkdir(parents=True)
    (folder / "run.json").write_text(json.dumps(asdict(record)), encoding="utf-8")
    out = tmp_path / "lesson.ipynb"
    assert cli.main(["export-notebook", record.id, "--out", str(out), "--language", "ko"]) == 0
    notebook = nbformat.read(out, as_version=4)
    assert record.id in notebook.cells[0].source and HANGUL.search(notebook.cells[0].source)
    assert str(out) in capsys.readouterr().out


def test_the_command_line_names_a_missing_run(store, monkeypatch, capsys):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(store.root))
    assert cli.main(["export-notebook", "20261201-101500-mnist-000000"]) == 1
    assert "There is no run 20261201-101500-mnist-000000" in capsys.readouterr().err


# Executing exported notebooks


def execute(notebook, folder: Path, kernel_folder: Path) -> float:
    """Run every cell in a fresh kernel whose working folder is `folder`; returns the seconds it took."""
    from nbclient import NotebookClient

    # Unix sockets rather than TCP: no ports to race for, and no warning from the kernel that TCP is unencrypted.
    config = Config({"KernelManager": {"transport": "ipc", "ip": str(kernel_folder / "kernel")}})
    client = NotebookClient(
        notebook, kernel_name="python3", config=config, timeout=900, resources={"metadata": {"path": str(folder)}}
    )
    started = time.perf_counter()
    # Importing Streamlit (other tests do) sets MPLBACKEND=Agg, which would keep the kernel from showing charts.
    environment = {name: value for name, value in os.environ.items() if name != "MPLBACKEND"}
    # The kernel's own messages (TensorFlow's start-up lines) go to a log file, not into the test output.
    with open(kernel_folder / "kernel.log", "w", encoding="utf-8") as log:
        client.execute(env=environment, stderr=log)
    return time.perf_counter() - started


def set_setting(notebook, name: str, value: object) -> None:
    """Change one setting in the first code cell, as a student would."""
    cell = next(cell for cell in notebook.cells if cell.cell_type == "code")
    cell.source, count = re.subn(rf"^{name} = .*?(  #|$)", rf"{name} = {value!r}\1", cell.source, flags=re.MULTILINE)
    assert count == 1, cell.source


def printed(notebook) -> str:
    return "".join(
        output.text
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "stream" and output.name == "stdout"
    )


def pictures(notebook) -> int:
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells for output in cell.get("outputs", []))


@pytest.fixture(scope="module")
def fashion_cnn_run():
    """A real run: the small CNN on 2,000 augmented Fashion images, 2 epochs."""
    settings = TrainingSettings(
        dataset="fashion_mnist", epochs=2, model_kind="cnn", augment=True, seed=3, train_limit=2000
    )
    return train(settings)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "ko"])
def test_an_exported_notebook_runs_and_reaches_the_runs_accuracy(
    language, quick_result, fashion_cnn_run, store, tmp_path_factory
):
    # English: the tutorial's network on MNIST, the notebook in the project folder finding data/ by itself.
    # Korean: the CNN with augmentation on Fashion, the data folder given in the first code cell.
    result = quick_result if language == "en" else fashion_cnn_run
    record = store.save(result)
    notebook = nbformat.reads(notebook_bytes(record, language).decode("utf-8"), as_version=4)
    set_setting(notebook, TRAIN_IMAGES_SETTING, result.settings.train_limit)
    if language == "en":
        folder = ROOT
    else:
        folder = tmp_path_factory.mktemp("notebook")
        set_setting(notebook, "DATA_DIR", datasets.load("fashion_mnist").source)

    seconds = execute(notebook, folder, tmp_path_factory.mktemp("kernel"))
    print(f"\nThe {language} notebook ({record.dataset}, {record.model_kind}) ran in {seconds:.1f} s")

    output = printed(notebook)
    assert "Files from" in output  # read the project's files, not a download
    accuracies = TEST_ACCURACY.findall(output)
    assert len(accuracies) == 1, output
    assert abs(float(accuracies[0]) - record.test_accuracy) <= ACCURACY_TOLERANCE, (accuracies, record.test_accuracy)
    assert pictures(notebook) == 2  # the four curves and the mistakes


# A network a student wrote, and the settings of issue #31

NETWORK = "conv 8 3 relu; batchnorm; pool 2; dense 32 tanh; dropout 0.25; dense 16 sigmoid"
WRITTEN = TrainingSettings(
    layers=NETWORK, l2=0.001, init_seed=3, noise=0.2, validation_split=0.1, epochs=1, train_limit=1000, seed=2
)


def notebook_network(settings: TrainingSettings):
    """The network the notebook's model cell builds for these settings, before any training."""
    import keras
    import numpy

    cells = code_cells(build_notebook(record_for(settings), "en"))
    namespace = {"keras": keras, "np": numpy}
    exec(cells[0], namespace)  # the settings
    exec(next(cell for cell in cells if "keras.Sequential" in cell).replace("model.summary()", ""), namespace)
    return namespace["model"]


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("augment", [False, True])
def test_a_written_network_s_notebook_is_python_in_the_language(language, augment):
    record = record_for(replace(WRITTEN, augment=augment))
    notebook = nbformat.reads(notebook_bytes(record, language).decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    cells = code_cells(notebook)
    for source in cells:
        ast.parse(source)
        assert "mnist_core" not in source
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            assert bool(HANGUL.search(cell.source)) == (language == "ko"), cell.source
    assert "L2 = 0.001  #" in cells[0] and "INIT_SEED = 3  #" in cells[0]
    assert "NOISE = 0.2  #" in cells[0] and "VALIDATION_SPLIT = 0.1  #" in cells[0]
    assert any("validation_data=(x_val, y_val)" in cell and "train_data," in cell for cell in cells)
    assert NETWORK in notebook.cells[0].source or "conv 8 3×3 relu" in notebook.cells[0].source


def test_the_tutorial_s_notebook_has_none_of_the_new_settings():
    cells = code_cells(build_notebook(record_for(TrainingSettings()), "en"))
    text = "\n".join(cells)
    assert "L2" not in text and "INIT_SEED" not in text and "NOISE" not in text and "VALIDATION_SPLIT" not in text
    assert any("validation_data=(x_test, y_test)" in cell and "batch_size=BATCH_SIZE" in cell for cell in cells)


@pytest.mark.parametrize(
    ("settings", "app_model"),
    [
        (WRITTEN, lambda: build_spec_model(parse_layers(NETWORK), l2=0.001, seed=3)),
        (replace(WRITTEN, augment=True), lambda: build_spec_model(parse_layers(NETWORK), l2=0.001, seed=3)),
        (
            TrainingSettings(layers="dense 64 relu", init_seed=5),
            lambda: build_spec_model(parse_layers("dense 64 relu"), seed=5),
        ),
        (
            TrainingSettings(layers="pool 2; dense 16 relu", l2=0.01),
            lambda: build_spec_model(parse_layers("pool 2; dense 16 relu")),
        ),
        (TrainingSettings(hidden_units=64, init_seed=8), lambda: build_model("mlp", hidden_units=64, seed=8)),
        (TrainingSettings(model_kind="cnn", init_seed=8, l2=0.01), lambda: build_model("cnn", seed=8)),
    ],
    ids=["written", "written, augmented", "init seed", "pool first, weight decay", "mlp", "cnn"],
)
def test_the_notebook_builds_the_same_network_from_the_same_weights(settings, app_model):
    ours, apps = notebook_network(settings), app_model()

    def layers(model) -> list[tuple[str, str, int]]:
        rows = [(row.kind, row.output_shape, row.parameters) for row in layer_table(model)]
        return [row for row in rows if row[0] not in AUGMENTING_LAYERS and row[0] != "Reshape"]

    assert layers(ours) == layers(apps)
    assert ours.count_params() == apps.count_params()
    if settings.init_seed is not None:  # the run's very starting weights
        for mine, theirs in zip(ours.get_weights(), apps.get_weights(), strict=True):
            np.testing.assert_array_equal(mine, theirs)
    decayed = [layer.kernel_regularizer for layer in ours.layers if hasattr(layer, "kernel_regularizer")]
    assert all((regularizer is not None) == bool(settings.l2) for regularizer in decayed)


@pytest.mark.slow
def test_a_written_network_s_notebook_runs_and_builds_the_run_s_network(tmp_path_factory):
    record = record_for(WRITTEN)
    notebook = nbformat.reads(notebook_bytes(record, "en").decode("utf-8"), as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell('print("Parameters:", model.count_params())\nprint("Held out:", len(x_val))')
    )
    seconds = execute(notebook, ROOT, tmp_path_factory.mktemp("kernel"))
    print(f"\nThe written network's notebook ran in {seconds:.1f} s")

    output = printed(notebook)
    assert f"Parameters: {parse_layers(NETWORK).parameters}\n" in output
    assert "Held out: 100\n" in output  # a tenth of the 1,000 training images
    assert len(TEST_ACCURACY.findall(output)) == 1
    assert pictures(notebook) == 2
