"""The load test in small, in the suite: 5 students draw on /draw while 2 others start trainings, on a real server.

It runs bench/load.py as a user would (its own server, one Chromium), and checks what must hold whatever the
machine's speed: no errors, never more trainings at once than the server allows, every training finished.
The stroke-to-answer time is printed, not checked: it depends on the machine.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mnist_core.runs import RunStore

ROOT = Path(__file__).resolve().parent.parent
SESSIONS, TRAININGS = 5, 2
LOAD_TIMEOUT = 900  # seconds for the whole load test, inside bench/load.py


def run_load_test(args: list[str], timeout: float) -> str:
    """Run bench/load.py in its own process group; on a timeout, SIGTERM lets it stop its server first."""
    process = subprocess.Popen(
        [sys.executable, "bench/load.py", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            output, _ = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
        pytest.fail(f"bench/load.py did not end within {timeout} s:\n{output[-3000:]}")
    return f"{output}\n(bench/load.py exit code {process.returncode})"


@pytest.mark.browser
@pytest.mark.slow
def test_five_students_draw_while_two_start_trainings(quick_result, tmp_path):
    model_from = tmp_path / "model"
    RunStore(model_from).save(quick_result)  # the Draw page's model: no need to train one
    figures_path = tmp_path / "load.json"
    options = {
        "--sessions": SESSIONS,
        "--trainings": TRAININGS,
        "--epochs": 1,
        "--model-from": model_from,
        "--timeout": LOAD_TIMEOUT,
        "--json": figures_path,
    }
    output = run_load_test([str(part) for option in options.items() for part in option], timeout=LOAD_TIMEOUT + 300)
    print(output)
    assert figures_path.is_file(), output[-3000:]
    figures = json.loads(figures_path.read_text())
    assert figures["errors"] == []
    assert figures["digits_drawn"] == SESSIONS * 5
    assert figures["limit"] is not None and 1 <= figures["most_at_once"] <= figures["limit"]
    assert figures["trainings_finished"] == TRAININGS and figures["finished_runs"] == TRAININGS
    assert figures["all_finished"] and figures["passed"]
