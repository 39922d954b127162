"""What `ui.install()` changes when the app starts, and that importing the ui package changes nothing."""

from __future__ import annotations

import subprocess
import sys

from streamlit.testing.v1 import AppTest

from harness.apptest import APP


def test_a_script_run_leaves_keras_alone(tmp_path, monkeypatch):
    """Keras's state is global to the server process, and a training may be running on another thread.

    Streamlit resets that state (keras.backend.clear_session(), with a full garbage collection) after every
    script run of every session. A training running meanwhile then fails ("too many values to unpack"), and
    every student waits for the collection: about a second per stroke on a busy 2-core server.
    """
    import keras

    resets = []
    monkeypatch.setattr(keras.backend, "clear_session", lambda *args, **kwargs: resets.append(args))
    monkeypatch.setenv("MNIST_APP_RUNS_DIR", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert resets == []


def test_importing_the_ui_package_changes_nothing():
    """Only app.py's explicit ui.install() replaces Streamlit's clean-up and sets t()'s language source."""
    code = (
        "from streamlit.runtime.scriptrunner import script_runner; from mnist_core import i18n;"
        "before = (script_runner._clean_problem_modules, i18n._language_source);"
        "import ui;"
        "assert (script_runner._clean_problem_modules, i18n._language_source) == before, 'import changed something';"
        "ui.install();"
        "from ui.install import close_pyplot_figures_only;"
        "assert script_runner._clean_problem_modules is close_pyplot_figures_only"
    )
    finished = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr[-2000:]
