"""The drawing canvas, and its drawing read safely: whatever a browser (or a crafted message) sends."""

from __future__ import annotations

import binascii

import numpy as np

from mnist_core import limits
from mnist_core.reading.canvas_png import UnreadableDrawing, decode_canvas_png


def drawing_canvas(key: str) -> tuple[np.ndarray | None, dict | None]:
    """The canvas; its drawing as RGBA pixels (None before the first stroke) and its strokes (fabric.js JSON).

    Always 280 x 280 with the 20 px brush, on every screen, so a drawing is read the same everywhere. The value the
    canvas sends back can be anything a script puts in a websocket message: a value of another shape (st_canvas
    parses it without checks) or a picture that is not a canvas PNG raises UnreadableDrawing. `canvas.image_data`
    would hand any PNG to Pillow, however large: the bytes are checked first.
    """
    # Imported here: importing the package registers its component, which needs a running app (and `import ui`
    # must change nothing).
    from streamlit_drawable_canvas import st_canvas

    try:
        canvas = st_canvas(
            background_color="#000000",
            stroke_color="#FFFFFF",
            stroke_width=limits.STROKE_WIDTH,
            height=limits.CANVAS_SIZE,
            width=limits.CANVAS_SIZE,
            drawing_mode="freedraw",
            return_image_data=True,
            key=key,
        )
        data = canvas.image_bytes  # base64 undone; not decoded as an image
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error) as error:  # not a canvas's value
        raise UnreadableDrawing(f"not a drawing ({type(error).__name__})") from error
    strokes = canvas.json_data if isinstance(canvas.json_data, dict) else None
    return (None if data is None else decode_canvas_png(data)), strokes
