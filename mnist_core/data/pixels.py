"""The tutorial's one pixel rule: images are uint8 0..255 on disk and float 0..1 in a network."""

from __future__ import annotations

import numpy as np


def scale_images(images: np.ndarray) -> np.ndarray:
    """uint8 pixels 0..255 -> float32 0..1 (float32 rather than float64: half the memory, faster)."""
    return images.astype(np.float32) / np.float32(255.0)
