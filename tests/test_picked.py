"""A test image read instead of a drawing (issue #33, mnist_core/reading/picked.py): which image, the same Reading a
drawing gets, and giving it to the class set like a drawing."""

from __future__ import annotations

import json

import numpy as np
import pytest
from class_writer import RUN_ID

from mnist_core.classset.drawings import ClassDrawings
from mnist_core.data.pen_digits import render_strokes
from mnist_core.model.network import Layer, Network
from mnist_core.reading.picked import (
    MARKER,
    drew_something,
    pick_index,
    prepared_test_image,
    read_test_image,
    strokes_marker,
)
from mnist_core.reading.predict import Predictor, Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared

LABELS = np.array([7, 2, 1, 0, 4, 1, 4, 9, 5, 9])  # the first ten of MNIST's test labels


def small_network(seed: int = 0) -> Network:
    """A dense softmax layer with random weights: enough to read any 28x28 image, no TensorFlow."""
    rng = np.random.default_rng(seed)
    kernel = rng.normal(0, 0.1, (784, 10)).astype(np.float32)
    bias = rng.normal(0, 0.1, 10).astype(np.float32)
    return Network("small", [Layer("flatten", "flatten"), Layer("output", "dense", (kernel, bias), "softmax")])


def test_a_test_image_is_picked_by_its_number():
    assert pick_index(LABELS, number=0) == 0
    assert pick_index(LABELS, number=np.int64(9)) == 9
    for wrong in (-1, 10, 2.0, True, "3"):
        with pytest.raises(ValueError):
            pick_index(LABELS, number=wrong)


def test_a_random_test_image_of_a_digit_has_that_label():
    for digit in (1, 4, 9):
        picks = {pick_index(LABELS, digit=digit, rng=np.random.default_rng(seed)) for seed in range(40)}
        expected = {index for index, label in enumerate(LABELS) if label == digit}
        assert picks == expected  # every image of the digit comes up, and no other
    assert LABELS[pick_index(LABELS, digit=7)] == 7  # a fresh generator by default
    with pytest.raises(ValueError, match="no image of a 3"):
        pick_index(LABELS, digit=3)
    for wrong in (-1, 10, True, 1.0):
        with pytest.raises(ValueError):
            pick_index(LABELS, digit=wrong)


def test_a_test_image_is_picked_one_way_only():
    with pytest.raises(ValueError):
        pick_index(LABELS)
    with pytest.raises(ValueError):
        pick_index(LABELS, number=1, digit=2)


def test_a_test_image_is_prepared_as_the_model_gets_it_without_steps():
    image = np.arange(784, dtype=np.uint32).reshape(28, 28).astype(np.uint8)
    prepared = prepared_test_image(image)
    assert prepared.ok and prepared.steps == {}
    assert prepared.image.dtype == np.float32 and prepared.image.shape == (28, 28)
    np.testing.assert_allclose(prepared.image, image / 255.0, atol=1e-6)
    with pytest.raises(ValueError):
        prepared_test_image(np.zeros((20, 20), dtype=np.uint8))


def test_a_test_image_gets_the_reading_a_drawing_gets():
    predictor = Predictor(small_network())
    images = np.random.default_rng(1).integers(0, 256, (3, 28, 28), dtype=np.uint8)
    reading = read_test_image(predictor, images, 2)
    assert isinstance(reading, Reading) and reading.prepared.ok and reading.prepared.steps == {}
    np.testing.assert_allclose(reading.probabilities, predictor.network.probabilities(images[2:3])[0], atol=1e-6)
    assert reading.predicted_label == int(np.argmax(reading.probabilities))
    assert reading.confidence == pytest.approx(float(reading.probabilities.max()))
    with pytest.raises(ValueError):
        read_test_image(predictor, images, 3)


def test_reading_a_prepared_drawing_is_reading_the_canvas():
    predictor = Predictor(small_network())
    canvas = render_strokes([[(140.0, 40.0), (140.0, 240.0)]])
    drawn = predictor.read_canvas(canvas)
    again = predictor.read_prepared(drawn.prepared)
    np.testing.assert_array_equal(again.probabilities, drawn.probabilities)
    blank = predictor.read_prepared(Prepared(DrawingStatus.BLANK, None))
    assert blank.probabilities is None


def test_a_test_image_shows_the_inside_of_the_network_like_a_drawing(quick_result):
    predictor = Predictor(quick_result.model)
    images = np.random.default_rng(2).integers(0, 256, (1, 28, 28), dtype=np.uint8)
    reading = read_test_image(predictor, images, 0, inside=True)
    assert reading.inside is not None
    assert read_test_image(predictor, images, 0).inside is None  # only when asked for, as for a drawing


def test_ink_on_the_canvas_wins_over_a_picked_test_image():
    assert not drew_something(None)  # nothing drawn since the canvas was cleared
    assert not drew_something(Reading(Prepared(DrawingStatus.BLANK, None), None))
    assert drew_something(Reading(Prepared(DrawingStatus.TOO_SMALL, None), None))  # a tap is a start
    image = np.zeros((28, 28), dtype=np.float32)
    assert drew_something(Reading(Prepared(DrawingStatus.OK, image), np.full(10, 0.1, dtype=np.float32)))


def test_a_test_image_is_given_to_the_class_set_like_a_drawing(tmp_path):
    predictor = Predictor(small_network())
    images = np.random.default_rng(3).integers(0, 256, (5, 28, 28), dtype=np.uint8)
    reading = read_test_image(predictor, images, 4)
    store = ClassDrawings(tmp_path / "class.sqlite3")
    drawing_id = store.give("Ji-woo", 7, reading, json.dumps(strokes_marker(4)), RUN_ID)
    assert json.loads(store.strokes(drawing_id)) == {MARKER: 4}
    assert int(store.counts()[7]) == 1
    kept = store.drawings()
    np.testing.assert_array_equal(kept.images[0], reading.prepared.image)  # the 28x28 image the model read
