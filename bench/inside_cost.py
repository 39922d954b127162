"""The Draw page's 'Inside the network': the server time it adds to every pen stroke, for both models.

Three parts, in milliseconds per stroke, each the median (and 95th percentile) over --calls strokes of real
handwriting (UNIPEN pen digits from samples/, rendered like the browser canvas):

- forward pass: the network keeping its inner layers' outputs, against the plain pass
  (`Network.outputs` of each on the same prepared image);
- view: picking the units, their weights and the pushes from that pass (`Inside.view`);
- section: `ui.inside.inside_network` drawing it all inside a Streamlit script run (AppTest, no browser):
  the pictures, their PNGs, and the elements. What a real server does beyond AppTest (sending the
  elements down the websocket) is left out, as are the browser's own costs. Its CPU time (the script
  thread's) is printed too: on a shared machine it moves far less than the wall time.

Added per stroke = (with inner layers - plain pass) + view + section; the target is at most 20 ms. The models are
the newest MNIST run of each kind found in the --runs-dir folders; a kind with no run is trained here first
(1 epoch on 5,000 images, under a minute). Weight pictures are made once and kept (ui/inside.py), as on
the server, so a unit's first appearance costs more than later ones: that is what p95 and max show.

    .venv/bin/python bench/inside_cost.py
    .venv/bin/python bench/inside_cost.py --runs-dir runs --runs-dir /tmp/dense-runs --calls 500
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from harness.measures import percentile, timed_ms
from harness.models import newest_network

WARM_UP_CALLS = 10
TARGET_MS = 20.0


def section_script(predictor, canvases, timings):
    """One stroke per script run: the reading with its inside view, then the section drawn from it."""

    import streamlit as st

    from ui.inside import inside_network

    stroke = st.session_state.get("stroke", 0)
    st.session_state["stroke"] = stroke + 1
    reading = predictor.read_canvas(canvases[stroke % len(canvases)], inside=True)
    started, cpu_started = time.perf_counter(), time.thread_time()
    inside_network(reading.inside)
    timings.append(((time.perf_counter() - started) * 1000, (time.thread_time() - cpu_started) * 1000))


def line(name: str, values: list[float]) -> str:
    p50, p95 = statistics.median(values), percentile(values, 0.95)
    return f"  {name:<34} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   max {max(values):6.2f} ms"


def measure(model, canvases: list, calls: int) -> float:
    """Print the three parts for one model; return the added median per stroke."""
    from streamlit.testing.v1 import AppTest

    from mnist_core.reading.predict import Predictor
    from mnist_core.reading.preprocess import canvas_to_mnist

    predictor = Predictor(model)
    images = [prepared.image[None] for prepared in map(canvas_to_mnist, canvases) if prepared.ok]
    network, shown = predictor.network, predictor.inside.shown
    plain = timed_ms(network.outputs, images, calls)
    sub_model = timed_ms(lambda image: network.outputs(image, shown), images, calls)
    outputs = [[layer[0] for layer in network.outputs(image, shown)] for image in images]
    view = timed_ms(predictor.inside.view, outputs, calls)

    runs: list[tuple[float, float]] = []
    at = AppTest.from_function(section_script, args=(predictor, canvases, runs), default_timeout=120)
    for _ in range(WARM_UP_CALLS + calls):
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    section = [wall for wall, _ in runs[WARM_UP_CALLS:]]
    section_cpu = [cpu for _, cpu in runs[WARM_UP_CALLS:]]

    print(line("forward pass, plain model", plain))
    print(line("forward pass, with inner layers", sub_model))
    print(line("view (Inside.view)", view))
    print(line("section (ui.inside.inside_network)", section))
    print(line("  the section's CPU time", section_cpu))
    added = statistics.median(sub_model) - statistics.median(plain) + statistics.median(view)
    added += statistics.median(section)
    print(f"  added per stroke (medians): {added:.1f} ms (target <= {TARGET_MS:.0f} ms)")
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="timed strokes of each kind")
    parser.add_argument("--runs-dir", type=Path, action="append", help="saved runs (default: the app's runs folder)")
    parser.add_argument("--pen-digits", type=Path, default=None, help="default: the repository's samples/")
    args = parser.parse_args()

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from mnist_core import config
    from mnist_core.data import pen_digits as strokes

    digits = strokes.load_pen_digits(args.pen_digits or config.pen_digits_path())
    canvases = [strokes.render_strokes(digit.strokes) for digit in digits]
    runs_dirs = args.runs_dir or [config.runs_dir()]
    models = {kind: newest_network(runs_dirs, kind) for kind in ("cnn", "mlp")}
    one, five = os.getloadavg()[:2]
    print(f"{args.calls} strokes of each, {len(canvases)} pen digits, load average {one:.2f} / {five:.2f} (1/5 min)")
    for kind, model in models.items():
        print(f"{kind}:")
        measure(model, canvases, args.calls)


if __name__ == "__main__":
    main()
