"""Every network a student can write: built, trained, saved, and read back with numpy as Keras reads it; and the
initial-weights seed, which starts two runs from the same weights."""

import keras
import numpy as np
import pytest

from mnist_core.data import datasets
from mnist_core.data.pixels import scale_images
from mnist_core.model.keras_model import build_spec_model
from mnist_core.model.layers import parse_layers, preset
from mnist_core.model.network import UnsupportedNetwork, network_of, read_network

TRAIN_IMAGES = 1000
TEST_IMAGES = 100

# Each layer kind, and each activation on both a convolution and a dense layer, in a network small enough to
# train for one epoch in about a second.
NETWORKS = {
    "relu": "conv 4 3 relu; pool 2; dense 16 relu",
    "tanh": "conv 4 3 tanh; pool 2; dense 16 tanh",
    "sigmoid": "conv 4 3 sigmoid; pool 2; dense 16 sigmoid",
    "linear": "conv 4 3 linear; pool 2; dense 16 linear",
    # on the grey picture, on feature maps and on a dense layer's numbers
    "batchnorm": "batchnorm; conv 4 5 relu; batchnorm; pool 3; dense 16 relu; batchnorm; dense 8 tanh",
    "dropout": "dropout 0.2; dense 32 relu; dropout 0.5; dense 16 sigmoid",
    "pool first, leftover edges": "pool 3; conv 4 3 linear; pool 2",
    "no hidden layer": "",
    "cnn preset": preset("cnn").text(),
}


@pytest.fixture(scope="module")
def mnist():
    return datasets.load("mnist")


@pytest.mark.parametrize("text", NETWORKS.values(), ids=NETWORKS.keys())
def test_a_trained_network_reads_as_keras_reads_it(text, mnist, tmp_path):
    model = build_spec_model(parse_layers(text), l2=0.001, seed=1)
    x_train, y_train = scale_images(mnist.x_train[:TRAIN_IMAGES]), mnist.y_train[:TRAIN_IMAGES]
    model.fit(x_train, y_train, epochs=1, batch_size=100, verbose=0)
    model.save(tmp_path / "model.keras")

    test_images = mnist.x_test[:TEST_IMAGES]
    expected = keras.ops.convert_to_numpy(model(scale_images(test_images), training=False))
    probabilities = read_network(tmp_path / "model.keras").probabilities(test_images)
    np.testing.assert_allclose(probabilities, expected, atol=1e-4)
    np.testing.assert_allclose(network_of(model).probabilities(test_images), expected, atol=1e-4)


def test_batchnorm_reads_with_what_it_learned(mnist, tmp_path):
    """Not just the starting values (mean 0, variance 1), which would pass with the moving statistics ignored."""
    model = build_spec_model(parse_layers(NETWORKS["batchnorm"]), seed=1)
    model.fit(scale_images(mnist.x_train[:TRAIN_IMAGES]), mnist.y_train[:TRAIN_IMAGES], epochs=1, verbose=0)
    for name in ("batchnorm1", "batchnorm2", "batchnorm3"):
        gamma, beta, mean, variance = model.get_layer(name).get_weights()
        assert np.abs(mean).max() > 1e-3 and np.abs(variance - 1).max() > 1e-3 and np.abs(beta).max() > 1e-4
    model.save(tmp_path / "model.keras")
    network = read_network(tmp_path / "model.keras")
    assert [layer.kind for layer in network.layers].count("batchnorm") == 3


def weights_of(model: keras.Model, kinds: tuple[str, ...] = ("Dense", "Conv2D")) -> list[np.ndarray]:
    return [weight for layer in model.layers if type(layer).__name__ in kinds for weight in layer.get_weights()]


def test_the_same_seed_starts_from_the_same_weights():
    spec = parse_layers("conv 8 3 relu; batchnorm; pool 2; dense 32 relu; dropout 0.2; dense 16 tanh")
    first, second = build_spec_model(spec, seed=7), build_spec_model(spec, seed=7)
    keras.utils.set_random_seed(99)  # the process's random state plays no part
    third = build_spec_model(spec, seed=7)
    for model in (second, third):
        assert len(model.get_weights()) == len(first.get_weights()) == 12  # 4 kernels, 4 biases, batchnorm's 4
        for mine, theirs in zip(first.get_weights(), model.get_weights(), strict=True):
            np.testing.assert_array_equal(mine, theirs)
    other = build_spec_model(spec, seed=8)
    kernels = [weights for weights in weights_of(first) if weights.ndim > 1]
    other_kernels = [weights for weights in weights_of(other) if weights.ndim > 1]
    assert len(kernels) == 4
    for mine, theirs in zip(kernels, other_kernels, strict=True):
        assert not np.array_equal(mine, theirs)
    # Nor are two kernels of one network alike (5 of deep_relu's are 32 x 32).
    deep = [weights for weights in weights_of(build_spec_model(preset("deep_relu"), seed=7)) if weights.ndim > 1]
    assert not any(np.array_equal(a, b) for a, b in zip(deep[1:-2], deep[2:-1], strict=True))


@pytest.mark.parametrize(
    "one, other",
    [("deep_sigmoid", "deep_relu"), ("wide", "wide_dropout")],
)
def test_a_lesson_s_pair_starts_from_the_same_weights(one, other):
    """A comparison shows the one change (the activation, or dropout, or weight decay) and not the luck of the
    starting weights."""
    first = build_spec_model(preset(one), seed=3)
    second = build_spec_model(preset(other), seed=3, l2=0.01)
    for mine, theirs in zip(weights_of(first), weights_of(second), strict=True):
        np.testing.assert_array_equal(mine, theirs)


@pytest.mark.parametrize(
    "layer, named",
    [
        (keras.layers.LayerNormalization(name="normalise"), "'normalise' is a LayerNormalization"),
        (keras.layers.BatchNormalization(center=False, name="no_shift"), "'no_shift' is not a batch normalization"),
        (keras.layers.Dense(10, activation="gelu", name="smooth"), "'smooth' is not a linear, relu, tanh"),
    ],
    ids=["layer normalization", "batchnorm without a shift", "gelu"],
)
def test_what_the_builder_cannot_make_is_still_refused_by_name(layer, named):
    model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(10), layer])
    with pytest.raises(UnsupportedNetwork, match=named):
        network_of(model)
