"""The Train page's network builder, as plain edits of a spec text ("dense 64 relu; dropout 0.2; ...").

The page keeps one spec text per session and every edit here takes a text and gives the new text back, so a
lesson link's `layers`, the command line's `--layers` and the builder all speak the same language. The edits read
each layer on its own (layers.read_layers), so they also work on a text whose order cannot be built yet: the page
shows LayerSpec's message for it and offers `fixed_order` when moving layers is the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from mnist_core.model.keras_model import IMAGE_SHAPE
from mnist_core.model.layers import (
    KINDS,
    MOST_UNITS,
    PRESETS,
    BatchNorm,
    Conv,
    Dense,
    Dropout,
    LayerSpec,
    LayerSpecError,
    Pool,
    SpecLayer,
    parse_layers,
    read_layers,
)

# What "add a layer" adds, by kind: small enough to train in seconds, big enough to learn something.
NEW_LAYERS: dict[str, SpecLayer] = {
    "dense": Dense(64, "relu"),
    "conv": Conv(16, 3, "relu"),
    "pool": Pool(2),
    "dropout": Dropout(0.2),
    "batchnorm": BatchNorm(),
}
KIND_OF: dict[type, str] = {type(layer): kind for kind, layer in NEW_LAYERS.items()}
assert set(NEW_LAYERS) == set(KINDS)

# The widgets' ranges. Each layer in range can still fail to fit the layers before it (a kernel bigger than
# what is left of the image): LayerSpec says so with the position.
UNITS_RANGE = (1, MOST_UNITS)  # dense units and conv filters
KERNEL_RANGE = (1, IMAGE_SHAPE[0])
POOL_RANGE = (1, IMAGE_SHAPE[0])
DROPOUT_RANGE = (0.0, 0.95)  # a rate must stay below 1; past 0.95 a layer passes almost nothing on
DROPOUT_STEP = 0.05
# Preset names in the order the builder lists them: the tutorial's network first, each lesson's pair together.
PRESET_ORDER: tuple[str, ...] = ("tutorial", "deep_sigmoid", "deep_relu", "wide", "wide_dropout", "cnn")
assert set(PRESET_ORDER) == set(PRESETS)
# The presets whose lesson needs few training images: a wide network learns 1,000 images by heart (overfitting),
# and the same with dropout does less so.
PRESET_TRAIN_IMAGES: dict[str, int] = {"wide": 1_000, "wide_dropout": 1_000}
IMAGE_KINDS = (Conv, Pool)  # the layers that need an image coming in


@dataclass(frozen=True)
class Checked:
    """A spec text as the builder sees it: its layers when each can be read, and the network when it can be
    built; `error` says why not (LayerSpecError: its text is the message to show, never a traceback)."""

    layers: tuple[SpecLayer, ...] | None
    spec: LayerSpec | None
    error: LayerSpecError | None

    @property
    def ready(self) -> bool:
        return self.spec is not None


def check(text: str) -> Checked:
    """Read and plan a spec text without raising."""
    try:
        layers = read_layers(text)
    except LayerSpecError as error:
        return Checked(None, None, error)
    try:
        return Checked(layers, LayerSpec(layers), None)
    except LayerSpecError as error:
        return Checked(layers, None, error)


def text_of(layers: tuple[SpecLayer, ...] | list[SpecLayer]) -> str:
    """The spec text of these layers (LayerSpec.text without planning them: the order may not be buildable)."""
    return "; ".join(layer.text() for layer in layers)


def kind_of(layer: SpecLayer) -> str:
    """The spec's word for a layer: "dense", "conv", "pool", "dropout" or "batchnorm"."""
    return KIND_OF[type(layer)]


def added(text: str, kind: str) -> str:
    """The text with a new layer of this kind. A convolution or pooling goes in front of the first dense layer,
    where the picture is still an image; any other layer goes last, just before the output layer."""
    layers = list(read_layers(text))
    new = NEW_LAYERS[kind]
    place = len(layers)
    if isinstance(new, IMAGE_KINDS):
        place = next((index for index, layer in enumerate(layers) if isinstance(layer, Dense)), len(layers))
    layers.insert(place, new)
    return text_of(layers)


def removed(text: str, index: int) -> str:
    """The text without its layer at `index` (from 0)."""
    layers = list(read_layers(text))
    del layers[index]
    return text_of(layers)


def moved(text: str, index: int, step: int) -> str:
    """The text with the layer at `index` moved `step` places (-1: up, toward the input); kept within the list."""
    layers = list(read_layers(text))
    target = min(max(index + step, 0), len(layers) - 1)
    layers.insert(target, layers.pop(index))
    return text_of(layers)


def changed(text: str, index: int, **values: Any) -> str:
    """The text with new values for the layer at `index`, e.g. changed(text, 0, units=128, activation="tanh")."""
    layers = list(read_layers(text))
    layer = layers[index]
    known = {field.name for field in fields(layer)}
    if not set(values) <= known:
        raise ValueError(f"A {kind_of(layer)} layer has no {', '.join(sorted(set(values) - known))}.")
    layers[index] = replace(layer, **values)
    return text_of(layers)


def fixed_order(text: str) -> str | None:
    """An order that can be built from the same layers, when moving some is the fix: each convolution or pooling
    written after a dense layer goes in front of the first dense layer, in the order written (a dense layer's output
    is a list of numbers, not an image). None when the text cannot be read, or moving layers changes nothing."""
    try:
        layers = read_layers(text)
    except LayerSpecError:
        return None
    first_dense = next((index for index, layer in enumerate(layers) if isinstance(layer, Dense)), None)
    if first_dense is None:
        return None
    late = [layer for layer in layers[first_dense:] if isinstance(layer, IMAGE_KINDS)]
    if not late:
        return None
    rest = [layer for layer in layers[first_dense:] if not isinstance(layer, IMAGE_KINDS)]
    return text_of([*layers[:first_dense], *late, *rest])


def preset_named(text: str) -> str | None:
    """The preset this text is, written in any spacing or case; None when it is none of them (or unreadable)."""
    try:
        shown = text_of(read_layers(text))
    except LayerSpecError:
        return None
    return next((name for name in PRESET_ORDER if parse_layers(PRESETS[name]).text() == shown), None)
