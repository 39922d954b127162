"""The map of what a run learned (reading/embedding.py), made where a page never waits for it.

A run trained on this server gets its map in its own training worker, right after it is saved
(worker.train_and_save calls make_map). An older run (trained before maps existed, copied in, or whose map failed)
gets one the first time a page asks for it: the page asks the line (TrainingLine.request_map) and polls
(TrainingLine.map_state); it never computes one in its script run (seconds of t-SNE, and scikit-learn, which no
page process imports).

The line makes these maps one at a time, on a thread of its own (MapMaker), each in a worker process of its own at
the trainings' low priority: `python -m mnist_core.serving.maps <runs folder> <run id>`. Not a job in the training
line: a map takes about 10 s on one core, it need not wait behind a training of many minutes, and it is nobody's
training to show in the teacher's list. Asking again for a run whose map is waiting or being made changes nothing;
a map that failed is tried again only after RETRY_SECONDS.

make_map holds a lock file in the run's folder while it works, so a page asking for a run whose training worker is
still making its map waits for that map instead of making a second one (the run shows in the list as soon as it is
saved, seconds before its map is there).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from mnist_core import config
from mnist_core.errors import RunError
from mnist_core.reading.embedding import MAP_IMAGES, map_for_run, save_map
from mnist_core.runs.store import RunStore, check_run_id

# As a training worker (worker.WORKER_NICENESS): students' strokes go first.
MAP_NICENESS = 19
RETRY_SECONDS = 60.0  # a failed map (a model that cannot be read, no data set) is not tried again before this
MAP_TIMEOUT_SECONDS = 600.0  # 2,000 images take about 10 s alone, 40 s on a busy machine: far more is a hang
# The map maker's entry, run with `python -c`, for the reason worker.WORKER_MAIN gives.
MAPS_MAIN = "import sys; from mnist_core.serving.maps import main; main(sys.argv[1], sys.argv[2])"
LOCK_FILE = ".embedding.lock"


class MapState(StrEnum):
    """Where a run's map is."""

    READY = "ready"  # its file is beside the run
    WAITING = "waiting"  # asked for; another map is being made first
    MAKING = "making"
    FAILED = "failed"  # the last try failed (MapStatus.error says why); asked again, it is tried after a while
    NONE = "none"  # nobody asked for it yet


@dataclass(frozen=True)
class MapStatus:
    """A run's map state, and for a failed one what went wrong (for the person who runs the server)."""

    state: MapState
    error: str | None = None
    since: float = 0.0  # time.monotonic() of the last change, in the line's process

    @property
    def pending(self) -> bool:
        return self.state in (MapState.WAITING, MapState.MAKING)


def make_map(store: RunStore, run_id: str, count: int | None = None) -> Path:
    """Compute a run's map on `count` test images (MNIST_APP_MAP_IMAGES, else 2,000) and save it beside the run.

    Returns its path; a map already there (made meanwhile) is kept as it is. Raises RunError for a run that is gone
    or cannot be read (a diverged run's answers are not numbers), DatasetError without the data set.
    """
    record = store.get(run_id)
    if not record.status.can_read:
        raise RunError(f"Run {run_id} diverged: its answers are not numbers, so it has no map.")
    path = store.map_path(run_id)
    with _locked(path.parent / LOCK_FILE):
        if path.is_file():
            return path
        embedding = map_for_run(store.load_network(run_id), record.dataset, count or config.map_images() or MAP_IMAGES)
        if not store.exists(run_id):  # deleted while the map was made: do not bring its folder back
            raise RunError(f"Run {run_id} was deleted while its map was made.")
        saved = save_map(path.parent, embedding)
    store.share_map(run_id)  # to the shared runs store, if any: other machines need not make it again
    return saved


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on `path` between processes (flock), where the system has it; none elsewhere (Windows),
    where two makers of one map would both write it, atomically, the same map."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path, "a+b") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


class MapFailed(Exception):
    """The map worker ended with an error; str() is its last words."""


class MapMaker:
    """Makes the maps pages ask for, one at a time, on its own thread, each in a worker process (or by `make`)."""

    def __init__(self, store: RunStore, make: Callable[[str], None] | None = None) -> None:
        self.store = store
        self._make = make or self._in_worker
        self._status: dict[str, MapStatus] = {}
        self._waiting: deque[str] = deque()
        self._lock = threading.Lock()
        self._working = False

    def request(self, run_id: str) -> MapStatus:
        """Ask for a run's map: READY when it is there, else it is (or already was) put in line. RunError for a
        malformed run id."""
        status = self.status(run_id)
        if status.state == MapState.READY:
            return status
        with self._lock:
            status = self._status.get(run_id, MapStatus(MapState.NONE))
            if status.pending or (status.state == MapState.FAILED and time.monotonic() - status.since < RETRY_SECONDS):
                return status
            status = self._status[run_id] = MapStatus(MapState.WAITING, since=time.monotonic())
            self._waiting.append(run_id)
            if not self._working:  # one thread at a time, started when there is work and ended when there is none
                self._working = True
                threading.Thread(target=self._work, name="maps", daemon=True).start()
        return status

    def status(self, run_id: str) -> MapStatus:
        """Where a run's map is, without asking for it."""
        if self.store.map_path(check_run_id(run_id)).is_file():
            return MapStatus(MapState.READY)
        with self._lock:
            status = self._status.get(run_id, MapStatus(MapState.NONE))
        # A map made by its training worker, or a file deleted by hand: the folder is the truth.
        return MapStatus(MapState.NONE) if status.state == MapState.READY else status

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._waiting:
                    self._working = False
                    return
                run_id = self._waiting.popleft()
                self._status[run_id] = MapStatus(MapState.MAKING, since=time.monotonic())
            try:
                self._make(run_id)
                status = MapStatus(MapState.READY, since=time.monotonic())
            except Exception as error:  # the line goes on; the page says the map could not be made, and why
                status = MapStatus(MapState.FAILED, str(error) or type(error).__name__, time.monotonic())
            with self._lock:
                self._status[run_id] = status

    def _in_worker(self, run_id: str) -> None:
        done = subprocess.run(
            [
                *("nice", "-n", str(MAP_NICENESS)),
                *(sys.executable, "-c", MAPS_MAIN, str(self.store.root), run_id),
            ],
            cwd=config.PROJECT_ROOT,  # the package is found from here, installed or not
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=MAP_TIMEOUT_SECONDS,
        )
        if done.returncode != 0:
            last = [line for line in done.stderr.splitlines() if line.strip()][-1:] or [f"exit code {done.returncode}"]
            raise MapFailed(last[0])


def main(runs_dir: str, run_id: str) -> None:
    """The map worker process: make one run's map; an error is its last line on stderr and exit code 1."""
    from mnist_core.tuning import limit_memory_arenas

    limit_memory_arenas()
    try:
        make_map(RunStore(Path(runs_dir)), run_id)
    except Exception as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
