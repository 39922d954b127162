"""Training speed: the tutorial's own code against mnist_core's training, on the same data.

Both sides train the tutorial's network (Flatten -> Dense(1000, relu) -> Dense(10, softmax), adam, sparse
categorical cross-entropy) on the same data set for the same epochs, batch 100, with the test set as
validation data after every epoch, then evaluate on the test set. The tutorial's side is its script as
written (pixels as float64 `x / 255.0`, `model.fit(...)` with Keras's defaults); mnist_core's side is
`mnist_core.training.fit.train(TrainingSettings(...))`, exactly what the app and the command line run.

Every run is a fresh Python process (nothing cached or compiled carries over), and the two sides take turns,
so a busy machine slows both alike. Seconds per epoch = `fit` wall time / epochs, the first epoch's set-up
(tracing, compiling) included, because a student waits for that too. Data loading is not timed on either side.

    .venv/bin/python bench/train_speed.py                  # 3 epochs, 3 runs each
    .venv/bin/python bench/train_speed.py --epochs 10 --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SIDES = ("tutorial", "mnist_core")


def tutorial_run(dataset: str, epochs: int, seed: int) -> dict:
    """The tutorial's code, as written (apart from Keras 3's metrics list and keras.Input)."""
    import keras

    from mnist_core.data import datasets

    data = datasets.load(dataset)  # the same files mnist_core trains on
    keras.utils.set_random_seed(seed)
    started = time.perf_counter()

    x_train = data.x_train / 255.0  # the tutorial's scaling: float64
    x_test = data.x_test / 255.0
    model = keras.Sequential(
        [
            keras.Input((28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(1000, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    epoch_times = EpochTimer()
    fit_started, cpu_started = time.perf_counter(), time.process_time()
    model.fit(
        x_train,
        data.y_train,
        validation_data=(x_test, data.y_test),
        epochs=epochs,
        batch_size=100,
        verbose=0,
        callbacks=[epoch_times.callback()],
    )
    fit_seconds = time.perf_counter() - fit_started
    test_loss, test_accuracy = model.evaluate(x_test, data.y_test, verbose=0)
    return {
        "fit_seconds": fit_seconds,
        "cpu_seconds": time.process_time() - cpu_started,  # fit and evaluate, all threads
        "epoch_seconds": epoch_times.seconds,
        "total_seconds": time.perf_counter() - started,
        "test_accuracy": float(test_accuracy),
    }


def mnist_core_run(dataset: str, epochs: int, seed: int) -> dict:
    """The project's training, exactly as the Train page and `python -m mnist_core train` call it."""
    from mnist_core.data import datasets
    from mnist_core.training.fit import train
    from mnist_core.training.settings import TrainingListener, TrainingSettings

    class EpochSeconds(TrainingListener):
        def __init__(self) -> None:
            self.seconds: list[float] = []
            self.cpu_started = 0.0

        def on_start(self, settings: TrainingSettings, batches_per_epoch: int, earlier: dict) -> None:
            self.cpu_started = time.process_time()  # just before fit

        def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
            self.seconds.append(seconds)

    datasets.load(dataset)  # loaded (and cached) before the clock starts, as on the tutorial's side
    listener = EpochSeconds()
    started = time.perf_counter()
    result = train(TrainingSettings(dataset=dataset, epochs=epochs, seed=seed), listener=listener)
    return {
        "fit_seconds": result.fit_seconds,
        "cpu_seconds": time.process_time() - listener.cpu_started,  # fit and evaluate, all threads
        "epoch_seconds": listener.seconds,
        "total_seconds": time.perf_counter() - started,
        "test_accuracy": result.test_accuracy,
    }


class EpochTimer:
    """Wall time of every epoch (training and validation), for the tutorial's side."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def callback(self):
        import keras

        timer = self

        class Callback(keras.callbacks.Callback):
            def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
                self.started = time.perf_counter()

            def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
                timer.seconds.append(time.perf_counter() - self.started)

        return Callback()


def run_in_fresh_process(side: str, dataset: str, epochs: int, seed: int) -> dict:
    """Start a new Python for one run (like the `spawn` start method) and read its result line."""
    command = [sys.executable, __file__, "--worker", side, "--dataset", dataset, "--epochs", str(epochs)]
    command += ["--seed", str(seed)]
    completed = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"The {side} run failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", choices=("mnist", "fashion_mnist"), default="mnist")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each side (they alternate)")
    parser.add_argument("--seed", type=int, default=1, help="run i of both sides uses seed + i")
    parser.add_argument("--worker", choices=SIDES, help=argparse.SUPPRESS)  # one run, in a child process
    args = parser.parse_args()

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported; the fresh processes inherit it
    if args.worker:
        run = tutorial_run if args.worker == "tutorial" else mnist_core_run
        print(json.dumps(run(args.dataset, args.epochs, args.seed)))
        return

    print(
        f"Training speed: {args.dataset}, {args.epochs} epochs, batch 100, validation every epoch, "
        f"{args.repeats} fresh processes per side, alternating"
    )
    print(f"Start: {load_average()}")
    results: dict[str, list[dict]] = {side: [] for side in SIDES}
    for repeat in range(args.repeats):
        for side in SIDES if repeat % 2 == 0 else reversed(SIDES):  # ABBA: neither side always goes first
            run = run_in_fresh_process(side, args.dataset, args.epochs, args.seed + repeat)
            results[side].append(run)
            epochs = " ".join(f"{seconds:.2f}" for seconds in run["epoch_seconds"])
            print(
                f"  run {repeat + 1} {side:>10}: {run['fit_seconds'] / args.epochs:5.2f} s/epoch  "
                f"(epochs: {epochs} s; CPU {run['cpu_seconds']:.1f} s)  test accuracy {run['test_accuracy']:.4f}",
                flush=True,
            )
    print(f"End: {load_average()}")

    per_epoch = {side: statistics.median(run["fit_seconds"] / args.epochs for run in results[side]) for side in SIDES}
    accuracy = {side: statistics.median(run["test_accuracy"] for run in results[side]) for side in SIDES}
    pairs = zip(results["tutorial"], results["mnist_core"], strict=True)  # run i of each side, same seed
    ratios = [tutorial["fit_seconds"] / core["fit_seconds"] for tutorial, core in pairs]
    print()
    cpu = {side: statistics.median(run["cpu_seconds"] / args.epochs for run in results[side]) for side in SIDES}
    for side in SIDES:
        print(
            f"{side:>10}: median {per_epoch[side]:.2f} s/epoch ({cpu[side]:.2f} CPU s/epoch), "
            f"median test accuracy {accuracy[side]:.4f}"
        )
    print(
        f"Speed-up (tutorial time / mnist_core time): median {statistics.median(ratios):.2f}x "
        f"(runs: {', '.join(f'{ratio:.2f}' for ratio in ratios)})"
    )
    gap = (accuracy["mnist_core"] - accuracy["tutorial"]) * 100
    print(f"Accuracy difference (mnist_core - tutorial): {gap:+.2f} points")


if __name__ == "__main__":
    main()
