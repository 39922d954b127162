"""The small Streamlit glue the pages share: one of each shared object, the data set choice, pictures, charts.

Shared objects live in st.cache_resource, so every session on the server uses the same run store, the
same training queue (which is what caps trainings at a few at a time) and the same loaded models. Each is
keyed by the runs folder, so tests with different folders never see each other's objects.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx, script_runner

from mnist_core import config, datasets, i18n
from mnist_core import presentation as view
from mnist_core.evaluation import Evaluation, evaluate
from mnist_core.i18n import t
from mnist_core.jobs import TrainingQueue
from mnist_core.predict import Predictor
from mnist_core.quick_training import SharedTraining
from mnist_core.runs import RunRecord, RunStore

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DATASET_KEY = "dataset"  # the sidebar choice every page follows
LANGUAGE_KEY = "language"  # the session's language, worked out at the start of every run
LANGUAGE_SWITCH_KEY = "language-switch"  # the sidebar switch; once used, it wins over the browser's locale
MODELS_KEPT = 8  # loaded models / evaluations kept in memory, most recently used first


def _session_language() -> str | None:
    # Outside a script run (tests reading results, threads) there is no session: English.
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANGUAGE_KEY)


i18n.set_language_source(_session_language)


def _close_pyplot_figures_only() -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


# After every script run of every session, Streamlit resets Keras (keras.backend.clear_session(): new global
# state for all threads, cleared kernel cache, a full garbage collection). On this server one Keras serves all
# sessions and the training threads: a reset in the middle of a training breaks it ("too many values to
# unpack"), and the collection costs every student's stroke about a second on a busy server. So we keep only the
# other half of Streamlit's clean-up. The hook is private (streamlit 1.67, script_runner._clean_problem_modules);
# tests/test_load_small.py fails if Streamlit ever resets Keras again.
script_runner._clean_problem_modules = _close_pyplot_figures_only


# Shared objects (one per server and runs folder)


def run_store() -> RunStore:
    return _run_store(str(config.runs_dir()))


@st.cache_resource(show_spinner=False)
def _run_store(root: str) -> RunStore:
    return RunStore(Path(root))


def training_queue() -> TrainingQueue:
    return _training_queue(str(config.runs_dir()))


@st.cache_resource(show_spinner=False)
def _training_queue(root: str) -> TrainingQueue:
    return TrainingQueue(_run_store(root), config.max_concurrent_trainings())


def quick_training() -> SharedTraining:
    return _quick_training(str(config.runs_dir()))


@st.cache_resource(show_spinner=False)
def _quick_training(root: str) -> SharedTraining:
    return SharedTraining(_training_queue(root))


def predictor(run_id: str) -> Predictor:
    """The run's model, loaded once for everybody (raises RunError when it cannot be read)."""
    return _predictor(str(config.runs_dir()), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _predictor(root: str, run_id: str) -> Predictor:
    return Predictor(_run_store(root).load_model(run_id))


def evaluation(run_id: str) -> Evaluation:
    """The run's answers on its test set, computed once per run (raises RunError or DatasetError)."""
    return _evaluation(str(config.runs_dir()), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _evaluation(root: str, run_id: str) -> Evaluation:
    store = _run_store(root)
    record = store.get(run_id)
    data = datasets.load(record.dataset)
    # A model of its own, dropped afterwards: only the answers are kept.
    return evaluate(store.load_model(run_id), data.x_test, data.y_test)


@st.cache_resource(show_spinner=False)
def _dataset(name: str) -> datasets.Dataset:
    return datasets.load(name)


def dataset_or_stop(name: str) -> datasets.Dataset:
    """The data set, or its friendly error on the page and nothing more (never a traceback)."""
    try:
        return _dataset(name)
    except datasets.DatasetError as error:
        show_error(t("common.data_missing", dataset=view.dataset_title(name)), str(error), view.error_advice(error))
        st.stop()


def show_error(headline: str, details: str = "", advice: str = "") -> None:
    """An error box: what went wrong and what to do, in the session's language, then the technical details.

    The details are the error's own message (English, with folders and commands), kept as it is in a code
    block for whoever runs the server.
    """
    body = headline
    if advice:
        body += f"\n\n{advice}"
    if details:
        body += f"\n\n{t('errors.details')}\n\n```text\n{details.strip()}\n```"
    st.error(body, icon=":material/error:")


# The session's language


def _browser_language() -> str:
    return i18n.language_for_locale(st.context.locale)


def set_session_language() -> None:
    """Work out the session's language before anything is written: the switch if used, else the browser's."""
    chosen = st.session_state.get(LANGUAGE_SWITCH_KEY)
    st.session_state[LANGUAGE_KEY] = chosen if chosen in i18n.LANGUAGES else _browser_language()


def language_switch() -> None:
    """The sidebar's English / 한국어 switch. It starts on the browser's language and then wins for the session."""
    st.sidebar.segmented_control(
        t("sidebar.language"),
        i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.get,
        default=_browser_language(),
        required=True,
        key=LANGUAGE_SWITCH_KEY,
    )


def localized(format_func: Callable[[Any], str]) -> Callable[[Any], str]:
    """A widget's format_func that always speaks this run's language.

    Streamlit calls it while drawing the widget, but AppTest calls it again later, outside the script run,
    where there is no session and t() would answer in English.
    """
    language = i18n.current_language()

    def formatted(option: Any) -> str:
        with i18n.in_language(language):
            return format_func(option)

    return formatted


# The session's choices


def chosen_dataset() -> str:
    name = st.session_state.get(DATASET_KEY)
    return name if name in datasets.DATASET_NAMES else datasets.DATASET_NAMES[0]


def choose_dataset(name: str) -> None:
    """Change the sidebar choice (from a button callback, before the sidebar is drawn again)."""
    st.session_state[DATASET_KEY] = name


def dataset_choice() -> None:
    """The sidebar's data set choice, shared by every page."""
    if DATASET_KEY not in st.session_state and st.query_params.get(DATASET_KEY) in datasets.DATASET_NAMES:
        # A teacher can share a link that opens on Fashion: ...?dataset=fashion_mnist
        st.session_state[DATASET_KEY] = st.query_params[DATASET_KEY]
    st.sidebar.radio(
        t("sidebar.dataset"), datasets.DATASET_NAMES, format_func=localized(view.dataset_title), key=DATASET_KEY
    )
    st.sidebar.caption(t("sidebar.dataset_help"))


def timezone() -> str | None:
    return st.context.timezone


def seed(key: str) -> int:
    """A random seed kept in the session, so reruns show the same random picks until asked for new ones."""
    if key not in st.session_state:
        st.session_state[key] = view.new_seed()
    return st.session_state[key]


def new_seed(key: str) -> None:
    st.session_state[key] = view.new_seed()


def run_choice(
    label: str, records: Sequence[RunRecord], default: RunRecord | None, key: str, help: str | None = None
) -> RunRecord | None:
    """A choice of runs, starting on `default`; forgets a stale choice (a run that is gone)."""
    if not records:
        return None
    by_id = {record.id: record for record in records}
    if st.session_state.get(key) not in by_id:
        st.session_state[key] = (default or records[0]).id
    zone = timezone()
    chosen = st.selectbox(
        label,
        list(by_id),
        format_func=localized(lambda run_id: view.run_label(by_id[run_id], zone)),
        key=key,
        width=720,
        help=help,
    )
    return by_id[chosen]


# Pictures


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
    enlarged = view.enlarge(image, size)
    st.image(enlarged, caption=caption, width=enlarged.shape[1], output_format="PNG")  # JPEG would smear the pixels


# Charts


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


# Fonts matplotlib can draw Hangul with, by family name, and where Debian's fonts-nanum puts its file
# (matplotlib's font list, cached when it was first imported, may predate the font's installation).
KOREAN_FONTS = ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "AppleGothic")
KOREAN_FONT_FILES = ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",)


@st.cache_resource(show_spinner=False)
def korean_font() -> str | None:
    """A font family with Hangul for matplotlib, set up once as the fallback after DejaVu Sans (None: no such font)."""
    from matplotlib import font_manager, rcParams

    known = {font.name for font in font_manager.fontManager.ttflist}
    family = next((name for name in KOREAN_FONTS if name in known), None)
    if family is None:
        path = next((path for path in KOREAN_FONT_FILES if Path(path).is_file()), None)
        if path is None:
            return None
        font_manager.fontManager.addfont(path)
        family = font_manager.FontProperties(fname=path).get_name()
    # Latin letters and digits keep DejaVu Sans (as before); characters it lacks come from the Korean font.
    rcParams["font.family"] = ["DejaVu Sans", family]
    return family


def chart_language() -> str:
    """The language for matplotlib's labels: the session's, except Korean without a Korean font (English, not boxes)."""
    language = i18n.current_language()
    if language == "ko" and korean_font() is None:
        return i18n.DEFAULT_LANGUAGE
    return language


def _figure(width: float = 7.0, height: float = 3.6) -> Figure:
    # matplotlib's object API (not pyplot): no global state shared between sessions' threads.
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=120, layout="constrained")
    return figure


