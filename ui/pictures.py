"""Small grey pictures on a page, enlarged with sharp pixels, in rows that wrap on narrow screens."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from mnist_core.text.pictures import data_url, enlarge, png_bytes
from ui.layout import PICTURE_GAP


def pictures(
    images: Sequence[np.ndarray],
    sizes: int | Sequence[int],
    captions: Sequence[str],
    *,
    alts: Sequence[str],
    key: str,
    width: int | None = None,
) -> None:
    """Grey images, each enlarged to its size (one for all, or one each) without blurring and captioned, in a row
    that wraps onto more rows when it runs out of room, at most `width` px wide.

    `alts`: each picture's text alternative, what it shows in words (mnist_core.text.alt_text), for screen readers.

    One st.image with a list: one element and one message for them all (an st.image each cost the Draw page six
    messages on every stroke). Each picture is shown at exactly its enlarged size, with its pixels as sharp
    squares, also on a screen of 2 or 3 device pixels per CSS pixel: ui/layout.py sees to that for the keyed
    container ("pictures-KEY"). PNG, as a data URL (see data_url): JPEG would smear the pixels.
    """
    sizes = [sizes] * len(images) if isinstance(sizes, int) else sizes
    enlarged = [enlarge(image, size) for image, size in zip(images, sizes, strict=True)]
    with st.container(width=width or "stretch", key=f"pictures-{key}"):
        st.image(
            [data_url(png_bytes(picture)) for picture in enlarged],
            caption=list(captions),
            width="content",
            alt=list(alts),
        )


def image_grid(
    images: Sequence[np.ndarray],
    captions: Sequence[str],
    size: int,
    per_row: int = 10,
    *,
    alts: Sequence[str],
    key: str,
) -> None:
    """Small grey images, each enlarged to `size` px, captioned and described (`alts`), `per_row` to a row at most
    (fewer on a narrow screen)."""
    pictures(images, size, captions, alts=alts, key=key, width=per_row * (size + PICTURE_GAP) - PICTURE_GAP)
