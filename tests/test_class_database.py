"""The class's shared state on SQLite and on a real PostgreSQL (harness/postgres.py): the drawings, the class
settings and the training line's records, each class apart from the others; a version-2 SQLite file brought up to
version 3; and a PostgreSQL outage, which is a clear error without the password, loses nothing, and passes.

The SQLite-only guarantees (thirty writers, kill -9, damaged files) are tested in test_class_db.py.
"""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from class_writer import (
    RUN_ID,
    check_every_row_whole,
    give_from_thirty_threads,
    give_numbered,
    numbered_reading,
    numbered_strokes,
)

from harness.postgres import Postgres, bin_folder
from harness.server import free_port
from mnist_core import config
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.settings import SETTINGS_FILE, ClassSettings, ClassSettingsStore
from mnist_core.classroom.students import Owner
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.database import SCHEMA_VERSION, LineRecords, shown_url
from mnist_core.database.migrations import MIGRATIONS
from mnist_core.database.schema import class_settings
from mnist_core.errors import ClassSetError, Refusal
from mnist_core.training.settings import TrainingSettings

VERSION_1_FILE = Path(__file__).resolve().parent / "data" / "class-drawings-v1.sqlite3"
_names = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """One throwaway PostgreSQL for the session (in a folder the postgres user can reach, not pytest's)."""
    try:
        bin_folder()
    except RuntimeError as error:
        pytest.skip(str(error))
    folder = Path(tempfile.mkdtemp(prefix="mnist-pg-"))
    folder.chmod(0o711)
    server = Postgres(folder / "pg", free_port(), fast=True)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """The class database as a URL: a new SQLite file, or the session's PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'class.sqlite3'}"
    return request.getfixturevalue("postgres").url


def new_class() -> str:
    """A class name no other test uses: the tests share the PostgreSQL database."""
    return f"test-{next(_names)}-{int(time.time() * 1000) % 100_000}"


# Drawings


def test_giving_reviewing_and_deleting_on_either_database(database):
    store = ClassDrawings(database, new_class())
    first = give_numbered(store, "Min-jun", 1)
    second = give_numbered(store, "Seo-yeon", 2)
    waiting = store.give("Ha-eun", 3, numbered_reading(3), numbered_strokes(3), RUN_ID, approved=False)
    assert first < second < waiting
    assert store.version() == (second, 2) and store.pending_count() == 1
    assert list(store.pending().ids) == [waiting]
    assert store.approve([waiting, first]) == 1 and store.version() == (waiting, 3)
    assert store.students() == [("Ha-eun", 1), ("Min-jun", 1), ("Seo-yeon", 1)]
    assert list(store.counts()) == [0, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    assert check_every_row_whole(store) == 3
    assert store.student_keys(second) == [store.drawings().student_keys[0], store.drawings().student_keys[1]]
    assert store.delete(second) and not store.delete(second)
    assert store.strokes(second) is None and store.strokes(first) == numbered_strokes(1)
    assert store.delete_student("MIN-JUN") == 1
    assert store.revision() == (waiting, 1, 1)
    split = store.training_split(waiting, seed=0)
    assert len(split.x_train) + len(split.x_held) == 1


def test_thirty_threads_give_at_once_on_either_database(database):
    store = ClassDrawings(database, new_class())
    assert give_from_thirty_threads(store) == []
    assert check_every_row_whole(store) == 150 and len(store.students()) == 30


def test_the_latest_spelling_of_a_name_is_shown(database):
    store = ClassDrawings(database, new_class())
    give_numbered(store, "min-jun", 1)
    give_numbered(store, "Min-jun", 2)
    assert store.students() == [("Min-jun", 2)]


def test_the_rate_limit_holds_on_either_database(database):
    now = [1_800_000_000.0]
    store = ClassDrawings(database, new_class(), clock=lambda: now[0])
    for number in range(60):
        give_numbered(store, "Min-jun", number)
    with pytest.raises(Refusal):
        give_numbered(store, "Min-jun", 60)
    now[0] += 601
    give_numbered(store, "Min-jun", 61)


def test_two_classes_in_one_database_never_see_each_others_drawings_or_settings(database, tmp_path):
    seven_b, eight_a = new_class(), new_class()
    ours, theirs = ClassDrawings(database, seven_b), ClassDrawings(database, eight_a)
    mine = give_numbered(ours, "Min-jun", 1)
    give_numbered(theirs, "Min-jun", 2)
    give_numbered(theirs, "Seo-yeon", 3)
    assert ours.version() == (mine, 1) and list(ours.ids()) == [mine]
    assert theirs.version()[1] == 2 and ours.students() == [("Min-jun", 1)]
    assert not theirs.delete(mine) and ours.strokes(mine) is not None  # another class's id is not theirs to delete
    assert theirs.approve([mine]) == 0 and theirs.delete_student("Min-jun") == 1 and ours.version() == (mine, 1)

    ClassSettingsStore(tmp_path, database, seven_b).save(ClassSettings(Caps(epochs=3), show_names=True))
    assert ClassSettingsStore(tmp_path, database, eight_a).load() == ClassSettings()
    assert ClassSettingsStore(tmp_path, database, seven_b).load().caps.epochs == 3


def test_a_bad_class_name_is_refused_clearly(database):
    for name in ("Class", "7b class", "", "x" * 41, "../7b"):
        with pytest.raises(ValueError, match="lowercase letters"):
            ClassDrawings(database, name)
    assert config.class_name({}) == "class"
    assert config.class_name({"MNIST_APP_CLASS_NAME": "7b_2026"}) == "7b_2026"
    with pytest.raises(ValueError, match="not 'Seven B'"):
        config.class_name({"MNIST_APP_CLASS_NAME": "Seven B"})


def test_the_database_url_defaults_to_the_class_file(tmp_path):
    environ = {"MNIST_APP_RUNS_DIR": str(tmp_path)}
    assert config.database_url(environ) == f"sqlite:///{tmp_path / config.CLASS_DB_FILE}"
    environ["MNIST_APP_CLASS_DB"] = str(tmp_path / "moved.sqlite3")
    assert config.database_url(environ) == f"sqlite:///{tmp_path / 'moved.sqlite3'}"
    environ["MNIST_APP_DATABASE_URL"] = "postgresql+psycopg://mnist:secret@db/mnist"
    assert config.database_url(environ) == "postgresql+psycopg://mnist:secret@db/mnist"
    assert shown_url(config.database_url(environ)) == "postgresql+psycopg://mnist:***@db/mnist"


# Class settings in the database


def test_settings_survive_a_restart_in_the_database(database, tmp_path):
    name = new_class()
    store = ClassSettingsStore(tmp_path, database, name)
    assert store.load() == ClassSettings()
    chosen = ClassSettings(Caps(epochs=3, models=("mlp",)), pinned_run=RUN_ID, show_names=True, review_first=True)
    store.save(chosen)
    assert ClassSettingsStore(tmp_path, database, name).load() == chosen
    store.save(ClassSettings(Caps(epochs=4)))
    assert ClassSettingsStore(tmp_path, database, name).load() == ClassSettings(Caps(epochs=4))
    assert not (tmp_path / SETTINGS_FILE).exists()  # the row, not a file


def test_the_settings_file_beside_the_runs_is_imported_once(database, tmp_path):
    ClassSettingsStore(tmp_path).save(ClassSettings(Caps(epochs=5), show_names=True))  # from before the database
    name = new_class()
    store = ClassSettingsStore(tmp_path, database, name)
    assert store.load() == ClassSettings(Caps(epochs=5), show_names=True)
    ClassSettingsStore(tmp_path).save(ClassSettings(Caps(epochs=9)))  # a later change to the file no longer counts
    assert store.load() == ClassSettings(Caps(epochs=5), show_names=True)
    store.save(ClassSettings(review_first=True))
    assert store.load() == ClassSettings(review_first=True)


def test_a_forged_settings_row_reads_as_the_defaults(database, tmp_path):
    name = new_class()
    store = ClassSettingsStore(tmp_path, database, name)
    store.save(ClassSettings(show_names=True))
    for forged in ("{not json", '{"caps": {"epochs": 1000000000}}', '{"pinned_run": "../../etc"}', "[]"):
        with store.database.transaction(write=True) as connection:
            connection.execute(
                class_settings.update().where(class_settings.c.class_name == name).values(settings=forged)
            )
        assert store.load() == ClassSettings()


# The training line's records


def test_line_records_on_either_database(database):
    name = new_class()
    clock = itertools.count(1_800_000_000).__next__
    records = LineRecords(database, clock=clock)
    settings = TrainingSettings(epochs=3, model_kind="cnn")
    first = records.add(name, Owner("Min-jun"), settings)
    second = records.add(name, Owner("Teacher", teacher=True), TrainingSettings())
    other = records.add(new_class(), Owner("Seo-yeon"), TrainingSettings())
    assert first < second < other
    record = records.get(first)
    assert record.class_name == name and record.owner_name == "Min-jun" and not record.teacher
    assert TrainingSettings.from_dict(record.settings) == settings
    assert record.state == "queued" and record.attempt == 0 and record.run_id is None and record.error is None
    records.set_state(first, "running", attempt=1)
    records.set_state(first, "requeued", attempt=2, error="node died")
    records.set_state(second, "done", run_id=RUN_ID)
    assert [job.id for job in records.unfinished(name)] == [first]
    assert {first, other} <= {job.id for job in records.unfinished()}
    done = records.get(second)
    assert done.teacher and done.state == "done" and done.run_id == RUN_ID and done.updated > done.created
    again = records.get(first)
    assert (again.state, again.attempt, again.error) == ("requeued", 2, "node died")
    assert records.get(10**9) is None
    with pytest.raises(KeyError):
        records.set_state(10**9, "running")


def test_line_record_ids_survive_reopening(database):
    name = new_class()
    first = LineRecords(database).add(name, Owner("Min-jun"), TrainingSettings())
    LineRecords(database).set_state(first, "failed", error="out of memory")
    reopened = LineRecords(database)  # as after a restart: a new object, a new engine check
    second = reopened.add(name, Owner("Min-jun"), TrainingSettings())
    assert second > first and reopened.get(first).error == "out of memory"
    assert [job.id for job in reopened.unfinished(name)] == [second]


def test_line_record_ids_never_return_on_sqlite_even_after_a_restart(tmp_path):
    path = tmp_path / "class.sqlite3"
    first = LineRecords(path).add("class", Owner("Min-jun"), TrainingSettings())
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM line_jobs")  # even with every row gone
    assert LineRecords(path).add("class", Owner("Min-jun"), TrainingSettings()) == first + 1


# An SQLite file of version 2


def version_2_copy(path: Path) -> Path:
    """The version-1 test file as the version-2 code left it: MIGRATIONS[1] applied, version 2."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(VERSION_1_FILE.read_bytes())
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for statement in MIGRATIONS[1]:
            connection.execute(statement)
        connection.execute("UPDATE drawings SET approved = 0 WHERE id = 4")  # one waits for review
        connection.execute("UPDATE schema_version SET version = 2")
        connection.execute("COMMIT")
    finally:
        connection.close()
    return path