def four_curves(history: dict[str, list[float]]) -> Figure:
    """The tutorial's chart: loss, val_loss, accuracy and val_accuracy per epoch on one set of axes.

    Each curve has its own marker and line style, so the legend reads without colour.
    """
    with i18n.in_language(chart_language()):
        return _four_curves(history)


def _four_curves(history: dict[str, list[float]]) -> Figure:
    figure = _figure()
    axes = figure.add_subplot()
    styles = {
        "loss": ("-", "o"),
        "val_loss": ("--", "s"),
        "accuracy": ("-", "^"),
        "val_accuracy": ("--", "D"),
    }
    for name, (line, marker) in styles.items():
        values = history.get(name, [])
        if values:
            epochs = range(1, len(values) + 1)
            axes.plot(epochs, values, linestyle=line, marker=marker, markersize=4, label=t(f"chart.curve.{name}"))
    axes.set_xlabel(t("chart.epoch"))
    axes.set_ylabel(t("chart.value"))
    axes.grid(True, alpha=0.3)
    axes.legend(loc="center right", fontsize="small")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def overlay(records: Sequence[RunRecord]) -> Figure:
    """val_accuracy per epoch for several runs, with the tutorial's test accuracies as dotted lines."""
    with i18n.in_language(chart_language()):
        zone = timezone()
        return _overlay(records, [view.run_short_label(record, zone) for record in records])


