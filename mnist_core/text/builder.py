"""The network builder's words, in the session's language: layer kinds, presets, the diagram's boxes and the
sentence beside it, the parameter count and the time an epoch should take.

The shapes and counts come from LayerSpec.plan (mnist_core/model/layers.py), worked out without TensorFlow.
"""

from __future__ import annotations

from dataclasses import dataclass

from mnist_core.i18n import t
from mnist_core.model.keras_model import IMAGE_SHAPE, NUM_CLASSES
from mnist_core.model.layers import BatchNorm, Conv, Dense, Dropout, LayerSpec, PlannedLayer, Pool
from mnist_core.text.formats import clock


def kind_title(kind: str) -> str:
    """A layer kind as the builder names it, e.g. "conv" -> "Conv2D (convolution)"."""
    titles = {
        "dense": t("builder.kind.dense"),
        "conv": t("builder.kind.conv"),
        "pool": t("builder.kind.pool"),
        "dropout": t("builder.kind.dropout"),
        "batchnorm": t("builder.kind.batchnorm"),
    }
    return titles[kind]


def preset_title(name: str) -> str:
    """A preset's name and the lesson it is for."""
    titles = {
        "tutorial": t("builder.preset.tutorial"),
        "deep_sigmoid": t("builder.preset.deep_sigmoid"),
        "deep_relu": t("builder.preset.deep_relu"),
        "wide": t("builder.preset.wide"),
        "wide_dropout": t("builder.preset.wide_dropout"),
        "cnn": t("builder.preset.cnn"),
    }
    return titles[name]


def shape_text(shape: tuple[int, ...]) -> str:
    """One image's shape as people write it: (26, 26, 16) -> "26 × 26 × 16"."""
    return " × ".join(f"{size:,}" for size in shape)


@dataclass(frozen=True)
class DiagramBox:
    """One box of the diagram: what the layer is, what it does, and what comes out of it for one image."""

    title: str
    detail: str
    shape: str
    parameters: int = 0


def diagram(spec: LayerSpec) -> list[DiagramBox]:
    """The picture's way through the network, one box per layer of the built model, the input first."""
    boxes = [DiagramBox(t("builder.box.input"), t("builder.box.input_detail"), shape_text(IMAGE_SHAPE))]
    boxes += [_box(planned) for planned in spec.plan]
    return boxes


def _box(planned: PlannedLayer) -> DiagramBox:
    layer = planned.layer
    shape = shape_text(planned.output_shape)
    if planned.name == "output":
        detail = t("builder.box.output_detail", classes=NUM_CLASSES)
        return DiagramBox(t("builder.box.output"), detail, shape, planned.parameters)
    if isinstance(layer, Dense):
        detail = t("builder.box.dense_detail", units=layer.units, activation=layer.activation)
    elif isinstance(layer, Conv):
        detail = t("builder.box.conv_detail", filters=layer.filters, kernel=layer.kernel, activation=layer.activation)
    elif isinstance(layer, Pool):
        detail = t("builder.box.pool_detail", size=layer.size)
    elif isinstance(layer, Dropout):
        detail = t("builder.box.dropout_detail", rate=f"{layer.rate:g}")
    elif isinstance(layer, BatchNorm):
        detail = t("builder.box.batchnorm_detail")
    elif planned.kind == "Flatten":
        detail = t("builder.box.flatten_detail")
    else:  # the Reshape in front of a convolution
        detail = t("builder.box.reshape_detail")
    return DiagramBox(planned.kind, detail, shape, planned.parameters)


def diagram_sentence(spec: LayerSpec) -> str:
    """The diagram in one sentence, for a screen reader and for anyone who reads before looking."""
    return t(
        "builder.diagram.sentence",
        height=IMAGE_SHAPE[0],
        width=IMAGE_SHAPE[1],
        layers=spec.layer_count,
        classes=NUM_CLASSES,
        parameters=spec.parameters,
    )


def parameters_line(spec: LayerSpec) -> str:
    """The parameter count, as model.count_params() gives it."""
    return t("builder.parameters", parameters=spec.parameters, layers=spec.layer_count)


def estimate_line(seconds: float) -> str:
    """The time one epoch should take on this server: tenths under 10 seconds, a clock above."""
    if seconds < 10:
        return t("builder.estimate", time=f"{max(seconds, 0.1):.1f} s")
    return t("builder.estimate", time=clock(seconds))
