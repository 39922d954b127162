"""Build your own network (issue #31), its three figures: the time-per-epoch estimate against the real epochs, the
numpy reading of a drawing with a 10-layer network (target <= 20 ms), and the server's time for the builder's
plan, summary and estimate of a 10-layer network (target <= 100 ms).

1. The estimate. A training line (serving/training_queue.py, trainings in worker processes as on a class server)
   first runs one teaching training, a network that is none of the presets; then it estimates an epoch of each
   lesson preset and trains it. For each preset: the estimate after that one teaching run, the line's estimate
   just before the preset trained (it has learned from the presets before it, as it would in a class), and the
   measured seconds per epoch (the median of the epochs after the first, which also traces the graphs; the
   first is printed too). Target: within 30% (issue #31).
2. Reading a drawing: a 10-layer network built as the builder builds it, saved and read back with numpy as the
   pages read it (RunStore.load_network), then Predictor.read_canvas on real pen digits, with and without the
   inside view: milliseconds per drawing. With one BLAS thread, as a page process has it (ui/server_tuning.py):
   with more, on a busy machine, every reading waited about 8 ms for the other thread to be scheduled.
3. The builder's server work for a 10-layer spec text: parse and plan it (the diagram's shapes and parameters),
   the `model.summary()` rows, and the estimate asked of the line over its socket from another connection, as a
   page process asks (serving/line.py): milliseconds per redraw, each with one layer's units changed.

Run it alone: every figure is a time on a 2-core machine.

    .venv/bin/python bench/builder.py
    .venv/bin/python bench/builder.py --epochs 4 --calls 1000
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from harness.measures import percentile

TEN_LAYERS = (
    "conv 32 3 relu; batchnorm; pool 2; conv 64 3 relu; batchnorm; pool 2; dropout 0.25; dense 128 relu; "
    "dropout 0.5; dense 64 tanh"
)
TEACHING = {"layers": "dense 128 relu; dropout 0.2", "train_limit": 10_000}  # none of the presets
# The lessons' settings: the wide pair on 1,000 images (the overfitting lesson), the others on every image.
PRESET_IMAGES = {"tutorial": None, "deep_sigmoid": None, "deep_relu": None, "wide": 1000, "wide_dropout": 1000}
READING_TARGET_MS = 20.0
BUILDER_TARGET_MS = 100.0
ESTIMATE_TOLERANCE = 0.30


def load_average() -> str:
    one, five = os.getloadavg()[:2]
    return f"load average {one:.2f} / {five:.2f} (1/5 min)"


def estimates_against_epochs(epochs: int, cnn_images: int | None) -> None:
    from mnist_core.classroom.students import TEACHER
    from mnist_core.model.layers import PRESETS
    from mnist_core.runs.store import RunStore
    from mnist_core.serving.training_queue import TrainingQueue
    from mnist_core.training.settings import TrainingSettings

    images = {**PRESET_IMAGES, "cnn": cnn_images}
    presets = {
        name: TrainingSettings(layers=PRESETS[name], epochs=epochs, train_limit=images[name], seed=1, init_seed=1)
        for name in PRESETS
    }
    with tempfile.TemporaryDirectory() as folder:
        queue = TrainingQueue(RunStore(Path(folder) / "runs"), max_running=1)
        teaching = TrainingSettings(epochs=epochs, seed=1, **TEACHING)
        print(f"1. The estimate. Teaching run: {TEACHING['layers']!r} on {TEACHING['train_limit']:,} images, ", end="")
        print(f"{epochs} epochs; {load_average()}")
        job = queue.submit(teaching, TEACHER)
        queue.wait_all()
        print(f"   its epochs: {', '.join(f'{s:.2f}' for s in job.snapshot().epoch_seconds)} s")
        after_one = {name: queue.estimate_epoch_seconds(settings) for name, settings in presets.items()}

        print(
            f"   {'preset':<13} {'images':>7} {'after 1 run':>11} {'just before':>11} {'measured':>9} {'1st':>6}  ratio"
        )
        within = 0
        for name, settings in presets.items():
            before = queue.estimate_epoch_seconds(settings)
            job = queue.submit(settings, TEACHER)
            queue.wait_all()
            snapshot = job.snapshot()
            if snapshot.error or len(snapshot.epoch_seconds) < 2:
                print(f"   {name:<13} failed: {snapshot.error or snapshot.state}")
                continue
            measured = statistics.median(snapshot.epoch_seconds[1:])
            ratio = after_one[name] / measured
            within += abs(ratio - 1) <= ESTIMATE_TOLERANCE
            print(
                f"   {name:<13} {settings.train_limit or 60_000:>7,} {after_one[name]:>10.2f}s {before:>10.2f}s "
                f"{measured:>8.2f}s {snapshot.epoch_seconds[0]:>5.1f}s  {ratio:.2f}"
            )
        print(
            f"   {within} of {len(presets)} estimates (after one run) within {ESTIMATE_TOLERANCE:.0%}; {load_average()}"
        )


def canvases(count: int) -> list:
    from mnist_core import config
    from mnist_core.data import pen_digits

    digits = pen_digits.load_pen_digits(config.pen_digits_path())[:count]
    return [pen_digits.render_strokes(digit.strokes) for digit in digits]


def reading_a_drawing(calls: int) -> None:
    from threadpoolctl import threadpool_limits

    from mnist_core.model.keras_model import build_spec_model
    from mnist_core.model.layers import parse_layers
    from mnist_core.model.network import read_network
    from mnist_core.reading.predict import Predictor

    threadpool_limits(1, user_api="blas")  # as a page process has it (ui/server_tuning.py)
    spec = parse_layers(TEN_LAYERS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.keras"
        build_spec_model(spec, seed=1).save(path)  # the weights' values do not change the time
        predictor = Predictor(read_network(path))
    drawings = canvases(200)
    for drawing in drawings[:20]:  # warm up
        predictor.read_canvas(drawing, inside=True)
    written = spec.layer_count - 1  # and the output layer
    print(f"2. Reading a drawing, {written} written layers ({spec.parameters:,} parameters); {load_average()}")
    for inside in (False, True):
        timings = []
        for call in range(calls):
            started = time.perf_counter()
            predictor.read_canvas(drawings[call % len(drawings)], inside=inside)
            timings.append((time.perf_counter() - started) * 1000)
        shown = "with the inside view" if inside else "the answer alone"
        print(
            f"   read_canvas, {shown:<21} p50 {statistics.median(timings):5.2f} ms   p95 "
            f"{percentile(timings, 0.95):5.2f} ms   max {max(timings):5.2f} ms   (target <= {READING_TARGET_MS:g} ms)"
        )


def builder_server_time(calls: int) -> None:
    from mnist_core.model.layers import parse_layers
    from mnist_core.runs.store import RunStore
    from mnist_core.serving.line import TrainingLine, connect_line, serve_line
    from mnist_core.serving.training_queue import TrainingQueue
    from mnist_core.training.settings import TrainingSettings

    with tempfile.TemporaryDirectory() as folder:
        key = os.urandom(16)
        address = serve_line(TrainingLine(TrainingQueue(RunStore(Path(folder) / "runs"))), key)
        page = connect_line(address, key)  # as a page process reaches the line
        texts = [TEN_LAYERS.replace("dense 64 tanh", f"dense {64 + call % 50} tanh") for call in range(calls)]
        parts: dict[str, list[float]] = {"plan": [], "summary": [], "estimate": [], "together": []}
        for text in texts:
            started = time.perf_counter()
            spec = parse_layers(text)
            planned = time.perf_counter()
            rows, parameters = spec.rows(), spec.parameters
            summarised = time.perf_counter()
            page.estimate_epoch_seconds(TrainingSettings(layers=spec.text(), epochs=5))
            estimated = time.perf_counter()
            for name, (begin, end) in {
                "plan": (started, planned),
                "summary": (planned, summarised),
                "estimate": (summarised, estimated),
                "together": (started, estimated),
            }.items():
                parts[name].append((end - begin) * 1000)
        assert len(rows) == len(spec.plan) and parameters > 0
    print(f"3. The builder's server work, {spec.layer_count - 1} written layers, {calls} redraws; {load_average()}")
    for name, timings in parts.items():
        print(
            f"   {name:<9} p50 {statistics.median(timings):6.3f} ms   p95 {percentile(timings, 0.95):6.3f} ms   "
            f"max {max(timings):6.3f} ms" + (f"   (target <= {BUILDER_TARGET_MS:g} ms)" if name == "together" else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3, help="epochs of each training (the first is not measured)")
    parser.add_argument("--cnn-images", type=int, default=None, help="the CNN's training images (default: all)")
    parser.add_argument("--calls", type=int, default=500, help="timed drawings and redraws")
    parser.add_argument("--skip-training", action="store_true", help="only the reading and the builder's time")
    args = parser.parse_args()

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    if not args.skip_training:
        estimates_against_epochs(max(args.epochs, 2), args.cnn_images)
    reading_a_drawing(args.calls)
    builder_server_time(args.calls)


if __name__ == "__main__":
    main()
