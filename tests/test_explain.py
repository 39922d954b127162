"""Why did it answer that (issue #32): the numpy backward pass, the heat maps, and fooling the network.

Real models, both kinds, 1 epoch on 2,000 MNIST images; and small numpy networks with every layer kind the reader
runs (tanh, sigmoid, batch normalization ...), for the finite-difference checks.
"""

from __future__ import annotations

import re
import string

import numpy as np
import pytest

from mnist_core import config
from mnist_core.data import datasets
from mnist_core.data.pen_digits import load_pen_digits, render_strokes
from mnist_core.errors import Refusal
from mnist_core.i18n import in_language, t
from mnist_core.locales import en, ko
from mnist_core.model.network import Layer, Network, network_of
from mnist_core.reading import explain, fooling
from mnist_core.reading.explain import (
    REGIONS,
    Said,
    drawing_image,
    occlusion_map,
    strongest_region,
    where_it_looked,
    why_this_and_not_that,
)
from mnist_core.reading.fooling import FOOL_OUTCOMES, fool
from mnist_core.reading.gradient import Trace, logit_gradient
from mnist_core.reading.predict import Predictor
from mnist_core.reading.preprocess import canvas_to_mnist
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingSettings

KINDS = ("mlp", "cnn")
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def networks() -> dict[str, Network]:
    return {
        kind: network_of(train(TrainingSettings(model_kind=kind, epochs=1, train_limit=2000, seed=1)).model)
        for kind in KINDS
    }


@pytest.fixture(scope="module")
def test_set():
    data = datasets.load("mnist")
    return data.x_test[:300].astype(np.float32) / 255, data.y_test[:300]


def read_right(network: Network, images: np.ndarray, labels: np.ndarray, count: int) -> list[int]:
    """The first `count` test images the network reads right."""
    predicted = network.probabilities(images).argmax(axis=1)
    return [int(i) for i in np.flatnonzero(predicted == labels)[:count]]


# The backward pass


@pytest.mark.parametrize("kind", KINDS)
def test_the_trace_reads_as_the_network_does(networks, test_set, kind):
    images = test_set[0][:40]
    trace = Trace(networks[kind], images)
    np.testing.assert_allclose(trace.probabilities, networks[kind].probabilities(images), atol=1e-6)


def one_sided_differences(network: Network, image: np.ndarray, digit: int, pixels: np.ndarray, h: float = 1e-5):
    """d logit / d pixel from above and from below, for each pixel (float64): where they agree, it is smooth."""
    base = Trace(network, image, np.float64).logits[0, digit]
    rows = np.arange(len(pixels))
    up, down = np.repeat(image[None], len(pixels), axis=0), np.repeat(image[None], len(pixels), axis=0)
    up[rows, pixels[:, 0], pixels[:, 1]] += h
    down[rows, pixels[:, 0], pixels[:, 1]] -= h
    above = (Trace(network, up, np.float64).logits[:, digit] - base) / h
    below = (base - Trace(network, down, np.float64).logits[:, digit]) / h
    return above, below


