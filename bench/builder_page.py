"""The Train page's network builder: the server time to redraw it for a 10-layer network (issue #31: <= 100 ms).

Three figures, each the median (and 95th percentile) over --runs redraws, in milliseconds:

- the rules and words alone: reading and planning the spec text, the diagram's boxes, its sentence and the
  `model.summary()` rows (mnist_core.model.builder, mnist_core.text.builder), without Streamlit;
- the builder (ui.network_builder.network_builder) drawn inside a Streamlit script run under AppTest, no browser:
  its widgets, the diagram, the summary table and the estimate of an epoch's time. Each run changes one layer's
  units, as a student's click does, so nothing is drawn from an unchanged text. Its CPU time (the script
  thread's) is printed too: on a shared machine it moves far less than the wall time;
- the whole Train page's script run with the builder shown (AppTest's run, a button click's worth of work on
  the server: settings, builder, caps, lessons and the runs table of an empty runs folder).

What a real server does beyond AppTest (sending the elements down the websocket) is left out, as is the browser.
bench/builder.py measures the library side (plan, summary rows, and the estimate asked over the line's socket as a
class server's page process asks it); this one measures what the page itself draws. Here the line is the page
process's own (no socket), as under `streamlit run`.

    .venv/bin/python bench/builder_page.py
    .venv/bin/python bench/builder_page.py --runs 300
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

from harness.measures import percentile

TEN_LAYERS = (
    "conv 32 3 relu; batchnorm; pool 2; conv 64 3 relu; batchnorm; pool 2; dropout 0.25; dense 128 relu; "
    "dropout 0.5; dense 64 tanh"
)
WARM_UP_RUNS = 10
TARGET_MS = 100.0


def builder_script(texts: list[str], timings: list[tuple[float, float]]) -> None:
    """One redraw of the builder per script run, each for the next text (one layer's units changed)."""
    import time

    import streamlit as st

    from mnist_core.training.settings import TrainingSettings
    from ui import network_builder
    from ui.shared import training_line

    run = st.session_state.get("run", 0)
    st.session_state["run"] = run + 1
    st.session_state[network_builder.LAYERS_KEY] = texts[run % len(texts)]
    settings = TrainingSettings(layers=st.session_state[network_builder.LAYERS_KEY], epochs=5)
    started, cpu_started = time.perf_counter(), time.thread_time()
    network_builder.network_builder(settings, training_line().estimate_epoch_seconds, None)
    timings.append(((time.perf_counter() - started) * 1000, (time.thread_time() - cpu_started) * 1000))


def texts_to_draw(count: int) -> list[str]:
    """The 10-layer network with its last dense layer's units changed each time (as a student's typing does)."""
    from mnist_core.model import builder

    return [builder.changed(TEN_LAYERS, 9, units=32 + index % 64) for index in range(count)]


def rules_alone(texts: list[str]) -> list[float]:
    """Milliseconds to check each text and make the diagram's words and the summary's rows from it."""
    from mnist_core.model import builder
    from mnist_core.text.builder import diagram, diagram_sentence, parameters_line

    times = []
    for text in texts:
        started = time.perf_counter()
        spec = builder.check(text).spec
        diagram(spec), diagram_sentence(spec), parameters_line(spec), spec.rows()
        times.append((time.perf_counter() - started) * 1000)
    return times[WARM_UP_RUNS:]


def builder_section(texts: list[str]) -> tuple[list[float], list[float]]:
    from streamlit.testing.v1 import AppTest

    timings: list[tuple[float, float]] = []
    at = AppTest.from_function(builder_script, args=(texts, timings), default_timeout=120)
    for _ in texts:
        at.run()
        assert not at.exception, [error.value for error in at.exception]
    kept = timings[WARM_UP_RUNS:]
    return [wall for wall, _ in kept], [cpu for _, cpu in kept]


def whole_page(texts: list[str]) -> list[float]:
    """Wall time of the Train page's script runs with the builder shown, a new text each time."""
    from harness.apptest import TRAIN, open_app
    from ui import network_builder

    at = open_app(TRAIN, student="Min-jun")
    at.radio(key="train-model").set_value("custom").run()
    times = []
    for text in texts:
        at.session_state[network_builder.LAYERS_KEY] = text
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
        assert not at.exception, [error.value for error in at.exception]
    return times[WARM_UP_RUNS:]


def line(name: str, values: list[float]) -> str:
    p50, p95 = statistics.median(values), percentile(values, 0.95)
    return f"  {name:<40} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   max {max(values):7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="timed redraws of each kind")
    args = parser.parse_args()
    os.environ.setdefault("MNIST_APP_RUNS_DIR", tempfile.mkdtemp(prefix="builder-bench-"))  # no saved runs

    texts = texts_to_draw(WARM_UP_RUNS + args.runs)
    one, five = os.getloadavg()[:2]
    print(f"{args.runs} redraws of a 10-layer network ({TEN_LAYERS}); load average {one:.2f} / {five:.2f}")
    rules = rules_alone(texts)
    section, section_cpu = builder_section(texts)
    page = whole_page(texts)
    print(line("rules and words (mnist_core)", rules))
    print(line("builder section (ui.network_builder)", section))
    print(line("  the section's CPU time", section_cpu))
    print(line("whole Train page run (AppTest)", page))
    median = statistics.median(section)
    verdict = "within" if median <= TARGET_MS else "over"
    print(f"  the builder's redraw: {median:.1f} ms median, {verdict} the target of {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
