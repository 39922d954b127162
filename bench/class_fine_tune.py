"""Fine-tuning the class model on a class made of real handwriting: before -> after, and how long it takes.

The class: the repo's UNIPEN pen digits (200 digits by 145 writers), each writer a student. Each digit is drawn on
a canvas like the browser's, read by the class model as the Draw page reads it, and given to a class drawings file
in a temporary folder with the digit it is. A second, bigger class (--drawings, default 500) adds copies of each
writer's digits drawn again slightly turned, scaled and shifted (the same writer, so the same side of the split).

For each class: the split by student (a quarter of the writers held out), then the app's fine-tuning (the class
model's settings continued for --epochs epochs at a tenth of its learning rate, on MNIST's training images plus the
class's training part, saved as a run with its parent and class set, as the server's line does it), then the
held-out class drawings and MNIST's test set read by the model before and after. The class model is the setup's
default CNN (copied from runs/ when one is ready, else trained here first, about 2 minutes on a quiet machine).

    .venv/bin/python bench/class_fine_tune.py [--epochs 2] [--drawings 500]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

SEED = 0  # the copies' turns and shifts
TURN_DEGREES = 12.0  # a copy is turned by up to this much either way,
SCALE = 0.12  # scaled by up to 12% either way,
SHIFT_PIXELS = 25.0  # and shifted by up to this much on the 280 px canvas


def varied(strokes, rng: np.random.Generator) -> list[list[tuple[float, float]]]:
    """The strokes drawn again by the same hand: turned, scaled and shifted a little about the canvas's centre."""
    from mnist_core.data.pen_digits import PEN_CANVAS

    centre = PEN_CANVAS / 2
    angle = math.radians(rng.uniform(-TURN_DEGREES, TURN_DEGREES))
    scale = 1 + rng.uniform(-SCALE, SCALE)
    shift_x, shift_y = rng.uniform(-SHIFT_PIXELS, SHIFT_PIXELS, size=2)
    cos, sin = math.cos(angle) * scale, math.sin(angle) * scale
    return [
        [(centre + cos * (x - centre) - sin * (y - centre) + shift_x, centre + sin * (x - centre) + cos * (y - centre)
          + shift_y) for x, y in stroke]
        for stroke in strokes
    ]  # fmt: skip


def bigger_class(digits, count: int, rng: np.random.Generator) -> list:
    """The digits, then copies of them drawn again (each by its own writer) until there are `count`."""
    from mnist_core.data.pen_digits import PenDigit

    copies = [
        PenDigit(digit.label, digit.writer, f"{digit.id}-copy{number}", varied(digit.strokes, rng))
        for number in range(math.ceil(count / len(digits)))
        for digit in digits
    ]
    return (list(digits) + copies)[:count]


def fine_tune(name: str, digits, parent, folder: Path, epochs: int, learning_rate: float | None) -> None:
    """Give the digits to a new class set, fine-tune the class model on it, and print before -> after."""
    from harness.pen_class import give_all, pen_gifts
    from mnist_core.classroom.students import TEACHER
    from mnist_core.classset.drawings import ClassDrawings
    from mnist_core.classset.fine_tuning import SPLIT_SEED, fine_tuning_settings
    from mnist_core.classset.report import before_after, before_after_lines
    from mnist_core.reading.predict import Predictor
    from mnist_core.runs.store import RunStore
    from mnist_core.serving import worker
    from mnist_core.training.settings import TrainingListener

    store = RunStore(folder / "runs")
    path = folder / f"{name}.sqlite3"
    os.environ["MNIST_APP_CLASS_DB"] = str(path)  # where the training reads the class set, as a worker would
    class_set = ClassDrawings(path)
    parent_model = store.load_network(parent.id)
    give_all(class_set, pen_gifts(digits, Predictor(parent_model)), parent.id)
    latest, count = class_set.version()
    split = class_set.training_split(latest, SPLIT_SEED)
    settings = fine_tuning_settings(parent, latest, epochs)
    if learning_rate is not None:
        settings = dataclasses.replace(settings, learning_rate=learning_rate)
    print(f"\n{name}: {count} drawings by {len(split.train_students) + len(split.held_students)} writers", flush=True)
    started = time.perf_counter()
    outcome = worker.train_and_save(settings, store, TEACHER, TrainingListener(), threading.Event())
    seconds = time.perf_counter() - started
    child = store.get(outcome.run_id)
    result = before_after(split, parent_model, store.load_network(child.id), parent.test_accuracy, child.test_accuracy)
    mnist_images = settings.train_limit or 60_000
    print(f"  fine-tuning: {epochs} epochs on {mnist_images:,} MNIST images + {len(split.y_train)} class drawings, "
          f"learning rate {settings.learning_rate:g}: {seconds:.0f} s (fit {child.fit_seconds:.0f} s)")  # fmt: skip
    print(f"  held-out class drawings ({len(split.y_held)} by {len(split.held_students)} writers): "
          f"{_right(result.held_before, split.y_held)} -> {_right(result.held_after, split.y_held)}")  # fmt: skip
    print(f"  MNIST test accuracy: {result.mnist_before:.4f} -> {result.mnist_after:.4f}")
    print(f"  run {child.id}: parent {child.parent_run}, class drawings up to id {latest}")
    for line in before_after_lines(result):  # what the page says
        print(f"  | {line}")


def _right(accuracy: float | None, labels: np.ndarray) -> str:
    if accuracy is None:
        return "-"
    return f"{accuracy:.3f} ({round(accuracy * len(labels))}/{len(labels)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--drawings", type=int, default=500)
    parser.add_argument("--learning-rate", type=float, help="default: a tenth of the class model's, as the app's")
    parser.add_argument("--only-bigger", action="store_true", help="fine-tune on the bigger class only")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="class-fine-tune-"))

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from harness.models import provide_default_drawing_run
    from mnist_core import config
    from mnist_core.data.pen_digits import load_pen_digits

    parent = provide_default_drawing_run(folder / "runs", reuse_from=config.PROJECT_ROOT / "runs")
    digits = load_pen_digits(config.pen_digits_path())
    print(f"class model {parent.id} (MNIST test accuracy {parent.test_accuracy:.4f}); folder {folder}")
    if not args.only_bigger:
        fine_tune("UNIPEN class", digits, parent, folder, args.epochs, args.learning_rate)
    more = bigger_class(digits, args.drawings, np.random.default_rng(SEED))
    fine_tune(f"UNIPEN class of {args.drawings}", more, parent, folder, args.epochs, args.learning_rate)


if __name__ == "__main__":
    main()
