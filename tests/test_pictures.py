"""Small grey images enlarged for the pages: sharp pixels, thin strokes kept, aspect ratio kept."""

import numpy as np

from mnist_core.text.pictures import enlarge


def test_enlarge_shows_every_pixel_as_a_sharp_square():
    image = np.zeros((28, 28), dtype=np.float32)
    image[3, 5] = 1.0
    big = enlarge(image, 112)
    assert big.shape == (112, 112) and big.dtype == np.uint8
    assert set(np.unique(big)) == {0, 255}  # no blurred in-between greys
    assert big[12:16, 20:24].min() == 255 and big[11, 20] == 0


def test_enlarge_shrinks_a_large_drawing_without_losing_thin_strokes():
    drawing = np.zeros((280, 280), dtype=np.uint8)
    drawing[:, 140:142] = 255  # a 2 px line
    small = enlarge(drawing, 112)
    assert small.shape == (112, 112)
    assert small.max() > 100


def test_enlarge_keeps_the_aspect_ratio():
    assert enlarge(np.ones((20, 16)), 112).shape == (100, 80)
    assert enlarge(np.ones((170, 140)), 112).shape == (112, 92)
