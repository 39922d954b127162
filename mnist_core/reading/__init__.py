"""Reading a drawing: the canvas's PNG checked and decoded, prepared like MNIST's digits, read by a network, and
the inside of the network shown.

    canvas_png.py   decode_canvas_png(): the canvas's bytes, refused before any costly work when they are not a drawing
    preprocess.py   canvas_to_mnist(): crop, scale, pad and centre as MNIST was made
    predict.py      Predictor -> Reading: the answer, how sure, the ten probabilities
    picked.py       a test image read instead of a drawing, for a student who cannot draw
    inside.py       the hidden units that fire, the filters and feature maps
    handwriting.py  how well a model reads real pen-written digits
    gradient.py     the numpy backward pass through a run's Network: a score's gradient, no TensorFlow
    explain.py      where the network looked (gradient x input), in a map and in words
    fooling.py      how little it takes to fool it: small gradient steps until it reads another digit
    embedding.py    the map of what a network learned: test images placed in 2-D by its last hidden layer
"""

from __future__ import annotations

from mnist_core.reading.canvas_png import decode_canvas_png
from mnist_core.reading.handwriting import read_pen_digits
from mnist_core.reading.predict import Predictor, Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared, canvas_to_mnist

__all__ = [
    "DrawingStatus",
    "Predictor",
    "Prepared",
    "Reading",
    "canvas_to_mnist",
    "decode_canvas_png",
    "read_pen_digits",
]
