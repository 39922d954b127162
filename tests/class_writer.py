"""Drawings given to a class drawings file from other processes: many at once, or one after another until killed.

Each drawing is made from its number alone (`numbered_reading`), so a reader can tell a whole row from a torn one:
every field of drawing k says k.

    python tests/class_writer.py FILE STUDENT COUNT [GO_FILE]   give COUNT drawings: first say ready (a file
                                                               GO_FILE.<pid>.ready), then wait for GO_FILE
    python tests/class_writer.py FILE STUDENT forever            give drawings until killed
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import sys
import threading
import time
from pathlib import Path

import numpy as np

from mnist_core.classset.drawings import ClassDrawings
from mnist_core.reading.predict import Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared

RUN_ID = "20261201-090000-mnist-abcdef"  # any well-formed run id: the store does not open the run


def numbered_reading(number: int) -> Reading:
    """A readable drawing whose every pixel and probability says `number` (its label is number % 10)."""
    image = np.full((28, 28), (number % 251) / 250, dtype=np.float32)
    probabilities = np.full(10, 0.01, dtype=np.float32)
    probabilities[number % 10] = 0.91
    return Reading(Prepared(DrawingStatus.OK, image), probabilities)


def numbered_strokes(number: int) -> str:
    return json.dumps({"objects": [{"type": "path", "number": number}]})


def give_numbered(store: ClassDrawings, student: str, number: int) -> int:
    return store.give(student, number % 10, numbered_reading(number), numbered_strokes(number), RUN_ID)


def give_from_thirty_threads(store: ClassDrawings) -> list[Exception]:
    """Thirty students give five drawings each, all starting at the same moment; returns what failed."""
    start = threading.Barrier(30)
    errors: list[Exception] = []

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
    return errors


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_whole(path: Path) -> sqlite3.Connection:
    """A fresh connection after SQLite's full integrity check says ok."""
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    return connection


def check_every_row_whole(store: ClassDrawings) -> int:
    """Every drawing's fields tell the same number (see numbered_reading); the number of drawings."""
    drawings = store.drawings()
    for index, drawing_id in enumerate(drawings.ids):
        number = json.loads(store.strokes(drawing_id))["objects"][0]["number"]
        reading = numbered_reading(number)
        np.testing.assert_array_equal(drawings.images[index], reading.prepared.image)
        np.testing.assert_array_equal(drawings.probabilities[index], reading.probabilities)
        assert drawings.labels[index] == drawings.readings[index] == number % 10
    return len(drawings)


def wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.005)


def main(arguments: list[str]) -> None:
    file, student, count = Path(arguments[0]), arguments[1], arguments[2]
    # A very patient clock for the rate limit: these writers give far more than 60 in 10 minutes on purpose.
    store = ClassDrawings(file, clock=itertools.count(int(time.time()), 1000).__next__)
    if count == "forever":
        for number in itertools.count():
            give_numbered(store, student, number)
    if len(arguments) > 3:
        go = Path(arguments[3])
        go.with_name(f"{go.name}.{os.getpid()}.ready").touch()
        wait_for(go)
    for number in range(int(count)):
        give_numbered(store, student, number)


if __name__ == "__main__":
    main(sys.argv[1:])
