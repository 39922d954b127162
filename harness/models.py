"""The default digits model for tests and benchmarks: the setup's model, reused when one is ready, else trained.

The browser tests and the benchmarks read drawings with the model a class gets (mnist_core.classroom.defaults), so their
figures are what a class sees.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from mnist_core.classroom import defaults
from mnist_core.runs.store import RunRecord, RunStore
from mnist_core.training.fit import train


def provide_default_drawing_run(runs_dir: Path, reuse_from: Path | None = None) -> RunRecord:
    """A run trained like the setup's default digits model, in `runs_dir`.

    Already there: used as it is. Ready in `reuse_from` (say the app's runs folder, after `start.sh`): copied.
    Otherwise trained here (about 2 minutes on a quiet 2-core machine).
    """
    ready = defaults.ready_drawing_run(RunStore(runs_dir).list())
    if ready is not None:
        return ready
    if reuse_from is not None:
        ready = defaults.ready_drawing_run(RunStore(reuse_from).list())
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
