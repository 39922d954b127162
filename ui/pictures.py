"""Small grey pictures on a page, enlarged with sharp pixels, in rows that wrap on narrow screens."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from mnist_core.pictures import data_url, enlarge, png_bytes

GAP = 16  # px between pictures: Streamlit's "small" gap


def picture_row(key: str, width: int | None = None) -> DeltaGenerator:
    """A row of pictures that wraps onto more rows when it runs out of room, at most `width` px wide.

    Each picture keeps its size, so none is squeezed onto another or onto its caption. A screen with 2 or 3
    device pixels per CSS pixel enlarges the pictures again: ui/layout.py keeps those pixels sharp squares too.
    """
    return st.container(horizontal=True, wrap=True, gap="small", width=width or "stretch", key=f"pictures-{key}")


def image_grid(
    images: Sequence[np.ndarray], captions: Sequence[str], size: int, per_row: int = 10, *, key: str
) -> None:
    """Small grey images, each enlarged to `size` px without blurring and captioned, `per_row` to a row at most
    (fewer on a narrow screen)."""
    with picture_row(key, width=per_row * (size + GAP) - GAP):
        for image, caption in zip(images, captions, strict=True):
            picture(image, size, caption)


def picture(image: np.ndarray, size: int, caption: str | None = None) -> None:
    """One grey image, enlarged with sharp pixels, shown at exactly its enlarged size.

    The explicit width matters: Streamlit otherwise stretches a small image to the space around it, and the
    browser's smoothing blurs the pixels we want students to see. PNG, as a data URL (see data_url): JPEG would
    smear the pixels.
    """
    enlarged = enlarge(image, size)
    st.image(data_url(png_bytes(enlarged)), caption=caption, width=enlarged.shape[1])
