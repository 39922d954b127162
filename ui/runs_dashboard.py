"""The Class page's runs dashboard: every run of the class on one chart, refreshed by itself like the board.

One point per run: test accuracy against epochs or training time. Colour and shape both show the model and the
optimizer; the tutorial's 98.04% is a dashed line. Clicking a point shows that run's settings, curves and owner.
Beside the chart, in words: who beat the tutorial and the best run of each model; below it, every point as a table.
Names only when the teacher shows them. Which runs, which category, which is best: mnist_core.classroom.dashboard;
the words: mnist_core.text.dashboard.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from mnist_core.classroom.dashboard import TUTORIAL_ACCURACY, category, class_runs
from mnist_core.i18n import t
from mnist_core.runs.store import RunRecord
from mnist_core.text import dashboard as words
from mnist_core.text.formats import percent
from ui import charts
from ui.class_views import REFRESH_SECONDS
from ui.session import timezone
from ui.shared import class_settings, run_store

DASHBOARD_KEY = "runs-dashboard"
CHART_KEY = "runs-dashboard-chart"
AXIS_KEY = "runs-dashboard-axis"
PICK = "pick"  # the chart's point selection
AXES = ("epochs", "seconds")


def runs_dashboard() -> None:
    """The dashboard, refreshed every few seconds: a run finished anywhere in the class appears by itself."""
    st.fragment(_dashboard, run_every=REFRESH_SECONDS)()


def _dashboard() -> None:
    show_names = class_settings().show_names  # read on every refresh: the teacher's switch takes effect at once
    records = class_runs(run_store().list())
    with st.container(key=DASHBOARD_KEY):
        st.subheader(t("dashboard.title"))
        st.caption(t("dashboard.help"))
        if not records:
            st.info(t("dashboard.none"), icon=":material/info:")
            return
        axis = st.radio(t("dashboard.axis"), AXES, format_func=_axis_name, horizontal=True, key=AXIS_KEY)
        by_time = axis == "seconds"
        chart, beside = st.columns([3, 2], gap="medium")
        with chart:
            event = st.vega_lite_chart(
                _spec(records, show_names, by_time),
                key=CHART_KEY,
                on_select="rerun",
                selection_mode=PICK,
                alt=words.chart_alt(records, show_names, by_time),
            )
        with beside:
            st.markdown(words.summary(records))
            st.markdown(f"**{t('dashboard.beat.title')}** {words.beat_sentence(records, show_names)}")
        st.markdown(f"**{t('dashboard.best.title')}**")  # the whole width: seven columns
        _table(words.best_rows(records, show_names), t("dashboard.best.title"))
        with st.expander(t("dashboard.every")):
            _table(words.every_row(records, show_names), t("dashboard.every"))
        chosen = _chosen(event, records)
        if chosen is None:
            st.caption(t("dashboard.click"))
        else:
            _details(chosen, show_names)


def _axis_name(axis: str) -> str:
    return t("dashboard.axis.seconds") if axis == "seconds" else t("dashboard.axis.epochs")


def _spec(records: Sequence[RunRecord], show_names: bool, by_time: bool) -> dict[str, object]:
    """A Vega-Lite spec as plain data (as ui/charts.py writes them): the points, the tutorial's line and its label."""
    present = sorted({category(record) for record in records}, key=lambda chosen: chosen.index)
    legend = {
        "field": "category",
        "type": "nominal",
        "title": t("dashboard.legend"),
        # A thin outline on the legend's symbols too: the default one hides the colour of a small symbol.
        "legend": {"orient": "bottom", "columns": 3, "symbolStrokeWidth": 0.8, "symbolSize": 160},
    }
    domain = [words.category_name(chosen) for chosen in present]
    x_title = t("dashboard.axis.seconds") if by_time else t("dashboard.axis.epochs")
    x_axis = {} if by_time else {"tickMinStep": 1, "format": "d"}
    accuracy = {"field": "accuracy", "type": "quantitative"}
    tutorial = [{"accuracy": TUTORIAL_ACCURACY}]
    points = {
        "data": {"values": words.point_rows(records, show_names)},
        "params": [{"name": PICK, "select": {"type": "point", "fields": ["run"], "toggle": False}}],
        "mark": {"type": "point", "filled": True, "stroke": "#000000", "strokeWidth": 0.8, "cursor": "pointer"},
        "encoding": {
            "x": {"field": "seconds" if by_time else "epochs", "type": "quantitative", "title": x_title,
                  "axis": x_axis},
            "y": {**accuracy, "title": t("runs.col.accuracy"), "scale": {"zero": False}, "axis": {"format": ".1%"}},
            "color": {**legend, "scale": {"domain": domain, "range": [chosen.colour for chosen in present]}},
            "shape": {**legend, "scale": {"domain": domain, "range": [chosen.shape for chosen in present]}},
            "size": {"condition": {"param": PICK, "empty": False, "value": 320}, "value": 140},
            "opacity": {"condition": {"param": PICK, "value": 1.0}, "value": 0.35},
            "tooltip": [
                {"field": "who", "title": t("runs.col.who")},
                {"field": "model", "title": t("runs.col.model")},
                {"field": "learning", "title": t("runs.col.learning")},
                {"field": "epochs", "title": t("dashboard.axis.epochs")},
                {"field": "seconds", "title": t("dashboard.axis.seconds")},
                {"field": "accuracy", "title": t("runs.col.accuracy"), "format": ".2%"},
            ],
        },
    }  # fmt: skip
    line = {
        "data": {"values": tutorial},
        "mark": {"type": "rule", "strokeDash": [6, 4], "color": "#444444", "strokeWidth": 1.5},
        "encoding": {"y": accuracy},
    }
    label = {
        "data": {"values": tutorial},
        "mark": {"type": "text", "align": "left", "baseline": "bottom", "dx": 4, "dy": -3, "color": "#333333"},
        "encoding": {
            "y": accuracy,
            "x": {"value": 0},
            "text": {"value": t("dashboard.tutorial_line", accuracy=percent(TUTORIAL_ACCURACY))},
        },
    }
    return {"height": 360, "layer": [points, line, label]}


