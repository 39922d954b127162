"""Charts on a page: training curves that grow while a model trains, the ten probabilities, matplotlib figures.

The matplotlib figures themselves are made in mnist_core.text.figures (no Streamlit); Vega-Lite charts are drawn here.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from mnist_core.i18n import t
from mnist_core.text.chart_words import batch_words, curve_words, probability_words
from mnist_core.text.pictures import data_url
from mnist_core.text.training import thin

if TYPE_CHECKING:
    from matplotlib.figure import Figure


# Charts are Vega-Lite specs written as plain dicts: Altair builds the same JSON, but validating it took about a
# quarter of the server's time for every stroke on the Draw page (py-spy, 20 students drawing). Their few rows go
# inside a layer of the spec: top-level data would be turned into a pandas frame and an Arrow table every time.


def inline(data: list[dict[str, object]], **chart: object) -> dict[str, object]:
    """A spec whose rows travel inside its one layer."""
    return {"layer": [{"data": {"values": data}, **chart}]}


def history_rows(history: dict[str, list[float]], metric: str) -> list[dict[str, object]]:
    """One metric per epoch, training and validation, in long form (epoch, series, value) for a chart."""
    return [
        {"epoch": epoch, "series": t(f"chart.{series}"), "value": value}
        for series, name in (("train", metric), ("validation", f"val_{metric}"))
        for epoch, value in enumerate(history.get(name, []), start=1)
    ]


def epoch_chart(history: dict[str, list[float]], metric: str) -> None:
    """Training and validation per epoch, with a point on every epoch (one epoch is a point, not nothing).

    Validation is dashed with square points, so the two read apart without colour.
    """
    title = t(f"chart.{metric}")
    series = {"field": "series", "type": "nominal", "title": None}
    spec = {"height": 240, **inline(
        history_rows(history, metric),
        mark={"type": "line", "point": True},
        encoding={
            "x": {"field": "epoch", "type": "quantitative", "title": t("chart.epoch"),
                  "axis": {"tickMinStep": 1, "format": "d"}},
            "y": {"field": "value", "type": "quantitative", "title": title, "scale": {"zero": False}},
            "color": {**series, "legend": {"orient": "bottom"}},
            "shape": {**series, "legend": {"orient": "bottom"}},
            "strokeDash": {**series, "legend": None},
            "tooltip": [
                {"field": "series", "type": "nominal", "title": " "},
                {"field": "epoch", "type": "quantitative", "title": t("chart.epoch")},
                {"field": "value", "type": "quantitative", "title": title, "format": ".4f"},
            ],
        },
    )}  # fmt: skip
    st.markdown(f"**{title}**")
    st.vega_lite_chart(spec=spec)
    st.caption(curve_words(history, metric))  # the chart in words


def live_charts(history: dict[str, list[float]]) -> None:
    """Loss and accuracy per epoch, drawn again from the whole history on every refresh."""
    left, right = st.columns(2)
    with left:
        epoch_chart(history, "loss")
    with right:
        epoch_chart(history, "accuracy")


def batch_trace(points: Sequence[tuple[float, float]]) -> None:
    """The running loss after each group of batches: it moves long before an epoch ends."""
    epoch, loss = t("chart.epoch"), t("chart.loss")
    spec = {"height": 220, **inline(
        [{"epoch": x, "loss": y} for x, y in thin(points)],
        mark={"type": "line"},
        encoding={
            "x": {"field": "epoch", "type": "quantitative", "title": epoch},
            "y": {"field": "loss", "type": "quantitative", "title": loss, "scale": {"zero": False}},
            "tooltip": [
                {"field": "epoch", "type": "quantitative", "title": epoch, "format": ".2f"},
                {"field": "loss", "type": "quantitative", "title": loss, "format": ".4f"},
            ],
        },
    )}  # fmt: skip
    st.markdown(f"**{t('chart.batch_loss')}**")
    st.vega_lite_chart(spec=spec)
    st.caption(f"{batch_words(points)} {t('chart.batch_loss_help')}")


def probability_chart(rows: Sequence[dict[str, object]]) -> None:
    """The ten class probabilities as bars on a fixed 0..1 scale (a 5% bar always looks like 5%)."""
    name, probability = t("draw.chart.class"), t("draw.chart.probability")
    spec = {"height": 220, **inline(
        list(rows),
        mark={"type": "bar"},
        encoding={
            "x": {"field": "class", "type": "nominal", "title": name, "sort": None, "axis": {"labelAngle": 0}},
            # The title sits level above the axis: turned on its side, Korean letters came out too small to read.
            "y": {"field": "probability", "type": "quantitative", "title": probability, "scale": {"domain": [0, 1]},
                  "axis": {"format": "%", "titleAngle": 0, "titleAlign": "left", "titleX": -30, "titleY": -12,
                           "titleFontSize": 14}},
            "tooltip": [
                {"field": "class", "type": "nominal", "title": name},
                {"field": "probability", "type": "quantitative", "title": probability, "format": ".1%"},
            ],
        },
    )}  # fmt: skip
    st.vega_lite_chart(spec=spec)
    st.caption(probability_words(rows))


def pyplot(figure: Figure, alt: str) -> None:
    """A matplotlib figure as a PNG inside the page's message (a data URL, never a media file that can go missing)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    st.image(data_url(buffer.getvalue()), alt=alt)
