"""Canvas drawings are prepared like MNIST: cropped, scaled to 20 px, padded to 28x28, mass centred."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mnist_core.data.pen_digits import render_strokes
from mnist_core.reading.preprocess import Prepared, canvas_to_mnist, ink_from_canvas

SEVEN = [[(100.0, 60.0), (200.0, 60.0), (130.0, 230.0)], [(120.0, 150.0), (190.0, 150.0)]]
TOP_LEFT_SEVEN = [[(15.0, 15.0), (110.0, 15.0), (50.0, 130.0)]]
BOTTOM_RIGHT_ZERO = [[(200.0, 160.0), (250.0, 190.0), (255.0, 240.0), (210.0, 265.0), (175.0, 220.0), (200.0, 160.0)]]
HEAVY_TOP_FIVE = [[(200.0, 40.0), (80.0, 40.0), (80.0, 130.0), (180.0, 140.0), (150.0, 250.0), (70.0, 240.0)]]
THIN_ONE = [[(230.0, 30.0), (230.0, 250.0)]]


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / image.sum()), float((cols * image).sum() / image.sum())


def ink_box(image: np.ndarray, level: float = 0.1) -> tuple[int, int]:
    """Height and width of the box around the pixels brighter than `level`."""
    rows = np.flatnonzero((image > level).any(axis=1))
    cols = np.flatnonzero((image > level).any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def shifted_difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference, allowing a one-pixel shift (centring rounds to whole pixels)."""
    wide = np.pad(b, 1)
    return min(
        float(np.abs(a - wide[1 + dy : 29 + dy, 1 + dx : 29 + dx]).mean()) for dy in (-1, 0, 1) for dx in (-1, 0, 1)
    )


@pytest.mark.parametrize("strokes", [SEVEN, TOP_LEFT_SEVEN, BOTTOM_RIGHT_ZERO, HEAVY_TOP_FIVE, THIN_ONE])
def test_centre_of_mass_is_moved_to_the_centre(strokes):
    prepared = canvas_to_mnist(render_strokes(strokes))
    assert prepared.status == "ok" and prepared.ok
    assert prepared.image.shape == (28, 28) and prepared.image.dtype == np.float32
    row, col = centre_of_mass(prepared.image)
    assert abs(row - 14) <= 1 and abs(col - 14) <= 1


def test_steps_are_the_pages_pictures_in_order():
    prepared = canvas_to_mnist(render_strokes(SEVEN))
    assert list(prepared.steps) == ["ink", "cropped", "scaled", "padded", "centred"]
    for step in prepared.steps.values():
        assert step.ndim == 2 and step.dtype == np.float32
        assert step.min() >= 0 and step.max() <= 1
    assert prepared.steps["ink"].shape == (280, 280)
    assert max(prepared.steps["scaled"].shape) == 20
    assert prepared.steps["padded"].shape == (28, 28)
    assert prepared.steps["centred"] is prepared.image


def test_prepared_is_frozen():
    prepared = canvas_to_mnist(render_strokes(SEVEN))
    assert isinstance(prepared, Prepared)
    with pytest.raises(dataclasses.FrozenInstanceError):
        prepared.status = "blank"


def test_aspect_ratio_is_kept_for_a_thin_one():
    prepared = canvas_to_mnist(render_strokes(THIN_ONE))
    assert prepared.ok
    height, width = ink_box(prepared.image)
    assert 19 <= height <= 21
    assert width <= 5


def test_grey_levels_are_kept():
    image = canvas_to_mnist(render_strokes(SEVEN)).image
    assert image.max() > 0.95
    assert ((image > 0.05) & (image < 0.95)).sum() >= 10


def test_blank_canvas_gives_no_image():
    for canvas in (np.zeros((280, 280, 4), np.uint8), render_strokes([])):
        prepared = canvas_to_mnist(canvas)
        assert prepared.status == "blank" and not prepared.ok
        assert prepared.image is None
        assert list(prepared.steps) == ["ink"]


def test_a_speck_is_blank():
    canvas = render_strokes([])
    canvas[100:103, 100:103, :3] = 255
    assert canvas_to_mnist(canvas).status == "blank"


@pytest.mark.parametrize("point", [(140.0, 140.0), (12.0, 270.0)])
def test_a_single_dot_is_too_small(point):
    prepared = canvas_to_mnist(render_strokes([[point]]))
    assert prepared.status == "too_small" and not prepared.ok
    assert prepared.image is None
    assert list(prepared.steps) == ["ink", "cropped"]


def test_a_short_dash_is_too_small():
    assert canvas_to_mnist(render_strokes([[(130.0, 140.0), (145.0, 142.0)]])).status == "too_small"


