"""The class drawings file under stress: thirty writers at once (threads and processes), kill -9 in the middle of
writes, and damaged or foreign files, which give a clear error and are never written to."""

from __future__ import annotations

import gc
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from class_writer import RUN_ID, check_every_row_whole, check_whole, give_numbered, numbered_reading, sha256

from mnist_core import config
from mnist_core.classset.database import ClassSetError, DamagedClassSet
from mnist_core.classset.drawings import ClassDrawings

WRITER = Path(__file__).resolve().parent / "class_writer.py"


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "runs" / config.CLASS_DB_FILE


# Many writers at once


def test_thirty_threads_give_at_the_same_moment_without_database_is_locked(path):
    store = ClassDrawings(path)
    start = threading.Barrier(30)
    errors = []

    def student(number: int) -> None:
        start.wait()
        try:
            for drawing in range(5):
                give_numbered(store, f"student {number}", 10 * number + drawing)
        except Exception as error:  # noqa: BLE001 - every failure is collected and shown
            errors.append(error)

    threads = [threading.Thread(target=student, args=(number,)) for number in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert check_every_row_whole(store) == 150
    check_whole(path)


@pytest.mark.slow
def test_thirty_processes_give_at_the_same_moment_without_database_is_locked(path, tmp_path):
    ClassDrawings(path).check()
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), f"student {number}", "5", str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for number in range(30)
    ]
    deadline = time.monotonic() + 240
    while len(list(tmp_path.glob("go.*.ready"))) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(tmp_path.glob("go.*.ready"))) == 30  # all thirty started and wait for the go
    go.touch()
    failures = [writer.stderr.read() for writer in writers if writer.wait(timeout=300) != 0]
    assert failures == []
    assert check_every_row_whole(ClassDrawings(path)) == 150
    check_whole(path)


@pytest.mark.slow
def test_kill_9_in_the_middle_of_writes_leaves_a_whole_file(path):
    store = ClassDrawings(path)
    given = 0
    for round_ in range(5):
        writer = subprocess.Popen([sys.executable, str(WRITER), str(path), f"writer {round_}", "forever"])
        deadline = time.monotonic() + 120
        while store.version()[1] < given + 20 and time.monotonic() < deadline:  # a burst of writes under way
            time.sleep(0.01)
        os.kill(writer.pid, signal.SIGKILL)
        assert writer.wait() == -signal.SIGKILL
        latest, count = ClassDrawings(path).version()  # a fresh look, as after a restart
        assert count > given
        assert latest == count  # nothing deleted, and a killed transaction left no row behind
        given = count
    reopened = ClassDrawings(path)
    assert check_every_row_whole(reopened) == given
    check_whole(path)
    give_numbered(reopened, "after", 1)
    assert reopened.version() == (given + 1, given + 1)


# Damaged files


def damaged_copy(path: Path, damage) -> bytes:
    """A class drawings file with 300 drawings, closed, then damaged by `damage(bytes) -> bytes`; the damaged bytes."""
    store = ClassDrawings(path)
    for number in range(300):
        store.give(f"student {number // 50}", number % 10, numbered_reading(number), "{}", RUN_ID)
    del store
    gc.collect()  # its connections close: SQLite folds the WAL into the file and removes it
    assert not Path(f"{path}-wal").exists()
    damaged = damage(path.read_bytes())
    path.write_bytes(damaged)
    return damaged


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: os.urandom(len(data)), id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="cut in half"),
        pytest.param(lambda data: data[:60], id="cut inside the header"),
        pytest.param(lambda data: b"", id="emptied"),
        pytest.param(lambda data: data[:8192] + os.urandom(4096) + data[12288:], id="a page scrambled"),
    ],
)
def test_a_damaged_file_is_a_clear_error_and_is_never_written(path, damage):
    damaged = damaged_copy(path, damage)
    store = ClassDrawings(path)
    for action in (
        store.check,
        store.version,
        store.drawings,
        lambda: give_numbered(store, "Min-jun", 1),
        lambda: store.delete_student("student 1"),
    ):
        with pytest.raises(DamagedClassSet) as error:
            action()
        assert str(path) in str(error.value) and "left exactly as it is" in str(error.value)
    assert path.read_bytes() == damaged


def test_a_database_of_something_else_or_of_another_version_is_never_written(path):
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE drawings (id INTEGER)")  # a table of the same name, but not ours
    other.commit()
    other.close()
    before = sha256(path)
    with pytest.raises(DamagedClassSet, match="not one of class drawings"):
        ClassDrawings(path).version()
    assert sha256(path) == before

    path.unlink()
    ClassDrawings(path).check()
    newer = sqlite3.connect(path)
    newer.execute("UPDATE schema_version SET version = 2")
    newer.commit()
    newer.close()
    before = sha256(path)
    with pytest.raises(DamagedClassSet, match="version 2"):
        ClassDrawings(path).give("Min-jun", 1, numbered_reading(1), "{}", RUN_ID)
    assert sha256(path) == before


def test_a_file_moved_away_while_in_use_is_a_clear_error_until_its_wal_goes_along(path):
    store = ClassDrawings(path)
    give_numbered(store, "Min-jun", 1)
    last_year = path.rename(path.with_name("last-year.sqlite3"))
    # Its latest drawing is still in the WAL left behind: a new file there would read it as its own.
    with pytest.raises(ClassSetError, match="class-drawings.sqlite3-wal is there"):
        store.version()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").rename(f"{last_year}{suffix}")
    assert store.version() == (0, 0)  # the same store object makes a new file where the old one was
    assert ClassDrawings(last_year).version() == (1, 1)  # and the drawing went along with the old one


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    with pytest.raises(ClassSetError, match="not a folder/class.sqlite3 cannot be read"):
        ClassDrawings(blocker / "class.sqlite3").version()
