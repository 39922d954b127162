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
from class_writer import (
    RUN_ID,
    check_every_row_whole,
    check_whole,
    give_from_thirty_threads,
    give_numbered,
    numbered_reading,
    numbered_strokes,
    sha256,
)

from mnist_core import config
from mnist_core.classset import database
from mnist_core.classset.database import SCHEMA_VERSION, ClassSetError, DamagedClassSet
from mnist_core.classset.drawings import ClassDrawings

WRITER = Path(__file__).resolve().parent / "class_writer.py"
# A version-1 file made by the version-1 code (before review first): drawings 1-4 by Min-jun and Seo-yeon, of the
# digits 0-3 (class_writer's numbered drawings 0-3), and a fifth drawing given and deleted, so the next id is 6.
VERSION_1_FILE = Path(__file__).resolve().parent / "data" / "class-drawings-v1.sqlite3"


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "runs" / config.CLASS_DB_FILE


# Many writers at once


def test_thirty_threads_give_at_the_same_moment_without_database_is_locked(path):
    store = ClassDrawings(path)
    assert give_from_thirty_threads(store) == []
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
    newer.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))  # a later app's file
    newer.commit()
    newer.close()
    before = sha256(path)
    with pytest.raises(DamagedClassSet, match=f"version {SCHEMA_VERSION + 1}"):
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


# A file of an earlier version


@pytest.fixture
def version_1(path) -> Path:
    path.parent.mkdir(parents=True)
    path.write_bytes(VERSION_1_FILE.read_bytes())
    return path


def columns(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[1] for row in connection.execute("PRAGMA table_info(drawings)")]
    finally:
        connection.close()


def test_a_version_1_file_is_migrated_in_place_and_its_drawings_count_as_approved(version_1):
    assert "approved" not in columns(version_1)
    store = ClassDrawings(version_1)
    assert store.version() == (4, 4)  # every earlier drawing counts: the class saw them already
    assert store.pending_count() == 0
    drawings = store.drawings()
    assert drawings.students == ("Min-jun", "Seo-yeon", "Min-jun", "Seo-yeon") and list(drawings.labels) == [0, 1, 2, 3]
    assert check_every_row_whole(store) == 4  # the pictures and strokes are as they were
    connection = check_whole(version_1)
    assert connection.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    fresh = version_1.with_name("fresh.sqlite3")
    ClassDrawings(fresh).check()
    assert columns(version_1) == columns(fresh)  # a migrated file has the table a new one has
    # Giving, reviewing and the ids that never return go on as in a new file.
    waiting = give_numbered_pending(store, "Ha-eun", 7)
    assert waiting == 6 and store.version() == (4, 4) and store.pending_count() == 1
    assert store.approve([waiting]) == 1 and store.version() == (6, 5)


def give_numbered_pending(store: ClassDrawings, student: str, number: int) -> int:
    return store.give(student, number % 10, numbered_reading(number), numbered_strokes(number), RUN_ID, approved=False)


def test_a_migration_that_fails_half_way_leaves_the_version_1_file_as_it_was(version_1, monkeypatch):
    steps = (*database.MIGRATIONS[1], "UPDATE no_such_table SET x = 1")  # the column is added, then a step fails
    monkeypatch.setitem(database.MIGRATIONS, 1, steps)
    with pytest.raises(ClassSetError):
        ClassDrawings(version_1).version()
    gc.collect()  # the failed store's connections close
    assert "approved" not in columns(version_1)  # one transaction: nothing of it stayed
    assert sqlite3.connect(version_1).execute("SELECT version FROM schema_version").fetchall() == [(1,)]
    monkeypatch.undo()
    assert ClassDrawings(version_1).version() == (4, 4)  # and the next try migrates it whole
    assert "approved" in columns(version_1)


def test_two_stores_migrating_the_same_file_at_once_migrate_it_once(version_1):
    stores = [ClassDrawings(version_1) for _ in range(4)]
    start = threading.Barrier(len(stores))
    seen, errors = [], []

    def open_it(store: ClassDrawings) -> None:
        start.wait()
        try:
            seen.append(store.version())
        except Exception as error:  # noqa: BLE001 - every failure is collected and shown
            errors.append(error)

    threads = [threading.Thread(target=open_it, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and seen == [(4, 4)] * len(stores)
    assert columns(version_1).count("approved") == 1


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="cut in half"),
        pytest.param(lambda data: data[:8192] + os.urandom(4096) + data[12288:], id="a page scrambled"),
    ],
)
def test_a_damaged_version_1_file_is_reported_and_never_migrated(version_1, damage):
    damaged = damage(version_1.read_bytes())
    version_1.write_bytes(damaged)
    with pytest.raises(DamagedClassSet, match="left exactly as it is"):
        ClassDrawings(version_1).version()
    assert version_1.read_bytes() == damaged
