"""Tests for mnist_core.data.idx and mnist_core.data.datasets, on small files written here (no network)."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import numpy as np
import pytest
from idx_helpers import hashes, small_arrays, write_idx_folder

from mnist_core import config
from mnist_core.data import datasets, idx


@pytest.fixture
def arrays() -> dict[str, np.ndarray]:
    return small_arrays()


@pytest.fixture
def table(arrays) -> dict[str, dict[str, str]]:
    return {"mnist": hashes(arrays)}


@pytest.fixture
def isolated(monkeypatch, tmp_path, arrays) -> Path:
    """Point every place load() looks at empty temp folders, make the Keras download fail, empty the cache."""
    monkeypatch.setenv("MNIST_APP_DATA_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KERAS_HOME", raising=False)
    monkeypatch.setattr(config, "PROJECT_DATA_DIR", tmp_path / "project")
    monkeypatch.setattr(datasets, "DEBIAN_FASHION_DIR", tmp_path / "debian")
    monkeypatch.setattr(datasets, "_cache", {})
    # The default table is the same dict object, so load() checks the small test files against these.
    monkeypatch.setitem(datasets.KNOWN_SHA256, "mnist", hashes(arrays))

    def no_network(name):
        raise OSError("no network in tests")

    monkeypatch.setattr(datasets, "_download_with_keras", no_network)
    return tmp_path


# --- idx ---------------------------------------------------------------------------------------


def test_read_idx_raw_gz_and_bytes(tmp_path, arrays):
    images = arrays["x_train"]
    data = idx.encode_idx(images)
    (tmp_path / "raw").write_bytes(data)
    (tmp_path / "packed.gz").write_bytes(gzip.compress(data))
    expected = idx.array_sha256(images)
    for source in (data, tmp_path / "raw", str(tmp_path / "packed.gz")):
        read = idx.read_idx(source, expected)
        np.testing.assert_array_equal(read, images)
        assert read.dtype == np.uint8
        assert not read.flags.writeable


def test_read_idx_checks_header_and_length():
    data = idx.encode_idx(small_arrays()["y_test"])
    with pytest.raises(idx.IdxError, match="bad header: magic number 1234"):
        idx.read_idx(b"\x00\x00\x04\xd2" + data[4:])
    with pytest.raises(idx.IdxError, match="truncated"):
        idx.read_idx(data[:-1])
    with pytest.raises(idx.IdxError, match="truncated"):
        idx.read_idx(gzip.compress(data)[:-10])
    with pytest.raises(idx.IdxError, match="unexpected bytes"):
        idx.read_idx(data + b"\x00")
    with pytest.raises(idx.ChecksumError, match="checksum mismatch"):
        idx.read_idx(data, "0" * 64)


# --- load_folder ---------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True])
def test_load_folder_idx(tmp_path, arrays, table, gz):
    write_idx_folder(tmp_path, arrays, gz=gz)
    dataset = datasets.load_folder(tmp_path, "mnist", table)
    assert dataset.source == str(tmp_path)
    assert dataset.class_names == tuple("0123456789")
    for key, array in arrays.items():
        np.testing.assert_array_equal(getattr(dataset, key), array)
        assert not getattr(dataset, key).flags.writeable


def test_load_folder_npz(tmp_path, arrays, table):
    np.savez(tmp_path / "mnist.npz", **arrays)
    dataset = datasets.load_folder(tmp_path, "mnist", table)
    assert dataset.source == str(tmp_path / "mnist.npz")
    np.testing.assert_array_equal(dataset.x_test, arrays["x_test"])
    assert not dataset.x_test.flags.writeable


def test_empty_folder_holds_no_copy(tmp_path, table):
    assert datasets.load_folder(tmp_path, "mnist", table) is None
    assert datasets.load_folder(tmp_path / "missing", "mnist", table) is None


def test_checksum_mismatch_names_the_file(tmp_path, arrays, table):
    arrays["y_train"] = (arrays["y_train"] + 1) % 10
    write_idx_folder(tmp_path, arrays)
    with pytest.raises(datasets.DatasetCorruptError) as info:
        datasets.load_folder(tmp_path, "mnist", table)
    message = str(info.value)
    assert str(tmp_path / "train-labels-idx1-ubyte") in message
    assert "checksum mismatch" in message
    assert datasets.FETCH_COMMAND in message


def test_npz_checksum_mismatch(tmp_path, arrays, table):
    arrays["x_test"] = 255 - arrays["x_test"]
    np.savez(tmp_path / "mnist.npz", **arrays)
    with pytest.raises(datasets.DatasetCorruptError, match="checksum mismatch in x_test"):
        datasets.load_folder(tmp_path, "mnist", table)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_file_is_corrupt(tmp_path, arrays, table, gz):
    write_idx_folder(tmp_path, arrays, gz=gz)
    path = tmp_path / ("t10k-images-idx3-ubyte" + (".gz" if gz else ""))
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(datasets.DatasetCorruptError, match="truncated") as info:
        datasets.load_folder(tmp_path, "mnist", table)
    assert str(path) in str(info.value)


def test_bad_magic_is_corrupt(tmp_path, arrays, table):
    write_idx_folder(tmp_path, arrays)
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(b"\x00\x00\x00\x00" + path.read_bytes()[4:])
    with pytest.raises(datasets.DatasetCorruptError, match="bad header"):
        datasets.load_folder(tmp_path, "mnist", table)


def test_missing_one_of_four_files_is_corrupt(tmp_path, arrays, table):
    write_idx_folder(tmp_path, arrays, gz=True)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(datasets.DatasetCorruptError, match="missing t10k-labels-idx1-ubyte") as info:
        datasets.load_folder(tmp_path, "mnist", table)
    assert "train-images" not in str(info.value)


def test_copy_of_another_data_set_is_skipped(tmp_path, arrays, table):
    # MNIST files straight in MNIST_APP_DATA_DIR must not break loading Fashion-MNIST.
    both = {**table, "fashion_mnist": hashes(small_arrays(seed=1))}
    write_idx_folder(tmp_path, arrays)
    assert datasets.load_folder(tmp_path, "fashion_mnist", both) is None
    assert datasets.load_folder(tmp_path, "mnist", both) is not None


# --- load ------------------------------------------------------------------------------------------


def test_search_order(isolated):
    user, project, home = isolated / "user", isolated / "project", isolated / "home"
    keras_dir = home / ".keras" / "datasets"
    assert datasets.search_folders("mnist") == [user, user / "mnist", project / "mnist", keras_dir]
    assert datasets.search_folders("fashion_mnist") == [
        user,
        user / "fashion_mnist",
        project / "fashion_mnist",
        isolated / "debian",
        keras_dir / "fashion-mnist",
    ]


@pytest.mark.parametrize("name", datasets.DATASET_NAMES)
def test_nothing_found_lists_every_place_and_the_fix(isolated, name):
    (isolated / "user").mkdir()
    with pytest.raises(datasets.DatasetNotFoundError) as info:
        datasets.load(name)
    message = str(info.value)
    for folder in datasets.search_folders(name):
        assert str(folder) in message
    assert "Keras download: failed (no network in tests)" in message
    assert datasets.FETCH_COMMAND in message


def test_load_is_cached_and_thread_safe(isolated, arrays, monkeypatch):
    write_idx_folder(isolated / "project" / "mnist", arrays)
    calls = []
    real_load_folder = datasets.load_folder

    def counting_load_folder(folder, name, *args):
        calls.append(folder)
        return real_load_folder(folder, name, *args)

    monkeypatch.setattr(datasets, "load_folder", counting_load_folder)
    results = []
    threads = [threading.Thread(target=lambda: results.append(datasets.load("mnist"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)
    assert datasets.load("mnist") is results[0]
    assert calls[-1] == isolated / "project" / "mnist"
    assert len(calls) == 3  # user, user/mnist, project/mnist: searched once only


def test_user_folder_wins_and_failures_are_not_cached(isolated, arrays):
    with pytest.raises(datasets.DatasetNotFoundError):
        datasets.load("mnist")
    write_idx_folder(isolated / "project" / "mnist", arrays, gz=True)
    write_idx_folder(isolated / "user" / "mnist", arrays)
    assert datasets.load("mnist").source == str(isolated / "user" / "mnist")


def test_unknown_name():
    with pytest.raises(ValueError, match="mnist, fashion_mnist"):
        datasets.load("cifar10")


# --- the real data sets ------------------------------------------------------------------------------


@pytest.mark.slow
def test_real_data_sets():
    # Needs `python -m mnist_core fetch-data` (or the Debian package / a Keras cache) first.
    first_labels = {
        "mnist": ([5, 0, 4, 1, 9, 2, 1, 3, 1, 4], [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]),
        "fashion_mnist": (None, [9, 2, 1, 1, 6, 1, 4, 6, 5, 7]),
    }
    for name in datasets.DATASET_NAMES:
        dataset = datasets.load(name)
        assert datasets.load(name) is dataset
        assert dataset.x_train.shape == (60000, 28, 28)
        assert dataset.y_train.shape == (60000,)
        assert dataset.x_test.shape == (10000, 28, 28)
        assert dataset.y_test.shape == (10000,)
        for array in (dataset.x_train, dataset.y_train, dataset.x_test, dataset.y_test):
            assert array.dtype == np.uint8
            assert not array.flags.writeable
        assert len(dataset.class_names) == 10
        train_labels, test_labels = first_labels[name]
        if train_labels is not None:
            assert dataset.y_train[:10].tolist() == train_labels
        assert dataset.y_test[:10].tolist() == test_labels
    assert datasets.load("mnist").class_names == tuple("0123456789")
    assert datasets.load("fashion_mnist").class_names[0] == "T-shirt/top"
    assert datasets.load("fashion_mnist").class_names[9] == "Ankle boot"
