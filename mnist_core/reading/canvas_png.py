"""Read the picture the drawing canvas sends, without trusting it.

The canvas sends its drawing as a PNG inside the websocket message, and anyone can send any bytes there. A
12,000 x 12,000 PNG of 774 KB took 20 s and 1.1 GB of the server to decode, for every student at once.
So before anything is decoded, the bytes are checked: their size, the PNG signature, and the width, height,
bit depth and colour type in its header, which must fit the canvas (its size times a generous device pixel
ratio). Anything else is an UnreadableDrawing and costs the server next to nothing.
"""

from __future__ import annotations

import io
import struct

import numpy as np
from PIL import Image

from mnist_core.errors import UnreadableDrawing
from mnist_core.limits import CANVAS_SIZE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A phone's screen has up to 3 device pixels per CSS pixel (some 3.5): the canvas may send 280 x 4 = 1,120 px.
MAX_PIXEL_RATIO = 4
MAX_SIDE = CANVAS_SIZE * MAX_PIXEL_RATIO
# A 1,120 px canvas of white strokes on black compresses to well under 1 MB; a noisy one to about 5 MB.
MAX_BYTES = 8 * 2**20
# Colour types and bit depths a PNG writer may use for a drawing: RGBA (what browsers write), RGB, grey and
# grey with alpha at 8 bits, and grey or palette at 1 to 8. Not 16 bits: no canvas writes it.
BIT_DEPTHS = {0: {1, 2, 4, 8}, 2: {8}, 3: {1, 2, 4, 8}, 4: {8}, 6: {8}}


def decode_canvas_png(data: bytes) -> np.ndarray:
    """The drawing as an (H, W, 4) uint8 RGBA array, or UnreadableDrawing before any costly decoding."""
    if len(data) > MAX_BYTES:
        raise UnreadableDrawing(f"{len(data)} bytes: more than any canvas sends")
    width, height = _checked_header(data)
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            if image.size != (width, height):
                raise UnreadableDrawing("the header and the image disagree on the size")
            return np.asarray(image.convert("RGBA"))
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:  # truncated, corrupt
        raise UnreadableDrawing(f"not a readable PNG ({type(error).__name__})") from error


def _checked_header(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk, which must come first and describe a canvas-sized image."""
    if not data.startswith(PNG_SIGNATURE) or len(data) < 33:
        raise UnreadableDrawing("not a PNG")
    length, kind = struct.unpack(">I4s", data[8:16])
    if kind != b"IHDR" or length != 13:
        raise UnreadableDrawing("a PNG without its header first")
    width, height, bit_depth, colour_type = struct.unpack(">IIBB", data[16:26])
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        raise UnreadableDrawing(f"{width} x {height} px: larger than any canvas")
    if bit_depth not in BIT_DEPTHS.get(colour_type, ()):
        raise UnreadableDrawing(f"colour type {colour_type} at {bit_depth} bits: not what a canvas writes")
    return width, height
