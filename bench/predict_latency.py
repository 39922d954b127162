"""Prediction latency: one canvas image -> MNIST-style preprocessing -> the model's ten probabilities.

This is what the Draw page does on every pen stroke: `Predictor.read_canvas(rgba)`. The canvases are real
handwriting (UNIPEN pen digits from samples/, rendered like the browser canvas by mnist_core.data.pen_digits),
or synthetic strokes when that file is missing. The model is the run the Draw page starts on in --runs-dir,
loaded from disk as the app loads it; without one, a small model is trained here first (a minute or less).

Three timings per call, in milliseconds: preprocessing (`canvas_to_mnist`), inference
(`Predictor.probabilities`) and the whole `read_canvas`. A few warm-up calls run first and are not counted.

    .venv/bin/python bench/predict_latency.py
    .venv/bin/python bench/predict_latency.py --calls 2000 --runs-dir runs
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from harness.measures import percentile

WARM_UP_CALLS = 20


def canvases(pen_digits: Path) -> tuple[list, list[int]]:
    """RGBA canvases of real pen digits and their labels (synthetic strokes when the file is missing)."""
    from mnist_core.data import pen_digits as strokes

    if pen_digits.is_file():
        digits = strokes.load_pen_digits(pen_digits)
        print(f"Canvases: {len(digits)} real pen digits from {pen_digits}")
        return [strokes.render_strokes(digit.strokes) for digit in digits], [digit.label for digit in digits]
    print(f"Canvases: {pen_digits} not found, using synthetic strokes")
    one = [[(140.0, 40.0), (140.0, 240.0)]]
    seven = [[(70.0, 50.0), (210.0, 50.0), (120.0, 240.0)]]
    zero = [[(140.0 + 70 * x, 140.0 + 100 * y) for x, y in _circle(24)]]
    return [strokes.render_strokes(drawing) for drawing in (one, seven, zero)], [1, 7, 0]


def _circle(points: int) -> list[tuple[float, float]]:
    import math

    return [(math.sin(2 * math.pi * i / points), math.cos(2 * math.pi * i / points)) for i in range(points + 1)]


def load_or_train_model(runs_dir: Path):
    """The model the Draw page starts on (see mnist_core.classroom.defaults), loaded as the app loads it."""
    from mnist_core.classroom import defaults
    from mnist_core.runs.store import RunStore

    store = RunStore(runs_dir)
    record = defaults.drawing_run(store.list())
    if record is not None:
        print(f"Model: run {record.id} from {runs_dir} (test accuracy {record.test_accuracy:.4f})")
        return store.load_network(record.id)
    from mnist_core.training.fit import train
    from mnist_core.training.settings import TrainingSettings

    print(f"Model: no MNIST run in {runs_dir}; training one on 10,000 images for 2 epochs first")
    result = train(TrainingSettings(epochs=2, train_limit=10_000, seed=1))
    print(f"       test accuracy {result.test_accuracy:.4f}")
    return result.model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500, help="timed calls of each kind")
    parser.add_argument("--runs-dir", type=Path, default=None, help="saved runs (default: the app's runs folder)")
    parser.add_argument("--pen-digits", type=Path, default=None, help="default: the repository's samples/")
    args = parser.parse_args()

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from mnist_core import config
    from mnist_core.reading.predict import Predictor
    from mnist_core.reading.preprocess import canvas_to_mnist

    images, labels = canvases(args.pen_digits or config.pen_digits_path())
    predictor = Predictor(load_or_train_model(args.runs_dir or config.runs_dir()))
    for image in images[:WARM_UP_CALLS]:
        predictor.read_canvas(image)

    one, five = os.getloadavg()[:2]
    print(f"{args.calls} calls of each, canvases {images[0].shape}, load average {one:.2f} / {five:.2f} (1/5 min)")
    timings: dict[str, list[float]] = {"preprocessing": [], "inference": [], "total (read_canvas)": []}
    for call in range(args.calls):
        image = images[call % len(images)]
        started = time.perf_counter()
        prepared = canvas_to_mnist(image)
        prepared_at = time.perf_counter()
        predictor.probabilities(prepared.image)
        done = time.perf_counter()
        predictor.read_canvas(image)
        read_at = time.perf_counter()
        timings["preprocessing"].append((prepared_at - started) * 1000)
        timings["inference"].append((done - prepared_at) * 1000)
        timings["total (read_canvas)"].append((read_at - done) * 1000)

    for name, values in timings.items():
        print(
            f"  {name:<20} p50 {statistics.median(values):6.2f} ms   p95 {percentile(values, 0.95):6.2f} ms   "
            f"max {max(values):6.2f} ms"
        )
    readings = [predictor.read_canvas(image) for image in images]
    correct = sum(reading.predicted_label == label for reading, label in zip(readings, labels, strict=True))
    print(f"  (the model read {correct} of {len(images)} canvases right)")


if __name__ == "__main__":
    main()
