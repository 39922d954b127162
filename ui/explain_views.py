"""Where the network looked (issue #32), on the Draw page: in its per-stroke fragment, one forward and one backward
pass in numpy (about 2 ms, mnist_core/reading/explain.py) and three small pictures, only for a readable drawing (the
reading beside it already says what is wrong).

The map of what it learned is in map_views.py, fooling the network in fool_views.py.
"""

from __future__ import annotations

import functools

import numpy as np
import streamlit as st

from mnist_core.errors import Refusal, RunError
from mnist_core.i18n import t
from mnist_core.model.network import Network
from mnist_core.reading.explain import why_this_and_not_that
from mnist_core.reading.predict import Reading
from mnist_core.text import explain_words as words
from mnist_core.text.alt_text import input_alt
from mnist_core.text.pictures import data_url, diverging, diverging_legend, png_bytes
from ui.pictures import pictures
from ui.widgets import lesson

SIZE = 168  # px for each 28 x 28 picture (28 x 6: a dot marks a negative pixel from 4 px a pixel up)
LIMIT_PERCENTILE = 98  # of the heat maps' magnitudes: full colour from there on (shared_limit)


def where_it_looked(network: Network, reading: Reading | None) -> None:
    """The answer's heat map and the runner-up's beside the input, in words too; nothing for an unreadable drawing."""
    if reading is None or not reading.prepared.ok:
        return
    try:
        where = why_this_and_not_that(network, reading)
    except Refusal:  # the canvas's own rules, on the 28 x 28 image: the reading side has said it already
        return
    except RunError:  # a network with a layer the backward pass does not know (UnsupportedNetwork)
        st.caption(t("why.where.unsupported"))
        return
    answer, runner_up = where.answer, where.runner_up
    limit = shared_limit(answer.values, runner_up.values)
    with st.container(key="where-it-looked"):
        st.subheader(t("why.where.title"))
        st.caption(t("why.where.help"))
        pictures(
            [where.image, diverging(answer.values, SIZE, limit), diverging(runner_up.values, SIZE, limit)],
            SIZE,
            [t("why.where.input"), words.where_caption(answer, True), words.where_caption(runner_up, False)],
            alts=[
                input_alt(str(answer.digit), answer.probability),
                words.where_alt(answer),
                words.where_alt(runner_up),
            ],
            key="where-maps",
        )
        _legend()
        for line in words.where_summary(where):
            st.markdown(line)
        lesson(t("learn.where.title"), t("learn.where.body"))


def shared_limit(*maps: np.ndarray) -> float:
    """Full colour from this magnitude on, for all the maps: one scale, so the runner-up's weaker evidence looks
    weaker. Not the largest value: one pixel would take the whole scale and leave the rest pale; from the 98th
    percentile of the pixels that speak at all, the strokes that matter show in strong colour."""
    magnitudes = np.abs(np.concatenate([np.ravel(values) for values in maps]))
    speaking = magnitudes[magnitudes > 0]
    return float(np.percentile(speaking, LIMIT_PERCENTILE)) if len(speaking) else 0.0


def _legend() -> None:
    st.image(data_url(_legend_png()), caption=t("why.where.legend"), alt=t("why.where.legend_alt"))


@functools.cache
def _legend_png() -> bytes:
    return png_bytes(diverging_legend())
