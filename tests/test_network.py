"""The numpy network reads drawings as Keras does: the same probabilities from a saved file and from memory.

Real models: the shared quick dense model and a small CNN trained here, saved as runs and read back without Keras.
"""

import subprocess
import sys
import zipfile

import keras
import numpy as np
import pytest

from mnist_core.data import datasets
from mnist_core.model.network import UnsupportedNetwork, network_of
from mnist_core.runs.store import RunError, RunStore
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

IMAGES = 500  # test images compared one by one


@pytest.fixture(scope="module")
def cnn_result():
    return train(TrainingSettings(model_kind="cnn", hidden_units=64, epochs=1, train_limit=2000, seed=2))


@pytest.fixture(scope="module")
def test_images():
    return datasets.load("mnist").x_test[:IMAGES]


@pytest.mark.parametrize("which", ["quick_result", "cnn_result"])
def test_a_saved_run_reads_every_image_as_keras_does(which, request, tmp_path, test_images):
    result = request.getfixturevalue(which)
    run_id = RunStore(tmp_path).save(result).id
    network = RunStore(tmp_path).load_network(run_id)
    expected = result.model.predict(test_images / 255.0, verbose=0)
    probabilities = network.probabilities(test_images)  # uint8 pixels are scaled as MNIST's
    assert probabilities.shape == (IMAGES, 10) and probabilities.dtype == np.float32
    np.testing.assert_allclose(probabilities, expected, atol=1e-5)
    np.testing.assert_array_equal(probabilities.argmax(axis=1), expected.argmax(axis=1))
    np.testing.assert_allclose(network_of(result.model).probabilities(test_images), probabilities, atol=1e-6)


def test_the_cnn_s_feature_maps_are_keras_s(cnn_result, test_images):
    model = cnn_result.model
    images = test_images[:8] / 255.0
    first, second, probabilities = network_of(model).outputs(images, shown=("conv1", "conv2"))
    inner = keras.Model(model.inputs, [model.get_layer("conv1").output, model.get_layer("conv2").output])
    expected_first, expected_second = inner.predict(images, verbose=0)
    assert first.shape == (8, 26, 26, 32) and second.shape == (8, 11, 11, 64)
    np.testing.assert_allclose(first, expected_first, atol=1e-5)
    np.testing.assert_allclose(second, expected_second, atol=1e-5)
    np.testing.assert_allclose(probabilities, model.predict(images, verbose=0), atol=1e-5)


def test_the_weights_are_read_only(quick_result):
    network = network_of(quick_result.model)
    with pytest.raises(ValueError, match="read-only"):
        network.layer("hidden").weights[0][0, 0] = 1.0


def test_reading_a_run_never_imports_tensorflow(quick_result, tmp_path):
    run_id = RunStore(tmp_path).save(quick_result).id
    script = (
        "import sys; from pathlib import Path; from mnist_core.runs.store import RunStore; "
        f"network = RunStore(Path({str(tmp_path)!r})).load_network({run_id!r}); "
        "import numpy as np; print(network.probabilities(np.zeros((1, 28, 28), np.float32)).shape); "
        "print(sorted(name for name in ('tensorflow', 'keras') if name in sys.modules))"
    )
    printed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert printed.split("\n")[:2] == ["(1, 10)", "[]"]


def test_a_layer_the_app_does_not_run_is_named():
    model = keras.Sequential(
        [
            keras.Input((28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(10, name="almost"),
            keras.layers.LayerNormalization(name="normalise"),
        ]
    )
    with pytest.raises(UnsupportedNetwork, match="'normalise' is a LayerNormalization"):
        network_of(model)
    padded = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Conv2D(4, 3, padding="same", name="same")])
    with pytest.raises(UnsupportedNetwork, match="28 x 28 images"):
        network_of(padded)


def test_a_file_the_app_does_not_run_is_a_friendly_run_error(tmp_path, quick_result):
    store = RunStore(tmp_path)
    run_id = store.save(quick_result).id
    model_file = tmp_path / run_id / "model.keras"
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Softmax(name="odd")])
    model.save(model_file)
    with pytest.raises(RunError, match="could not be read.*UnsupportedNetwork"):
        store.load_network(run_id)
    with zipfile.ZipFile(model_file, "w") as broken:  # a zip without the weights
        broken.writestr("config.json", "{}")
    with pytest.raises(RunError, match="could not be read"):
        store.load_network(run_id)
    model_file.write_bytes(b"not a zip at all")
    with pytest.raises(RunError, match="could not be read.*BadZipFile"):
        store.load_network(run_id)
