"""The server's training line as the pages see it: job ids and snapshots, never the jobs themselves.

A class server may run several Streamlit processes (class_server.py), one per core, and they must share one line:
one student, one training; one training at a time per two cores; one quick training for everybody. So the line
lives in one process and the others reach it with multiprocessing's managers, over a Unix socket in a private
temporary folder (a named pipe on Windows): each call is one pickled request and answer, a refusal comes back as
the same Refusal. Not over TCP: Streamlit runs each script run on a new thread, each thread opens its own
connection, and a TCP connection's handshake took 49 ms here (delayed acknowledgements) against 0.9 ms.

A single Streamlit process (tests, `streamlit run app.py`) keeps its line in its own memory. Both give the pages
the same TrainingLine methods.

The line also makes the maps of what older runs learned, when a page asks (maps.py): one at a time, each in a worker
process, so no page's script run ever computes one.
"""

from __future__ import annotations

import dataclasses
import threading
from multiprocessing.managers import BaseManager
from typing import Protocol, cast

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.students import Owner
from mnist_core.serving.jobs import JobSnapshot
from mnist_core.serving.maps import MapMaker, MapStatus
from mnist_core.serving.quick_training import SharedTraining
from mnist_core.serving.training_queue import TrainingQueue
from mnist_core.training.settings import TrainingSettings

Address = str  # a Unix socket's path, or a Windows pipe's name


class PageLine(Protocol):
    """What a page may ask of a line: this server's own (TrainingLine, in this process or over the socket) or a
    Ray cluster's (cluster.ClusterLine). TrainingLine's methods say what each one does."""

    def submit(self, settings: TrainingSettings, owner: Owner, caps: Caps | None = None) -> int: ...
    def stop(self, job_id: int, by_teacher: bool = False) -> None: ...
    def snapshot(self, job_id: int) -> JobSnapshot | None: ...
    def active_job_id(self, owner: Owner) -> int | None: ...
    def line(self) -> list[JobSnapshot]: ...
    def estimate_epoch_seconds(self, settings: TrainingSettings) -> float: ...
    def request_map(self, run_id: str) -> MapStatus: ...
    def map_state(self, run_id: str) -> MapStatus: ...
    def start_quick(self, settings: TrainingSettings) -> int: ...
    def quick_snapshot(self) -> JobSnapshot | None: ...


class TrainingLine:
    """The TrainingQueue and the quick training, by job id: what can cross from one process to another."""

    def __init__(self, queue: TrainingQueue) -> None:
        self.queue = queue
        self.quick = SharedTraining(queue)
        self.maps = MapMaker(queue.store)

    def submit(self, settings: TrainingSettings, owner: Owner, caps: Caps | None = None) -> int:
        """Put a training in line; its job id, or ValueError (often a Refusal) saying why not."""
        return self.queue.submit(settings, owner=owner, caps=caps).id

    def stop(self, job_id: int, by_teacher: bool = False) -> None:
        self.queue.stop(job_id, by_teacher=by_teacher)

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        return self.queue.snapshot(job_id)

    def active_job_id(self, owner: Owner) -> int | None:
        """The student's waiting or running job, from whichever tab, device or server process it came."""
        job = self.queue.active_job_of(owner)
        return job.id if job is not None else None

    def line(self) -> list[JobSnapshot]:
        """Every job running or waiting, for the teacher's list: their progress without the weight pictures and
        loss traces a training's own page draws (up to megabytes a job, polled every few seconds)."""
        return [dataclasses.replace(job, weights=[], batch_losses=[]) for job in self.queue.line()]

    def estimate_epoch_seconds(self, settings: TrainingSettings) -> float:
        """About how long one epoch of these settings takes on this server, from the line's measured pace (for the
        network builder, before anything trains; TrainingQueue.estimate_epoch_seconds says how)."""
        return self.queue.estimate_epoch_seconds(settings)

    def request_map(self, run_id: str) -> MapStatus:
        """Ask for a run's map of what it learned: READY when its file is there, else it is made (once, however
        many ask) and the page polls map_state. RunError for a malformed run id."""
        return self.maps.request(run_id)

    def map_state(self, run_id: str) -> MapStatus:
        """Where a run's map is (ready, waiting, being made, failed and why), without asking for it."""
        return self.maps.status(run_id)

    def start_quick(self, settings: TrainingSettings) -> int:
        """The one quick training under way, or a new one with these settings (SharedTraining)."""
        return self.quick.start(settings).id

    def quick_snapshot(self) -> JobSnapshot | None:
        """The quick training started last, active or ended, or None."""
        job = self.quick.current()
        return job.snapshot() if job is not None else None


def serve_line(line: PageLine, authkey: bytes) -> Address:
    """Serve `line` to the other processes of this computer from a thread of this one; returns its address. Only
    processes that know `authkey` may connect."""
    manager_class = type("LineServer", (BaseManager,), {})  # a registry of its own for each line served
    manager_class.register("line", callable=lambda: line)
    server = manager_class(authkey=authkey).get_server()  # no address: a fresh one of this system's local kind
    threading.Thread(target=server.serve_forever, name="training-line", daemon=True).start()
    return server.address


def connect_line(address: Address, authkey: bytes) -> PageLine:
    """The line another process serves, with its page methods (a proxy: each call goes over the socket)."""
    manager_class = type("LineClient", (BaseManager,), {})
    manager_class.register("line")
    manager = manager_class(address=address, authkey=authkey)
    manager.connect()
    return cast(PageLine, manager.line())  # type: ignore[attr-defined]  # registered above, so not known to typing
