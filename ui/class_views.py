"""The class set on a page: giving a drawing (Draw page), and the Class page's board, which refreshes by itself.

The board shows how many drawings of each digit the class gave, the class model's accuracy on them next to its
MNIST test accuracy, a confusion matrix whose cells open on their drawings, and the drawings that fooled the model.
Names show only where asked for (the teacher's `show_names`, or the Teacher page). A damaged class drawings file is
a message here, never an error elsewhere: drawing goes on without the class features.
"""

from __future__ import annotations

import json

import numpy as np
import streamlit as st

from mnist_core import config
from mnist_core.classroom import defaults
from mnist_core.classset.balance import balance_warning, counts_text
from mnist_core.classset.database import ClassSetError
from mnist_core.classset.drawings import ClassDrawings
from mnist_core.classset.giving import LastGive, fingerprint
from mnist_core.classset.report import ClassReadings, ClassReport
from mnist_core.errors import Refusal, advice
from mnist_core.i18n import t
from mnist_core.reading.predict import Reading
from mnist_core.runs.store import RunError, RunRecord
from mnist_core.text.alt_text import drawing_alt
from mnist_core.text.formats import percent
from mnist_core.text.runs import run_label
from ui import people
from ui.pictures import pictures
from ui.session import timezone
from ui.shared import MODELS_KEPT, class_settings, predictor, run_store
from ui.tables import cell_classes, confusion_table
from ui.widgets import show_error

REFRESH_SECONDS = 5.0  # the projector's board follows the class's drawings this closely
MATRIX_KEY = "class-matrix"
GIVEN_KEY = "class-given"  # this session's last give: which drawing, and how it went
LAST_DRAWING_KEY = "class-last-drawing"  # the Draw page's latest reading: (reading, canvas JSON, run id)
PICTURE_SIZE = 84  # px (28 x 3)
CELL_PICTURES = 30  # drawings shown for a chosen cell at most, newest first
DIGITS = [str(digit) for digit in range(10)]


# Shared by every session on the server


def class_store() -> ClassDrawings:
    """This server's class's drawings, in the class database (MNIST_APP_DATABASE_URL, else the SQLite file of
    MNIST_APP_CLASS_DB, else beside the runs)."""
    return _class_store(config.database_url(), config.class_name())


@st.cache_resource(show_spinner=False)
def _class_store(database: str, class_name: str) -> ClassDrawings:
    return ClassDrawings(database, class_name)


