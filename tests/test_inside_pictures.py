"""Weight pictures: a diverging map that colour-blind students read too, the sign without colour, sharp pixels."""

import io

import numpy as np
import pytest
from PIL import Image

from mnist_core.text.pictures import (
    COLOURS,
    DOT_COLOURS,
    MARKED_FROM,
    diverging,
    diverging_legend,
    grid,
    png_bytes,
    sign_rows,
    strongest_region,
)

# Machado, Oliveira & Fernandes (2009): full dichromacy, applied to linear RGB.
DICHROMACY = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}
PURPLE_END, WHITE, ORANGE_END = COLOURS[0], COLOURS[len(COLOURS) // 2], COLOURS[-1]


def linear(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=np.float64) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(linear_rgb: np.ndarray) -> np.ndarray:
    """CIELAB (D65) of linear RGB: distances in it are about how different colours look."""
    to_xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = np.clip(linear_rgb, 0, 1) @ to_xyz.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def mirrored_differences(colours: np.ndarray, seen_as: list[list[float]] | None) -> dict[float, float]:
    """How different +v and -v look (CIELAB distance), for v from 0.25 to 1, as someone with `seen_as` sees them."""
    seen = linear(colours) @ np.array(seen_as or np.eye(3)).T
    shades = lab(seen)
    middle = len(colours) // 2
    offsets = {strength: round(strength * middle) for strength in (0.25, 0.5, 0.75, 1.0)}
    return {
        strength: float(np.linalg.norm(shades[middle + offset] - shades[middle - offset]))
        for strength, offset in offsets.items()
    }


def red_to_green(count: int) -> np.ndarray:
    """The map this project must not use: red for negative, green for positive."""
    t = np.linspace(-1, 1, count)[:, None]
    red, green, white = np.array([215, 25, 28.0]), np.array([26, 150, 65.0]), np.array([247, 247, 247.0])
    return np.where(t < 0, white - t * (red - white), white + t * (green - white))


@pytest.mark.parametrize("kind", [None, *DICHROMACY])
def test_negative_and_positive_look_different_to_colour_blind_eyes_too(kind):
    differences = mirrored_differences(COLOURS, DICHROMACY.get(kind))
    assert differences[0.25] > 15, differences
    assert min(differences[0.5], differences[0.75], differences[1.0]) > 30, differences


def test_the_check_rejects_a_red_green_map():
    for kind in ("protanopia", "deuteranopia"):
        assert max(mirrored_differences(red_to_green(len(COLOURS)), DICHROMACY[kind]).values()) < 30


def test_stronger_weights_are_darker_on_both_sides_so_strength_reads_in_grey():
    lightness = lab(linear(COLOURS))[:, 0]
    middle = len(COLOURS) // 2
    assert np.all(np.diff(lightness[: middle + 1]) >= 0)  # purple end up to white
    assert np.all(np.diff(lightness[middle:]) <= 0)  # white down to the orange end


def test_zero_is_white_and_the_ends_are_purple_and_orange():
    picture = diverging(np.array([[-2.0, 0.0, 2.0]]), 3)
    assert picture.shape == (1, 3, 3) and picture.dtype == np.uint8
    np.testing.assert_array_equal(picture[0], [PURPLE_END, WHITE, ORANGE_END])
    assert WHITE.min() > 240
    assert PURPLE_END[2] > PURPLE_END[0] > PURPLE_END[1]  # blue-ish red: purple
    assert ORANGE_END[0] > ORANGE_END[1] > ORANGE_END[2]  # red over green over blue: orange


def test_every_value_is_a_sharp_square_and_negative_ones_carry_a_dot():
    values = np.array([[1.0, -1.0], [0.0, -0.1]])
    picture = diverging(values, 40)  # 20 px a value
    assert picture.shape == (40, 40, 3)
    positive, negative, zero, faint = picture[:20, :20], picture[:20, 20:], picture[20:, :20], picture[20:, 20:]
    for plain in (positive, zero, faint):  # one colour each: positive, zero and the barely negative are plain
        assert len(np.unique(plain.reshape(-1, 3), axis=0)) == 1
    colours, counts = np.unique(negative.reshape(-1, 3), axis=0, return_counts=True)
    assert len(colours) == 2  # the purple square and its dot
    dot = colours[np.argmin(counts)]
    np.testing.assert_array_equal(dot, DOT_COLOURS[0])
    assert counts.min() == (20 // 3) ** 2  # a 6x6 dot in the 20x20 square
    np.testing.assert_array_equal(negative[10, 10], dot)  # in the middle of the square
    np.testing.assert_array_equal(negative[0, 0], PURPLE_END)


def test_a_dot_stands_out_from_its_square():
    shades = np.abs(COLOURS.astype(int).mean(axis=1) - DOT_COLOURS.astype(int).mean(axis=1))
    dotted = shades[: round((1 - MARKED_FROM) / 2 * (len(COLOURS) - 1)) + 1]  # the shades that get a dot
    assert dotted.min() > 60


def test_small_cells_get_no_dots_and_each_picture_has_its_own_scale():
    values = np.array([[-0.5, 0.5]])
    assert len(np.unique(diverging(values, 6).reshape(-1, 3), axis=0)) == 2  # 3 px cells: too small for a dot
    np.testing.assert_array_equal(diverging(values, 2), diverging(values * 100, 2))
    np.testing.assert_array_equal(diverging(np.zeros((2, 2)), 2), np.broadcast_to(WHITE, (2, 2, 3)))
    half = diverging(values, 2, limit=1.0)
    assert half[0, 1].astype(int).mean() > ORANGE_END.astype(int).mean()  # half the limit: paler than the end


def test_weights_that_are_not_numbers_show_as_white():
    picture = diverging(np.array([[np.nan, np.inf], [-np.inf, 1.0]]), 2)
    np.testing.assert_array_equal(picture[0, 0], WHITE)
    np.testing.assert_array_equal(picture[1, 0], WHITE)
    np.testing.assert_array_equal(picture[1, 1], ORANGE_END)


def test_a_28x28_weight_picture_is_4_px_a_weight():
    assert diverging(np.random.default_rng(0).normal(size=(28, 28)), 112).shape == (112, 112, 3)


def test_the_legend_runs_from_dotted_purple_through_white_to_orange():
    legend = diverging_legend(cells=9, cell_size=24)
    assert legend.shape == (24, 216, 3)
    cells = [legend[:, 24 * index : 24 * (index + 1)] for index in range(9)]
    dotted = [len(np.unique(cell.reshape(-1, 3), axis=0)) == 2 for cell in cells]
    assert dotted == [True] * 3 + [False] * 6  # -1, -0.75 and -0.5 are clearly negative; -0.25 is faint
    np.testing.assert_array_equal(cells[4][0, 0], WHITE)
    np.testing.assert_array_equal(cells[0][0, 0], PURPLE_END)
    np.testing.assert_array_equal(cells[8][0, 0], ORANGE_END)


@pytest.mark.parametrize("shape", [(7, 5), (7, 5, 3), (7, 5, 4)], ids=["grey", "RGB", "RGBA"])
def test_png_bytes_keep_every_pixel(shape):
    picture = np.random.default_rng(1).integers(0, 256, size=shape, dtype=np.uint8)
    decoded = Image.open(io.BytesIO(png_bytes(picture)))
    assert decoded.size == (5, 7)
    np.testing.assert_array_equal(np.asarray(decoded), picture)


def test_grid_places_pictures_in_rows_with_gaps():
    pictures = np.stack([np.full((2, 3), value, np.uint8) for value in (10, 20, 30)])
    sheet = grid(pictures, columns=2, gap=1)
    assert sheet.shape == (5, 7)
    assert sheet[0, 0] == 10 and sheet[0, 4] == 20 and sheet[3, 0] == 30
    assert sheet[0, 3] == 255 and sheet[2, 0] == 255 and sheet[3, 4] == 255  # gaps and the empty place


def test_strongest_region_reads_like_a_page():
    image = np.zeros((28, 28))
    image[2:6, 20:26] = 1
    assert strongest_region(image) == 2  # top right
    image[12:16, 12:16] = 5
    assert strongest_region(image) == 4  # middle
    assert strongest_region(np.zeros((26, 26))) is None


def test_sign_rows_read_a_filter_without_colour():
    kernel = np.array([[1.0, 0.9, 0.5], [0.01, 0.0, -0.3], [-1.0, -0.6, -0.4]])
    assert sign_rows(kernel) == ["+ + +", "0 0 0", "\u2212 \u2212 \u2212"]
    assert sign_rows(np.zeros((3, 3))) == ["0 0 0"] * 3
