"""Inside the network: the Draw page's look at the layers, and the Train page's weights as they form.

Weights are signed, so they are drawn in a colour-blind-safe diverging map (mnist_core.text.pictures.diverging:
purple negative with a dot, white zero, orange positive) beside a legend; feature maps are never negative
(relu), so they are grey like the drawing, white where a filter responds. Every picture has alt text that
says what it shows, in words and signs.

The Draw page redraws this section on every stroke, so it is built to be cheap (bench/inside_cost.py):
each group of pictures is one element, weight pictures are made once and kept, and feature maps go at
their own size for the browser to enlarge with sharp pixels.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import streamlit as st

from mnist_core.i18n import t
from mnist_core.reading.inside import ConvolutionView, DenseView, InsideView, Push, is_unit_snapshot
from mnist_core.text import pictures
from mnist_core.text.inside_words import region_name, where_words
from ui.widgets import lesson

WEIGHTS_SIZE = 112  # px for a 28x28 weight picture: 4 px a weight, room for the negative sign's dot
FILTER_SIZE = 60  # px for a 3x3 filter on the Train page: 20 px a weight
# A filter above its 26x26 feature map, made at 1 px a map pixel (the filter 8 px a weight, just room for a
# dot) and shown 3 times as large.
TILE_FILTER_SIZE = 24
TILE_SCALE = 3
SECOND_MAP_COLUMNS = 8
SIGNED_PICTURES_KEPT = 1024  # every unit of a 1000-unit model; about 8 KB each with its key: 8 MB at most
FILTER_SETS_KEPT = 8  # one set of conv1 filters per model in use


def inside_network(view: InsideView | None) -> None:
    """The Draw page's 'Inside the network' section for one drawing, in a container keyed `inside-network`.

    Nothing without a view (Reading.inside is None for an unreadable drawing or a model built elsewhere).
    """
    if view is None:
        return
    with st.container(key="inside-network"):
        st.subheader(t("inside.title"))
        if isinstance(view, DenseView):
            _dense(view)
        else:
            _convolutional(view)


def weights_live(snapshots: Sequence[tuple[int, np.ndarray]], key: str, live: bool = False) -> None:
    """The Train page's 'Watch the weights form', in a container keyed `weights-live`.

    `snapshots`: (epochs done, mnist_core.reading.inside.weight_snapshot) pairs, oldest first. While the training
    runs (`live`), the newest is shown; afterwards an epoch slider (keyed `key`) goes back through them.
    """
    with st.container(key="weights-live"):
        st.markdown(f"**{t('weights.title')}**")
        if not snapshots:
            st.caption(t("weights.waiting"))
            return
        units = is_unit_snapshot(snapshots[0][1])
        count = len(snapshots[0][1])
        st.caption(t("weights.units_help", count=count) if units else t("weights.filters_help", count=count))
        _legend()
        by_epoch = dict(snapshots)
        epoch = snapshots[-1][0]
        if not live and len(by_epoch) > 1:
            epoch = st.select_slider(t("weights.epoch"), options=list(by_epoch), value=epoch, key=key)
        when = t("weights.before") if epoch == 0 else t("weights.after", epoch=epoch)
        st.caption(when)
        _snapshot(by_epoch[epoch], when, units)


def _snapshot(weights: np.ndarray, when: str, units: bool) -> None:
    """One epoch's weights: the hidden units' 28x28 pictures, or conv1's 3x3 filters."""
    numbered = list(enumerate(weights, start=1))
    if units:
        alts = [t("weights.unit_alt", when=when, unit=number, where=_where(unit)) for number, unit in numbered]
        captions = [t("weights.unit", unit=number) for number, _ in numbered]
        _pictures([_signed_png(unit, WEIGHTS_SIZE) for unit in weights], alts, captions)
    else:
        alts = [t("weights.filter_alt", when=when, number=number, rows=_rows(kernel)) for number, kernel in numbered]
        captions = [t("inside.filter", number=number) for number, _ in numbered]
        _pictures([_signed_png(kernel, FILTER_SIZE) for kernel in weights], alts, captions)


def _dense(view: DenseView) -> None:
    st.caption(t("inside.dense_help"))
    _legend()
    st.markdown(f"**{t('inside.units_title', count=len(view.units))}**")
    _pictures(
        [_signed_png(unit.weights, WEIGHTS_SIZE) for unit in view.units],
        [
            t("inside.unit_alt", unit=unit.index + 1, activation=unit.activation, where=_where(unit.weights))
            for unit in view.units
        ],
        [t("inside.unit", unit=unit.index + 1, activation=unit.activation) for unit in view.units],
    )
    answer, runner_up = view.answer, view.runner_up
    _pushers(answer, t("inside.toward_answer", label=answer.label, probability=_percent(answer.probability)))
    _pushers(
        runner_up, t("inside.toward_runner_up", label=runner_up.label, probability=_percent(runner_up.probability))
    )
    st.caption(t("inside.push_help"))
    lesson(t("learn.hidden.title"), t("learn.hidden.body"))


def _pushers(push: Push, title: str) -> None:
    """The units that add most to one digit's score, each with what it adds."""
    st.markdown(f"**{title}**")
    pairs = list(zip(push.units, push.amounts, strict=True))
    _pictures(
        [_signed_png(unit.weights, WEIGHTS_SIZE) for unit, _ in pairs],
        [
            t("inside.push_alt", unit=unit.index + 1, amount=amount, label=push.label, where=_where(unit.weights))
            for unit, amount in pairs
        ],
        [t("inside.push", unit=unit.index + 1, amount=amount) for unit, amount in pairs],
    )


