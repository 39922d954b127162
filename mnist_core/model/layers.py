"""A network as a student writes it: layers separated by ";", e.g. "conv 16 3 relu; pool 2; dense 64 relu".

    dense UNITS ACTIVATION            UNITS units, each weighing every value that comes in
    conv FILTERS KERNEL ACTIVATION    FILTERS filters of KERNEL x KERNEL pixels slid over the image
    pool SIZE                         the largest value of each SIZE x SIZE square
    dropout RATE                      while training, that share of the values set to 0 (0 <= RATE < 1)
    batchnorm                         each channel (or value) rescaled to a mean and spread it learns

Activations: relu, tanh, sigmoid, linear. The network adds the rest itself:
- the layers before the first dense layer see the picture as an image, 28 x 28 with 1 channel (a Reshape);
- a Flatten before the first dense layer when what comes in is an image;
- the output layer, Dense(10, softmax), always last.

A convolution or pooling after a dense layer is refused, not reshaped: a dense layer's output is a list of
numbers, and folding it back into a square would invent a picture that is not there.

Plain Python only: the shapes and parameter counts `model.summary()` shows are worked out here without
TensorFlow (keras_model.build_spec_model builds the real network from the same plan).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby

from mnist_core.errors import Refusal
from mnist_core.i18n import t
from mnist_core.limits import HIDDEN_UNITS
from mnist_core.model.keras_model import CNN_HIDDEN_UNITS_HIGH, IMAGE_SHAPE, NUM_CLASSES, LayerRow, ModelKind

ACTIVATIONS: tuple[str, ...] = ("relu", "tanh", "sigmoid", "linear")
KINDS: tuple[str, ...] = ("dense", "conv", "pool", "dropout", "batchnorm")
MOST_UNITS = HIDDEN_UNITS.high  # the tutorial's hidden layer limit, for every dense layer and for filters

CNN_LAYERS = "conv 32 3 relu; pool 2; conv 64 3 relu; pool 2; dropout 0.3"  # keras_model's CNN before its dense layer

# Lessons, each a spec text under a name key. They come in pairs that differ in one thing:
# deep and narrow with sigmoid, whose gradients vanish, against the same with relu; and a wide network that
# overfits 1,000 training images against the same with dropout. "cnn" is build_model("cnn")'s network.
PRESETS: dict[str, str] = {
    "tutorial": "dense 1000 relu",
    "deep_sigmoid": "dense 32 sigmoid; dense 32 sigmoid; dense 32 sigmoid; dense 32 sigmoid; dense 32 sigmoid; "
    "dense 32 sigmoid",
    "deep_relu": "dense 32 relu; dense 32 relu; dense 32 relu; dense 32 relu; dense 32 relu; dense 32 relu",
    "wide": "dense 1000 relu; dense 1000 relu",
    "wide_dropout": "dense 1000 relu; dropout 0.5; dense 1000 relu; dropout 0.5",
    "cnn": f"{CNN_LAYERS}; dense {CNN_HIDDEN_UNITS_HIGH} relu",
}

# Every catalog key this module uses (the errors are raised as LayerSpecError(key), not t(key)).
MESSAGE_KEYS: tuple[str, ...] = (
    "layers.error.unknown_kind",
    "layers.error.arguments.dense",
    "layers.error.arguments.conv",
    "layers.error.arguments.pool",
    "layers.error.arguments.dropout",
    "layers.error.arguments.batchnorm",
    "layers.error.whole_number",
    "layers.error.units",
    "layers.error.filters",
    "layers.error.activation",
    "layers.error.kernel_size",
    "layers.error.kernel_too_big",
    "layers.error.pool_size",
    "layers.error.pool_too_big",
    "layers.error.rate",
    "layers.error.conv_after_dense",
    "layers.error.pool_after_dense",
    "layers.display.none",
)


class LayerSpecError(Refusal):
    """A spec that cannot be built, and which layer is why: e.g. LayerSpecError("layers.error.units",
    position=2, part="dense 0 relu", units=0, most=10000). str() is the English message."""

    def __reduce__(self) -> tuple:
        return (_layer_spec_error, (self.key, self.values))  # Refusal's would rebuild a plain Refusal


def _layer_spec_error(key: str, values: dict) -> LayerSpecError:
    return LayerSpecError(key, **values)


# The layers a student can write


@dataclass(frozen=True)
class Dense:
    """`dense UNITS ACTIVATION`"""

    units: int
    activation: str

    def text(self) -> str:
        return f"dense {self.units} {self.activation}"


@dataclass(frozen=True)
class Conv:
    """`conv FILTERS KERNEL ACTIVATION`: square kernels, no padding, stride 1."""

    filters: int
    kernel: int
    activation: str

    def text(self) -> str:
        return f"conv {self.filters} {self.kernel} {self.activation}"


@dataclass(frozen=True)
class Pool:
    """`pool SIZE`: max pooling over separate SIZE x SIZE squares."""

    size: int

    def text(self) -> str:
        return f"pool {self.size}"


@dataclass(frozen=True)
class Dropout:
    """`dropout RATE`"""

    rate: float

    def text(self) -> str:
        return f"dropout {_number(self.rate)}"


@dataclass(frozen=True)
class BatchNorm:
    """`batchnorm`"""

    def text(self) -> str:
        return "batchnorm"


SpecLayer = Dense | Conv | Pool | Dropout | BatchNorm


@dataclass(frozen=True)
class PlannedLayer:
    """One layer of the network a spec builds, as `model.summary()` lists it."""

    name: str  # the built model's name for it: "add_channel", "conv1", "pool1", "flatten", "dense1", "output"...
    kind: str  # its Keras class: "Reshape", "Conv2D", "MaxPooling2D", "Dropout", "BatchNormalization", ...
    output_shape: tuple[int, ...]  # for one image, without the batch axis
    parameters: int = 0  # as model.count_params() counts: BatchNormalization's moving mean and variance too
    layer: SpecLayer | None = None  # what it builds; None for the Reshape and Flatten the network adds

    def row(self) -> LayerRow:
        """As keras_model.layer_table lists the built model's layer."""
        shape = ", ".join(str(size) for size in ("batch", *self.output_shape))
        return LayerRow(self.name, self.kind, f"({shape})", self.parameters)


