"""The inside of the network in words: where a weight picture or a feature map is strongest.

Pictures of weights and feature maps are drawn in colour; these sentences say the same for a screen reader and for
anyone who cannot tell the colours apart. The regions come from mnist_core.text.pictures.strongest_region.
"""

from __future__ import annotations

import functools

from mnist_core.i18n import current_language, t

# strongest_region numbers a picture's nine regions row by row, from the top left.
REGION_KEYS: tuple[str, ...] = (
    "inside.region.top_left",
    "inside.region.top",
    "inside.region.top_right",
    "inside.region.left",
    "inside.region.middle",
    "inside.region.right",
    "inside.region.bottom_left",
    "inside.region.bottom",
    "inside.region.bottom_right",
)


def region_name(region: int | None) -> str | None:
    """A region of a picture in words, in the current language; None for no region."""
    return None if region is None else _region_names(current_language())[region]


def where_words(positive: int | None, negative: int | None) -> str:
    """Where a weight picture is most positive and most negative, in words."""
    return t(
        "inside.where",
        positive=region_name(positive) or t("inside.nowhere"),
        negative=region_name(negative) or t("inside.nowhere"),
    )


@functools.cache  # looked up for every tile of every refresh
def _region_names(language: str) -> tuple[str, ...]:
    return tuple(t(key, lang=language) for key in REGION_KEYS)
