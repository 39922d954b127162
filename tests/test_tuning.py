"""TensorFlow is made quiet in one place (mnist_core/tuning.py), for this process and for the children it starts."""

from __future__ import annotations

import os
from pathlib import Path

from mnist_core.tuning import QUIET_TF_LOG_LEVEL, TF_LOG_LEVEL, quiet_tensorflow, quiet_tensorflow_env

ROOT = Path(__file__).resolve().parent.parent
# The student's notebook sets the level in its own code: it runs without mnist_core.
ALLOWED = {"mnist_core/tuning.py", "mnist_core/text/notebook_cells.py"}


def test_a_child_environment_is_quiet_unless_it_names_a_level_itself():
    assert quiet_tensorflow_env({"HOME": "/home/student"}) == {"HOME": "/home/student", TF_LOG_LEVEL: "2"}
    assert quiet_tensorflow_env({TF_LOG_LEVEL: "0"}) == {TF_LOG_LEVEL: "0"}  # someone debugging TensorFlow
    given = {"HOME": "/home/student"}
    quiet_tensorflow_env(given)
    assert given == {"HOME": "/home/student"}  # a copy: the caller's mapping (often os.environ) is left alone


def test_this_process_is_quiet_unless_a_level_was_set(monkeypatch):
    monkeypatch.delenv(TF_LOG_LEVEL, raising=False)
    quiet_tensorflow()
    assert os.environ[TF_LOG_LEVEL] == QUIET_TF_LOG_LEVEL
    monkeypatch.setenv(TF_LOG_LEVEL, "0")
    quiet_tensorflow()
    assert os.environ[TF_LOG_LEVEL] == "0"


def test_no_other_python_file_sets_the_level_itself():
    folders = ("mnist_core", "ui", "app_pages", "harness", "bench", "tests")
    sources = [ROOT / "app.py", *(path for folder in folders for path in sorted((ROOT / folder).rglob("*.py")))]
    naming = {path.relative_to(ROOT).as_posix() for path in sources if TF_LOG_LEVEL in path.read_text(encoding="utf-8")}
    assert naming == ALLOWED, f"call mnist_core.tuning's quiet_tensorflow() or quiet_tensorflow_env() instead: {naming}"