@dataclass(frozen=True)
class LayerSpec:
    """A whole network's hidden layers, in order; the output layer is implied. Only a spec that can be built
    exists: creating one raises LayerSpecError for the first layer that cannot be."""

    layers: tuple[SpecLayer, ...] = ()
    plan: tuple[PlannedLayer, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "layers", tuple(self.layers))
        object.__setattr__(self, "plan", _plan(self.layers))

    def text(self) -> str:
        """The canonical form, e.g. "dense 256 relu; dropout 0.2; dense 128 tanh": parse_layers reads it back."""
        return "; ".join(layer.text() for layer in self.layers)

    def display(self) -> str:
        """A short form for tables: "conv 16 3×3 relu → pool 2×2 → dense 32 sigmoid ×6"."""
        if not self.layers:
            return t("layers.display.none")
        shown = []
        for layer, repeats in groupby(self.layers):  # the same layer several times in a row: once, "×6"
            count = len(list(repeats))
            shown.append(_display(layer) + (f" ×{count}" if count > 1 else ""))
        return " → ".join(shown)

    @property
    def parameters(self) -> int:
        """All the network's parameters, as model.count_params() counts them."""
        return sum(planned.parameters for planned in self.plan)

    @property
    def layer_count(self) -> int:
        """The layers written plus the output layer (the Reshape and Flatten the network adds do not count)."""
        return len(self.layers) + 1

    def rows(self) -> list[LayerRow]:
        """The `model.summary()` table of the built network, as keras_model.layer_table lists it."""
        return [planned.row() for planned in self.plan]


