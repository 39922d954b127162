"""A saved run as a Jupyter notebook: the tutorial's steps with that run's settings, in English or Korean.

The notebook stands on its own. It needs TensorFlow (Keras), NumPy and matplotlib, never mnist_core, so a
student can take it home. Its first cell names the run and the accuracy it reached; its first code cell holds
the settings, including TRAIN_IMAGES for a quick try on fewer images.

Code cells are written here as `string.Template`s: `$name` slots take a setting or a comment in the
notebook's language, and the code's own braces need no escaping.
"""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING

from mnist_core import i18n, limits
from mnist_core.data import datasets
from mnist_core.data.augment import MAX_SHIFT_PIXELS, MAX_TURN_DEGREES, MAX_ZOOM
from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.model.keras_model import MODEL_KINDS, MOMENTUM, OPTIMIZERS
from mnist_core.text.names import dataset_title
from mnist_core.text.runs import model_description
from mnist_core.training.settings import TrainingSettings

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from mnist_core.runs.store import RunRecord

# What the settings cell names the knob a test or a student turns down for a quick try.
TRAIN_IMAGES_SETTING = "TRAIN_IMAGES"
MISTAKES_SHOWN = 20  # the mistakes cell's 4 x 5 grid, as the tutorial draws them
CNN_HIDDEN_UNITS_HIGH = 128  # model/keras_model.py's small CNN caps its dense layer here

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}

SETTINGS_CELL = Template(
    """\
# $settings_comment
EPOCHS = $epochs
BATCH_SIZE = $batch_size
LEARNING_RATE = $learning_rate
SEED = $seed  # $seed_comment
$train_images_setting = $train_images  # $train_images_comment
DATA_DIR = None  # $data_dir_comment"""
)

# The student's notebook runs without mnist_core, so it quiets TensorFlow in its own code (not mnist_core.tuning).
IMPORTS_CELL = Template(
    """\
import gzip
import os
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # $quiet_comment
import keras
import matplotlib.pyplot as plt
import numpy as np

print("Keras", keras.__version__)"""
)

READ_IDX_CELL = Template(
    r'''DATASET = "$dataset"
CLASS_NAMES = $class_names
FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]


def read_idx(path):
    """$read_idx_doc"""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":  # $gzip_comment
        data = gzip.decompress(data)
    dims = data[3]  # $dims_comment
    shape = np.frombuffer(data, dtype=">u4", count=dims, offset=4)
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find_file(folder, name):
    """$find_file_doc"""
    for path in (folder / name, folder / (name + ".gz")):
        if path.is_file():
            return path
    return None'''
)

LOAD_CELL = Template(
    """\
# $search_comment
here = Path.cwd()
folders = [Path(DATA_DIR)] if DATA_DIR else []
folders += [folder / "data" / DATASET for folder in (here, *here.parents)]$debian_folder
folder = next(
    (candidate for candidate in folders if all(find_file(candidate, name) for name in FILES)), None
)

if folder is not None:
    x_train, y_train, x_test, y_test = (read_idx(find_file(folder, name)) for name in FILES)
    print("Files from", folder)
else:  # $download_comment
    (x_train, y_train), (x_test, y_test) = keras.datasets.$dataset.load_data()
    print("Downloaded by keras.datasets")
print(x_train.shape, x_test.shape)"""
)

SCALE_CELL = Template(
    """\
# $first_images_comment
x_train, y_train = x_train[:$train_images_setting], y_train[:$train_images_setting]
# $scale_comment
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
print(x_train.shape, x_train.min(), x_train.max())"""
)

MODEL_CELL = Template(
    """\
# $seed_comment
if SEED is not None:
    keras.utils.set_random_seed(SEED)

model = keras.Sequential([
    keras.Input((28, 28)),
$layers
])
model.summary()"""
)

COMPILE_CELL = Template(
    """\
model.compile(
    optimizer=$optimizer,
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)"""
)

FIT_CELL = """\
start = time.time()
history = model.fit(
    x_train, y_train,
    validation_data=(x_test, y_test),
    epochs=EPOCHS,
    batch_size=BATCH_SIZE,
    verbose=2,
)
print("Fit time:", round(time.time() - start, 1), "s")"""

CURVES_CELL = """\
plt.figure(figsize=(10, 6))
for name in ["loss", "val_loss", "accuracy", "val_accuracy"]:
    values = history.history[name]
    plt.plot(range(1, len(values) + 1), values, marker="o", label=name)
plt.xlabel("epoch")
plt.legend()
plt.grid(True)
plt.show()"""

EVALUATE_CELL = """\
test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", round(test_loss, 4))
print("Test accuracy:", round(test_accuracy, 4))"""

PREDICT_CELL = Template(
    """\
# $argmax_comment
predicted_labels = np.argmax(model.predict(x_test, verbose=0), axis=1)
wrong = np.flatnonzero(predicted_labels != y_test)
print(len(wrong), "/", len(y_test))"""
)