def _overlay(records: Sequence[RunRecord], labels: Sequence[str]) -> Figure:
    figure = _figure(width=6.0, height=3.6)
    axes = figure.add_subplot()
    line_styles = ["-", "--", "-.", ":"]
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    for number, (record, label) in enumerate(zip(records, labels, strict=True)):
        values = record.history.get("val_accuracy", [])
        axes.plot(
            range(1, len(values) + 1),
            values,
            linestyle=line_styles[number % len(line_styles)],
            marker=markers[number % len(markers)],
            markevery=max(1, len(values) // 20),
            markersize=5,
            label=label,
        )
    references = view.references_for(record.dataset for record in records)
    values = [value for record in records for value in record.history.get("val_accuracy", [])]
    values += [reference.accuracy for reference in references]
    if values:  # room above the highest line for the reference labels
        low, high = min(values), max(values)
        margin = max(high - low, 0.01) * 0.12
        axes.set_ylim(low - margin, min(high + 2 * margin, 1.0 + margin))
    for reference in references:
        axes.axhline(reference.accuracy, color="0.35", linestyle=":", linewidth=1)
        axes.annotate(
            view.reference_label(reference),
            xy=(0, reference.accuracy),
            xycoords=("axes fraction", "data"),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize="small",
            color="0.25",
        )
    axes.set_xlabel(t("chart.epoch"))
    axes.set_ylabel(t("chart.curve.val_accuracy"))
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize="small", loc="lower right")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def confusion_table(confusion: np.ndarray, names: Sequence[str]) -> Any:
    """The confusion matrix as a table: counts as text (✓ on the diagonal), mistakes shaded by how many.

    The shading only helps the eye; every cell says its number, so it reads without colour.
    """
    frame = pd.DataFrame(view.confusion_rows(confusion, names), index=pd.Index(names, name=t("mistakes.matrix.axes")))
    mistakes = confusion.astype(float).copy()
    np.fill_diagonal(mistakes, 0)
    most = max(mistakes.max(), 1.0)

    def shade(_: pd.DataFrame) -> pd.DataFrame:
        styles = [
            [
                "font-weight: bold" if row == column
                else f"background-color: rgba(214, 39, 40, {0.08 + 0.6 * mistakes[row, column] / most:.2f})"
                if mistakes[row, column] else ""
                for column in range(len(names))
            ]
            for row in range(len(names))
        ]  # fmt: skip
        return pd.DataFrame(styles, index=frame.index, columns=frame.columns)

    return frame.style.apply(shade, axis=None)


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


def lesson(title: str, body: str) -> None:
    """A short explanation a teacher can read aloud, folded away until someone opens it."""
    with st.expander(title, icon=":material/school:"):
        st.markdown(body)


def big_metric_style(key: str) -> None:
    """Make the metric inside st.container(key=...) large: the answer should read from the back of a classroom."""
    st.html(f"<style>.st-key-{key} [data-testid=stMetricValue] {{ font-size: 5rem; line-height: 1.1; }}</style>")


def pyplot(figure: Figure, alt: str) -> None:
    st.pyplot(figure, alt=alt)