def parse_layers(text: str) -> LayerSpec:
    """The spec a text writes, e.g. "conv 16 3 relu; pool 2; batchnorm; dense 64 relu".

    Words may be in any case and spaced freely; empty parts (a trailing ";") are skipped. LayerSpecError names
    the first part that cannot be read or built.
    """
    return LayerSpec(read_layers(text))


def read_layers(text: str) -> tuple[SpecLayer, ...]:
    """The layers a text writes, each read on its own: LayerSpecError for a part that cannot be read, but no check
    that the values are in range or that the layers fit together (LayerSpec does that). The builder edits these."""
    parts = [part.strip() for part in text.split(";")]
    return tuple(_parse_layer(position, part) for position, part in enumerate(filter(None, parts), 1))


def preset(name: str) -> LayerSpec:
    """One of the PRESETS, as a spec."""
    return parse_layers(PRESETS[name])


def named_network_text(model_kind: str, hidden_units: int) -> str:
    """The spec text that builds a named network's layers (mlp: the tutorial's, cnn: the small CNN), for its cost
    and for the builder to start from."""
    if model_kind == ModelKind.CNN:
        return f"{CNN_LAYERS}; dense {min(hidden_units, CNN_HIDDEN_UNITS_HIGH)} relu"
    if model_kind != ModelKind.MLP:
        raise ValueError(f"{model_kind!r} is not a named network: choose mlp or cnn.")
    return f"dense {hidden_units} relu"


_ARGUMENTS_KEYS = {
    "dense": ("layers.error.arguments.dense", 2),
    "conv": ("layers.error.arguments.conv", 3),
    "pool": ("layers.error.arguments.pool", 1),
    "dropout": ("layers.error.arguments.dropout", 1),
    "batchnorm": ("layers.error.arguments.batchnorm", 0),
}


