"""Small grey pictures on a page, enlarged with sharp pixels."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from mnist_core.pictures import enlarge


def image_grid(images: Sequence[np.ndarray], captions: Sequence[str], size: int, per_row: int = 10) -> None:
    """Small grey images in rows, each enlarged without blurring, with a caption under it."""
    for start in range(0, len(images), per_row):
        columns = st.columns(per_row)
        for column, image, caption in zip(
            columns, images[start : start + per_row], captions[start : start + per_row], strict=False
        ):
            with column:
                picture(image, size, caption)


def picture(image: np.ndarray, size: int, caption: str | None = None) -> None:
    """One grey image, enlarged with sharp pixels, shown at exactly its enlarged size.

    The explicit width matters: in a row of columns Streamlit otherwise stretches smaller images to
    the row's height, and the browser's smoothing blurs the pixels we want students to see.
    """
    enlarged = enlarge(image, size)
    st.image(enlarged, caption=caption, width=enlarged.shape[1], output_format="PNG")  # JPEG would smear the pixels
