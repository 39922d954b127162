"""A run's downloads: the model opens in plain Keras, the record and chart are whole, and the Train page's
widgets offer them (and a link to the settings) in the session's language."""

import io
import json
import os
import subprocess
import sys
from dataclasses import asdict

import nbformat
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from harness.language import HANGUL, KEY_LIKE
from mnist_core.runs.store import RunError, RunRecord, RunStatus
from mnist_core.text import exports
from mnist_core.tuning import quiet_tensorflow_env

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_downloaded_model_opens_in_a_python_that_cannot_import_mnist_core(quick_result, store, tmp_path):
    record = store.save(quick_result)
    downloaded = tmp_path / exports.file_name(record, "model")
    downloaded.write_bytes(exports.model_file(store, record.id))
    opener = (
        "import sys; "
        "sys.modules['mnist_core'] = None; "  # any attempt to import it now fails
        "import keras, numpy; "
        "model = keras.saving.load_model(sys.argv[1]); "
        "print(type(model.optimizer).__name__, model.predict_on_batch(numpy.zeros((1, 28, 28), 'float32')).shape)"
    )
    opened = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", opener, str(downloaded)],
        cwd=tmp_path,
        env=quiet_tensorflow_env({**os.environ, "PYTHONPATH": ""}),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert opened.returncode == 0, opened.stderr[-2000:]
    assert opened.stdout.strip().splitlines()[-1] == "Adam (1, 10)"


def test_a_missing_model_or_a_bad_run_id_is_a_run_error(store):
    with pytest.raises(RunError, match="no readable model file"):
        exports.model_file(store, "20261201-101500-mnist-1a2b3c")
    with pytest.raises(RunError, match="is not a run id"):
        exports.model_file(store, "../../etc")


def a_record() -> RunRecord:
    return RunRecord(
        id="20261201-101500-fashion_mnist-1a2b3c",
        dataset="fashion_mnist",
        settings={"dataset": "fashion_mnist", "epochs": 3, "batch_size": 100, "model_kind": "mlp"},
        history={"loss": [0.5, 0.4, 0.3], "accuracy": [0.8, 0.85, 0.9], "val_loss": [0.45, 0.4, 0.38],
                 "val_accuracy": [0.82, 0.85, 0.86]},
        fit_seconds=7.5,
        test_loss=0.38,
        test_accuracy=0.86,
        status=RunStatus.FINISHED,
        created="2026-12-01T10:15:00+00:00",
    )  # fmt: skip


def test_the_record_reads_back_as_the_run():
    record = a_record()
    assert RunRecord(**json.loads(exports.record_json(record))) == record


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_chart_is_a_png_of_the_four_curves(language):
    png = exports.curves_png(a_record(), language)
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    assert width > height > 300


def test_file_names_start_with_the_run_and_never_look_like_catalog_keys():
    record = a_record()
    names = [exports.file_name(record, kind) for kind in exports.MIME_TYPES]
    assert names == [f"{record.id}.ipynb", f"{record.id}.keras", f"{record.id}.json", f"{record.id}-curves.png"]
    assert not any(KEY_LIKE.search(name) for name in names)


# The Train page's widgets, under AppTest


def downloads_page() -> None:
    """A page with the widgets as the Train page shows them, for the newest run, in the session's language."""
    import streamlit as st

    from mnist_core import config, i18n
    from mnist_core.runs.store import RunStore
    from mnist_core.training.settings import TrainingSettings
    from ui.downloads import lesson_link_control, run_downloads

    record = RunStore(config.runs_dir()).list()[0]
    with i18n.in_language(st.session_state["language"]):
        run_downloads(record)
        lesson_link_control(TrainingSettings.from_dict(record.settings))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_page_offers_the_runs_four_files_and_a_link_in_the_sessions_language(
    language, quick_result, store, monkeypatch, files_made_on_click
):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(store.root))
    record = store.save(quick_result)
    at = AppTest.from_function(downloads_page, default_timeout=60)
    at.session_state["language"] = language
    at.run()
    assert not at.exception, [error.value for error in at.exception]

    labels = [button.label for button in at.download_button]
    assert len(labels) == 4
    assert all(HANGUL.search(label) for label in labels) == (language == "ko")
    assert set(files_made_on_click) == {exports.file_name(record, kind) for kind in exports.MIME_TYPES}

    # Streamlit makes a file when its button is clicked, on a thread outside the session: so here, after the run.
    made = {name: make() for name, make in files_made_on_click.items()}
    notebook = nbformat.reads(made[exports.file_name(record, "notebook")].decode("utf-8"), as_version=4)
    assert record.id in notebook.cells[0].source
    assert bool(HANGUL.search(notebook.cells[0].source)) == (language == "ko")
    assert made[exports.file_name(record, "model")] == (store.root / record.id / "model.keras").read_bytes()
    assert json.loads(made[exports.file_name(record, "record")]) == json.loads(json.dumps(asdict(record)))
    assert made[exports.file_name(record, "curves")].startswith(PNG_SIGNATURE)

    (link,) = [block.value for block in at.code]
    assert link == "?dataset=mnist&epochs=2&batch=100&model=mlp&augment=0&lr=0.001&optimizer=adam"
