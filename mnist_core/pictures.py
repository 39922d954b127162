"""Pictures made from arrays: small grey images enlarged so each pixel shows as a sharp square.

Plain numpy and Pillow (no Streamlit), so the pages, the tests and the benchmarks make pictures alike.
"""

from __future__ import annotations

import numpy as np
from PIL import Image


def enlarge(image: np.ndarray, size: int) -> np.ndarray:
    """A grey image (float 0..1 or uint8) as uint8, scaled so its longer side is about `size` px.

    Small images grow by a whole factor with nearest neighbour, so each pixel shows as a sharp square
    (a browser's smooth scaling would blur exactly what we want students to see). Large ones shrink
    by averaging, so thin strokes stay visible.
    """
    pixels = np.asarray(image)
    if pixels.dtype != np.uint8:
        pixels = (np.clip(pixels, 0.0, 1.0) * 255).round().astype(np.uint8)
    height, width = pixels.shape[:2]
    longest = max(height, width)
    if longest <= size:
        factor = max(1, size // longest)
        return np.kron(pixels, np.ones((factor, factor), dtype=np.uint8))
    scale = size / longest
    new_size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(Image.fromarray(pixels).resize(new_size, Image.Resampling.BOX))
