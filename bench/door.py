"""The class server's own front door against HAProxy, in front of two Streamlit processes each, measured side by side.

Should the single machine's door (mnist_core/serving/front_door.py, aiohttp) become HAProxy too, as the school's
does (docs/scaling.md)? This starts, on loopback, with its own runs folder holding a copy of the digits model:

- the class server as start.sh runs it with --processes 2: its door in front of two Streamlit processes;
- two plain `streamlit run app.py` processes with HAProxy in front, from deploy/haproxy.cfg filled in.

Then it records one Chromium session drawing real pen digits (as bench/class_load.py does) and replays it with N
light students (harness/classroom.py) against each door in turn, alternating which goes first, for several rounds.
Per round and door: stroke to reading p50/p95 (light clients), pictures that did not load (404), other errors, the
door's own CPU time (the class server's process, which holds the door and the idle training line; HAProxy's
process), and at the end each door's resident memory. Then the medians and the ratios.

    .venv/bin/python bench/door.py                                  # 30 students flat out, 3 rounds
    .venv/bin/python bench/door.py --rounds 5 --pace student --json door.json

Needs root for HAProxy's `user haproxy` line (as Debian's service runs it) and Debian's `haproxy`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import VIEWPORT
from harness.chromium import launch
from harness.classroom import Target, run_class
from harness.haproxy import start_haproxy
from harness.models import provide_default_drawing_run
from harness.processes import rss_bytes
from harness.recording import record_drawing
from harness.replay import FLAT_OUT, STUDENT_PACE, Timeouts
from harness.server import start_app_server, start_class_server
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """A process's own CPU time so far (user + system), without its children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def median(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return round(statistics.median(present), 4) if present else None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30, help="light students drawing at once (30)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each door once per round (3)")
    parser.add_argument("--pace", choices=["flat-out", "student"], default="flat-out")
    parser.add_argument("--digits", type=int, default=10, help="pen digits in the recording (10)")
    parser.add_argument("--model-from", type=Path, default=config.runs_dir(), help="a runs folder with the model")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="door-bench-"))
    runs_dir = scratch / "runs"
    provide_default_drawing_run(runs_dir, reuse_from=args.model_from)
    settings = {"MNIST_APP_RUNS_DIR": str(runs_dir), "MNIST_APP_TRAIN_LIMIT": "6000"}
    pace = FLAT_OUT if args.pace == "flat-out" else STUDENT_PACE
    pen_digits = load_pen_digits(config.pen_digits_path())
    digits = [next(d for d in pen_digits if d.label == n % 10) for n in range(args.digits)]  # 0-9, each label once
    started: list = []
    rows: list[dict] = []
    try:
        own = start_class_server(settings, scratch / "class-server.log", processes=2)
        started.append(own)
        plain = [start_app_server(settings, scratch / f"streamlit-{n}.log") for n in (1, 2)]
        started += plain
        haproxy, haproxy_url = start_haproxy(scratch, [server.url for server in plain])
        started.append(haproxy)
        doors = {
            "own door": (Target(own.url, own.pid, own), own.pid),
            # Memory and CPU of the whole tree are counted from the door down: the HAProxy target names the door
            # alone, so its tree figures are HAProxy's; the two Streamlit processes are the same in both.
            "HAProxy": (Target(haproxy_url, haproxy.pid), haproxy.pid),
        }
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(viewport=VIEWPORT, locale="en-US")
            drawing = record_drawing(context.new_page(), own.url, digits)
            context.close()
            print(f"Recorded {drawing.strokes} strokes; {args.rounds} rounds of {args.students} students", flush=True)
            for round_number in range(args.rounds):
                order = list(doors) if round_number % 2 == 0 else list(reversed(doors))
                for name in order:
                    target, door_pid = doors[name]
                    cpu_before = cpu_seconds(door_pid)
                    figures = run_class(browser, target, drawing, [], args.students, 0, pace, Timeouts(60, 900))
                    summary = figures.summary()
                    pictures = sum("picture" in message for message in figures.errors)
                    row = {
                        "round": round_number + 1,
                        "door": name,
                        "stroke_p50_s": summary["stroke_p50_s"],
                        "stroke_p95_s": summary["stroke_p95_s"],
                        "browser_p95_s": summary["browser_p95_s"],
                        "media_404s": pictures,
                        "other_errors": len(figures.errors) - pictures,
                        "wrong_readings": len(figures.wrong_readings),
                        "door_cpu_s": round(cpu_seconds(door_pid) - cpu_before, 2),
                        "strokes": figures.strokes,
                        "load_average": round(os.getloadavg()[0], 2),
                    }
                    print(json.dumps(row), flush=True)
                    rows.append(row)
            browser.close()
        memory = {
            "own door": rss_bytes(own.pid) // 2**20,
            "HAProxy": rss_bytes(haproxy.pid) // 2**20,
        }
    finally:
        for process in started:  # the servers (harness.server.AppServer) and HAProxy (a Popen)
            process.stop() if hasattr(process, "stop") else process.terminate()
        shutil.rmtree(scratch, ignore_errors=True)

    result = {"students": args.students, "pace": args.pace, "rounds": args.rounds, "rows": rows, "doors": {}}
    for name in doors:
        mine = [row for row in rows if row["door"] == name]
        result["doors"][name] = {
            key: median([row[key] for row in mine])
            for key in ("stroke_p50_s", "stroke_p95_s", "browser_p95_s", "media_404s", "other_errors", "door_cpu_s")
        } | {"door_rss_mb": memory[name]}
    own_figures, haproxy_figures = result["doors"]["own door"], result["doors"]["HAProxy"]
    print(f"\nmedians of {args.rounds} rounds, {args.students} students {args.pace}:")
    print(f"{'':24}{'own door':>10}{'HAProxy':>10}{'HAProxy/own':>13}")
    for key in own_figures:
        mine, theirs = own_figures[key], haproxy_figures[key]
        ratio = f"{theirs / mine:.2f}" if mine and theirs is not None else "-"
        print(f"{key:24}{mine!s:>10}{theirs!s:>10}{ratio:>13}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