def _convolutional(view: ConvolutionView) -> None:
    st.caption(t("inside.cnn_help"))
    _legend()
    st.markdown(f"**{t('inside.first_title', count=len(view.filters))}**")
    st.caption(t("inside.first_help"))
    maps = pictures.grey(view.first_maps / (float(view.first_maps.max()) or 1.0))  # one scale: weak maps look weak
    filters, signs = _filter_pictures(view.filters)
    tiles, alts = [], []
    for number, (kernel, rows, feature_map) in enumerate(zip(filters, signs, maps, strict=True), start=1):
        tiles.append(pictures.png_bytes(pictures.stacked([kernel, feature_map], gap=2)))
        where = region_name(pictures.strongest_region(feature_map))
        found = t("inside.map_alt", number=number, where=where) if where else t("inside.map_silent_alt", number=number)
        alts.append(f"{t('inside.filter_alt', number=number, rows=rows)} {found}")
    captions = [t("inside.filter", number=number) for number in range(1, len(tiles) + 1)]
    _pictures(tiles, alts, captions, width=_width(tiles[0]) * TILE_SCALE)
    lesson(t("learn.first_layer.title"), t("learn.first_layer.body"))

    second = view.second_maps
    st.markdown(f"**{t('inside.second_title', count=len(second))}**")
    st.caption(t("inside.second_help"))
    grid = pictures.grid(pictures.grey(second / (float(second.max()) or 1.0)), SECOND_MAP_COLUMNS, gap=1)
    active = int((second.reshape(len(second), -1).max(axis=1) > 0).sum())
    alt = t("inside.second_alt", count=len(second), columns=SECOND_MAP_COLUMNS, active=active)
    _pictures([pictures.png_bytes(grid)], [alt], width=grid.shape[1] * TILE_SCALE)
    lesson(t("learn.second_layer.title"), t("learn.second_layer.body"))


def _pictures(
    pngs: Sequence[bytes],
    alts: Sequence[str],
    captions: Sequence[str] | None = None,
    width: int | None = None,
) -> None:
    """Same-sized PNG pictures side by side, wrapping onto more rows on a narrow screen: one element for them all.

    One st.image with a list costs about half as much as an st.image each (ui/layout.py spaces them, keeps them
    sharp).
    Every picture travels inside the page's message, as a data URL (mnist_core.text.pictures.data_url says why).
    """
    images = [pictures.data_url(png) for png in pngs]
    st.image(images, caption=captions, width=width or _width(pngs[0]), output_format="PNG", alt=list(alts))


def _width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")  # a PNG's width sits at bytes 16-19 of its header


def _percent(probability: float) -> str:
    return f"{probability:.0%}" if probability >= 0.01 else "< 1%"  # a runner-up is often far below 1%


def _kept(maxsize: int):
    """Keep what a function of (array, *args) returns, by the array's contents, for every session.

    The same units and filters come back stroke after stroke. The key is the array's bytes: hashing a few
    KB of bytes takes microseconds (st.cache_data's hashing of an array took about a millisecond here).
    What is kept is shared, so it is never changed.
    """

    def keep(function):
        @functools.lru_cache(maxsize=maxsize)
        def by_contents(data: bytes, dtype: str, shape: tuple[int, ...], *args):
            return function(np.frombuffer(data, dtype=dtype).reshape(shape), *args)

        @functools.wraps(function)
        def kept(array: np.ndarray, *args):
            array = np.asarray(array)
            return by_contents(array.tobytes(), array.dtype.str, array.shape, *args)

        return kept

    return keep


@_kept(SIGNED_PICTURES_KEPT)
def _signed_png(weights: np.ndarray, size: int) -> bytes:
    """A weight picture as PNG, made once."""
    return pictures.png_bytes(pictures.diverging(weights, size))


@_kept(FILTER_SETS_KEPT)
def _filter_pictures(filters: np.ndarray) -> tuple[tuple[np.ndarray, ...], tuple[str, ...]]:
    """conv1's filters as small pictures for the tiles, and each one's rows as signs."""
    return tuple(pictures.diverging(kernel, TILE_FILTER_SIZE) for kernel in filters), tuple(map(_rows, filters))


def _legend() -> None:
    st.image(pictures.data_url(_legend_png()), caption=t("inside.legend"), alt=t("inside.legend_alt"))


@functools.cache
def _legend_png() -> bytes:
    return pictures.png_bytes(pictures.diverging_legend())


def _rows(kernel: np.ndarray) -> str:
    return "; ".join(pictures.sign_rows(kernel))


def _where(weights: np.ndarray) -> str:
    """Where a weight picture is most positive and most negative, in words."""
    return where_words(*_strongest_regions(weights))


@_kept(SIGNED_PICTURES_KEPT)
def _strongest_regions(weights: np.ndarray) -> tuple[int | None, int | None]:
    """Where the positive and the negative weights are strongest (mnist_core.text.pictures.strongest_region)."""
    weights = weights.astype(np.float32)
    return pictures.strongest_region(np.clip(weights, 0, None)), pictures.strongest_region(np.clip(-weights, 0, None))