MISTAKES_CELL = Template(
    """\
# $pick_comment
samples = np.random.default_rng(SEED).choice(wrong, size=min(20, len(wrong)), replace=False)

plt.figure(figsize=(12, 11))
for place, index in enumerate(samples, start=1):
    plt.subplot(4, 5, place)
    plt.imshow(x_test[index], cmap="Greys")
    label, predict = CLASS_NAMES[y_test[index]], CLASS_NAMES[predicted_labels[index]]
    plt.title(f"Label: {label}\\nPredict: {predict}", fontsize=10)
    plt.axis("off")
plt.tight_layout()
plt.show()"""
)


def build_notebook(record: RunRecord, language: str) -> NotebookNode:
    """The notebook that repeats `record`'s training, its words in `language` ("en" or "ko")."""
    import nbformat

    settings = TrainingSettings.from_dict(record.settings)
    if settings.model_kind not in MODEL_KINDS or settings.optimizer not in OPTIMIZERS:
        raise ValueError(f"Run {record.id} has a model or optimizer this notebook cannot write.")
    epochs = record.epochs_done or settings.epochs  # what the run really trained for
    markdown, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    with i18n.in_language(language):
        cells = [
            markdown(_introduction(record, settings, epochs)),
            markdown(t("notebook.settings")),
            code(_settings_cell(record, settings, epochs)),
            markdown(t("notebook.imports")),
            code(IMPORTS_CELL.substitute(quiet_comment=t("notebook.code.quiet"))),
            markdown(t("notebook.data", about=_dataset_description(settings.dataset))),
            code(_read_idx_cell(settings.dataset)),
            code(_load_cell(settings.dataset)),
            markdown(t("notebook.scale")),
            code(_scale_cell()),
            markdown(_model_text(settings)),
            code(MODEL_CELL.substitute(seed_comment=t("notebook.code.seed_apply"), layers=_layers(settings))),
            markdown(_compile_text(settings)),
            code(COMPILE_CELL.substitute(optimizer=_optimizer_code(settings.optimizer))),
            markdown(t("notebook.fit", epochs=epochs, batch=settings.batch_size)),
            code(FIT_CELL),
            markdown(t("notebook.curves")),
            code(CURVES_CELL),
            markdown(t("notebook.evaluate", accuracy=f"{record.test_accuracy:.4f}")),
            code(EVALUATE_CELL),
            markdown(t("notebook.mistakes", shown=MISTAKES_SHOWN)),
            code(PREDICT_CELL.substitute(argmax_comment=t("notebook.code.argmax"))),
            code(MISTAKES_CELL.substitute(pick_comment=t("notebook.code.pick", shown=MISTAKES_SHOWN))),
        ]
    return nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}})


def notebook_bytes(record: RunRecord, language: str) -> bytes:
    """build_notebook's notebook as the bytes of an .ipynb file."""
    import nbformat

    return nbformat.writes(build_notebook(record, language)).encode("utf-8")


def _introduction(record: RunRecord, settings: TrainingSettings, epochs: int) -> str:
    """The first cell: which run this is, how it was set, and what it reached."""
    parts = [
        t("notebook.title", dataset=dataset_title(settings.dataset), run_id=record.id),
        t(
            "notebook.intro",
            run_id=record.id,
            model=model_description(record),
            epochs=epochs,
            batch=settings.batch_size,
            optimizer=_optimizer_name(settings.optimizer),
            learning_rate=f"{settings.learning_rate:g}",
        ),
        t(
            "notebook.result",
            accuracy=f"{record.test_accuracy:.4f}",
            loss=f"{record.test_loss:.4f}",
            seconds=f"{record.fit_seconds:.1f}",
        ),
    ]
    if record.epochs_done < settings.epochs and settings.parent_run is None:
        parts.append(t("notebook.result_stopped", done=record.epochs_done, asked=settings.epochs))
    if settings.parent_run is not None:
        parts.append(t("notebook.result_continued", parent=settings.parent_run, epochs=epochs))
    parts.append(t("notebook.needs"))
    return "\n\n".join(parts)


def _settings_cell(record: RunRecord, settings: TrainingSettings, epochs: int) -> str:
    seed_comment = t("notebook.code.seed") if settings.seed is not None else t("notebook.code.no_seed")
    return SETTINGS_CELL.substitute(
        settings_comment=t("notebook.code.settings", run_id=record.id),
        epochs=int(epochs),
        batch_size=int(settings.batch_size),
        learning_rate=repr(float(settings.learning_rate)),
        seed=repr(None if settings.seed is None else int(settings.seed)),
        seed_comment=seed_comment,
        train_images_setting=TRAIN_IMAGES_SETTING,
        train_images=int(settings.train_limit or limits.TRAIN_IMAGES.high),
        train_images_comment=t("notebook.code.train_images"),
        data_dir_comment=t("notebook.code.data_dir"),
    )


