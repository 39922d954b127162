"""Real handwriting accuracy per saved digits run.

Replays the UNIPEN pen digits (200 digits by 145 writers) onto a canvas the size of the Draw page's, with
its brush width, prepares each drawing as the page does, and prints how many each digits run reads right.

    .venv/bin/python bench/handwriting.py [--runs-dir runs] [--run RUN_ID ...] [--show-misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mnist_core import config, limits
from mnist_core.data.pen_digits import load_pen_digits
from mnist_core.reading.handwriting import read_pen_digits
from mnist_core.reading.predict import Predictor
from mnist_core.runs.store import RunError, RunStore
from mnist_core.tuning import quiet_tensorflow


def main() -> None:
    quiet_tensorflow()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs-dir", type=Path, default=config.runs_dir())
    parser.add_argument("--run", action="append", help="a run id (default: every digits run)")
    parser.add_argument("--digits", type=Path, default=config.pen_digits_path())
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    store = RunStore(args.runs_dir)
    records = [store.get(run_id) for run_id in args.run] if args.run else store.list()
    records = [record for record in records if record.dataset == "mnist"]
    digits = load_pen_digits(args.digits)
    print(f"{len(digits)} pen digits; canvas {limits.CANVAS_SIZE} px, brush {limits.STROKE_WIDTH} px ({args.digits})")
    print(f"{'run':<32} {'model':<5} {'epochs':>6} {'test acc':>8} {'handwriting':>11}")
    for record in records:
        try:
            predictor = Predictor(store.load_network(record.id))
        except RunError as error:
            print(f"{record.id:<32} skipped: {error}")
            continue
        score = read_pen_digits(predictor, digits)
        print(
            f"{record.id:<32} {record.model_kind:<5} {record.epochs_done:>6} {record.test_accuracy:>8.4f} "
            f"{score.accuracy:>11.3f}  ({score.correct}/{score.total})"
        )
        if args.show_misses:
            for sample_id, label, answer in score.misses:
                print(f"    {sample_id}: wrote {label}, read {answer}")


if __name__ == "__main__":
    main()