def test_a_version_2_file_is_migrated_to_3_with_its_drawings_intact(tmp_path):
    path = version_2_copy(tmp_path / "runs" / config.CLASS_DB_FILE)
    store = ClassDrawings(path)  # the default class: the drawings there were that one class's
    assert store.version() == (3, 3) and store.pending_count() == 1
    assert store.drawings().students == ("Min-jun", "Seo-yeon", "Min-jun") and check_every_row_whole(store) == 3
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    assert connection.execute("SELECT DISTINCT class_name FROM drawings").fetchall() == [("class",)]
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"class_settings", "line_jobs"} <= tables
    indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "drawings_by_class_student" in indexes and "drawings_by_student" not in indexes
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    assert ClassDrawings(path, "another").version() == (0, 0)  # another class starts empty in the same file
    assert give_numbered(store, "Ha-eun", 7) == 6  # the ids that never return go on


# A PostgreSQL outage


def test_postgresql_stopped_for_a_moment_is_a_clear_error_that_loses_nothing(postgres):
    name = new_class()
    store = ClassDrawings(postgres.url, name)
    records = LineRecords(postgres.url)
    settings = ClassSettingsStore(Path(tempfile.gettempdir()), postgres.url, name)
    given = give_numbered(store, "Min-jun", 1)
    job = records.add(name, Owner("Min-jun"), TrainingSettings())
    settings.save(ClassSettings(show_names=True))
    password = postgres.url.split(":")[2].split("@")[0]

    postgres.stop()
    try:
        for action in (
            store.version,
            lambda: give_numbered(store, "Min-jun", 2),
            lambda: records.set_state(job, "running"),
            settings.load,
        ):
            with pytest.raises(ClassSetError) as error:
                action()
            message = str(error.value)
            assert "cannot be reached; is it running?" in message and shown_url(postgres.url) in message
            assert password not in message and password not in repr(error.value)
    finally:
        postgres.start()

    assert store.version() == (given, 1)  # the pool's dead connections replaced (pool_pre_ping); nothing lost
    assert records.get(job).state == "queued" and settings.load().show_names
    assert give_numbered(store, "Min-jun", 3) > given