@pytest.mark.parametrize("kind", KINDS)
def test_the_gradient_matches_finite_differences(networks, test_set, kind):
    """On real drawings. Max pooling has ties (the blank background gives every map the same value), where the
    network has a kink and no one gradient: pixels are checked where it is smooth, and most ink pixels are."""
    network = networks[kind]
    for index in range(3):
        image = test_set[0][index].astype(np.float64)
        digit = int(test_set[1][index])
        gradient = logit_gradient(network, image, digit, dtype=np.float64)
        pixels = np.argwhere(image > 0.3)
        above, below = one_sided_differences(network, image, digit, pixels)
        smooth = np.abs(above - below) < 1e-6
        assert smooth.mean() > 0.8
        checked = np.flatnonzero(smooth)[:: max(1, smooth.sum() // 8)]
        assert len(checked) >= 5
        expected = gradient[pixels[checked, 0], pixels[checked, 1]]
        np.testing.assert_allclose(above[checked], expected, rtol=1e-4, atol=1e-7)
        # And off the ink too (a pixel of background matters to the logit as much as any).
        for row, column in ((0, 0), (3, 25), (27, 13)):
            above, below = one_sided_differences(network, image, digit, np.array([[row, column]]))
            if abs(above[0] - below[0]) < 1e-6:
                assert above[0] == pytest.approx(gradient[row, column], rel=1e-4, abs=1e-7)


def numpy_network(convolutional: bool) -> Network:
    """A small random network with every layer kind and activation the reader runs."""
    rng = np.random.default_rng(7)

    def weights(*shape):
        return (rng.normal(size=shape) / np.sqrt(np.prod(shape[:-1]))).astype(np.float32)

    def batchnorm(name, width):
        return Layer(name, "batchnorm", (rng.uniform(0.5, 2, width).astype(np.float32), weights(1, width)[0]))

    if convolutional:
        layers = [
            Layer("add_channel", "reshape", shape=(28, 28, 1)),
            Layer("conv1", "conv", (weights(3, 3, 1, 4), weights(1, 4)[0]), "tanh"),
            batchnorm("norm1", 4),
            Layer("pool1", "pool", shape=(2, 2)),
            Layer("conv2", "conv", (weights(3, 3, 4, 6), weights(1, 6)[0]), "sigmoid"),
            Layer("pool2", "pool", shape=(3, 3)),
            Layer("flatten", "flatten"),
        ]
        width = 3 * 3 * 6  # 28 -> 26 -> 13 -> 11 -> 3 (a leftover edge dropped)
    else:
        layers = [Layer("flatten", "flatten")]
        width = 784
    layers += [
        Layer("dropout", "dropout"),
        Layer("hidden1", "dense", (weights(width, 16), weights(1, 16)[0]), "tanh"),
        batchnorm("norm2", 16),
        Layer("hidden2", "dense", (weights(16, 12), weights(1, 12)[0]), "sigmoid"),
        Layer("hidden3", "dense", (weights(12, 12), weights(1, 12)[0]), "linear"),
        Layer("hidden4", "dense", (weights(12, 12), weights(1, 12)[0]), "softmax"),
        Layer("hidden5", "dense", (weights(12, 12), weights(1, 12)[0]), "relu"),
        Layer("output", "dense", (weights(12, 10), weights(1, 10)[0]), "softmax"),
    ]
    return Network("every-kind", layers)


@pytest.mark.parametrize("convolutional", [False, True])
def test_every_layer_kind_and_activation_has_its_backward_pass(convolutional):
    network = numpy_network(convolutional)
    image = np.random.default_rng(1).uniform(0.05, 1, (28, 28))  # no blank: no ties in the pooling
    trace = Trace(network, image, np.float64)
    np.testing.assert_allclose(trace.probabilities, network.probabilities(image[None]), atol=1e-5)
    pixels = np.random.default_rng(2).integers(0, 28, (12, 2))
    for digit in (0, 7):
        gradient = logit_gradient(network, image, digit, dtype=np.float64)
        above, below = one_sided_differences(network, image, digit, pixels, h=1e-6)
        centred = (above + below) / 2
        np.testing.assert_allclose(centred, gradient[pixels[:, 0], pixels[:, 1]], rtol=1e-4, atol=1e-8)


def test_a_layer_without_a_backward_pass_is_named():
    network = numpy_network(False)
    odd = Network("odd", [*network.layers[:-1], Layer("mystery", "mystery"), network.layers[-1]])  # a later kind
    with pytest.raises(ValueError, match="mystery"):
        Trace(odd, np.zeros((28, 28)))


# Where it looked


def blank_pixels(image: np.ndarray, pixels: np.ndarray) -> np.ndarray:
    blanked = image.copy().reshape(-1)
    blanked[pixels] = 0
    return blanked.reshape(image.shape)


@pytest.mark.parametrize("kind", KINDS)
def test_the_heat_maps_sign_test(networks, test_set, kind):
    """Blanking the k pixels the map marks as most important lowers the answer's probability more than blanking
    k random ink pixels: gradient x input, and occlusion (the map it was compared with)."""
    network, (images, labels) = networks[kind], test_set
    rng = np.random.default_rng(0)
    drops = {"gradient": [], "occlusion": [], "random": []}
    k = 10
    for index in read_right(network, images, labels, 15):
        image, digit = images[index], int(labels[index])
        before = network.probabilities(image[None])[0, digit]

        def drop(pixels, image=image, before=before, digit=digit):
            return before - network.probabilities(blank_pixels(image, pixels)[None])[0, digit]

        ink = np.flatnonzero(image.reshape(-1) > 0)
        gradient_map = where_it_looked(network, image, digit).values.reshape(-1)
        occlusion = occlusion_map(network, image, digit).reshape(-1)
        drops["gradient"].append(drop(ink[np.argsort(-gradient_map[ink], kind="stable")[:k]]))
        drops["occlusion"].append(drop(ink[np.argsort(-occlusion[ink], kind="stable")[:k]]))
        drops["random"].append(np.mean([drop(rng.choice(ink, k, replace=False)) for _ in range(5)]))
    drops = {name: np.array(values) for name, values in drops.items()}
    for method in ("gradient", "occlusion"):
        assert drops[method].mean() > 3 * drops["random"].mean(), (method, drops)
        assert (drops[method] > drops["random"]).mean() >= 0.8, (method, drops)


@pytest.mark.parametrize("kind", KINDS)
def test_both_maps_the_answer_and_the_runner_up(networks, test_set, kind):
    network, (images, labels) = networks[kind], test_set
    image = images[read_right(network, images, labels, 1)[0]]
    looked = why_this_and_not_that(network, image)
    probabilities = network.probabilities(image[None])[0]
    order = np.argsort(-probabilities)
    assert (looked.answer.digit, looked.runner_up.digit) == (order[0], order[1])
    assert looked.answer.probability == pytest.approx(probabilities[order[0]], abs=1e-6)
    for heat_map in (looked.answer, looked.runner_up):
        assert heat_map.values.shape == (28, 28) and heat_map.values.dtype == np.float32
        assert not heat_map.values[image == 0].any()  # gradient x input: no ink, no evidence
        alone = where_it_looked(network, image, heat_map.digit)
        np.testing.assert_allclose(alone.values, heat_map.values, atol=1e-6)
        for said, side in ((heat_map.evidence_for, "for"), (heat_map.evidence_against, "against")):
            assert said.key in {f"explain.{side}.{region}" for region in REGIONS}
            assert said.values["digit"] == heat_map.digit
            assert 0 <= said.values["share"] <= 100
            assert str(heat_map.digit) in said.text() and str(heat_map.digit) in said.text("ko")
    # The answer has ink speaking for it.
    assert looked.answer.evidence_for.key != "explain.for.none"


def test_the_summary_names_the_region_of_the_ink():
    image = np.zeros((28, 28), np.float32)
    image[4:24, 8:20] = 1  # the ink's box: rows 4..23, columns 8..19
    evidence = np.zeros((28, 28))
    evidence[5, 9:19] = 1  # the top stroke
    assert strongest_region(evidence, image) == ("top", 1.0)
    evidence = np.zeros((28, 28))
    evidence[22, 9:19] = 1
    evidence[12, 10] = 0.5
    assert strongest_region(evidence, image)[0] == "bottom"
    evidence = np.zeros((28, 28))
    evidence[11:16, 8] = 1  # the left side, halfway down
    assert strongest_region(evidence, image) == ("left", 1.0)
    evidence = np.zeros((28, 28))
    evidence[13, 14] = 1
    assert strongest_region(evidence, image) == ("middle", 1.0)
    evidence = np.zeros((28, 28))
    evidence[12, 19] = 1
    assert strongest_region(evidence, image) == ("right", 1.0)
    assert strongest_region(image.astype(np.float64), image)[0] == "spread"  # evenly over the ink
    assert strongest_region(np.zeros((28, 28)), image) == ("none", 0.0)


# Fool it


def threes(network: Network, images: np.ndarray, labels: np.ndarray, count: int) -> list[np.ndarray]:
    """Real 3s that the network reads as 3."""
    predicted = network.probabilities(images).argmax(axis=1)
    return [images[i] for i in np.flatnonzero((labels == 3) & (predicted == 3))[:count]]


def pen_threes(predictor: Predictor, count: int) -> list:
    """Real 3s written with a pen (UNIPEN, samples/), drawn on the canvas and read as 3 by the page."""
    readings = []
    for digit in load_pen_digits(config.pen_digits_path()):
        if digit.label == 3 and len(readings) < count:
            reading = predictor.read_canvas(render_strokes(digit.strokes))
            if reading.predicted_label == 3:
                readings.append(reading)
    return readings


@pytest.mark.parametrize("kind", KINDS)
def test_a_real_3_is_fooled_into_an_8(networks, test_set, kind):
    network = networks[kind]
    predictor = Predictor(network)  # the page's reading
    drawn = pen_threes(predictor, 2) + threes(network, *test_set, 2)
    assert len(drawn) == 4
    for drawing in drawn:
        image = drawing_image(drawing)
        fooled = fool(network, drawing, 8)
        assert fooled.succeeded, fooled.message
        assert predictor.probabilities(fooled.image).argmax() == 8
        assert fooled.predicted_label == 8 and fooled.reading.predicted_label == 8
        assert fooled.seconds <= 2.0
        assert fooled.image.min() >= 0 and fooled.image.max() <= 1
        np.testing.assert_allclose(fooled.change, fooled.image - image, atol=1e-6)
        assert np.abs(fooled.change).max() <= fooling.FOOL_MAX_CHANGE + 1e-6
        assert fooled.max_change == pytest.approx(np.abs(fooled.change).max())
        assert 0 < fooled.changed_pixels <= 784 and 0 < fooled.mean_change <= fooled.max_change
        assert fooled.message.key == "explain.fool.done"
        assert fooled.message.values["pixels"] == fooled.changed_pixels
        np.testing.assert_array_equal(fooled.original, image)


def test_fooling_gives_up_after_its_bounds_and_says_so(networks, test_set):
    network = networks["cnn"]
    image = threes(network, *test_set, 1)[0]
    held = fool(network, image, 8, max_change=2 / 255, max_steps=30)  # too small a change allowed
    assert not held.succeeded and held.steps == 30
    assert held.predicted_label != 8
    assert held.message == Said("explain.fool.gave_up", {"target": 8, "steps": 30, "reading": held.predicted_label})
    assert np.abs(held.change).max() <= 2 / 255 + 1e-6
    timed = fool(network, image, 8, max_change=2 / 255, max_steps=10**6, seconds=0.2)  # the time bound
    assert not timed.succeeded and timed.seconds < 0.5
    already = fool(network, image, 3)
    assert already.succeeded and already.steps == 0 and already.message.key == "explain.fool.already"
    assert already.changed_pixels == 0 and already.max_change == 0
    with pytest.raises(ValueError):
        fool(network, image, 10)


# Drawings with nothing to explain


def refusal_of(call) -> Refusal:
    with pytest.raises(Refusal) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("kind", KINDS)
def test_blank_and_tiny_drawings_are_refused_with_a_message(networks, kind):
    network = networks[kind]
    predictor = Predictor(network)
    blank_canvas = np.zeros((280, 280, 4), np.uint8)
    tap = render_strokes([[(140.0, 140.0), (146.0, 144.0)]])
    tiny = np.zeros((28, 28), np.float32)
    tiny[13:15, 13:15] = 1
    cases = [
        ("draw.blank", canvas_to_mnist(blank_canvas)),
        ("draw.blank", predictor.read_canvas(blank_canvas)),
        ("draw.blank", np.zeros((28, 28), np.float32)),
        ("draw.too_small", canvas_to_mnist(tap)),
        ("draw.too_small", predictor.read_canvas(tap)),
        ("draw.too_small", tiny),
        ("draw.too_full", np.ones((28, 28), np.float32)),
    ]
    for key, drawing in cases:
        for call in (
            lambda d=drawing: where_it_looked(network, d, 3),
            lambda d=drawing: why_this_and_not_that(network, d),
            lambda d=drawing: fool(network, d, 8),
        ):
            refusal = refusal_of(call)
            assert refusal.key == key
            assert str(refusal) == t(key, "en")
            with in_language("ko"):
                assert HANGUL.search(refusal.text())


def test_a_drawing_is_taken_as_a_reading_a_prepared_drawing_or_an_image(networks):
    canvas = render_strokes([[(70.0, 50.0), (210.0, 50.0), (120.0, 240.0)]])  # a 7
    reading = Predictor(networks["mlp"]).read_canvas(canvas)
    for drawing in (reading, reading.prepared, reading.prepared.image):
        np.testing.assert_array_equal(drawing_image(drawing), reading.prepared.image)
    with pytest.raises(ValueError):
        drawing_image(np.zeros((20, 20)))
    with pytest.raises(ValueError):
        drawing_image(np.full((28, 28), 2.0))
    for digit in (10, -1, 2.5, True):
        with pytest.raises(ValueError):
            where_it_looked(networks["mlp"], reading, digit)


# Words


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def explain_keys() -> list[str]:
    keys = [f"explain.{side}.{region}" for side in ("for", "against") for region in REGIONS] + [
        f"explain.fool.{outcome}" for outcome in FOOL_OUTCOMES
    ]
    assert keys == list(explain.MESSAGE_KEYS) + list(fooling.MESSAGE_KEYS)
    return keys


def test_every_message_is_in_english_and_korean():
    assert set(explain_keys()) == {key for key in en.MESSAGES if key.startswith("explain.")}
    for key in explain_keys():
        assert key in en.MESSAGES and key in ko.MESSAGES, key
        assert HANGUL.search(ko.MESSAGES[key]), key
        assert placeholders(ko.MESSAGES[key]) == placeholders(en.MESSAGES[key]), key
    said = Said("explain.fool.done", {"target": 8, "pixels": 1, "largest": 40, "mean": 30})
    assert said.text() == said.text("en") and "1 pixel," in said.text("en")
    assert "8" in said.text("ko") and HANGUL.search(said.text("ko"))
    many = Said("explain.fool.gave_up", {"target": 8, "steps": 200, "reading": 3})
    assert "200 steps" in many.text("en") and "200번" in many.text("ko")
