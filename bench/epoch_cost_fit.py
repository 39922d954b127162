"""Fit the prices of training/epoch_cost.py (its COSTS) to epochs measured on this machine.

1. Train: each network of DESIGN trains for a few epochs on a training line (serving/training_queue.py, in worker
   processes as on a class server), one at a time. Its epoch time is the median of the epochs after the first
   (the first also traces the graphs), as the line itself learns it.
2. Fit: each network's epoch_work() gives the counts of what its epoch does; the prices are the non-negative
   least-squares fit of the counts to the measured times, each network weighted by 1 / its time, so that a short
   epoch's error counts as much as a long one's (the estimate must be within 30% for every network).
3. Print the COSTS to paste into training/epoch_cost.py, and every network's fitted time against its measured one.

DESIGN covers every count: dense and convolutional networks from 16 units to the CNN, every layer kind, batches of
20 to 1,000, 1,000 to 60,000 images, augmentation, noise and held-out validation, and the lessons' presets. Run it
alone, on a quiet machine (it prints the load average at the start and the end); it takes about 7 minutes.

    .venv/bin/python bench/epoch_cost_fit.py --save bench/epoch_costs_measured.json
    .venv/bin/python bench/epoch_cost_fit.py --load bench/epoch_costs_measured.json --check

`--load` fits epochs measured earlier without training; `--check` exits with 1 when the prices fitted differ from
training/epoch_cost.py's COSTS (tests/test_epoch_cost.py runs it on the committed measurements, so the prices in
the code are always the ones these measurements give).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from builder import TEACHING, TEN_LAYERS  # bench/builder.py's networks, whose figures these prices serve

from mnist_core.model.layers import PRESETS

CONV = PRESETS["cnn"]
# Each: the settings it trains with (TrainingSettings's fields). The lessons' presets as the bench/builder.py
# figures train them, then networks chosen so that every count varies on its own.
DESIGN: list[dict[str, Any]] = [
    TEACHING,  # bench/builder.py's teaching run
    *({"layers": PRESETS[name]} for name in ("tutorial", "deep_sigmoid", "deep_relu", "cnn")),
    {"layers": PRESETS["wide"], "train_limit": 1000},
    {"layers": PRESETS["wide_dropout"], "train_limit": 1000},
    {"layers": "dense 16 relu"},
    {"layers": "dense 16 relu", "train_limit": 5000, "batch_size": 20},
    {"layers": "dense 1000 relu", "batch_size": 32},
    {"layers": "dense 1000 relu", "batch_size": 500},
    {"layers": "dense 1000 relu", "train_limit": 5000, "batch_size": 20},
    {"layers": "dense 1000 relu", "train_limit": 2000},
    {"layers": PRESETS["wide"], "train_limit": 10_000},
    {"layers": PRESETS["wide"], "train_limit": 30_000, "batch_size": 1000},
    {"layers": "dense 256 relu; dense 256 relu", "train_limit": 30_000, "batch_size": 50},
    {"layers": "; ".join(["dense 64 relu"] * 10), "train_limit": 20_000},
    {"layers": PRESETS["deep_relu"], "train_limit": 5000, "batch_size": 500},
    {"layers": "dense 512 tanh; batchnorm; dense 256 sigmoid; dropout 0.3", "train_limit": 20_000},
    {"layers": "conv 16 3 relu; pool 2; dense 64 relu", "train_limit": 20_000},
    {"layers": "conv 32 5 relu; pool 2; conv 32 3 relu; pool 2", "train_limit": 10_000},
    {"layers": "conv 8 3 relu; batchnorm; pool 2; dense 32 relu", "train_limit": 30_000, "batch_size": 200},
    {"layers": "conv 32 3 relu; conv 32 3 relu; pool 2; dropout 0.25; dense 128 relu", "train_limit": 5000},
    {"layers": CONV, "train_limit": 5000, "batch_size": 50},
    {"layers": CONV, "train_limit": 5000, "augment": True},
    {"layers": TEN_LAYERS, "train_limit": 10_000},
    {"layers": PRESETS["tutorial"], "train_limit": 20_000, "noise": 0.2},
    {"layers": PRESETS["tutorial"], "train_limit": 10_000, "augment": True},
    {"layers": PRESETS["tutorial"], "train_limit": 30_000, "validation_split": 0.2},
    {"layers": PRESETS["wide_dropout"], "train_limit": 3000, "validation_split": 0.2},
    {"layers": "dense 64 relu", "train_limit": 20_000, "noise": 0.5, "batch_size": 50},
]


def load_average() -> str:
    one, five = os.getloadavg()[:2]
    return f"load average {one:.2f} / {five:.2f} (1/5 min)"


def measure(design: list[dict[str, Any]], epochs: int) -> list[dict[str, Any]]:
    """Train each network of `design` on a line of one place; its steady epoch seconds."""
    from mnist_core.classroom.students import TEACHER
    from mnist_core.runs.store import RunStore
    from mnist_core.serving.training_queue import TrainingQueue
    from mnist_core.training.settings import TrainingSettings

    measured = []
    with tempfile.TemporaryDirectory() as folder:
        queue = TrainingQueue(RunStore(Path(folder) / "runs"), max_running=1)
        for number, chosen in enumerate(design, start=1):
            job = queue.submit(TrainingSettings(epochs=epochs, seed=1, init_seed=1, **chosen), TEACHER)
            queue.wait_all()
            snapshot = job.snapshot()
            if snapshot.error or len(snapshot.epoch_seconds) < 2:
                raise SystemExit(f"{chosen} failed: {snapshot.error or snapshot.state}")
            seconds = statistics.median(snapshot.epoch_seconds[1:])
            print(f"   {number:>2}/{len(design)} {seconds:7.3f} s  {describe(chosen)}", flush=True)
            measured.append({"settings": chosen, "epoch_seconds": snapshot.epoch_seconds, "seconds": seconds})
    return measured


def fit(measured: list[dict[str, Any]]) -> dict[str, float]:
    """The non-negative prices that best fit the counts to the measured seconds, in relative error."""
    import numpy as np
    from scipy.optimize import nnls

    from mnist_core.training.epoch_cost import COSTS, epoch_work
    from mnist_core.training.settings import TrainingSettings

    names = list(COSTS)
    counts = np.array([[epoch_work(TrainingSettings(**m["settings"]))[name] for name in names] for m in measured])
    seconds = np.array([m["seconds"] for m in measured])
    scale = counts.max(axis=0)  # each column to 0..1, so that the solver treats every price alike
    scale[scale == 0] = 1.0
    weighted = counts / scale / seconds[:, None]
    prices, _ = nnls(weighted, np.ones(len(seconds)))
    return {name: float(price) for name, price in zip(names, prices / scale, strict=True)}


def describe(settings: dict[str, Any]) -> str:
    rest = ", ".join(f"{key} {value}" for key, value in settings.items() if key != "layers")
    return f"{settings['layers']!r}" + (f" ({rest})" if rest else "")


def report(measured: list[dict[str, Any]], costs: dict[str, float]) -> None:
    from mnist_core.training.epoch_cost import epoch_work, priced
    from mnist_core.training.settings import TrainingSettings

    print("2. The fitted prices, for training/epoch_cost.py:\n\nCOSTS: dict[str, float] = {")
    for name, price in costs.items():
        print(f'    "{name}": {price:.2g},')
    print("}\n\n3. Fitted against measured seconds per epoch:")
    ratios = []
    for m in measured:
        fitted = priced(epoch_work(TrainingSettings(**m["settings"])), costs)
        ratios.append(fitted / m["seconds"])
        print(f"   {m['seconds']:7.3f} s measured {fitted:7.3f} s fitted  {ratios[-1]:.2f}  {describe(m['settings'])}")
    within = sum(abs(ratio - 1) <= 0.30 for ratio in ratios)
    print(f"   ratio median {statistics.median(ratios):.2f}, from {min(ratios):.2f} to {max(ratios):.2f}; ", end="")
    print(f"{within} of {len(ratios)} within 30%")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3, help="epochs of each training (the first is not measured)")
    parser.add_argument("--save", type=Path, help="write the measured epochs to this JSON file")
    parser.add_argument("--load", type=Path, help="fit epochs measured earlier (--save) instead of training")
    parser.add_argument("--check", action="store_true", help="exit with 1 unless COSTS are the prices fitted")
    arguments = parser.parse_args()

    if arguments.load:
        measured = json.loads(arguments.load.read_text())
        print(f"1. {len(measured)} networks measured earlier, from {arguments.load}")
    else:
        print(f"1. Training {len(DESIGN)} networks, {arguments.epochs} epochs each; {load_average()}", flush=True)
        measured = measure(DESIGN, arguments.epochs)
        print(f"   done; {load_average()}")
        if arguments.save:
            arguments.save.write_text(json.dumps(measured, indent=1))
    costs = fit(measured)
    report(measured, costs)
    if arguments.check:
        check(costs)


def check(costs: dict[str, float]) -> None:
    """Exit with 1 unless COSTS are these prices, to the two digits report() prints."""
    from mnist_core.training.epoch_cost import COSTS

    differ = {name: price for name, price in costs.items() if not math.isclose(float(f"{price:.2g}"), COSTS[name])}
    if set(costs) != set(COSTS) or differ:
        raise SystemExit(f"training/epoch_cost.py's COSTS are not these measurements' fit: {differ or set(COSTS)}")
    print("training/epoch_cost.py's COSTS are these prices")


if __name__ == "__main__":
    main()