def test_a_wrong_password_is_said_without_the_password(postgres):
    url = postgres.url.replace("@", "x9@", 1)  # a password one character off
    with pytest.raises(ClassSetError, match="refuses this app's login") as error:
        ClassDrawings(url, new_class()).version()
    assert url.split(":")[2].split("@")[0] not in str(error.value) and "***" in str(error.value)


def test_the_command_line_starts_and_stops_a_server(postgres):
    folder = Path(tempfile.mkdtemp(prefix="mnist-pg-cli-"))
    folder.chmod(0o711)
    try:
        command = [sys.executable, "-m", "harness.postgres"]
        up = subprocess.run(
            [*command, "up", "--folder", str(folder / "pg"), "--port", str(free_port()), "--fast"],
            capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        url = up.stdout.strip()
        assert url.startswith("postgresql+psycopg://postgres:") and "@127.0.0.1:" in url
        assert ClassDrawings(url, new_class()).version() == (0, 0)  # ready when `up` returns
        subprocess.run([*command, "down", "--folder", str(folder / "pg")], check=True, timeout=120)
        with pytest.raises(ClassSetError, match="cannot be reached"):
            ClassDrawings(url, new_class()).version()
    finally:
        subprocess.run([*command, "down", "--folder", str(folder / "pg")], check=False, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)
