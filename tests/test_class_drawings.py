"""The class drawings file: giving (what is kept, what is refused, the rate limit), deleting, the split by student,
and the export read back with the project's own IDX reader. Under stress and damaged: test_class_db.py."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest
from class_writer import (
    RUN_ID,
    check_whole,
    give_numbered,
    numbered_reading,
    numbered_strokes,
)

from mnist_core import config, limits
from mnist_core.classset import database as class_db
from mnist_core.classset.balance import balance_warning, counts_text, scarce_digits
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.classset.export import IMAGES_FILE, LABELS_FILE, export_zip, read_export
from mnist_core.classset.split import as_uint8, held_out_students, split_by_student
from mnist_core.data import idx
from mnist_core.errors import Refusal
from mnist_core.i18n import in_language, t
from mnist_core.reading.predict import Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared
from mnist_core.runs.store import RunError
from mnist_core.serving import worker
from mnist_core.training.settings import TrainingSettings

WRITER = Path(__file__).resolve().parent / "class_writer.py"
HANGUL = re.compile("[\uac00-\ud7a3]")


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "runs" / config.CLASS_DB_FILE


# The file


def test_a_new_file_is_made_in_wal_mode_with_its_schema_version(path):
    store = ClassDrawings(path)
    assert store.version() == (0, 0)
    connection = check_whole(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("SELECT application, version FROM schema_version").fetchall() == [
        (class_db.APPLICATION, class_db.SCHEMA_VERSION)
    ]
    assert [name for name in os.listdir(path.parent) if ".new-" in name] == []  # the temporary file is gone


def test_the_file_lives_beside_the_runs_unless_the_environment_moves_it(tmp_path):
    assert config.class_db_path({"MNIST_APP_RUNS_DIR": str(tmp_path)}) == tmp_path / "class-drawings.sqlite3"
    moved = tmp_path / "elsewhere" / "class.sqlite3"
    assert config.class_db_path({"MNIST_APP_RUNS_DIR": str(tmp_path), "MNIST_APP_CLASS_DB": str(moved)}) == moved


# Giving


def test_a_drawing_is_kept_with_everything_about_it(path):
    clock = Clock()
    store = ClassDrawings(path, clock=clock)
    reading = numbered_reading(37)
    drawing_id = store.give("  Min-jun ", 7, reading, numbered_strokes(37), RUN_ID)
    drawings = store.drawings()
    assert list(drawings.ids) == [drawing_id]
    assert drawings.students == ("Min-jun",) and drawings.student_keys == ("min-jun",)
    assert drawings.labels[0] == 7 and drawings.readings[0] == 7
    np.testing.assert_array_equal(drawings.images[0], reading.prepared.image)  # exactly what the model saw
    np.testing.assert_array_equal(drawings.probabilities[0], reading.probabilities)
    assert drawings.run_ids == (RUN_ID,) and drawings.created[0] == clock.now
    assert store.strokes(drawing_id) == numbered_strokes(37)
    assert list(store.counts()) == [0] * 7 + [1, 0, 0]


def test_a_blank_or_unreadable_drawing_cannot_be_given(path):
    store = ClassDrawings(path)
    cases = [
        (Reading(Prepared(DrawingStatus.BLANK, None), None), "class.give.blank"),
        (Reading(Prepared(DrawingStatus.TOO_SMALL, None), None), "class.give.unreadable"),
        (Reading(Prepared(DrawingStatus.TOO_FULL, None), None), "class.give.unreadable"),
    ]
    for reading, key in cases:
        with pytest.raises(Refusal) as refused:
            store.give("Min-jun", 3, reading, "{}", RUN_ID)
        assert refused.value.key == key
    assert store.version() == (0, 0)


def test_bad_names_digits_strokes_and_runs_are_refused(path):
    store = ClassDrawings(path)
    reading = numbered_reading(1)
    with pytest.raises(Refusal):
        store.give("   ", 1, reading, "{}", RUN_ID)
    for digit in (-1, 10, 1.0, True):
        with pytest.raises(ValueError):
            store.give("Min-jun", digit, reading, "{}", RUN_ID)
    for strokes in ("not json", "[" * 10 + "x" * limits.GIFT_STROKES_MAX_CHARACTERS):
        with pytest.raises(ValueError):
            store.give("Min-jun", 1, reading, strokes, RUN_ID)
    with pytest.raises(RunError):
        store.give("Min-jun", 1, reading, "{}", "../../etc")
    assert store.version() == (0, 0)


def test_sixty_drawings_in_ten_minutes_then_a_friendly_wait(path):
    clock = Clock()
    store = ClassDrawings(path, clock=clock)
    for number in range(limits.GIFTS_PER_WINDOW):
        give_numbered(store, "Min-jun", number)
        clock.now += 5  # one every 5 seconds: the 60th comes 295 s after the first
    with pytest.raises(Refusal) as refused:
        give_numbered(store, "MIN-JUN", 60)  # the same student, however spelt
    assert refused.value.key == "class.give.too_many"
    assert refused.value.values == {"most": 60, "minutes": 10, "wait": 5}  # the first leaves the window in 300 s
    assert "thank you" in refused.value.text()
    assert HANGUL.search(t(refused.value.key, "ko", **refused.value.values))
    give_numbered(store, "Seo-yeon", 0)  # another student is not held up
    clock.now += 301
    give_numbered(store, "Min-jun", 61)  # the first drawing has left the window
    assert store.version()[1] == 62


def test_deleting_one_drawing_or_all_of_a_students_and_ids_never_come_back(path):
    store = ClassDrawings(path)
    names = ["Min-jun", "Seo-yeon", "min-jun", "Ha-eun"]
    ids = [give_numbered(store, name, number) for number, name in enumerate(names)]
    assert store.students() == [("Ha-eun", 1), ("min-jun", 2), ("Seo-yeon", 1)]  # the latest spelling
    assert store.delete(ids[1]) and not store.delete(ids[1])
    assert store.delete_student("MIN-JUN ") == 2
    assert list(store.ids()) == [ids[3]]
    assert store.delete(ids[3])
    assert give_numbered(store, "Ji-woo", 9) == ids[3] + 1  # the latest id is never used again
    assert store.version() == (ids[3] + 1, 1)


# Review first: a drawing waiting for the teacher counts nowhere


def give_waiting(store: ClassDrawings, student: str, number: int) -> int:
    return store.give(student, number % 10, numbered_reading(number), numbered_strokes(number), RUN_ID, approved=False)


@pytest.fixture
def reviewed(path) -> tuple[ClassDrawings, list[int], list[int]]:
    """Three approved drawings by Min-jun and Seo-yeon, then two waiting for review: Ha-eun's 3 and Min-jun's 4."""
    store = ClassDrawings(path)
    approved = [give_numbered(store, name, number) for number, name in enumerate(["Min-jun", "Seo-yeon", "Min-jun"])]
    waiting = [give_waiting(store, "Ha-eun", 3), give_waiting(store, "Min-jun", 4)]
    return store, approved, waiting


def test_a_drawing_waiting_for_review_is_in_no_count_list_split_or_export(reviewed, monkeypatch):
    store, approved, waiting = reviewed
    assert store.pending_count() == 2 and list(store.pending().ids) == waiting  # the teacher's list, oldest first
    assert store.version() == (approved[-1], 3)
    assert list(store.counts()) == [1, 1, 1] + [0] * 7  # the Class page's counts
    assert list(store.ids()) == approved and list(store.drawings().ids) == approved  # the board reads these
    assert list(store.drawings(after=0, up_to=waiting[-1]).ids) == approved
    assert store.students() == [("Min-jun", 2), ("Seo-yeon", 1)]  # Ha-eun has nothing approved: not listed
    assert store.student_keys(waiting[-1]) == ["min-jun", "seo-yeon", "min-jun"]
    split = store.training_split(waiting[-1], seed=0)
    assert len(split.y_train) + len(split.y_held) == 3 and "ha-eun" not in split.train_students | split.held_students
    images, labels = read_export(export_zip(store.drawings()))
    assert list(labels) == [0, 1, 2] and len(images) == 3
    # A fine-tuning's worker reads the class set the same way, from the file the server uses.
    monkeypatch.setenv("MNIST_APP_CLASS_DB", str(store.path))
    settings = TrainingSettings(class_drawings_up_to=waiting[-1], class_split_seed=0)
    inputs = worker.read_inputs(settings, store=None)
    assert len(inputs.extra_labels) == len(split.y_train)
    assert 3 not in inputs.extra_labels and 4 not in inputs.extra_labels


def test_approving_lets_a_drawing_count_and_rejecting_deletes_it(reviewed):
    store, approved, waiting = reviewed
    assert store.approve([waiting[1], approved[0]]) == 1  # an approved drawing is left as it is
    assert list(store.ids()) == [*approved, waiting[1]] and store.version() == (waiting[1], 4)
    assert store.reject([waiting[0], approved[1]]) == 1  # only a drawing waiting for review is rejected
    assert store.pending_count() == 0 and list(store.ids()) == [*approved, waiting[1]]
    assert store.strokes(waiting[0]) is None  # gone, pictures and all
    assert store.approve([waiting[0]]) == 0 and store.reject([]) == 0


def test_the_revision_changes_with_every_give_approval_and_deletion(reviewed):
    store, approved, waiting = reviewed
    seen = {store.revision()}
    for change in (
        lambda: give_waiting(store, "Ji-woo", 9),
        lambda: store.approve([waiting[0]]),
        lambda: store.reject([waiting[1]]),
        lambda: store.delete(approved[0]),
    ):
        change()
        assert store.revision() not in seen
        seen.add(store.revision())


def test_a_students_drawings_go_waiting_or_not(reviewed):
    store, _, _ = reviewed
    assert store.delete_student("min-jun") == 3  # two approved, one waiting
    assert store.pending_count() == 1 and store.students() == [("Seo-yeon", 1)]


# Balance: the digits the class gave too few of


@pytest.mark.parametrize(
    ("counts", "scarce"),
    [
        ([0] * 10, []),  # nothing given: nothing to warn about
        ([10] * 10, []),
        ([40, 40, 40, 40, 40, 40, 40, 4, 40, 40], [7]),  # the 40 against 4: the mean is 36.4, a third 12.1
        ([30, 30, 30, 30, 30, 30, 30, 10, 30, 30], []),  # mean 28, a third 9.33: 10 is enough
        ([30, 30, 30, 30, 30, 30, 30, 9, 30, 30], [7]),  # mean 27.9, a third 9.3: 9 is not
        ([3, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ([10, 10, 10, 10, 10, 10, 10, 10, 10, 0], [9]),
    ],
)
def test_a_digit_is_scarce_below_a_third_of_the_mean(counts, scarce):
    assert scarce_digits(counts) == scarce
    assert (balance_warning(counts) is None) == (not scarce)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_balance_warning_names_the_digit_with_its_count_and_the_lesson(language):
    counts = np.array([40] * 7 + [4] + [40] * 2)
    with in_language(language):
        warning = balance_warning(counts)
        assert warning == t("class.balance.scarce", digits="7 (4)", mean="36.4")
        each = "0: 40 · 1: 40 · 2: 40 · 3: 40 · 4: 40 · 5: 40 · 6: 40 · 7: 4 · 8: 40 · 9: 40"
        assert counts_text(counts) == t("class.balance.counts", counts=each)
    assert "7 (4)" in warning  # the digit, by name and count
    assert HANGUL.search(warning) if language == "ko" else "leans toward the digits it sees most" in warning


def test_the_balance_rule_wants_ten_counts():
    with pytest.raises(ValueError):
        scarce_digits([1, 2, 3])


# The split by student


def class_of(path: Path, students: int, per_student: int) -> ClassDrawings:
    store = ClassDrawings(path)
    for number in range(students * per_student):
        give_numbered(store, f"student {number % students}", number)
    return store


def test_the_split_keeps_each_student_on_one_side(path):
    store = class_of(path, students=20, per_student=6)
    latest = store.version()[0]
    split = store.training_split(latest, seed=0)
    assert split.train_students.isdisjoint(split.held_students)
    assert len(split.held_students) == 5 and len(split.train_students) == 15
    assert len(split.y_held) == 30 and len(split.y_train) == 90
    drawings = store.drawings()
    held = np.array([key in split.held_students for key in drawings.student_keys])
    np.testing.assert_array_equal(split.x_held, as_uint8(drawings.images[held]))
    np.testing.assert_array_equal(split.y_train, drawings.labels[~held])
    assert split.x_train.dtype == split.y_train.dtype == np.uint8 and split.x_train.shape[1:] == (28, 28)

    again = store.training_split(latest, seed=0)
    assert again.held_students == split.held_students  # deterministic, in any process
    assert store.training_split(latest, seed=1).held_students != split.held_students
    assert held_out_students(reversed(drawings.student_keys), seed=0) == split.held_students  # order does not matter


def test_the_split_reads_only_the_drawings_up_to_its_id(path):
    store = class_of(path, students=4, per_student=5)
    split = store.training_split(10, seed=0)
    assert len(split.y_train) + len(split.y_held) == 10
    give_numbered(store, "late student", 99)
    assert "late student" not in store.training_split(10, seed=0).train_students


def test_one_student_alone_is_not_held_out(path):
    split = split_by_student(class_of(path, students=1, per_student=4).drawings(), seed=0)
    assert split.held_students == frozenset() and len(split.y_train) == 4 and len(split.y_held) == 0


# The export


def test_the_export_reads_back_with_the_projects_idx_reader(path):
    store = class_of(path, students=3, per_student=7)
    drawings = store.drawings()
    data = export_zip(drawings)
    images, labels = read_export(data)
    np.testing.assert_array_equal(images, as_uint8(drawings.images))
    np.testing.assert_array_equal(labels, drawings.labels)

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in (IMAGES_FILE, LABELS_FILE):
            assert archive.read(name).startswith(b"\x1f\x8b")  # gzipped, as MNIST is published
        folder = path.parent / "export"
        archive.extractall(folder)
        rows = list(csv.DictReader(io.StringIO(archive.read("class-drawings.csv").decode("utf-8"))))
    # The files on disk, as a later class would have them: the same reader, raw or gzipped.
    np.testing.assert_array_equal(idx.read_idx(folder / IMAGES_FILE), images)
    np.testing.assert_array_equal(idx.read_idx(gzip.decompress((folder / LABELS_FILE).read_bytes())), labels)
    assert len(rows) == 21 and "student" not in rows[0]
    assert [int(row["label"]) for row in rows] == list(labels)
    assert rows[0]["run"] == RUN_ID and rows[0]["given_at"].endswith("+00:00")
    assert float(rows[0][f"p{labels[0]}"]) == pytest.approx(0.91, abs=1e-4)


def test_the_export_names_students_only_when_asked(path):
    drawings = class_of(path, students=2, per_student=2).drawings()
    named = zipfile.ZipFile(io.BytesIO(export_zip(drawings, with_names=True))).read("class-drawings.csv").decode()
    assert "student 0" in named and "student 1" in named
    anonymous = zipfile.ZipFile(io.BytesIO(export_zip(drawings))).read("class-drawings.csv").decode()
    assert "student 0" not in anonymous


def test_an_export_that_was_changed_is_refused(path):
    data = export_zip(class_of(path, students=2, per_student=2).drawings())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(buffer, "w") as changed:
        for item in original.infolist():
            content = original.read(item)
            if item.filename == LABELS_FILE:
                content = gzip.compress(idx.encode_idx(np.zeros(4, dtype=np.uint8)))
            changed.writestr(item, content)
    with pytest.raises(idx.ChecksumError):
        read_export(buffer.getvalue())
