"""Pictures made from arrays, each pixel a sharp square: grey images, and signed weights in a colour-blind-safe map.

Plain numpy and Pillow (no Streamlit), so the pages, the tests and the benchmarks make pictures alike.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence

import numpy as np
from PIL import Image


def enlarge(image: np.ndarray, size: int) -> np.ndarray:
    """A grey image (float 0..1 or uint8) as uint8, scaled so its longer side is about `size` px.

    Small images grow by a whole factor with nearest neighbour, so each pixel shows as a sharp square
    (a browser's smooth scaling would blur exactly what we want students to see). Large ones shrink
    by averaging, so thin strokes stay visible.
    """
    pixels = grey(image)
    height, width = pixels.shape[:2]
    longest = max(height, width)
    if longest <= size:
        factor = max(1, size // longest)
        return np.repeat(np.repeat(pixels, factor, axis=0), factor, axis=1)
    scale = size / longest
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(Image.fromarray(pixels).resize(new_size, Image.Resampling.BOX))


def grey(image: np.ndarray) -> np.ndarray:
    """A grey image, float 0..1 or uint8, as uint8 0..255."""
    pixels = np.asarray(image)
    return pixels if pixels.dtype == np.uint8 else (np.clip(pixels, 0.0, 1.0) * 255).round().astype(np.uint8)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COLOUR_TYPES = {1: 0, 3: 2, 4: 6}  # channels -> PNG's colour type: grey, RGB, RGBA


def png_bytes(pixels: np.ndarray) -> bytes:
    """A uint8 picture (grey, RGB or RGBA) as PNG: lossless, so sharp pixels stay sharp (JPEG would smear them).

    Written here with zlib rather than by Pillow: for the Draw page's small pictures, made on every stroke,
    Pillow's own work around zlib took about 0.2 ms a picture, more than the compression (level 1: fast, and
    within a few percent of the smallest for pictures like these).
    """
    height, width = pixels.shape[:2]
    colour_type = PNG_COLOUR_TYPES[1 if pixels.ndim == 2 else pixels.shape[2]]
    rows = np.ascontiguousarray(pixels, dtype=np.uint8).reshape(height, -1)
    scanlines = np.concatenate([np.zeros((height, 1), np.uint8), rows], axis=1)  # each row: filter 0, then pixels
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)  # 8 bits, no interlace
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(scanlines.tobytes(), 1))
        + _chunk(b"IEND", b"")
    )


def data_url(png: bytes) -> str:
    """A PNG as a data: URL, which travels inside the page's own message.

    Every picture of the app goes this way rather than as a Streamlit media file. A media file is shared by
    content and deleted once no session's last run refers to it: a browser that fetched it a moment late (a
    student drawing fast, another session's run ending in between) got a 404, and kept the broken picture when
    the next run showed the same one under the same address. A data URL cannot go missing.
    """
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# ColorBrewer's PuOr, a diverging map made to stay readable with every common kind of colour blindness
# (no red against green): purple for negative, near-white for zero, orange for positive. Its two darkest
# ends are left out, so both sides keep a hue one can name.
NEGATIVE_TO_POSITIVE = (
    *("#542788", "#8073ac", "#b2abd2", "#d8daeb"),
    "#f7f7f7",
    *("#fee0b6", "#fdb863", "#e08214", "#b35806"),
)
SHADES = 255  # colours in the lookup table, from the strongest negative to the strongest positive
MARKED_FROM = 0.35  # negative values at least this far toward the strongest one get a dot (fewer: clutter)
DOTS_FROM_FACTOR = 4  # a dot needs a cell of at least 4 x 4 px to read as a dot
LIGHT = 150  # mean of R, G, B above which a colour is light, so its dot is drawn dark


def _lookup_tables() -> tuple[np.ndarray, np.ndarray]:
    """The map's SHADES colours, and for each the colour of its dot (dark purple on light, white on dark)."""
    stops = np.array([[int(code[i : i + 2], 16) for i in (1, 3, 5)] for code in NEGATIVE_TO_POSITIVE], np.float32)
    positions = np.linspace(0, len(stops) - 1, SHADES)
    colours = np.stack([np.interp(positions, np.arange(len(stops)), stops[:, c]) for c in range(3)], axis=-1)
    colours = colours.round().astype(np.uint8)
    dots = np.where(colours.mean(axis=-1, keepdims=True) > LIGHT, stops[0], 255).astype(np.uint8)
    return colours, dots


