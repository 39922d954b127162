"""Inside the network: one forward pass gives the reading and the layers' view, checked against plain numpy.

Real models: the shared quick dense model (2 epochs on 3,000 MNIST images) and a tiny CNN trained here.
"""

import keras
import numpy as np
import pytest

from mnist_core.data.pen_digits import render_strokes
from mnist_core.model.keras_model import build_model
from mnist_core.reading.inside import (
    PUSHERS_SHOWN,
    SNAPSHOT_UNITS,
    UNITS_SHOWN,
    ConvolutionView,
    DenseView,
    Inside,
    contributions,
    is_unit_snapshot,
    model_kind,
    weight_snapshot,
)
from mnist_core.reading.predict import Predictor
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

SEVEN = [[(70.0, 50.0), (210.0, 50.0), (120.0, 240.0)]]


@pytest.fixture(scope="module")
def cnn():
    """The CNN, 1 epoch on 2,000 images: enough for filters that are no longer random."""
    return train(TrainingSettings(model_kind="cnn", hidden_units=64, epochs=1, train_limit=2000, seed=1)).model


def dense_weights(model):
    hidden, output = model.get_layer("hidden"), model.get_layer("output")
    return [np.asarray(variable) for variable in (hidden.kernel, hidden.bias, output.kernel, output.bias)]


def test_dense_view_shows_the_most_active_units_with_their_own_weights(quick_result):
    model = quick_result.model
    predictor = Predictor(model)
    reading = predictor.read_canvas(render_strokes(SEVEN), inside=True)
    view = reading.inside
    assert isinstance(view, DenseView)

    # The same activations, computed by hand from the model's weights.
    hidden_kernel, hidden_bias, _, _ = dense_weights(model)
    activations = np.maximum(reading.prepared.image.reshape(-1) @ hidden_kernel + hidden_bias, 0)
    assert len(view.units) == UNITS_SHOWN
    shown = [unit.activation for unit in view.units]
    assert shown == sorted(shown, reverse=True)
    assert shown[-1] >= np.sort(activations)[-UNITS_SHOWN] - 1e-4  # no unit outside the 16 fires more
    for unit in view.units:
        assert unit.activation == pytest.approx(activations[unit.index], abs=1e-4)
        assert unit.weights.shape == (28, 28) and not unit.weights.flags.writeable  # shared by every session
        np.testing.assert_array_equal(unit.weights.reshape(-1), hidden_kernel[:, unit.index])


def test_the_pushes_add_up_to_the_scores_softmax_turns_into_the_probabilities(quick_result):
    model = quick_result.model
    reading = Predictor(model).read_canvas(render_strokes(SEVEN), inside=True)
    view = reading.inside
    hidden_kernel, hidden_bias, output_kernel, output_bias = dense_weights(model)
    activations = np.maximum(reading.prepared.image.reshape(-1) @ hidden_kernel + hidden_bias, 0)

    scores = np.array([contributions(activations, output_kernel, label).sum() for label in range(10)]) + output_bias
    softmax = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
    np.testing.assert_allclose(softmax, reading.probabilities, atol=1e-5)

    ranked = np.argsort(-reading.probabilities)
    assert (view.answer.label, view.runner_up.label) == (reading.predicted_label, ranked[1])
    for push in (view.answer, view.runner_up):
        assert push.score == pytest.approx(scores[push.label], abs=1e-3)
        assert push.probability == pytest.approx(reading.probabilities[push.label])
        assert len(push.units) == len(push.amounts) == PUSHERS_SHOWN
        assert list(push.amounts) == sorted(push.amounts, reverse=True)
        everyone = contributions(activations, output_kernel, push.label)
        assert push.amounts[0] == pytest.approx(everyone.max(), abs=1e-4)
        for unit, amount in zip(push.units, push.amounts, strict=True):
            assert amount == pytest.approx(unit.activation * output_kernel[unit.index, push.label], abs=1e-4)


def test_the_inside_view_costs_no_second_forward_pass_and_changes_no_answer(quick_result):
    predictor = Predictor(quick_result.model)
    calls = []
    network_outputs = predictor.network.outputs
    predictor.network.outputs = lambda *args: calls.append(1) or network_outputs(*args)
    canvas = render_strokes(SEVEN)
    with_view, plain = predictor.read_canvas(canvas, inside=True), predictor.read_canvas(canvas)
    assert len(calls) == 2  # one pass each, the view came with its reading
    assert plain.inside is None  # asked for nothing more, gets nothing more
    np.testing.assert_array_equal(with_view.probabilities, plain.probabilities)
    expected = quick_result.model.predict_on_batch(with_view.prepared.image[None])[0]
    np.testing.assert_allclose(with_view.probabilities, expected, atol=1e-6)


def test_a_blank_canvas_has_no_inside_view(quick_result):
    blank = np.zeros((280, 280, 4), np.uint8)
    blank[..., 3] = 255
    reading = Predictor(quick_result.model).read_canvas(blank, inside=True)
    assert reading.probabilities is None and reading.inside is None


