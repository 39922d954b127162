"""The drawing canvas's picture, read safely: whatever a browser (or a crafted message) sends."""

from __future__ import annotations

import binascii

import numpy as np

from mnist_core.canvas_png import UnreadableDrawing, decode_canvas_png


def canvas_pixels(canvas) -> np.ndarray | None:
    """The canvas's drawing as RGBA pixels; None before the first stroke; UnreadableDrawing for anything else.

    `canvas.image_data` would hand any PNG to Pillow, however large: the bytes are checked first.
    """
    try:
        data = canvas.image_bytes  # base64 undone; not decoded as an image
    except (ValueError, binascii.Error, TypeError) as error:  # not a data URL, or not base64
        raise UnreadableDrawing(f"not a picture ({type(error).__name__})") from error
    return None if data is None else decode_canvas_png(data)
