"""The command line: fetch the data sets, train like the tutorial, and prepare a fresh machine.

python -m mnist_core fetch-data
python -m mnist_core train --dataset mnist --epochs 10 [--batch-size 100] [--model mlp] [--learning-rate 0.001]
python -m mnist_core train --layers "conv 16 3 relu; pool 2; dense 64 relu" [--l2 RATE] [--init-seed N]
                           [--noise RATE] [--validation-split RATE]
python -m mnist_core setup      # data sets + a default digits model, once
python -m mnist_core export-notebook RUN_ID [--out FILE] [--language ko|en]
python -m mnist_core serve [--processes N] [--server.address A] [--server.port P] [--cluster ADDRESS]
                          [--class-name NAME] [more streamlit run options]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from mnist_core import config, i18n, limits
from mnist_core.classroom import defaults
from mnist_core.data import datasets
from mnist_core.model.keras_model import MODEL_KINDS, OPTIMIZERS, ModelKind
from mnist_core.model.layers import LayerSpecError, parse_layers
from mnist_core.runs.store import RunError, RunStore
from mnist_core.serving.worker import read_inputs
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingListener, TrainingResult, TrainingSettings

METRIC_NAMES = ("loss", "accuracy", "val_loss", "val_accuracy")


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments get one line saying what is wrong (and exit code 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def whole_number(limit: limits.Limit):
    """An argument type for a number in `limit`'s range (its message without the label: argparse names it)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
        if not limit.low <= value <= limit.high:
            raise argparse.ArgumentTypeError(f"must be between {limit.low} and {limit.high}, not {value}")
        return value

    return parse


def real_number(limit: limits.RealLimit):
    """An argument type for a number in `limit`'s range (its message without the label: argparse names it)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number, not {text!r}") from None
        try:
            return limit.check(value)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error).removeprefix(f"{limit.label} ").rstrip(".")) from None

    return parse


learning_rate = real_number(limits.LEARNING_RATE)  # the learning rate, in limits.LEARNING_RATE's range


def layer_spec(text: str) -> str:
    """An argument type for a network's layers: the spec in its canonical form, or the message naming the bad part
    (argparse prints it on one line and exits with code 2)."""
    try:
        return parse_layers(text).text()
    except LayerSpecError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m mnist_core", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    commands.add_parser("fetch-data", help="copy the offline data sets into the project's data folder")
    commands.add_parser("setup", help="fetch the data sets and train the default digits model once")

    train_parser = commands.add_parser("train", help="train a model and save it as a run")
    train_parser.add_argument("--dataset", choices=datasets.DATASET_NAMES, default=datasets.DatasetName.MNIST)
    train_parser.add_argument("--epochs", type=whole_number(limits.EPOCHS), default=limits.EPOCHS.default)
    train_parser.add_argument("--batch-size", type=whole_number(limits.BATCH_SIZE), default=limits.BATCH_SIZE.default)
    train_parser.add_argument("--model", choices=MODEL_KINDS, default=ModelKind.MLP)
    train_parser.add_argument(
        "--layers",
        type=layer_spec,
        default=None,
        metavar="SPEC",
        help='your own network instead of --model, e.g. "dense 256 relu; dropout 0.2; dense 128 tanh"',
    )
    train_parser.add_argument(
        "--hidden-units", type=whole_number(limits.HIDDEN_UNITS), default=limits.HIDDEN_UNITS.default
    )
    train_parser.add_argument("--augment", action="store_true", help="train on randomly changed copies")
    train_parser.add_argument("--optimizer", choices=OPTIMIZERS, default="adam", help="momentum: SGD with momentum 0.9")
    train_parser.add_argument("--learning-rate", type=learning_rate, default=limits.LEARNING_RATE.default)
    train_parser.add_argument("--seed", type=int, default=None)
    train_parser.add_argument("--train-limit", type=whole_number(limits.TRAIN_IMAGES), default=None)
    train_parser.add_argument("--l2", type=real_number(limits.L2), default=limits.L2.default, help="weight decay")
    train_parser.add_argument(
        "--init-seed", type=whole_number(limits.INIT_SEED), default=None, help="the initial weights' own seed"
    )
    train_parser.add_argument(
        "--noise",
        type=real_number(limits.NOISE),
        default=limits.NOISE.default,
        help="Gaussian noise of this spread on the training pixels",
    )
    train_parser.add_argument(
        "--validation-split",
        type=real_number(limits.VALIDATION_SPLIT),
        default=limits.VALIDATION_SPLIT.default,
        help="validate on this share of the training images instead of the test set",
    )

    export_parser = commands.add_parser("export-notebook", help="write a saved run as a Jupyter notebook")
    export_parser.add_argument("run_id", metavar="RUN_ID")
    export_parser.add_argument("--out", type=Path, default=None, help="the file to write (default: RUN_ID.ipynb here)")
    export_parser.add_argument("--language", choices=i18n.LANGUAGES, default=i18n.DEFAULT_LANGUAGE)

    serve_parser = commands.add_parser("serve", help="serve the app to a class: one Streamlit process per core")
    serve_parser.add_argument("--processes", type=int, default=None, help="default: one per core")
    serve_parser.add_argument("--server.address", dest="address", default="0.0.0.0", help="where the class connects")
    serve_parser.add_argument("--server.port", dest="port", type=int, default=8501)
    serve_parser.add_argument(
        "--cluster", metavar="ADDRESS", default=None, help="run trainings on this Ray cluster (sets MNIST_APP_CLUSTER)"
    )
    serve_parser.add_argument(
        "--class-name", metavar="NAME", default=None, help="the class served (sets MNIST_APP_CLASS_NAME)"
    )
    return parser


class PrintEpochs(TrainingListener):
    """One line per epoch, like Keras's `verbose=2`."""

    def __init__(self, epochs: int) -> None:
        self.epochs = epochs

    def on_epoch(self, epoch: int, metrics: dict[str, float], seconds: float) -> None:
        figures = "  ".join(f"{name} {metrics[name]:.4f}" for name in METRIC_NAMES if name in metrics)
        print(f"Epoch {epoch}/{self.epochs}  {figures}  {seconds:.1f} s", flush=True)


