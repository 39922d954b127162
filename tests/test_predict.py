import numpy as np

from mnist_core.data.pen_digits import render_strokes
from mnist_core.reading.predict import Predictor


def test_a_drawing_is_read_and_a_blank_canvas_is_not(quick_result):
    predictor = Predictor(quick_result.model)
    one = render_strokes([[(140.0, 40.0), (140.0, 240.0)]])
    reading = predictor.read_canvas(one)
    assert reading.prepared.ok
    assert reading.probabilities.shape == (10,)
    assert abs(float(reading.probabilities.sum()) - 1.0) < 1e-4
    assert reading.predicted_label == 1  # a straight vertical stroke is a one
    assert 0.1 < reading.confidence <= 1.0

    blank = np.zeros((280, 280, 4), np.uint8)
    blank[..., 3] = 255
    nothing = predictor.read_canvas(blank)
    assert nothing.prepared.status == "blank"
    assert nothing.probabilities is None and nothing.predicted_label is None and nothing.confidence is None


def test_single_image_probabilities_match_the_batch_prediction(quick_result):
    predictor = Predictor(quick_result.model)
    images = np.random.default_rng(2).random((3, 28, 28), dtype=np.float32)
    batch = quick_result.model.predict_on_batch(images)
    for image, expected in zip(images, batch, strict=True):
        np.testing.assert_allclose(predictor.probabilities(image), expected, atol=1e-6)
