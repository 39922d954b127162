"""The networks: how they are built in Keras, their layer table without Keras, and a trained one read in numpy.

keras_model.py  build_model(): the tutorial's dense network and the small CNN, compiled as the tutorial does
layers.py       LayerSpec: a network as a student writes it ("conv 16 3 relu; pool 2; dense 64 relu"), its shapes
                and parameters without TensorFlow
builder.py      the Train page's network builder as edits of a spec text: add, remove, move, change, fix the order
summary.py      the `model.summary()` table of the two named networks, worked out without building them
optimizer.py    the optimizers a class can choose
network.py      Network: a trained model's layers as numpy arrays, how the pages read drawings (no TensorFlow)
"""

from __future__ import annotations

from mnist_core.model.keras_model import IMAGE_SHAPE, MODEL_KINDS, NUM_CLASSES, OPTIMIZERS, build_model
from mnist_core.model.layers import LayerSpec, LayerSpecError, parse_layers
from mnist_core.model.network import Network, network_of, read_network

__all__ = [
    "LayerSpec",
    "LayerSpecError",
    "parse_layers",
    "IMAGE_SHAPE",
    "MODEL_KINDS",
    "NUM_CLASSES",
    "Network",
    "OPTIMIZERS",
    "build_model",
    "network_of",
    "read_network",
]
