"""The model's layers as `model.summary()` lists them, worked out without building the model.

Building a Keras model imports TensorFlow (seconds); the Home page shows this table at once instead.
The arithmetic mirrors keras_model.py; tests/test_summary.py checks it against the real Keras models.
"""

from __future__ import annotations

from mnist_core.limits import HIDDEN_UNITS
from mnist_core.model.keras_model import (
    CNN_HIDDEN_UNITS_HIGH,
    IMAGE_SHAPE,
    MODEL_KINDS,
    NUM_CLASSES,
    LayerRow,
    ModelKind,
)

PIXELS = IMAGE_SHAPE[0] * IMAGE_SHAPE[1]


def _dense(name: str, inputs: int, units: int) -> LayerRow:
    # One weight per input per unit, plus one bias per unit.
    return LayerRow(name, "Dense", f"(batch, {units})", (inputs + 1) * units)


def layer_rows(kind: str = ModelKind.MLP, hidden_units: int = HIDDEN_UNITS.default) -> list[LayerRow]:
    """The layers of build_model(kind, hidden_units) with output shapes and parameter counts."""
    if kind not in MODEL_KINDS:
        raise ValueError(f"Unknown model {kind!r}: choose one of {', '.join(MODEL_KINDS)}.")
    if hidden_units < 1:
        raise ValueError(f"Hidden units must be at least 1, not {hidden_units}.")
    if kind == ModelKind.MLP:
        return [
            LayerRow("flatten", "Flatten", f"(batch, {PIXELS})", 0),
            _dense("hidden", PIXELS, hidden_units),
            _dense("output", hidden_units, NUM_CLASSES),
        ]
    # cnn: 3x3 convolutions without padding lose a pixel on each side; 2x2 pooling halves (rounding down).
    side1 = (IMAGE_SHAPE[0] - 2) // 2  # 26 -> 13
    side2 = (side1 - 2) // 2  # 11 -> 5
    flat = side2 * side2 * 64
    hidden = min(hidden_units, CNN_HIDDEN_UNITS_HIGH)
    return [
        LayerRow("add_channel", "Reshape", f"(batch, {IMAGE_SHAPE[0]}, {IMAGE_SHAPE[1]}, 1)", 0),
        LayerRow("conv1", "Conv2D", f"(batch, {IMAGE_SHAPE[0] - 2}, {IMAGE_SHAPE[1] - 2}, 32)", (3 * 3 * 1 + 1) * 32),
        LayerRow("pool1", "MaxPooling2D", f"(batch, {side1}, {side1}, 32)", 0),
        LayerRow("conv2", "Conv2D", f"(batch, {side1 - 2}, {side1 - 2}, 64)", (3 * 3 * 32 + 1) * 64),
        LayerRow("pool2", "MaxPooling2D", f"(batch, {side2}, {side2}, 64)", 0),
        LayerRow("flatten", "Flatten", f"(batch, {flat})", 0),
        LayerRow("dropout", "Dropout", f"(batch, {flat})", 0),
        _dense("hidden", flat, hidden),
        _dense("output", hidden, NUM_CLASSES),
    ]


def total_parameters(rows: list[LayerRow]) -> int:
    return sum(row.parameters for row in rows)
