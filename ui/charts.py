"""Charts on a page: training curves that grow while a model trains, the ten probabilities, matplotlib figures.

The matplotlib figures themselves are made in mnist_core.figures (no Streamlit); Altair charts are drawn here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from mnist_core import presentation as view
from mnist_core.i18n import t

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def history_frame(history: dict[str, list[float]], metric: str) -> pd.DataFrame:
    """One metric per epoch, training and validation, in long form (epoch, series, value) for a chart."""
    rows = [
        {"epoch": epoch, "series": t(f"chart.{series}"), "value": value}
        for series, name in (("train", metric), ("validation", f"val_{metric}"))
        for epoch, value in enumerate(history.get(name, []), start=1)
    ]
    return pd.DataFrame(rows, columns=["epoch", "series", "value"])


def epoch_chart(history: dict[str, list[float]], metric: str) -> None:
    """Training and validation per epoch, with a point on every epoch (one epoch is a point, not nothing).

    Validation is dashed with square points, so the two read apart without colour.
    """
    import altair as alt

    frame = history_frame(history, metric)
    title = t(f"chart.{metric}")
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("epoch:Q", title=t("chart.epoch"), axis=alt.Axis(tickMinStep=1, format="d")),
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
            shape=alt.Shape("series:N", title=None, legend=alt.Legend(orient="bottom")),
            strokeDash=alt.StrokeDash("series:N", title=None, legend=None),
            tooltip=[
                alt.Tooltip("series:N", title=" "),
                alt.Tooltip("epoch:Q", title=t("chart.epoch")),
                alt.Tooltip("value:Q", title=title, format=".4f"),
            ],
        )
        .properties(height=240)
    )
    st.markdown(f"**{title}**")
    st.altair_chart(chart)


def live_charts(history: dict[str, list[float]]) -> None:
    """Loss and accuracy per epoch, drawn again from the whole history on every refresh."""
    left, right = st.columns(2)
    with left:
        epoch_chart(history, "loss")
    with right:
        epoch_chart(history, "accuracy")


def batch_trace(points: Sequence[tuple[float, float]]) -> None:
    """The running loss after each group of batches: it moves long before an epoch ends."""
    thinned = view.thin(points)
    frame = pd.DataFrame(thinned, columns=[t("chart.epoch"), t("chart.loss")])
    st.markdown(f"**{t('chart.batch_loss')}**")
    st.line_chart(frame, x=t("chart.epoch"), y=t("chart.loss"), height=220)
    st.caption(t("chart.batch_loss_help"))


def probability_chart(rows: Sequence[dict[str, object]]) -> None:
    """The ten class probabilities as bars on a fixed 0..1 scale (a 5% bar always looks like 5%)."""
    import altair as alt

    frame = pd.DataFrame(rows)
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("class:N", title=t("draw.chart.class"), sort=None, axis=alt.Axis(labelAngle=0)),
            # The title sits level above the axis: turned on its side, Korean letters came out too small to read.
            y=alt.Y(
                "probability:Q",
                title=t("draw.chart.probability"),
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", titleAngle=0, titleAlign="left", titleX=-30, titleY=-12, titleFontSize=14),
            ),
            tooltip=[
                alt.Tooltip("class:N", title=t("draw.chart.class")),
                alt.Tooltip("probability:Q", title=t("draw.chart.probability"), format=".1%"),
            ],
        )
        .properties(height=220)
    )
    st.altair_chart(chart)


def pyplot(figure: Figure, alt: str) -> None:
    st.pyplot(figure, alt=alt)
