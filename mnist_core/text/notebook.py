"""A saved run as a Jupyter notebook: the tutorial's steps with that run's settings, in English or Korean.

The notebook stands on its own. It needs TensorFlow (Keras), NumPy and matplotlib, never mnist_core, so a
student can take it home. Its first cell names the run and the accuracy it reached; its first code cell holds
the settings, including TRAIN_IMAGES for a quick try on fewer images.

A run with a network a student wrote (issue #31) gets that network, layer by layer as the app built it. Weight
decay, the initial weights' seed, pixel noise and a validation split appear only in runs that used them, so the
tutorial's own notebook stays the tutorial's. With the same INIT_SEED the notebook's network starts from the run's
very weights: each kernel's seed is mixed from it as keras_model._initial_kernel mixes it.

The cells' code is in notebook_cells.py, as templates; here a saved run's settings and words fill them in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mnist_core import i18n, limits
from mnist_core.data import datasets
from mnist_core.data.augment import MAX_SHIFT_PIXELS, MAX_TURN_DEGREES, MAX_ZOOM
from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.model.keras_model import ALL_MODEL_KINDS, CNN_HIDDEN_UNITS_HIGH, MOMENTUM, OPTIMIZERS, ModelKind
from mnist_core.model.layers import LayerSpec, PlannedLayer
from mnist_core.text.names import dataset_title
from mnist_core.text.notebook_cells import (
    COMPILE_CELL,
    CURVES_CELL,
    EVALUATE_CELL,
    FIT_CELL,
    HOLD_OUT_CELL,
    IMPORTS_CELL,
    LOAD_CELL,
    MISTAKES_CELL,
    MISTAKES_SHOWN,
    MODEL_CELL,
    NOISE_CELL,
    PREDICT_CELL,
    READ_IDX_CELL,
    SCALE_CELL,
    SETTINGS_CELL,
    TRAIN_IMAGES_SETTING,
    WEIGHTS_HELPER,
)
from mnist_core.text.runs import model_description
from mnist_core.training.settings import TrainingSettings

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from mnist_core.runs.store import RunRecord


KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def build_notebook(record: RunRecord, language: str) -> NotebookNode:
    """The notebook that repeats `record`'s training, its words in `language` ("en" or "ko")."""
    import nbformat

    settings = TrainingSettings.from_dict(record.settings)
    if settings.model_kind not in ALL_MODEL_KINDS or settings.optimizer not in OPTIMIZERS:
        raise ValueError(f"Run {record.id} has a model or optimizer this notebook cannot write.")
    settings.spec()  # a written network that cannot be built: its LayerSpecError names the bad part
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
            *_hold_out_cells(settings),
            markdown(_model_text(settings)),
            code(_model_cell(settings)),
            markdown(_compile_text(settings)),
            code(COMPILE_CELL.substitute(optimizer=_optimizer_code(settings.optimizer))),
            *_noise_cells(settings),
            markdown(_fit_text(settings, epochs)),
            code(_fit_cell(settings)),
            markdown(t("notebook.curves_validation") if settings.validation_split else t("notebook.curves")),
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
    more = []  # the settings of issue #31, only in a run that used them
    if _weights_set(settings):
        more.append(f"L2 = {float(settings.l2)!r}  # {t('notebook.code.l2')}")
        init_seed = None if settings.init_seed is None else int(settings.init_seed)
        more.append(f"INIT_SEED = {init_seed!r}  # {t('notebook.code.init_seed')}")
    if settings.noise:
        more.append(f"NOISE = {float(settings.noise)!r}  # {t('notebook.code.noise')}")
    if settings.validation_split:
        more.append(f"VALIDATION_SPLIT = {float(settings.validation_split)!r}  # {t('notebook.code.validation')}")
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
        more_settings="".join(f"\n{line}" for line in more),
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
    spec = settings.spec()
    if spec is not None:
        text = t("notebook.model.custom", spec=spec.text() or "–", parameters=spec.parameters)
    elif settings.model_kind == ModelKind.MLP:
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
    if settings.l2:
        text += "\n\n" + t("notebook.l2", rate=f"{settings.l2:g}")
    if settings.init_seed is not None:
        text += "\n\n" + t("notebook.init_seed")
    return text


def _weights_set(settings: TrainingSettings) -> bool:
    """Whether the run chose its weights' start or decay, so the model cell needs its weights() helper."""
    return bool(settings.l2) or settings.init_seed is not None


def _model_cell(settings: TrainingSettings) -> str:
    helper = WEIGHTS_HELPER.substitute(weights_doc=t("notebook.code.weights")) if _weights_set(settings) else ""
    return MODEL_CELL.substitute(
        seed_comment=t("notebook.code.seed_apply"), weights_helper=helper, layers=_layers(settings)
    )


def _hidden_units(settings: TrainingSettings) -> int:
    hidden = int(settings.hidden_units)
    return min(hidden, CNN_HIDDEN_UNITS_HIGH) if settings.model_kind == "cnn" else hidden


