"""Nothing saved is lost when the process that trains is killed outright (kill -9, a power cut, the OOM killer).

A training is killed while it trains and while it saves (made deterministic: the child stops right after the
model file is written, or right after the record is, and says so), and a real server is killed while a student's
training runs. Afterwards every run saved before still loads, no half-written run is listed, and the interrupted
training is not listed at all; the app's pages load again with no error. Temporary folders of killed saves are
removed by a later save once they are old enough.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness.selectors import IDLE_APP, PAGE_LANDMARKS, PAGE_PROBLEMS, PROGRESS_BAR
from harness.server import AppServer, start_app_server
from mnist_core.runs.store import STALE_TEMP_SECONDS, TEMP_PREFIX, RunStore
from mnist_core.tuning import quiet_tensorflow_env

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 600  # seconds for a child to reach the moment it is killed at (TensorFlow import included)


class ChildProcess:
    """A Python child in its own process group, its output read line by line on a thread."""

    def __init__(self, args: list[str], runs_dir: Path) -> None:
        env = quiet_tensorflow_env({**os.environ, "MNIST_APP_RUNS_DIR": str(runs_dir)})
        self.process = subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)  # the output ended

    def wait_for(self, text: str, timeout: float = CHILD_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"no line with {text!r} within {timeout} s; output:\n" + "\n".join(self.seen[-30:]))
            if line is None:
                pytest.fail(f"the child ended before {text!r}; output:\n" + "\n".join(self.seen[-30:]))
            self.seen.append(line)
            if text in line:
                return

    def kill(self) -> None:
        """kill -9 the child's whole process group, and wait until it is gone."""
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)


@pytest.fixture
def children() -> Iterator[list[ChildProcess]]:
    """Children a test starts; any still running at the end is killed."""
    started: list[ChildProcess] = []
    yield started
    for child in started:
        child.kill()


@pytest.fixture
def earlier_run(quick_result, tmp_path):
    """A runs folder holding one run saved before anything is killed, and a copy of every byte of it."""
    store = RunStore(tmp_path / "runs")
    record = store.save(quick_result)
    return store, record, folder_contents(store.root)