COLOURS, DOT_COLOURS = _lookup_tables()


def diverging(values: np.ndarray, size: int, limit: float | None = None) -> np.ndarray:
    """A signed 2-D array as an RGB uint8 picture about `size` px wide, each value a sharp square.

    Purple below zero, white at zero, orange above, full strength at `limit` (default: the largest
    magnitude, so each picture has its own scale). The sign reads without colour too: clearly negative
    cells carry a dot, positive ones are plain (once cells are 4 px or more, big enough for a dot).
    Values that are not numbers (a training whose loss ran off to infinity) show as white.
    """
    values = np.asarray(values, dtype=np.float32)
    values = np.where(np.isfinite(values), values, 0.0)
    limit = float(np.max(np.abs(values))) if limit is None else limit
    scaled = np.clip(values / limit, -1.0, 1.0) if limit > 0 else np.zeros_like(values)
    shade = np.rint((scaled + 1.0) / 2.0 * (SHADES - 1)).astype(np.intp)
    factor = max(1, size // max(values.shape))
    shade = np.repeat(np.repeat(shade, factor, axis=0), factor, axis=1)
    picture = COLOURS[shade]
    if factor >= DOTS_FROM_FACTOR:
        dot_side = max(2, factor // 3)
        start = (factor - dot_side) // 2
        dot = np.zeros((factor, factor), dtype=bool)
        dot[start : start + dot_side, start : start + dot_side] = True
        negative = np.repeat(np.repeat(scaled <= -MARKED_FROM, factor, axis=0), factor, axis=1)
        marked = negative & np.tile(dot, values.shape)
        picture[marked] = DOT_COLOURS[shade[marked]]
    return picture


def diverging_legend(cells: int = 9, cell_size: int = 24) -> np.ndarray:
    """The colour scale itself: the strongest negative at the left, zero in the middle, the strongest positive."""
    return diverging(np.linspace(-1.0, 1.0, cells)[None, :], cells * cell_size, limit=1.0)


def grid(pictures: np.ndarray, columns: int, gap: int = 3, background: int = 255) -> np.ndarray:
    """Same-sized grey uint8 pictures (n, height, width) in rows of `columns`, `gap` px apart: one picture."""
    count, height, width = pictures.shape
    rows = -(-count // columns)
    sheet = np.full((rows * (height + gap) - gap, columns * (width + gap) - gap), background, dtype=np.uint8)
    for index, picture in enumerate(pictures):
        top, left = (index // columns) * (height + gap), (index % columns) * (width + gap)
        sheet[top : top + height, left : left + width] = picture
    return sheet


def stacked(pictures: Sequence[np.ndarray], gap: int) -> np.ndarray:
    """Grey or RGB uint8 pictures one above the other, centred, `gap` px apart, on a transparent background.

    One RGBA picture: a page in a light or a dark theme shows through the gaps.
    """
    width = max(picture.shape[1] for picture in pictures)
    height = sum(picture.shape[0] for picture in pictures) + gap * (len(pictures) - 1)
    sheet = np.zeros((height, width, 4), dtype=np.uint8)
    top = 0
    for picture in pictures:
        rows, columns = picture.shape[:2]
        left = (width - columns) // 2
        sheet[top : top + rows, left : left + columns, :3] = picture if picture.ndim == 3 else picture[..., None]
        sheet[top : top + rows, left : left + columns, 3] = 255
        top += rows + gap
    return sheet


def strongest_region(values: np.ndarray) -> int | None:
    """Where a non-negative array is largest in total, in thirds read like a page: 0 top left .. 8 bottom right.

    For alt text ("strongest at the top right"); None when it is zero everywhere.
    """
    values = np.asarray(values, dtype=np.float64)
    rows, columns = ([0, length // 3, 2 * length // 3] for length in values.shape)
    totals = np.add.reduceat(np.add.reduceat(values, rows, axis=0), columns, axis=1)
    return int(np.argmax(totals)) if totals.max() > 0 else None


def sign_rows(values: np.ndarray, zero_below: float = MARKED_FROM) -> list[str]:
    """Each row of a small signed array as signs, "+ − 0": a filter read without colour (alt text).

    Values within `zero_below` of the largest magnitude from zero count as 0.
    """
    values = np.asarray(values, dtype=np.float32)
    limit = float(np.max(np.abs(values))) or 1.0
    marks = np.where(values >= zero_below * limit, "+", np.where(values <= -zero_below * limit, "\u2212", "0"))
    return [" ".join(row) for row in marks]