def test_a_model_built_elsewhere_is_read_without_an_inside_view():
    model = keras.Sequential(
        [keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(10, activation="softmax")]
    )
    assert model_kind(model) is None
    with pytest.raises(ValueError, match="none of the layers"):
        Inside(model)
    predictor = Predictor(model)
    reading = predictor.read_canvas(render_strokes(SEVEN), inside=True)
    assert reading.probabilities.shape == (10,) and reading.inside is None


def test_the_dense_snapshot_is_the_same_16_units_small_and_repeatable(quick_result):
    model = quick_result.model
    snapshot = weight_snapshot(model)
    assert snapshot.shape == (SNAPSHOT_UNITS, 28, 28) and snapshot.dtype == np.float16
    assert snapshot.nbytes <= 16 * 784 * 2  # 25 KB an epoch
    assert is_unit_snapshot(snapshot)
    hidden_kernel = dense_weights(model)[0]
    for unit in range(SNAPSHOT_UNITS):  # units 0..15, whatever the drawing or the epoch
        np.testing.assert_allclose(snapshot[unit].reshape(-1), hidden_kernel[:, unit], atol=1e-3, rtol=1e-3)
    np.testing.assert_array_equal(weight_snapshot(model), snapshot)


def test_a_snapshot_before_training_is_random_and_differs_from_the_trained_one(quick_result):
    keras.utils.set_random_seed(1)
    fresh = weight_snapshot(build_model("mlp"))
    trained = weight_snapshot(quick_result.model)
    assert fresh.shape == trained.shape
    assert np.abs(fresh).max() < 0.1  # Glorot's uniform start: about +-0.06 for 784 -> 1000
    assert not np.allclose(fresh, trained)
    assert weight_snapshot(build_model("mlp", hidden_units=5)).shape == (5, 28, 28)  # fewer units than 16


@pytest.mark.parametrize("kind", ["mlp", "cnn"])
def test_snapshots_taken_from_a_training_callback_follow_the_weights(kind):
    """As the training job takes them: before the first epoch, then after each (Keras runs several steps a call)."""

    class Snapshots(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.taken = []

        def on_train_begin(self, logs=None):
            self.taken.append(weight_snapshot(self.model))

        def on_epoch_end(self, epoch, logs=None):
            self.taken.append(weight_snapshot(self.model))

    keras.utils.set_random_seed(4)
    model = build_model(kind, hidden_units=64, steps_per_execution=4)
    rng = np.random.default_rng(4)
    images, labels = rng.random((200, 28, 28), dtype=np.float32), rng.integers(0, 10, 200)
    snapshots = Snapshots()
    model.fit(images, labels, batch_size=50, epochs=2, callbacks=[snapshots], verbose=0)
    assert len(snapshots.taken) == 3
    assert {snapshot.shape for snapshot in snapshots.taken} == {(16, 28, 28) if kind == "mlp" else (32, 3, 3)}
    assert not np.array_equal(snapshots.taken[0], snapshots.taken[1])  # the weights moved in epoch 1
    np.testing.assert_array_equal(snapshots.taken[-1], weight_snapshot(model))


@pytest.mark.slow
def test_convolution_view_shows_filters_and_both_layers_maps(cnn):
    reading = Predictor(cnn).read_canvas(render_strokes(SEVEN), inside=True)
    view = reading.inside
    assert isinstance(view, ConvolutionView)
    assert view.filters.shape == (32, 3, 3)
    assert view.first_maps.shape == (32, 26, 26) and view.second_maps.shape == (64, 11, 11)
    assert view.first_maps.min() >= 0 and view.second_maps.min() >= 0  # after relu
    assert view.first_maps.max() > 0  # a drawing makes some filter respond

    # conv1's map by hand: each filter slid over the 28x28 input, plus its bias, then relu.
    kernel, bias = (np.asarray(variable) for variable in (cnn.get_layer("conv1").kernel, cnn.get_layer("conv1").bias))
    np.testing.assert_array_equal(view.filters, kernel[:, :, 0, :].transpose(2, 0, 1))
    image = reading.prepared.image
    windows = np.lib.stride_tricks.sliding_window_view(image, (3, 3))  # (26, 26, 3, 3)
    for index in (0, 7, 31):
        expected = np.maximum(np.einsum("ijkl,kl->ij", windows, view.filters[index]) + bias[index], 0)
        np.testing.assert_allclose(view.first_maps[index], expected, atol=1e-4)


@pytest.mark.slow
def test_the_cnn_snapshot_is_conv1s_filters(cnn):
    snapshot = weight_snapshot(cnn)
    assert snapshot.shape == (32, 3, 3) and snapshot.dtype == np.float16
    assert not is_unit_snapshot(snapshot)
    filters = np.asarray(cnn.get_layer("conv1").kernel)[:, :, 0, :].transpose(2, 0, 1)
    np.testing.assert_allclose(snapshot, filters, atol=1e-3, rtol=1e-3)
    assert model_kind(cnn) == "cnn"