def _dataset_description(dataset: str) -> str:
    return t("notebook.data.mnist") if dataset == DatasetName.MNIST else t("notebook.data.fashion_mnist")


def _read_idx_cell(dataset: str) -> str:
    return READ_IDX_CELL.substitute(
        dataset=dataset,
        class_names=repr(list(datasets.CLASS_NAMES[dataset])),  # English names: matplotlib draws them anywhere
        read_idx_doc=t("notebook.code.read_idx"),
        gzip_comment=t("notebook.code.gzip"),
        dims_comment=t("notebook.code.dims"),
        find_file_doc=t("notebook.code.find_file"),
    )


def _load_cell(dataset: str) -> str:
    debian = ""
    if dataset == DatasetName.FASHION_MNIST:
        debian = f'\nfolders += [Path("{datasets.DEBIAN_FASHION_DIR}")]  # {t("notebook.code.debian")}'
    return LOAD_CELL.substitute(
        search_comment=t("notebook.code.search"),
        debian_folder=debian,
        download_comment=t("notebook.code.download"),
        dataset=dataset,
    )


def _scale_cell() -> str:
    return SCALE_CELL.substitute(
        first_images_comment=t("notebook.code.first_images", setting=TRAIN_IMAGES_SETTING),
        scale_comment=t("notebook.code.scale"),
        train_images_setting=TRAIN_IMAGES_SETTING,
    )


def _model_text(settings: TrainingSettings) -> str:
    hidden = _hidden_units(settings)
    if settings.model_kind == "mlp":
        text = t("notebook.model.mlp", hidden=hidden)
    else:
        text = t("notebook.model.cnn", hidden=hidden)
    if settings.augment:
        text += "\n\n" + t(
            "notebook.augment",
            degrees=f"{MAX_TURN_DEGREES:g}",
            zoom=f"{MAX_ZOOM * 100:g}",
            shift=f"{MAX_SHIFT_PIXELS:g}",
        )
    return text


def _hidden_units(settings: TrainingSettings) -> int:
    hidden = int(settings.hidden_units)
    return min(hidden, CNN_HIDDEN_UNITS_HIGH) if settings.model_kind == "cnn" else hidden


def _layers(settings: TrainingSettings) -> str:
    """The layers of model/keras_model.py's network for this run, as lines of a Sequential list."""
    hidden = _hidden_units(settings)
    add_channel = "keras.layers.Reshape((28, 28, 1)),"
    # The augmenting layers turn, zoom and shift images with a channel; they change nothing at test time.
    augmenting = [
        f"# {t('notebook.code.augment')}",
        f'keras.layers.RandomRotation({MAX_TURN_DEGREES:g} / 360, fill_mode="constant"),',
        f'keras.layers.RandomZoom({MAX_ZOOM:g}, fill_mode="constant"),',
        f'keras.layers.RandomTranslation({MAX_SHIFT_PIXELS:g} / 28, {MAX_SHIFT_PIXELS:g} / 28, fill_mode="constant"),',
    ]
    if settings.model_kind == "mlp":
        layers = [*([add_channel, *augmenting] if settings.augment else []), "keras.layers.Flatten(),"]
    else:
        layers = [
            add_channel,
            *(augmenting if settings.augment else []),
            'keras.layers.Conv2D(32, 3, activation="relu"),',
            "keras.layers.MaxPooling2D(2),",
            'keras.layers.Conv2D(64, 3, activation="relu"),',
            "keras.layers.MaxPooling2D(2),",
            "keras.layers.Flatten(),",
            "keras.layers.Dropout(0.3),",
        ]
    layers += [f'keras.layers.Dense({hidden}, activation="relu"),', 'keras.layers.Dense(10, activation="softmax"),']
    return "\n".join(f"    {line}" for line in layers)


def _compile_text(settings: TrainingSettings) -> str:
    optimizer = _optimizer_name(settings.optimizer)
    return t("notebook.compile", optimizer=optimizer, learning_rate=f"{settings.learning_rate:g}")


def _optimizer_code(optimizer: str) -> str:
    return {
        "adam": "keras.optimizers.Adam(learning_rate=LEARNING_RATE)",
        "sgd": "keras.optimizers.SGD(learning_rate=LEARNING_RATE)",
        "momentum": f"keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum={MOMENTUM:g})",
    }[optimizer]


def _optimizer_name(optimizer: str) -> str:
    return {
        "adam": t("notebook.optimizer.adam"),
        "sgd": t("notebook.optimizer.sgd"),
        "momentum": t("notebook.optimizer.momentum", momentum=f"{MOMENTUM:g}"),
    }[optimizer]