def _parse_layer(position: int, part: str) -> SpecLayer:
    word, *values = part.lower().split()
    where = {"position": position, "part": part}
    if word not in _ARGUMENTS_KEYS:
        raise LayerSpecError("layers.error.unknown_kind", word=word, **where)
    key, count = _ARGUMENTS_KEYS[word]
    if len(values) != count:
        raise LayerSpecError(key, **where)

    def whole(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            raise LayerSpecError("layers.error.whole_number", value=value, **where) from None

    if word == "dense":
        return Dense(whole(values[0]), values[1])
    if word == "conv":
        return Conv(whole(values[0]), whole(values[1]), values[2])
    if word == "pool":
        return Pool(whole(values[0]))
    if word == "dropout":
        try:
            return Dropout(float(values[0]))
        except ValueError:
            raise LayerSpecError("layers.error.rate", rate=values[0], **where) from None
    return BatchNorm()


def _plan(layers: tuple[SpecLayer, ...]) -> tuple[PlannedLayer, ...]:
    """Each layer's output shape and parameters, with the Reshape, Flatten and output layer the network adds;
    LayerSpecError for the first layer that cannot be built on what comes in."""
    planned: list[PlannedLayer] = []
    shape: tuple[int, ...] = IMAGE_SHAPE
    if layers and not isinstance(layers[0], Dense):
        shape = (*IMAGE_SHAPE, 1)  # Conv2D and pooling want channels; one for a grey picture
        planned.append(PlannedLayer("add_channel", "Reshape", shape))
    counts = dict.fromkeys(KINDS, 0)
    first_dense: dict[str, object] = {}  # where the image became a list of numbers

    def add(kind: str, word: str, output_shape: tuple[int, ...], parameters: int, layer: SpecLayer) -> None:
        counts[word] += 1
        planned.append(PlannedLayer(f"{word}{counts[word]}", kind, output_shape, parameters, layer))

    for position, layer in enumerate(layers, 1):
        if not isinstance(layer, SpecLayer):
            raise TypeError(f"Not a layer of a spec: {layer!r}")
        where = {"position": position, "part": layer.text()}
        if isinstance(layer, Dense):
            _check_count(layer.units, "layers.error.units", "units", where)
            _check_activation(layer.activation, where)
            if len(shape) > 1:
                shape = (math.prod(shape),)
                planned.append(PlannedLayer("flatten", "Flatten", shape))
            first_dense = first_dense or {"dense_position": position, "dense_part": layer.text()}
            add("Dense", "dense", (layer.units,), (shape[0] + 1) * layer.units, layer)
            shape = (layer.units,)
        elif isinstance(layer, Conv):
            _check_count(layer.filters, "layers.error.filters", "filters", where)
            _check_whole(layer.kernel, where)
            _check_activation(layer.activation, where)
            if len(shape) == 1:
                raise LayerSpecError("layers.error.conv_after_dense", **where, **first_dense)
            height, width, channels = shape
            if layer.kernel < 1:
                raise LayerSpecError("layers.error.kernel_size", kernel=layer.kernel, **where)
            if layer.kernel > min(height, width):
                raise LayerSpecError(
                    "layers.error.kernel_too_big", kernel=layer.kernel, height=height, width=width, **where
                )
            shape = (height - layer.kernel + 1, width - layer.kernel + 1, layer.filters)
            add("Conv2D", "conv", shape, (layer.kernel * layer.kernel * channels + 1) * layer.filters, layer)
        elif isinstance(layer, Pool):
            _check_whole(layer.size, where)
            if len(shape) == 1:
                raise LayerSpecError("layers.error.pool_after_dense", **where, **first_dense)
            height, width, channels = shape
            if layer.size < 1:
                raise LayerSpecError("layers.error.pool_size", size=layer.size, **where)
            if layer.size > min(height, width):
                raise LayerSpecError("layers.error.pool_too_big", size=layer.size, height=height, width=width, **where)
            shape = (height // layer.size, width // layer.size, channels)  # a leftover edge is dropped
            add("MaxPooling2D", "pool", shape, 0, layer)
        elif isinstance(layer, Dropout):
            rate = layer.rate
            if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 <= rate < 1:  # NaN fails too
                raise LayerSpecError("layers.error.rate", rate=rate, **where)
            add("Dropout", "dropout", shape, 0, layer)
        else:  # BatchNorm: a scale and a shift it learns, and a moving mean and variance it keeps, per channel
            add("BatchNormalization", "batchnorm", shape, 4 * shape[-1], layer)

    if len(shape) > 1:
        shape = (math.prod(shape),)
        planned.append(PlannedLayer("flatten", "Flatten", shape))
    output = Dense(NUM_CLASSES, "softmax")
    planned.append(PlannedLayer("output", "Dense", (NUM_CLASSES,), (shape[0] + 1) * NUM_CLASSES, output))
    return tuple(planned)


def _check_whole(value: object, where: dict) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LayerSpecError("layers.error.whole_number", value=value, **where)


def _check_count(value: object, key: str, name: str, where: dict) -> None:
    _check_whole(value, where)
    if not 1 <= value <= MOST_UNITS:
        raise LayerSpecError(key, most=MOST_UNITS, **{name: value}, **where)


def _check_activation(activation: object, where: dict) -> None:
    if activation not in ACTIVATIONS:
        raise LayerSpecError("layers.error.activation", activation=activation, **where)


def _number(value: object) -> str:
    """The shortest text that reads back as this number: 0.2 -> "0.2", 0.0 -> "0" (anything else as it is)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)  # a bad rate, named in its message
    return repr(float(value)).removesuffix(".0")


def _display(layer: SpecLayer) -> str:
    if isinstance(layer, Conv):
        return f"conv {layer.filters} {layer.kernel}×{layer.kernel} {layer.activation}"
    if isinstance(layer, Pool):
        return f"pool {layer.size}×{layer.size}"
    return layer.text()
