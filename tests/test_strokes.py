"""The UNIPEN pen digits load, pick and render like drawings on the browser canvas."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from mnist_core import config
from mnist_core.data.pen_digits import PenDigit, load_pen_digits, pick_per_label, render_strokes
from mnist_core.reading.preprocess import canvas_to_mnist


@pytest.fixture(scope="module")
def digits() -> list[PenDigit]:
    return load_pen_digits(config.pen_digits_path())  # the repository carries it: samples/


def test_loads_200_digits_20_per_label(digits):
    assert len(digits) == 200
    assert Counter(digit.label for digit in digits) == {label: 20 for label in range(10)}
    first = digits[0]
    assert isinstance(first.label, int) and first.writer and first.id
    assert all(isinstance(point, tuple) and len(point) == 2 for stroke in first.strokes for point in stroke)


def test_pick_per_label_is_the_first_n_of_each_label_in_order(digits):
    picked = pick_per_label(digits, 5)
    assert len(picked) == 50
    assert [digit.label for digit in picked] == [label for label in range(10) for _ in range(5)]
    for label in range(10):
        first_five = [digit for digit in digits if digit.label == label][:5]
        assert picked[label * 5 : label * 5 + 5] == first_five
    assert pick_per_label(digits, 5) == picked


def test_pick_per_label_takes_what_there_is(digits):
    assert len(pick_per_label(digits, 50)) == 200
    assert pick_per_label(digits, 0) == []
    with pytest.raises(ValueError):
        pick_per_label(digits, -1)


def test_every_rendered_digit_is_prepared_ok(digits):
    for digit in digits:
        prepared = canvas_to_mnist(render_strokes(digit.strokes))
        assert prepared.ok, (digit.id, prepared.status)


def test_render_looks_like_the_canvas():
    canvas = render_strokes([[(40.0, 140.0), (240.0, 140.0)]])
    assert canvas.shape == (280, 280, 4) and canvas.dtype == np.uint8
    assert (canvas[..., 3] == 255).all()
    assert (canvas[..., 0] == canvas[..., 1]).all() and (canvas[..., 0] == canvas[..., 2]).all()
    grey = canvas[..., 0]
    assert ((grey > 0) & (grey < 255)).any()  # anti-aliased edges
    # 20 px wide across the line, round caps reaching 10 px past each end.
    assert abs(grey[:, 140].sum() / 255 - 20) < 1
    assert abs(grey[140].sum() / 255 - 220) < 2


def test_a_one_point_stroke_is_a_round_dot():
    grey = render_strokes([[(140.0, 140.0)]])[..., 0] / 255
    area = grey.sum()
    assert abs(area - np.pi * 10**2) < 0.05 * np.pi * 10**2
    rows, cols = np.indices(grey.shape)
    # Canvas position 140 is the edge between pixels 139 and 140.
    assert abs((rows * grey).sum() / area - 139.5) < 0.25
    assert abs((cols * grey).sum() / area - 139.5) < 0.25


def test_scale_maps_coordinates_to_a_bigger_canvas():
    stroke = [[(70.0, 70.0), (210.0, 210.0)]]
    small = render_strokes(stroke)[..., 0] > 127
    big = render_strokes(stroke, size=400, scale=400 / 280)[..., 0] > 127
    assert big.shape == (400, 400)
    small_span = np.flatnonzero(small.any(axis=0))
    big_span = np.flatnonzero(big.any(axis=0))
    # The line itself scales; the brush (20 px) does not.
    assert abs((big_span[-1] - big_span[0]) - (140 * 400 / 280 + 20)) <= 2
    assert abs((small_span[-1] - small_span[0]) - (140 + 20)) <= 2


def test_no_strokes_is_an_empty_canvas():
    canvas = render_strokes([], size=200)
    assert canvas.shape == (200, 200, 4)
    assert (canvas[..., :3] == 0).all() and (canvas[..., 3] == 255).all()