def _layers(settings: TrainingSettings) -> str:
    """The layers of model/keras_model.py's network for this run, as lines of a Sequential list."""
    hidden = _hidden_units(settings)
    add_channel = "keras.layers.Reshape((28, 28, 1)),"
    # Each kernel's place, counted as keras_model counts them: its seed comes from the place.
    kernel = (lambda place: f", **weights({place})") if _weights_set(settings) else (lambda place: "")
    # The augmenting layers turn, zoom and shift images with a channel; they change nothing at test time.
    augmenting = [
        f"# {t('notebook.code.augment')}",
        f'keras.layers.RandomRotation({MAX_TURN_DEGREES:g} / 360, fill_mode="constant"),',
        f'keras.layers.RandomZoom({MAX_ZOOM:g}, fill_mode="constant"),',
        f'keras.layers.RandomTranslation({MAX_SHIFT_PIXELS:g} / 28, {MAX_SHIFT_PIXELS:g} / 28, fill_mode="constant"),',
    ]
    spec = settings.spec()
    if spec is not None:
        # The augmenting layers want an image with a channel: the Reshape comes first, whatever the spec starts with.
        layers = [
            *([add_channel, *augmenting] if settings.augment else []),
            *_spec_lines(spec, kernel, settings.augment),
        ]
    elif settings.model_kind == ModelKind.MLP:
        layers = [*([add_channel, *augmenting] if settings.augment else []), "keras.layers.Flatten(),"]
        layers += [
            f'keras.layers.Dense({hidden}, activation="relu"{kernel(1)}),',
            f'keras.layers.Dense(10, activation="softmax"{kernel(2)}),',
        ]
    else:
        layers = [
            add_channel,
            *(augmenting if settings.augment else []),
            f'keras.layers.Conv2D(32, 3, activation="relu"{kernel(1)}),',
            "keras.layers.MaxPooling2D(2),",
            f'keras.layers.Conv2D(64, 3, activation="relu"{kernel(2)}),',
            "keras.layers.MaxPooling2D(2),",
            "keras.layers.Flatten(),",
            "keras.layers.Dropout(0.3),",
            f'keras.layers.Dense({hidden}, activation="relu"{kernel(3)}),',
            f'keras.layers.Dense(10, activation="softmax"{kernel(4)}),',
        ]
    return "\n".join(f"    {line}" for line in layers)


def _spec_lines(spec: LayerSpec, kernel: Callable[[int], str], reshaped: bool) -> list[str]:
    """A written network's layers as build_spec_model builds them, one Keras line each; `reshaped`: the
    augmenting layers' Reshape is already there."""
    lines, kernels = [], 0
    for planned in spec.plan:
        if planned.kind in ("Dense", "Conv2D"):
            kernels += 1
        if not (planned.kind == "Reshape" and reshaped):
            lines.append(_spec_line(planned, kernel(kernels)))
    return lines


def _spec_line(planned: PlannedLayer, weights: str) -> str:
    layer = planned.layer
    if planned.kind == "Reshape":
        return f"keras.layers.Reshape({planned.output_shape!r}),"
    if planned.kind == "Flatten":
        return "keras.layers.Flatten(),"
    if planned.kind == "Dense":
        return f'keras.layers.Dense({layer.units}, activation="{layer.activation}"{weights}),'
    if planned.kind == "Conv2D":
        return f'keras.layers.Conv2D({layer.filters}, {layer.kernel}, activation="{layer.activation}"{weights}),'
    if planned.kind == "MaxPooling2D":
        return f"keras.layers.MaxPooling2D({layer.size}),"
    if planned.kind == "Dropout":
        return f"keras.layers.Dropout({float(layer.rate)!r}),"
    if planned.kind == "BatchNormalization":
        return "keras.layers.BatchNormalization(),"
    raise ValueError(f"No Keras line for {planned.kind}.")


def _hold_out_cells(settings: TrainingSettings) -> list[NotebookNode]:
    """A validation split's explanation and the cell that holds the images out (none without a split)."""
    import nbformat

    if not settings.validation_split:
        return []
    return [
        nbformat.v4.new_markdown_cell(t("notebook.validation", share=f"{settings.validation_split * 100:g}")),
        nbformat.v4.new_code_cell(HOLD_OUT_CELL.substitute(held_out_comment=t("notebook.code.held_out"))),
    ]


def _noise_cells(settings: TrainingSettings) -> list[NotebookNode]:
    """Pixel noise's explanation and its pipeline (none without noise)."""
    import nbformat

    if not settings.noise:
        return []
    return [
        nbformat.v4.new_markdown_cell(t("notebook.noise", noise=f"{settings.noise:g}")),
        nbformat.v4.new_code_cell(NOISE_CELL.substitute(noise_comment=t("notebook.code.noise_pipeline"))),
    ]


def _fit_text(settings: TrainingSettings, epochs: int) -> str:
    if settings.validation_split:
        return t("notebook.fit_validation", epochs=epochs, batch=settings.batch_size)
    return t("notebook.fit", epochs=epochs, batch=settings.batch_size)


def _fit_cell(settings: TrainingSettings) -> str:
    """The tutorial's fit; with noise, on the noisy pipeline (it makes the batches); with a split, validated on the
    held-out images."""
    return FIT_CELL.substitute(
        training_data="train_data," if settings.noise else "x_train, y_train,",
        validation_data="(x_val, y_val)" if settings.validation_split else "(x_test, y_test)",
        batch_size="" if settings.noise else "\n    batch_size=BATCH_SIZE,",
    )


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
