"""The default digits model for tests and benchmarks: the setup's model, reused when one is ready, else trained.

The browser tests and the benchmarks read drawings with the model a class gets (mnist_core.classroom.defaults), so their
figures are what a class sees.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from mnist_core.classroom import defaults
from mnist_core.data.datasets import DatasetName
from mnist_core.model.network import Network, network_of
from mnist_core.runs.store import RunRecord, RunStore
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings


def provide_default_drawing_run(runs_dir: Path, reuse_from: Path | None = None) -> RunRecord:
    """A run trained like the setup's default digits model, in `runs_dir`.

    Already there: used as it is. Ready in `reuse_from` (say the app's runs folder, after `start.sh`): copied.
    Otherwise trained here (about 2 minutes on a quiet 2-core machine).
    """
    ready = defaults.ready_drawing_run(RunStore(runs_dir).list())
    if ready is not None:
        return ready
    if reuse_from is not None:
        # The source as a plain folder: it is someone's own runs, never a cache of a shared store to bring up to date.
        ready = defaults.ready_drawing_run(RunStore(reuse_from, remote_url=None).list())
        if ready is not None:
            shutil.copytree(Path(reuse_from) / ready.id, Path(runs_dir) / ready.id)
            print(f"reusing run {ready.id} (test accuracy {ready.test_accuracy:.4f})", flush=True)
            return RunStore(runs_dir).get(ready.id)
    started = time.perf_counter()
    print("training the default digits model (about 2 minutes)", flush=True)
    record = RunStore(runs_dir).save(train(defaults.drawing_settings()))
    print(
        f"trained the default digits model in {time.perf_counter() - started:.0f} s: "
        f"test accuracy {record.test_accuracy:.4f}, run {record.id}",
        flush=True,
    )
    return record


def newest_network(runs_dirs: list[Path], kind: str) -> Network:
    """The newest MNIST run of this model kind in these folders, read as a page reads it (numpy); or, when there is
    none, a network of that kind trained here on 5,000 images for 1 epoch (benchmarks of reading need a network,
    not a good one)."""
    for runs_dir in runs_dirs:
        store = RunStore(runs_dir)
        record = next((r for r in store.list() if r.dataset == DatasetName.MNIST and r.model_kind == kind), None)
        if record is not None:
            print(f"{kind}: run {record.id} from {runs_dir} (test accuracy {record.test_accuracy:.4f})", flush=True)
            return store.load_network(record.id)
    print(f"{kind}: no MNIST run of this kind; training one on 5,000 images for 1 epoch first", flush=True)
    return network_of(train(TrainingSettings(model_kind=kind, epochs=1, train_limit=5000, seed=1)).model)
