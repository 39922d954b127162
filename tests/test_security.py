"""Security settings and rules that must hold on a classroom server.

XSRF protection stays on and uploads stay small (the app has none); nothing a student types, clicks or puts in
the address becomes a file path (run ids are checked by RunStore before any file is touched); models load only
from the runs folder, in Keras safe mode.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from harness.apptest import APP, TIMEOUT
from mnist_core.runs.store import RunError, RunStore

ROOT = Path(__file__).resolve().parent.parent
APP_SOURCES = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "app_pages").glob("*.py"))]
FORGED_IDS = ["../../etc/passwd", "/etc/passwd", "20260101-000000-mnist-abcdef/../../x", "..", ""]


def effective_streamlit_options(*names: str) -> dict:
    """The options `streamlit run app.py` would use in the project folder (its config file, the environment)."""
    script = (
        "import json, sys; from streamlit import config; config.get_config_options(force_reparse=True);"
        "print(json.dumps({name: config.get_option(name) for name in sys.argv[1:]}))"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script, *names], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(finished.stdout.strip().splitlines()[-1])


def test_xsrf_protection_is_on_and_uploads_are_capped():
    options = effective_streamlit_options(
        "server.enableXsrfProtection", "server.enableCORS", "server.maxUploadSize", "client.showErrorDetails"
    )
    assert options["server.enableXsrfProtection"] is True
    assert options["server.enableCORS"] is True
    assert options["server.maxUploadSize"] <= 5  # MB
    assert options["client.showErrorDetails"] == "none"  # students never see a traceback


def test_the_config_file_says_so_itself():
    # Stated in the file rather than left to defaults, so a reader (and a changed default) cannot miss it.
    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server["enableXsrfProtection"] is True and server["maxUploadSize"] <= 5


def test_the_app_has_no_upload():
    pattern = re.compile(r"\b(file_uploader|camera_input|audio_input|accept_file)\b")
    found = [f"{path.name}: {match.group(0)}" for path in APP_SOURCES for match in pattern.finditer(path.read_text())]
    assert found == []


@pytest.mark.parametrize("run_id", FORGED_IDS)
def test_shared_model_loaders_refuse_a_forged_run_id(run_id, tmp_path, monkeypatch):
    import ui

    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path))
    for load in (ui.predictor, ui.evaluation):
        with pytest.raises(RunError, match="not a run id"):
            load(run_id)


@pytest.fixture
def one_digits_run(quick_result, tmp_path, monkeypatch):
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path / "runs"))
    return RunStore(tmp_path / "runs").save(quick_result)


RUN_CHOICES = [("app_pages/draw.py", "draw-run"), ("app_pages/mistakes.py", "mistakes-run")]


@pytest.mark.parametrize(("page", "key"), RUN_CHOICES)
def test_a_forged_run_choice_or_address_is_ignored(one_digits_run, page, key):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["dataset"] = "../../etc"
    at.query_params["run"] = "../../etc/passwd"
    at.session_state[key] = "../../etc/passwd"  # as if the page had sent it
    at.run()
    at.switch_page(page).run()
    assert not at.exception and not at.error
    assert at.selectbox(key=key).value == one_digits_run.id
    assert at.session_state["dataset"] == "mnist"


def test_models_load_only_from_the_runs_folder_in_safe_mode(one_digits_run, tmp_path, monkeypatch):
    import keras

    calls = []
    real_load = keras.saving.load_model

    def spy(path, *args, **kwargs):
        calls.append((Path(path), kwargs.get("safe_mode")))
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(keras.saving, "load_model", spy)
    RunStore(tmp_path / "runs").load_model(one_digits_run.id)
    assert calls == [(tmp_path / "runs" / one_digits_run.id / "model.keras", True)]


def test_a_model_that_would_run_code_when_loaded_is_refused(one_digits_run, tmp_path):
    import keras

    # A Lambda layer carries Python code: a model file from elsewhere could run anything with it.
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Lambda(lambda x: x * 2)])
    store = RunStore(tmp_path / "runs")
    model.save(store.root / one_digits_run.id / "model.keras")
    with pytest.raises(RunError, match="could not be read"):
        store.load_model(one_digits_run.id)
    with pytest.raises(RunError, match="could not be read.*UnsupportedNetwork"):  # numpy runs no layer it does not know
        store.load_network(one_digits_run.id)
