"""The class set's server time: giving a drawing, and the Class page with 3,000 drawings.

Everything runs in a temporary folder: the default digits model (copied from runs/ when one is ready, else trained
here, about 2 minutes) and a class drawings file filled with the repo's UNIPEN pen digits read by that model, as
the Draw page reads them (writers' digits cycled over 60 students to reach --drawings).

1. Giving a drawing: the give button's callback (the store's give, then the digit's count for the thanks), and the
   give widget's script run that follows the click.
2. The Class page: its whole script run (a first visit, which reads every drawing with the model; then again with
   nothing new; then again after one new drawing), and the board alone, which is what the page's own refresh every
   few seconds reruns.

The scripts run under AppTest, on this process without a browser, and time their own runs: server time, without
AppTest's polling. Medians and 95th percentiles in milliseconds.

    .venv/bin/python bench/class_page.py [--drawings 3000] [--repeats 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STUDENTS = 60  # 3,000 drawings: 50 each, under the limit of 60 in 10 minutes


def give_widget(reading, run_id: str) -> None:
    """The give buttons as the Draw page places them (an AppTest script), timing its own run."""
    import time

    import streamlit as st

    import ui
    from ui.class_views import give_drawing

    started = time.perf_counter()
    ui.install()
    give_drawing(reading, '{"objects": []}', run_id)
    st.session_state["server-seconds"] = time.perf_counter() - started


def class_page(page: str) -> None:
    """The Class page as the app runs it (an AppTest script), timing its own run."""
    import runpy
    import time

    import streamlit as st

    import ui

    started = time.perf_counter()
    ui.install()
    runpy.run_path(page)
    st.session_state["server-seconds"] = time.perf_counter() - started


def class_board() -> None:
    """The Class page's board alone: what its refresh reruns (an AppTest script), timing its own run."""
    import time

    import streamlit as st

    import ui
    from ui.class_views import class_board

    started = time.perf_counter()
    ui.install()
    class_board(show_names=False)
    st.session_state["server-seconds"] = time.perf_counter() - started


def server_times(at, before: Callable[[], object], repeats: int) -> list[float]:
    """The script's own time in each of `repeats` runs, each after `before()`: AppTest's polling left out."""
    times = []
    for _ in range(repeats):
        before()
        at.run()
        assert not at.exception, at.exception
        times.append(at.session_state["server-seconds"])
    return times


def milliseconds(times: list[float]) -> str:
    from harness.measures import percentile

    return f"median {statistics.median(times) * 1000:7.1f} ms, p95 {percentile(times, 0.95) * 1000:7.1f} ms"


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drawings", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="class-page-bench-"))
    os.environ["MNIST_APP_RUNS_DIR"] = str(folder / "runs")

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from streamlit.testing.v1 import AppTest

    from harness.models import provide_default_drawing_run
    from harness.pen_class import pen_gifts
    from mnist_core import config
    from mnist_core.classset.drawings import ClassDrawings
    from mnist_core.data.pen_digits import load_pen_digits
    from mnist_core.reading.predict import Predictor
    from mnist_core.runs.store import RunStore

    record = provide_default_drawing_run(folder / "runs", reuse_from=config.PROJECT_ROOT / "runs")
    predictor = Predictor(RunStore(folder / "runs").load_network(record.id))
    gifts = pen_gifts(load_pen_digits(config.pen_digits_path()), predictor)
    print(f"model {record.id}; {len(gifts)} pen digits read; folder {folder}")

    os.environ["MNIST_APP_CLASS_DB"] = str(folder / "gives.sqlite3")
    store = ClassDrawings(config.class_db_path())

    # 1. Giving a drawing.
    gives = iter(range(10**9))

    def callback() -> None:
        number = next(gives)
        gift = gifts[number % len(gifts)]
        store.give(f"giver {number // 50}", gift.label, gift.reading, gift.strokes, record.id)
        store.counts()

    callback_times = timed(callback, 200)
    print(f"give button's callback (give + count):   {milliseconds(callback_times)}  (200 gives)")
    widget_times = []
    for number in range(args.repeats):
        at = AppTest.from_function(give_widget, args=(gifts[number].reading, record.id), default_timeout=120)
        at.session_state["student-name"] = f"widget {number}"
        at.run()
        at.button(key=f"give-{gifts[number].label}").click().run()
        assert not at.exception and at.success, (at.exception, at.warning)
        widget_times.append(at.session_state["server-seconds"])
    print(f"give widget's rerun after the click:     {milliseconds(widget_times)}  ({args.repeats} clicks)")
    total = statistics.median(callback_times) + statistics.median(widget_times)
    print(f"giving a drawing, server time in all:    median {total * 1000:7.1f} ms (callback + rerun)")

    # 2. The Class page with --drawings drawings.
    os.environ["MNIST_APP_CLASS_DB"] = str(folder / "class.sqlite3")
    store = ClassDrawings(config.class_db_path())
    started = time.perf_counter()
    for number in range(args.drawings):
        gift = gifts[number % len(gifts)]
        store.give(f"student {number % STUDENTS}", gift.label, gift.reading, gift.strokes, record.id)
    print(f"filled the class set with {store.version()[1]:,} drawings in {time.perf_counter() - started:.1f} s")

    def nothing() -> None:
        pass

    def one_more() -> None:
        number = next(gives)
        gift = gifts[number % len(gifts)]
        store.give(f"latecomer {number % STUDENTS}", gift.label, gift.reading, gift.strokes, record.id)

    page = str(config.PROJECT_ROOT / "app_pages" / "class_page.py")
    at = AppTest.from_function(class_page, args=(page,), default_timeout=300)
    print(f"Class page, first visit (reads all):     {server_times(at, nothing, 1)[0] * 1000:7.1f} ms")
    print(f"Class page, again, nothing new:          {milliseconds(server_times(at, nothing, args.repeats))}")
    print(f"Class page, again, after a new drawing:  {milliseconds(server_times(at, one_more, args.repeats))}")
    board = AppTest.from_function(class_board, default_timeout=300)
    server_times(board, nothing, 1)
    print(f"its refresh (the board), nothing new:    {milliseconds(server_times(board, nothing, args.repeats))}")
    print(f"its refresh, after a new drawing:        {milliseconds(server_times(board, one_more, args.repeats))}")
    print(f"drawings on the page at the end: {store.version()[1]:,}")


if __name__ == "__main__":
    main()