def class_readings(run_id: str) -> ClassReadings:
    """A run's readings of the class set, kept up to date (raises RunError when the run cannot be loaded)."""
    return _class_readings(config.database_url(), config.class_name(), str(config.runs_dir()), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _class_readings(database: str, class_name: str, root: str, run_id: str) -> ClassReadings:
    return ClassReadings(_class_store(database, class_name), predictor(run_id).network)


def class_model() -> RunRecord | None:
    """The class model: the run the teacher pinned, else the digits run that reads drawings best."""
    records = [record for record in run_store().list() if record.dataset == "mnist"]
    return defaults.drawing_run(records, class_settings().pinned_run)


# Giving a drawing (the Draw page)


def remember_drawing(reading: Reading | None, canvas_json: dict | None, run_id: str) -> None:
    """The Draw page's latest reading, kept for the give buttons (called on every stroke; costs nothing)."""
    st.session_state[LAST_DRAWING_KEY] = (reading, canvas_json, run_id)


def give_buttons() -> None:
    """Ten buttons, one per digit: a named student gives the drawing just read, as the digit they meant.

    Drawn outside the Draw page's per-stroke fragment: ten buttons on every stroke were a third of a stroke's
    server time. So they do not follow each stroke; a click gives the latest reading, and says if it cannot.
    """
    student = people.student_name()
    outcome = st.session_state.get(GIVEN_KEY)
    with st.container(key="give-drawing"):
        st.markdown(f"**{t('class.give.title')}**")
        with st.container(horizontal=True, gap="small"):
            for digit in range(10):
                st.button(str(digit), key=f"give-{digit}", disabled=student is None, on_click=_give, args=(digit,))
        if student is None:
            st.caption(t("class.give.name_first"))
        elif outcome is None:
            st.caption(t("class.give.help"))
        elif outcome["given"]:
            st.success(outcome["text"], icon=":material/volunteer_activism:")
        else:
            st.warning(outcome["text"], icon=":material/block:")


def _give(digit: int) -> None:
    """A digit button's callback: give the latest drawing, and keep how it went, said in the session's language."""
    student = people.student_name()
    reading, canvas_json, run_id = st.session_state.get(LAST_DRAWING_KEY, (None, None, None))
    drawing = fingerprint(reading)
    outcome = st.session_state.get(GIVEN_KEY)
    last = LastGive(outcome["drawing"], outcome["given"]) if outcome is not None else LastGive()
    if reading is None:
        text, given = t("class.give.blank"), False
    elif last.would_repeat(drawing):
        text, given = t("class.give.already"), False
    else:
        store = class_store()
        approved = not class_settings().review_first  # while the teacher reviews first, it waits unseen
        try:
            store.give(
                student, digit, reading, json.dumps(canvas_json) if canvas_json else "null", run_id, approved=approved
            )
            if approved:
                text = t("class.give.given", digit=digit, count=int(store.counts()[digit]))
            else:
                text = t("class.give.waiting", digit=digit)
            given = True
        except Refusal as refusal:
            text, given = refusal.text(), False
        except ClassSetError:  # the details are for the teacher, on the Class page
            text, given = t("class.give.unavailable"), False
    kept = last.after(drawing, given)
    st.session_state[GIVEN_KEY] = {"drawing": kept.drawing, "given": kept.given, "text": text}


# The Class page's board


def class_board(show_names: bool) -> None:
    """The class set as the class model reads it, refreshed every few seconds."""
    st.fragment(_board, run_every=REFRESH_SECONDS)(show_names)


def _board(show_names: bool) -> None:
    record = class_model()
    if record is None:
        st.info(t("class.no_model"), icon=":material/info:")
        return
    try:
        report = class_readings(record.id).report()
    except ClassSetError as error:
        show_error(t("class.unavailable"), str(error), advice(error))
        return
    except RunError as error:
        show_error(t("draw.model_unreadable"), str(error), advice(error))
        return
    pinned = record.id == class_settings().pinned_run
    st.caption(t("class.model", run=run_label(record, timezone(), pinned=pinned)))
    _metrics(report, record)
    if not len(report.drawings):
        st.info(t("class.none_yet"), icon=":material/draw:")
        return
    _counts(report)
    _confusion(report, show_names)
    _fooled(report, show_names)


def _metrics(report: ClassReport, record: RunRecord) -> None:
    with st.container(horizontal=True, gap="large"):
        with st.container(key="class-count", width="content"):
            st.metric(t("class.count"), f"{len(report.drawings):,}")
        with st.container(key="class-accuracy", width="content"):
            accuracy = report.accuracy
            st.metric(t("class.accuracy"), percent(accuracy, 1) if accuracy is not None else "–")
        with st.container(key="class-mnist-accuracy", width="content"):
            st.metric(t("class.mnist_accuracy"), percent(record.test_accuracy, 1))


def _counts(report: ClassReport) -> None:
    """A bar per digit. A Vega-Lite spec as plain data: Altair's checks of a chart cost 20 ms a refresh, this 3."""
    st.markdown(f"**{t('class.per_digit')}**")
    spec = {
        "data": {"values": [{"digit": str(digit), "count": int(count)} for digit, count in enumerate(report.counts)]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "digit", "type": "ordinal", "title": t("class.digit"), "axis": {"labelAngle": 0}},
            "y": {"field": "count", "type": "quantitative", "title": t("class.drawings")},
        },
        "height": 200,
    }
    st.vega_lite_chart(spec, width="stretch")
    with st.container(key="class-balance"):
        st.caption(counts_text(report.counts))  # the chart in words
        warning = balance_warning(report.counts)
        if warning is not None:
            st.warning(warning, icon=":material/balance:")


def _confusion(report: ClassReport, show_names: bool) -> None:
    with st.container(key="class-confusion"):
        st.markdown(f"**{t('class.matrix.title')}**")
        st.caption(t("class.matrix.help"))
        event = st.dataframe(
            confusion_table(report.evaluation.confusion, DIGITS),
            key=MATRIX_KEY,
            on_select="rerun",
            selection_mode="single-cell",
        )
        cells = event.selection.cells
        chosen = cell_classes(cells[0], DIGITS) if cells else None
        if chosen is None:
            return
        positions = report.in_cell(*chosen)
        st.markdown(t("class.cell", count=len(positions), meant=chosen[0], read=chosen[1]))
        if len(positions) > CELL_PICTURES:
            st.caption(t("class.cell_more", shown=CELL_PICTURES, count=len(positions)))
        _pictures(report, positions[:CELL_PICTURES], show_names, "class-cell")


def _fooled(report: ClassReport, show_names: bool) -> None:
    with st.container(key="class-fooled"):
        st.markdown(f"**{t('class.fooled.title')}**")
        positions = report.fooled()
        if not len(positions):
            st.caption(t("class.fooled.none"))
            return
        st.caption(t("class.fooled.help"))
        _pictures(report, positions, show_names, "class-fooled")


def _pictures(report: ClassReport, positions: np.ndarray, show_names: bool, key: str) -> None:
    """Drawings as the model saw them, each captioned meant → read (and the student, when names are shown)."""
    drawings, evaluation = report.drawings, report.evaluation
    captions, alts = [], []
    for position in positions:
        meant, read = int(drawings.labels[position]), int(evaluation.predicted_labels[position])
        caption = t("class.caption", meant=meant, read=read, confidence=percent(report.confidence(position), 0))
        student = drawings.students[position] if show_names else None
        if show_names:
            caption = t("class.caption_named", caption=caption, student=student)
        captions.append(caption)
        alts.append(drawing_alt(meant, read, report.confidence(position), student))
    pictures([drawings.images[position] for position in positions], PICTURE_SIZE, captions, alts=alts, key=key)
