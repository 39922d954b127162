"""Memory of a long-running server: resident memory (RSS) after loading both data sets, then after each of
several trainings run one after another through `serving.training_queue.TrainingQueue`, the path the Train page uses.

Runs are saved in a temporary folder that is deleted at the end. The first training also loads TensorFlow
(hundreds of MB, once per server), so the figure that matters for a server that trains all day is the growth
from the end of the first training to the end of the last.

    .venv/bin/python bench/memory.py                   # 5 trainings of 1 epoch
    .venv/bin/python bench/memory.py --trainings 10 --epochs 2
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from harness.processes import rss_bytes


def rss_mb() -> float:
    """This process's resident memory in MB."""
    return rss_bytes(os.getpid()) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainings", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=1, help="epochs per training")
    parser.add_argument("--dataset", choices=("mnist", "fashion_mnist"), default="mnist")
    parser.add_argument(
        "--default-arenas", action="store_true", help="leave glibc's malloc arenas as they are (app.py limits them)"
    )
    args = parser.parse_args()

    from mnist_core.tuning import limit_memory_arenas, quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from mnist_core.data import datasets
    from mnist_core.runs.store import RunStore
    from mnist_core.serving.jobs import JobState
    from mnist_core.serving.training_queue import TrainingQueue
    from mnist_core.training.settings import TrainingSettings

    if not args.default_arenas:
        limit_memory_arenas()  # as app.py does for the server
    print(f"RSS at start: {rss_mb():.0f} MB")
    for name in datasets.DATASET_NAMES:
        datasets.load(name)
    loaded = rss_mb()
    print(f"RSS after loading both data sets: {loaded:.0f} MB")

    after: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as runs_dir:
        queue = TrainingQueue(RunStore(Path(runs_dir)))
        for number in range(1, args.trainings + 1):
            started = time.perf_counter()
            job = queue.submit(TrainingSettings(dataset=args.dataset, epochs=args.epochs, seed=number))
            queue.wait_all()
            snapshot = job.snapshot()
            if snapshot.state != JobState.FINISHED:
                sys.exit(f"Training {number} ended {snapshot.state}: {snapshot.error}")
            after.append(rss_mb())
            growth = f"  (+{after[-1] - after[-2]:.0f} MB)" if len(after) > 1 else ""
            print(
                f"RSS after training {number}: {after[-1]:.0f} MB{growth}   "
                f"[{time.perf_counter() - started:.0f} s, test accuracy {snapshot.test_accuracy:.4f}]",
                flush=True,
            )

    if len(after) > 1:
        print(f"Growth from training 1 to training {len(after)}: {after[-1] - after[0]:+.0f} MB (target <= 50 MB)")
    print(f"Growth since the data sets were loaded (includes TensorFlow itself): {after[-1] - loaded:+.0f} MB")


if __name__ == "__main__":
    main()