def folder_contents(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def assert_only_the_earlier_run_remains(store: RunStore, record, contents: dict[str, bytes]) -> None:
    """The earlier run is listed, loads and is byte for byte as it was; nothing else is listed."""
    assert [listed.id for listed in store.list()] == [record.id]
    assert store.get(record.id).status == "finished"
    assert store.load_model(record.id) is not None
    assert {name: data for name, data in folder_contents(store.root).items() if name.startswith(record.id)} == contents


def test_killing_a_training_while_it_trains_loses_nothing_saved(earlier_run, children):
    store, record, contents = earlier_run
    training = ChildProcess(
        ["-m", "mnist_core", "train", "--epochs", "200", "--train-limit", "3000", "--seed", "0"], store.root
    )
    children.append(training)
    training.wait_for("Epoch 1/200")  # an epoch is done: it is in the middle of training
    training.kill()
    assert sorted(path.name for path in store.root.iterdir()) == [record.id]  # no trace of the killed training
    assert_only_the_earlier_run_remains(store, record, contents)


# The child trains a tiny model, then stops dead at the chosen moment of its save and says so.
SAVE_THEN_HANG = textwrap.dedent(
    """
    import sys, time
    from mnist_core import cli
    from mnist_core.runs import store as runs

    real_write_json = runs.write_json_synced

    def write_json_and_hang(path, data):
        if sys.argv[1] == "record-written":
            real_write_json(path, data)
        print("SAVE STOPPED HERE", flush=True)
        time.sleep(3600)

    runs.write_json_synced = write_json_and_hang
    cli.main(["train", "--epochs", "1", "--train-limit", "300", "--seed", "0"])
    """
)


@pytest.mark.parametrize("moment", ["model-written", "record-written"])
def test_killing_a_training_while_it_saves_leaves_no_half_written_run(earlier_run, children, quick_result, moment):
    store, record, contents = earlier_run
    saving = ChildProcess(["-c", SAVE_THEN_HANG, moment], store.root)
    children.append(saving)
    saving.wait_for("SAVE STOPPED HERE")
    saving.kill()

    (leftover,) = [path for path in store.root.iterdir() if path.name != record.id]
    assert leftover.name.startswith(TEMP_PREFIX) and (leftover / "model.keras").stat().st_size > 0
    assert (leftover / "run.json").exists() == (moment == "record-written")
    assert_only_the_earlier_run_remains(store, record, contents)

    # A later save leaves a young temporary folder alone (it could be another save under way) ...
    second = store.save(quick_result)
    assert leftover.is_dir()
    # ... and removes it once it is old.
    an_hour_ago = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(leftover, (an_hour_ago, an_hour_ago))
    third = store.save(quick_result)
    assert not leftover.exists()
    assert {listed.id for listed in store.list()} == {record.id, second.id, third.id}


def test_only_old_leftovers_of_killed_saves_are_removed(tmp_path):
    store = RunStore(tmp_path / "runs")
    old, young = store.root / f"{TEMP_PREFIX}old", store.root / f"{TEMP_PREFIX}young"
    elsewhere = tmp_path / "elsewhere"
    for folder in (old, young, elsewhere):
        folder.mkdir(parents=True)
        (folder / "model.keras").write_bytes(b"half a model")
    link = store.root / f"{TEMP_PREFIX}link"
    link.symlink_to(elsewhere)
    an_hour_ago = time.time() - STALE_TEMP_SECONDS - 60
    for path in (old, elsewhere):
        os.utime(path, (an_hour_ago, an_hour_ago))
    os.utime(link, (an_hour_ago, an_hour_ago), follow_symlinks=False)

    assert store.remove_stale_temp_folders() == [old.name]
    assert not old.exists() and young.is_dir() and link.is_symlink() and (elsewhere / "model.keras").is_file()
    assert RunStore(tmp_path / "never-made").remove_stale_temp_folders() == []


# ---------------------------------------------------------------- the real server


@pytest.fixture
def servers() -> Iterator[list[AppServer]]:
    """App servers a test starts; all are stopped at the end."""
    started: list[AppServer] = []
    yield started
    for server in started:
        server.stop()


PAGE_TIMEOUT_MS = 180_000  # a fresh server imports TensorFlow on its first page with a model


def open_page(browser, url: str, errors: list[str]):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: uncaught {error}"))
    page.goto(url, timeout=PAGE_TIMEOUT_MS)
    page.locator("[data-testid=stMain] h1").first.wait_for(timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector(IDLE_APP, timeout=PAGE_TIMEOUT_MS)
    return page


@pytest.mark.browser
@pytest.mark.slow
def test_killing_the_server_mid_training_loses_nothing_and_it_starts_again(earlier_run, browser, servers, tmp_path):
    store, record, contents = earlier_run
    settings = {"MNIST_APP_RUNS_DIR": str(store.root), "MNIST_APP_TRAIN_LIMIT": "3000"}
    server = start_app_server(settings, tmp_path / "server-1.log")
    servers.append(server)
    errors: list[str] = []

    page = open_page(browser, f"{server.url}/train?student=Min-jun", errors)  # a named student may train
    epochs = page.locator(".st-key-train-epochs input")
    epochs.fill("20")  # a student's most (the class's default cap): far longer than the test waits
    epochs.press("Enter")
    page.wait_for_function("() => document.querySelector('.st-key-train-epochs input').value === '20'")
    page.wait_for_selector(IDLE_APP)
    page.locator(".st-key-train-start button").filter(visible=True).click()
    page.wait_for_function(  # batches are being trained
        f"""() => Number(document.querySelector('{PROGRESS_BAR}')?.getAttribute('aria-valuenow') ?? 0) > 0""",
        timeout=PAGE_TIMEOUT_MS,
    )
    page.context.close()
    server.kill()

    assert sorted(path.name for path in store.root.iterdir()) == [record.id]
    assert_only_the_earlier_run_remains(store, record, contents)

    server = start_app_server(settings, tmp_path / "server-2.log")
    servers.append(server)
    for slug, landmark in PAGE_LANDMARKS.items():
        page = open_page(browser, f"{server.url}/{slug}", errors)
        page.locator(landmark).first.wait_for(timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(IDLE_APP, timeout=PAGE_TIMEOUT_MS)
        problems = page.locator(PAGE_PROBLEMS).all_inner_texts()
        assert problems == [], f"/{slug}: {problems}"
        page.context.close()
    assert errors == []
    assert server.tracebacks() == 0, server.log_tail()
    assert [listed.id for listed in store.list()] == [record.id]
