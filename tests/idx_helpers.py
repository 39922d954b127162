"""Small IDX data sets for the data set and download tests: random images, their hashes, written as files."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

from mnist_core.data import datasets, idx


def small_arrays(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "x_train": rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
        "y_train": rng.integers(0, 10, 5, dtype=np.uint8),
        "x_test": rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
        "y_test": rng.integers(0, 10, 3, dtype=np.uint8),
    }


def hashes(arrays: dict[str, np.ndarray]) -> dict[str, str]:
    return {datasets.IDX_FILES[key]: idx.array_sha256(array) for key, array in arrays.items()}


def write_idx_folder(folder: Path, arrays: dict[str, np.ndarray], gz: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for key, array in arrays.items():
        data = idx.encode_idx(array)
        name = datasets.IDX_FILES[key]
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)