def run_training(settings: TrainingSettings, store: RunStore) -> TrainingResult:
    """Train with one line per epoch; Ctrl-C stops after the current batches and still saves the run."""
    stop = threading.Event()

    def ask_to_stop(signum: int, frame: object) -> None:
        print("Stopping after the current batches; what was learned is kept.", flush=True)
        stop.set()

    previous = signal.signal(signal.SIGINT, ask_to_stop)
    try:
        result = train(settings, listener=PrintEpochs(settings.epochs), stop=stop, inputs=read_inputs(settings, store))
    finally:
        signal.signal(signal.SIGINT, previous)
    # The tutorial's closing lines.
    print(f"Fit time : {result.fit_seconds:.1f}")
    print(f"Test loss : {result.test_loss:.4f}")
    print(f"Test accuracy : {result.test_accuracy:.4f}")
    if result.diverged:
        print("The loss stopped being a number: the learning rate is too high. Saved as diverged.")
    record = store.save(result, teacher=True)  # the command line is the teacher's (whoever runs the server)
    print(f"Saved run {record.id} ({record.status}) in {store.root}")
    return result


def setup(store: RunStore) -> None:
    """Everything the app needs on a fresh machine; quick when it is already there."""
    from mnist_core.data.fetch import fetch_all

    fetch_all()
    ready = defaults.ready_drawing_run(store.list())
    if ready is None:
        print("Training the default digits model once: 10 epochs of the small CNN on augmented images, the run")
        print("that reads people's drawings best (about 99.3% of MNIST's test set, 98.5% of real handwriting).")
        run_training(defaults.drawing_settings(), store)
    else:
        print(f"The default digits model is ready: run {ready.id}.")


def serve_settings(cluster: str | None, class_name: str | None) -> None:
    """`serve --cluster` and `--class-name` as the settings they stand for, for the server and the processes it
    starts (which inherit its environment); a malformed class name stops here, before anything starts."""
    if cluster:
        os.environ["MNIST_APP_CLUSTER"] = cluster
    if class_name:
        os.environ["MNIST_APP_CLASS_NAME"] = config.check_class_name(class_name)


def export_notebook(store: RunStore, run_id: str, out: Path | None, language: str) -> Path:
    """Write the run as a notebook that trains it again (see notebook.py); returns the file written."""
    from mnist_core.text.notebook import notebook_bytes

    record = store.get(run_id)
    path = out or Path(f"{record.id}.ipynb")
    try:
        path.write_bytes(notebook_bytes(record, language))
    except OSError as error:
        raise RunError(f"The notebook could not be written to {path} ({error.strerror or error}).") from error
    print(f"Wrote {path}: run {record.id}, test accuracy {record.test_accuracy:.4f}, language {language}.")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, streamlit_options = parser.parse_known_args(argv)  # `serve` passes the options it does not know on
    if streamlit_options and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(streamlit_options)}")
    store = RunStore(config.runs_dir())
    try:
        if args.command == "serve":
            from mnist_core.serving.class_server import serve_class

            serve_settings(args.cluster, args.class_name)

            serve_class(args.address, args.port, max(1, args.processes or config.server_processes()), streamlit_options)
        elif args.command == "fetch-data":
            from mnist_core.data.fetch import fetch_all

            fetch_all()
        elif args.command == "setup":
            setup(store)
        elif args.command == "train":
            settings = TrainingSettings(
                dataset=args.dataset,
                epochs=args.epochs,
                batch_size=args.batch_size,
                model_kind=args.model,
                hidden_units=args.hidden_units,
                augment=args.augment,
                optimizer=args.optimizer,
                learning_rate=args.learning_rate,
                seed=args.seed,
                train_limit=args.train_limit or config.train_limit(),
                layers=args.layers,
                l2=args.l2,
                init_seed=args.init_seed,
                noise=args.noise,
                validation_split=args.validation_split,
            )
            try:
                settings.validate()
            except ValueError as error:  # settings that only fail together, e.g. a split of too few images
                print(f"{parser.prog} train: error: {error}", file=sys.stderr)
                return 2
            run_training(settings, store)
        elif args.command == "export-notebook":
            export_notebook(store, args.run_id, args.out, args.language)
    except (datasets.DatasetError, RunError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
