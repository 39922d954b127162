"""Why did it answer that (issue #32): the server time of each part, for the dense network and the CNN.

On real handwriting (UNIPEN pen digits from samples/, rendered like the browser canvas and prepared as the Draw
page prepares them), with one BLAS thread as in a page process (ui/server_tuning.py):

- where it looked: both heat maps, the answer's and the runner-up's, with their words (why_this_and_not_that),
  median and 95th percentile per call over --calls drawings; target <= 15 ms. Occlusion beside it, for comparison;
- the sign test of both maps on --sign-images MNIST test images: how much the answer's probability falls when
  the 10 pixels a map marks most important are blanked, against 10 random ink pixels;
- fool it: every pen digit pushed toward a random other digit, and the 3s toward 8: time per call (median,
  95th percentile, max) and how often it succeeded; and 20 calls that cannot succeed (a change of one grey level
  allowed), which run to the step bound: the worst case. Target <= 2 s for the CNN whatever the drawing;
- the map: its compute time in the worker (2,000 test images: forward pass, PCA and t-SNE), its file size, and
  what a page spends on it (loading the file, placing a drawing); target <= 200 ms for the page. Then the page's
  whole server time to show it (ui/map_views.py): the first time in a server process (the file loaded, its
  table, where each class's name goes and the map in words, all kept for the next time) and at every later stroke
  (the drawing placed, the chart's spec, its table as Arrow bytes and the spec as JSON, as st.vega_lite_chart
  sends them).

The models are the newest MNIST run of each kind in the --runs-dir folders; a kind with no run is trained here
first (1 epoch on 5,000 images, under a minute).

    .venv/bin/python bench/explain_cost.py
    .venv/bin/python bench/explain_cost.py --runs-dir runs --calls 500
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from harness.measures import percentile, timed_ms
from harness.models import newest_network

WHERE_TARGET_MS = 15.0
FOOL_TARGET_S = 2.0
PAGE_MAP_TARGET_MS = 200.0
SIGN_PIXELS = 10


def line(name: str, values: list[float], unit: str = "ms") -> str:
    return (
        f"  {name:<40} p50 {statistics.median(values):8.2f} {unit}   p95 {percentile(values, 0.95):8.2f} {unit}   "
        f"max {max(values):8.2f} {unit}"
    )


def where_it_looked_cost(network, images: list[np.ndarray], calls: int) -> float:
    from mnist_core.reading.explain import occlusion_map, why_this_and_not_that

    both = timed_ms(lambda image: why_this_and_not_that(network, image), images, calls)
    print(line("where it looked, both maps", both))
    page = timed_ms(lambda image: where_it_looked_on_a_page(network, image), images, calls)
    print(line("where it looked on a page, with pictures", page))
    answers = [int(network.probabilities(image[None])[0].argmax()) for image in images]
    pairs = list(zip(images, answers, strict=True))
    occlusion = timed_ms(lambda pair: occlusion_map(network, *pair), pairs, max(20, calls // 10))
    print(line("occlusion, one map (for comparison)", occlusion))
    return statistics.median(page)


def where_it_looked_on_a_page(network, image: np.ndarray) -> None:
    """What the Draw page does at each stroke for where it looked (ui/explain_views.py): both maps, their words,
    and the three pictures as PNG data URLs."""
    from mnist_core.reading.explain import why_this_and_not_that
    from mnist_core.text import explain_words as words
    from mnist_core.text.pictures import data_url, diverging, enlarge, png_bytes
    from ui.explain_views import SIZE, shared_limit

    where = why_this_and_not_that(network, image)
    limit = shared_limit(where.answer.values, where.runner_up.values)
    maps = [diverging(heat.values, SIZE, limit) for heat in (where.answer, where.runner_up)]
    for picture in [enlarge(where.image, SIZE), *maps]:
        data_url(png_bytes(picture))
    words.where_summary(where)
    words.where_alt(where.answer)
    words.where_alt(where.runner_up)


def sign_test(network, images: np.ndarray, labels: np.ndarray) -> None:
    """The mean fall of the answer's probability when a map's top pixels are blanked, against random ink pixels."""
    from mnist_core.reading.explain import occlusion_map, where_it_looked

    rng = np.random.default_rng(0)
    falls: dict[str, list[float]] = {"gradient x input": [], "occlusion": [], "random ink": []}
    beaten = {"gradient x input": 0, "occlusion": 0}
    read = network.probabilities(images).argmax(axis=1)
    for image, label in zip(images[read == labels], labels[read == labels], strict=True):
        digit = int(label)
        before = network.probabilities(image[None])[0, digit]
        ink = np.flatnonzero(image.reshape(-1) > 0)

        def fall(pixels, image=image, digit=digit, before=before):
            blanked = image.reshape(-1).copy()
            blanked[pixels] = 0
            return before - network.probabilities(blanked.reshape(1, 28, 28))[0, digit]

        maps = {
            "gradient x input": where_it_looked(network, image, digit).values,
            "occlusion": occlusion_map(network, image, digit),
        }
        at_random = float(np.mean([fall(rng.choice(ink, SIGN_PIXELS, replace=False)) for _ in range(10)]))
        falls["random ink"].append(at_random)
        for name, values in maps.items():
            top = ink[np.argsort(-values.reshape(-1)[ink], kind="stable")[:SIGN_PIXELS]]
            falls[name].append(fall(top))
            beaten[name] += falls[name][-1] > at_random
    count = len(falls["random ink"])
    print(f"  sign test, {SIGN_PIXELS} pixels blanked, {count} test images read right: mean fall of the answer's "
          "probability")  # fmt: skip
    for name, values in falls.items():
        more = f", more than random on {beaten[name]} of {count}" if name in beaten else ""
        print(f"    {name:<18} {np.mean(values):.4f}{more}")


def fool_cost(network, digits: list[tuple[int, np.ndarray]]) -> float:
    from mnist_core.reading.fooling import fool

    rng = np.random.default_rng(0)
    runs = []
    for label, image in digits:
        target = int((label + 1 + rng.integers(9)) % 10)
        runs.append(fool(network, image, target))
    seconds = [run.seconds for run in runs]
    done = [run for run in runs if run.succeeded]
    print(line(f"fool, random targets ({len(done)}/{len(runs)} fooled)", [1000 * s for s in seconds]))
    if done:
        print(f"    when fooled: median {statistics.median(r.steps for r in done):.0f} steps, "
              f"{statistics.median(r.changed_pixels for r in done):.0f} pixels changed, largest change "
              f"{255 * statistics.median(r.max_change for r in done):.0f}/255, mean "
              f"{255 * statistics.median(r.mean_change for r in done):.0f}/255")  # fmt: skip
    threes = [fool(network, image, 8) for label, image in digits if label == 3]
    if threes:
        print(line(f"fool, 3 -> 8 ({sum(r.succeeded for r in threes)}/{len(threes)} fooled)",
                   [1000 * r.seconds for r in threes]))  # fmt: skip
    # The worst case: a change too small to ever fool it, so every call runs to the step bound.
    held = [fool(network, image, (label + 5) % 10, max_change=1 / 255) for label, image in digits[:20]]
    print(line(f"fool, never fooled: all {held[0].steps} steps", [1000 * r.seconds for r in held]))
    return max(seconds + [r.seconds for r in held])


def map_cost(network) -> float:
    from mnist_core.data import datasets
    from mnist_core.reading.embedding import load_map, map_for_run, place, save_map

    started = time.perf_counter()
    embedding = map_for_run(network, "mnist")
    computed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = save_map(Path(folder), embedding)
        size = path.stat().st_size
        loading = timed_ms(lambda _: load_map(Path(folder)), [None], 30)
        images = list(datasets.load("mnist").x_test[:100].astype(np.float32) / 255)
        placing = timed_ms(lambda image: place(embedding, network, image), images, 100)
        first, stroke = page_map_cost(network, Path(folder), images)
    print(f"  {'map of 2,000 test images (worker)':<40} {computed:8.2f} s   file {size / 1000:.0f} KB")
    print(line("map: load the file (page)", loading))
    print(line("map: place a drawing (page)", placing))
    print(line("map on a page, first time in a process", first))
    print(line("map on a page, every later stroke", stroke))
    return max(statistics.median(first), statistics.median(stroke))


def page_map_cost(network, folder: Path, images: list[np.ndarray]) -> tuple[list[float], list[float]]:
    """The Draw page's server time to show the map: first in a process, then at each stroke (ui/map_views.py)."""
    import json

    from streamlit import dataframe_util

    from mnist_core.reading.embedding import load_map, place
    from mnist_core.text import explain_words as words
    from ui.map_views import map_table

    names = [str(digit) for digit in range(10)]

    def stroke(image: np.ndarray, embedding, table, middles) -> None:
        spec = words.map_spec(names, middles, place(embedding, network, image).point)
        dataframe_util.convert_anything_to_arrow_bytes(table)
        json.dumps(spec)

    def first(image: np.ndarray) -> None:
        embedding = load_map(folder)
        table, middles, _ = map_table(embedding, names)
        stroke(image, embedding, table, middles)

    embedding = load_map(folder)
    table, middles, _ = map_table(embedding, names)
    later = timed_ms(lambda image: stroke(image, embedding, table, middles), images, 100)
    return timed_ms(first, images, 20), later


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="timed calls of where it looked")
    parser.add_argument("--runs-dir", type=Path, action="append", help="saved runs (default: the app's runs folder)")
    parser.add_argument("--pen-digits", type=Path, default=None, help="default: the repository's samples/")
    parser.add_argument("--sign-images", type=int, default=100, help="MNIST test images for the sign test")
    args = parser.parse_args()

    from mnist_core.tuning import quiet_tensorflow

    quiet_tensorflow()  # before TensorFlow is imported
    from threadpoolctl import threadpool_limits

    from mnist_core import config
    from mnist_core.data import datasets
    from mnist_core.data import pen_digits as strokes
    from mnist_core.reading.preprocess import canvas_to_mnist

    threadpool_limits(1, user_api="blas")  # as a page process has it (ui/server_tuning.py)
    pen = strokes.load_pen_digits(args.pen_digits or config.pen_digits_path())
    prepared = [(digit.label, canvas_to_mnist(strokes.render_strokes(digit.strokes))) for digit in pen]
    digits = [(label, p.image) for label, p in prepared if p.ok]
    data = datasets.load("mnist")
    test_images = data.x_test[: args.sign_images].astype(np.float32) / 255
    runs_dirs = args.runs_dir or [config.runs_dir()]
    networks = {kind: newest_network(runs_dirs, kind) for kind in ("mlp", "cnn")}
    one, five = os.getloadavg()[:2]
    print(f"{len(digits)} pen digits, {args.calls} calls, load average {one:.2f} / {five:.2f} (1/5 min)")
    for kind, network in networks.items():
        print(f"{kind}:")
        where = where_it_looked_cost(network, [image for _, image in digits], args.calls)
        sign_test(network, test_images, data.y_test[: args.sign_images])
        slowest_fool = fool_cost(network, digits)
        page_map = map_cost(network)
        print(f"  targets: where it looked {where:.1f} ms (<= {WHERE_TARGET_MS:.0f}), slowest fool "
              f"{slowest_fool:.2f} s (<= {FOOL_TARGET_S:.0f}), the map on a page {page_map:.1f} ms "
              f"(<= {PAGE_MAP_TARGET_MS:.0f})")  # fmt: skip


if __name__ == "__main__":
    main()
