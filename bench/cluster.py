"""A school on one machine, measured: a class across two app servers, its trainings on a Ray cluster, and a node and an
app server killed on the way.

    bash scripts/school.sh up
    bash scripts/school.sh run .venv/bin/python bench/cluster.py --json cluster.json
    bash scripts/school.sh down

(`school.sh run` runs the command inside the school's network namespace with its settings, .school/env.)

1. The class's drawing model: the default digits model (harness.models: the project's own, or trained once) is put
   in the school's shared runs (MNIST_APP_RUNS_URL), so both app servers read with it.
2. Record: one Chromium session draws real pen digits on /draw through HAProxy; another sets /train up.
3. The class: N light students (30) replay the drawing at a student's pace through HAProxy, keeping its cookie as a
   browser does; M of them (6) also press Start on /train in a tab of their own: short trainings.
4. While they work: once the worker node has finished a training, it is killed during its next one (SIGKILL, as a
   lab PC switched off would be) and started again; then, while a training runs, the app server its student's Train
   page sits at is killed. Its students open their pages again through HAProxy, which seats them at the other one,
   and follow their trainings there.
5. The figures come from the class (the light clients) and from the line itself (the Ray actor's snapshots: which
   node ran each training, on which attempt). Nothing is assumed: a flag is true only when it was seen.

--json FILE writes: app_servers, ray_nodes, students, sessions_per_server, errors, wrong_readings, media_404s,
stroke_p95_s, trainings_requested, trainings_finished, trainings_per_node, node_killed_job_requeued_and_finished,
app_server_killed_trainings_continued, seconds_until_every_model_ready, then more (rejoins, the errors' messages).
Exit code 0 when there were no errors, no wrong readings, no missing pictures, both flags were seen, and every
training finished.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import ray
from class_load import class_digits
from class_load import record as record_pages
from playwright.sync_api import sync_playwright

from harness.chromium import launch
from harness.measures import percentile
from harness.models import provide_default_drawing_run
from harness.recording import DrawingRecording, Step
from harness.replay import STUDENT_PACE, ReplayFigures, Student, Timeouts, replay_class
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits
from mnist_core.reading.embedding import MAP_FILE
from mnist_core.runs.store import MODEL_FILE, RunStore
from mnist_core.serving.cluster import HEAD_RESOURCE, connect_cluster
from mnist_core.serving.jobs import JobSnapshot

PROJECT = Path(__file__).resolve().parent.parent
SCHOOL = PROJECT / "scripts" / "school.sh"
SERVER_COOKIE = "MNIST_APP_SERVER"  # HAProxy's stickiness cookie (deploy/haproxy.cfg)
POLL_SECONDS = 0.5


def school(*command: str) -> None:
    """One of school.sh's commands (kill-node, start-node, kill-app N …), from inside the namespace as from outside."""
    subprocess.run(["bash", str(SCHOOL), *command], check=True, cwd=PROJECT, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- 1. the model, 2. the recording


def share_drawing_model(scratch: Path) -> str:
    """The default digits model in the school's shared runs; returns its id."""
    cache = scratch / "runs"
    record = provide_default_drawing_run(cache, reuse_from=PROJECT / "runs")
    shared = RunStore(cache).shared
    if shared is None or not shared.share(record.id, (MODEL_FILE, MAP_FILE)):
        raise SystemExit(f"The drawing model could not be put in the shared runs ({config.runs_url()}): see above.")
    print(f"Drawing with run {record.id} (test accuracy {record.test_accuracy:.4f}), shared at {shared.shown_url}")
    return record.id


def record(url: str, digits: int, epochs: int) -> tuple[DrawingRecording, list[Step]]:
    """The same recordings as the one-server class test (bench/class_load.py), made through HAProxy."""
    pen_digits = class_digits(load_pen_digits(config.pen_digits_path()), digits)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            return record_pages(browser, url, pen_digits, 1, epochs)
        finally:
            browser.close()


# ---------------------------------------------------------------- 4. the line, watched; the failures


@dataclass
class LineWatch:
    """What the line's own snapshots showed, polled from the Ray actor while the class works."""

    nodes: dict[str, str] = field(default_factory=dict)  # Ray node id -> "head" / "worker" / "worker (again)"
    jobs: dict[int, dict] = field(default_factory=dict)  # job id -> its latest snapshot's facts
    killed_node_job: int | None = None  # the job that ran on the worker node when it was killed
    killed_app_jobs: list[int] = field(default_factory=list)  # jobs whose students sat at the app server killed
    events: list[str] = field(default_factory=list)
    seated: Counter = field(default_factory=Counter)  # sessions per app server, as the door seated them


class Saboteur(threading.Thread):
    """Watches the line and, at the right moments, kills the worker node and then an app server."""

    def __init__(self, students: list[Student], trainings: int, watch: LineWatch, class_done: threading.Event) -> None:
        super().__init__(name="saboteur", daemon=True)
        self.students, self.trainings, self.watch, self.class_done = students, trainings, watch, class_done
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._run()
        except BaseException as error:  # reported by the main thread
            self.error = error

    def _run(self) -> None:
        line = connect_cluster(config.cluster_address())  # this class's line, as an app server sees it
        node_killed = app_killed = False
        while not self.class_done.is_set():
            self._note_nodes(ray.nodes())
            where = line.status()["where"]  # job id -> the nodes it ran on, in order
            for job in line.line():  # running and waiting
                self.watch.jobs[job.id] = facts(job, where)
            for job_id, job in list(self.watch.jobs.items()):  # those that left the line: how they ended
                if job["state"] in ("running", "queued", "requeued"):
                    snapshot = line.snapshot(job_id)
                    self.watch.jobs[job_id] = facts(snapshot, where) if snapshot is not None else job
            jobs = list(self.watch.jobs.values())
            running = [job for job in jobs if job["state"] == "running"]
            on_worker = [job for job in running if self.watch.nodes.get(job["node"]) == "worker" and job["batch"]]
            # The worker node dies only once it has finished a training: the figures then show trainings on both.
            worker_finished = any(
                job["state"] == "finished" and self.watch.nodes.get(job["node"]) == "worker" for job in jobs
            )
            if not node_killed and worker_finished and on_worker:
                self.watch.killed_node_job = on_worker[0]["id"]
                self.event(f"killing the worker node during job {on_worker[0]['id']}")
                school("kill-node")
                node_killed = True
                time.sleep(2)
                school("start-node")
                self.event("worker node started again")
            if not app_killed:  # where the door seated each session (a rejoin seats it again, elsewhere)
                self.watch.seated = Counter(server_of(student) for student in self.students)
            # The training tabs (the first clients made) and where each sits: the app server to kill is that of a
            # student whose training runs now.
            tabs = {student.name: server_of(student) for student in self.students[: self.trainings]}
            followed = [job for job in running if tabs.get(job["owner"])]
            if node_killed and not app_killed and followed:
                server = tabs[followed[0]["owner"]]
                self.watch.killed_app_jobs = [job["id"] for job in followed if tabs[job["owner"]] == server]
                self.event(f"killing app server {server}: jobs {self.watch.killed_app_jobs} train for its students")
                school("kill-app", server.removeprefix("app"))
                app_killed = True
            time.sleep(POLL_SECONDS)
        where = line.status()["where"]
        for job_id in self.watch.jobs:  # their last word, after the class
            snapshot = line.snapshot(job_id)
            if snapshot is not None:
                self.watch.jobs[job_id] = facts(snapshot, where)

    def _note_nodes(self, nodes: list[dict]) -> None:
        """Name each node as it is first seen: the head (it has Ray's head resource), the worker, the worker again."""
        for node in nodes:
            if node["NodeID"] not in self.watch.nodes:
                workers = sum(name.startswith("worker") for name in self.watch.nodes.values())
                head = HEAD_RESOURCE in node.get("Resources", {})
                self.watch.nodes[node["NodeID"]] = "head" if head else ("worker" if not workers else "worker (again)")

    def event(self, text: str) -> None:
        self.watch.events.append(text)
        print(f"  [{time.strftime('%H:%M:%S')}] {text}", flush=True)


def facts(snapshot: JobSnapshot, where: dict[int, list[str]]) -> dict:
    """What the figures need from a job's snapshot, and the node its latest attempt runs (or ran) on."""
    return {
        "id": snapshot.id,
        "owner": snapshot.owner.name,
        "state": str(snapshot.state),
        "batch": snapshot.batch,
        "node": (where.get(snapshot.id) or [None])[-1],
        "attempt": snapshot.attempt,
    }


def server_of(student: Student) -> str | None:
    return student.jar.get(SERVER_COOKIE) if student.jar is not None else None


# ---------------------------------------------------------------- 3. the class, 5. the figures


def run_school_class(
    url: str, drawing: DrawingRecording, setup: list[Step], students: int, trainings: int, timeouts: Timeouts
) -> dict:
    clients: list[Student] = []
    watch, class_done = LineWatch(), threading.Event()
    saboteur = Saboteur(clients, trainings, watch, class_done)
    began: list[float] = []

    def on_start() -> None:
        began.append(time.perf_counter())
        saboteur.start()

    try:
        figures: ReplayFigures = asyncio.run(
            replay_class(
                url,
                drawing,
                setup,
                students,
                trainings,
                STUDENT_PACE,
                on_start,
                timeouts=timeouts,
                browser_like=True,
                trainers_draw=True,
                started=clients.append,
            )
        )
    finally:
        class_done.set()
        if saboteur.is_alive():
            saboteur.join(timeout=120)
    if saboteur.error is not None:
        raise saboteur.error
    return summary(figures, watch, students, trainings)


def summary(figures: ReplayFigures, watch: LineWatch, students: int, trainings: int) -> dict:
    seated = watch.seated
    missing = [error for error in figures.errors if " picture " in error]
    finished = [job for job in watch.jobs.values() if job["state"] == "finished"]
    killed = watch.jobs.get(watch.killed_node_job) if watch.killed_node_job is not None else None
    app_jobs = [watch.jobs[job_id] for job_id in watch.killed_app_jobs]
    return {
        "app_servers": len([server for server in seated if server]),
        "ray_nodes": len({name.split()[0] for name in watch.nodes.values()}),
        "students": students,
        "sessions_per_server": [seated[server] for server in sorted(server for server in seated if server)],
        "errors": len(figures.errors) - len(missing),
        "wrong_readings": len(figures.wrong_readings),
        "media_404s": len(missing),
        "stroke_p95_s": round(percentile(figures.stroke_seconds, 0.95) or 0.0, 4),
        "trainings_requested": trainings,
        "trainings_finished": figures.trainings_finished,
        "trainings_per_node": dict(Counter(watch.nodes.get(job["node"], "unknown") for job in finished)),
        "node_killed_job_requeued_and_finished": bool(
            killed and killed["state"] == "finished" and killed["attempt"] >= 2
        ),
        "app_server_killed_trainings_continued": bool(app_jobs) and all(job["state"] == "finished" for job in app_jobs),
        "seconds_until_every_model_ready": round(max(figures.training_seconds, default=0.0), 1),
        "stroke_p50_s": round(percentile(figures.stroke_seconds, 0.50) or 0.0, 4),
        "strokes": len(figures.stroke_seconds),
        "rejoins": len(figures.rejoins),
        "events": watch.events,
        "jobs": sorted(watch.jobs.values(), key=lambda job: job["id"]),
        "error_messages": figures.errors[:20],
        "wrong_messages": figures.wrong_readings[:20],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30, help="light students drawing (30)")
    parser.add_argument("--trainings", type=int, default=6, help="of them, how many also start a training (6)")
    parser.add_argument("--epochs", type=int, default=3, help="epochs per training (3)")
    parser.add_argument("--digits", type=int, default=10, help="pen digits in the recording (10)")
    parser.add_argument("--training-timeout", type=float, default=900, help="seconds one training may take (900)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    door = os.environ.get("MNIST_SCHOOL_DOOR")
    if not door:
        print("Run it inside the school: bash scripts/school.sh run .venv/bin/python bench/cluster.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cluster-bench-") as scratch:
        share_drawing_model(Path(scratch))
    drawing, setup = record(door, args.digits, args.epochs)
    print(f"{args.students} students through {door}, {args.trainings} of them training ...", flush=True)
    timeouts = Timeouts(request_seconds=60, training_seconds=args.training_timeout)
    figures = run_school_class(door, drawing, setup, args.students, min(args.trainings, args.students), timeouts)
    for name, value in figures.items():
        if name not in ("jobs", "events", "error_messages", "wrong_messages"):
            print(f"  {name}: {value}")
    for message in figures["error_messages"] + figures["wrong_messages"]:
        print(f"  ! {message}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    passed = (
        figures["errors"] == figures["wrong_readings"] == figures["media_404s"] == 0
        and figures["node_killed_job_requeued_and_finished"]
        and figures["app_server_killed_trainings_continued"]
        and figures["trainings_finished"] == figures["trainings_requested"]
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