def _chosen(event: object, records: Sequence[RunRecord]) -> RunRecord | None:
    """The run of the point clicked, if it is still on the chart. The event is a mapping (VegaLiteState is one):
    {"selection": {"pick": [{"run": ...}]}}."""
    try:
        picked = event["selection"][PICK]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not isinstance(picked, list) or not picked or not isinstance(picked[0], dict):
        return None
    run_id = picked[0].get("run")
    return next((record for record in records if record.id == run_id), None)


def _details(record: RunRecord, show_names: bool) -> None:
    """The run clicked: its settings and results in a table, and its curves."""
    with st.container(key="runs-dashboard-chosen"):
        st.markdown(f"**{t('dashboard.chosen')}** {words.point_label(record, show_names)}")
        rows = words.details(record, show_names, timezone())
        st.table(
            pd.DataFrame(
                [[_plain(value) for value in row] for row in rows],
                columns=[t("dashboard.col.what"), t("dashboard.col.value")],
            ),
            hide_index=True,
            alt=t("dashboard.chosen"),
        )
        loss, accuracy = st.columns(2)
        with loss:
            charts.epoch_chart(record.history, "loss")
        with accuracy:
            charts.epoch_chart(record.history, "accuracy")


def _table(rows: list[list[object]], alt: str) -> None:
    frame = pd.DataFrame([[_plain(value) for value in row] for row in rows], columns=words.table_columns())
    st.table(frame, hide_index=True, alt=alt)


def _plain(value: object) -> object:
    """A cell as plain text: st.table reads Markdown, and a name may hold "_"."""
    return value.replace("_", "\\_") if isinstance(value, str) else value