def test_a_mostly_covered_canvas_is_too_full():
    canvas = render_strokes([])
    canvas[20:260, 20:260, :3] = 255
    prepared = canvas_to_mnist(canvas)
    assert prepared.status == "too_full" and prepared.image is None


def test_a_scribbled_over_canvas_is_too_full():
    zigzag = [(40.0 + 200.0 * (i % 2), 30.0 + 12.0 * i) for i in range(19)]
    assert canvas_to_mnist(render_strokes([zigzag], stroke_width=30)).status == "too_full"


def test_a_canvas_filled_entirely_with_ink_is_too_full():
    assert canvas_to_mnist(np.full((280, 280, 4), 255, np.uint8)).status == "too_full"


def test_strokes_touching_every_edge_are_fine():
    diamond = [[(5.0, 140.0), (140.0, 5.0), (275.0, 140.0), (140.0, 275.0), (5.0, 140.0)]]
    canvas = render_strokes(diamond)
    ink = ink_from_canvas(canvas)
    assert ink[0].max() > 0.5 and ink[-1].max() > 0.5 and ink[:, 0].max() > 0.5 and ink[:, -1].max() > 0.5
    prepared = canvas_to_mnist(canvas)
    assert prepared.ok
    row, col = centre_of_mass(prepared.image)
    assert abs(row - 14) <= 1 and abs(col - 14) <= 1
    assert ink_box(prepared.image) == (20, 20)


def test_a_one_against_the_left_edge_is_fine():
    prepared = canvas_to_mnist(render_strokes([[(3.0, 20.0), (3.0, 270.0)]]))
    assert prepared.ok
    assert abs(centre_of_mass(prepared.image)[1] - 14) <= 1


@pytest.mark.parametrize("size", [200, 280, 400])
def test_any_canvas_size_gives_nearly_the_same_image(size):
    reference = canvas_to_mnist(render_strokes(SEVEN)).image
    scale = size / 280
    prepared = canvas_to_mnist(render_strokes(SEVEN, size=size, stroke_width=20 * scale, scale=scale))
    assert prepared.ok
    assert shifted_difference(prepared.image, reference) < 0.03


def test_a_non_square_canvas_works():
    square = render_strokes(SEVEN)
    wide = np.zeros((280, 500, 4), np.uint8)
    wide[..., 3] = 255
    wide[:, 30:310] = square
    prepared = canvas_to_mnist(wide)
    assert prepared.ok
    assert shifted_difference(prepared.image, canvas_to_mnist(square).image) < 0.01


def test_ink_on_a_transparent_background_counts_whatever_its_colour():
    grey = render_strokes(SEVEN)[..., 0]
    for colour in (0, 255):
        canvas = np.zeros((280, 280, 4), np.uint8)
        canvas[..., :3] = colour
        canvas[..., 3] = grey
        np.testing.assert_allclose(ink_from_canvas(canvas), grey / 255, atol=1e-5)


def test_rgb_grey_and_float_inputs_agree_with_rgba():
    rgba = render_strokes(SEVEN)
    expected = ink_from_canvas(rgba)
    for image in (rgba[..., :3], rgba[..., 0], rgba.astype(np.float64), rgba[..., 0].astype(np.int64)):
        np.testing.assert_allclose(ink_from_canvas(image), expected, atol=1e-5)


def test_ink_is_luminance_times_alpha():
    pixel = np.array([[[255, 0, 0, 255], [255, 255, 255, 128], [0, 0, 0, 255]]], np.uint8)
    canvas = np.zeros((5, 5, 4), np.uint8)
    canvas[..., 3] = 255
    canvas[2, 1:4] = pixel[0]
    ink = ink_from_canvas(canvas)
    assert ink.shape == (5, 5) and ink.dtype == np.float32
    np.testing.assert_allclose(ink[2, 1:4], [0.299, 128 / 255, 0.0], atol=1e-3)


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((280, 280, 2), np.uint8),
        np.zeros((280, 280, 5), np.uint8),
        np.zeros(280, np.uint8),
        np.zeros((280, 280, 4, 1), np.uint8),
        np.zeros((0, 0, 4), np.uint8),
        np.zeros((280, 0), np.uint8),
        np.full((28, 28, 4), 300.0),
        np.full((28, 28), -1.0),
        np.full((28, 28), np.nan),
        np.zeros((28, 28), bool),
        np.zeros((28, 28), complex),
        np.full((28, 28), "x"),
        [[0, 0], [0, 0]],
    ],
)
def test_bad_input_raises_value_error(bad):
    with pytest.raises(ValueError):
        canvas_to_mnist(bad)
