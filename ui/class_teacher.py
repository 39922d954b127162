"""The class set for the teacher, and retraining the class model on it.

- teacher_section: all of the below, in order, for the Teacher page.
- names_switch: whether the Class page (on the projector) shows who drew what.
- review first (ui/class_review.py): the teacher's switch, and the drawings waiting for review.
- manage_drawings: every drawing with its student; delete one, or all of one student's.
- export_button: the class set as one download (MNIST-format IDX files and a CSV, see mnist_core.classset.export).
- retrain_panel: fine-tune the class model on MNIST plus the class's drawings, through the server's line like every
  training (a student's within the teacher's caps), then the newest such run as before -> after. The count per digit
  is shown first; a lopsided class set is named, and fine-tunes only once the teacher confirms.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import streamlit as st

from mnist_core import limits
from mnist_core.classset import export as class_export
from mnist_core.classset.balance import balance_warning, counts_text
from mnist_core.classset.database import ClassSetError
from mnist_core.classset.fine_tuning import FINE_TUNING_EPOCHS, SPLIT_SEED, fine_tuning_settings, newest_fine_tuned
from mnist_core.classset.report import BeforeAfter, before_after, before_after_lines
from mnist_core.classset.split import split_sizes
from mnist_core.errors import advice
from mnist_core.i18n import t
from mnist_core.runs.store import RunError, RunRecord
from mnist_core.text.alt_text import drawing_alt
from mnist_core.text.formats import percent, when
from mnist_core.text.runs import run_label
from mnist_core.training.settings import TrainingSettings
from ui import class_review, people, training_views
from ui.class_views import class_board, class_model, class_store
from ui.pictures import pictures
from ui.session import timezone
from ui.shared import MODELS_KEPT, class_settings, predictor, run_store, save_class_settings, training_line
from ui.widgets import show_error

DRAWINGS_KEY = "class-drawings-table"
DOOMED_STUDENT_KEY = "class-doomed-student"  # the student whose drawings await a confirmation
NOTICE_KEY = "class-notice"


def teacher_section() -> None:
    """The class set on the Teacher page: the board with names, every drawing, the download, retraining."""
    st.subheader(t("class.teacher.title"))
    names_switch()
    class_review.review_section()
    class_board(show_names=True)
    manage_drawings()
    export_button()
    st.divider()
    retrain_panel()


def names_switch() -> None:
    """The teacher's switch for names on the Class page; saved with the class settings."""
    settings = class_settings()
    shown = st.toggle(t("class.teacher.show_names"), value=settings.show_names, key="class-show-names")
    if shown != settings.show_names:
        try:
            save_class_settings(dataclasses.replace(settings, show_names=shown))
        except OSError as error:
            show_error(t("teacher.not_saved"), str(error), t("errors.not_saved"))


def notice() -> None:
    """What the teacher's last change here did, shown once."""
    text = st.session_state.pop(NOTICE_KEY, None)
    if text:
        st.success(text, icon=":material/check_circle:")


def manage_drawings() -> None:
    """Every drawing, newest first, with its student: choose one to see it and delete it; or all of a student's."""
    notice()
    store = class_store()
    try:
        drawings = store.drawings()
        students = store.students()
    except ClassSetError as error:
        show_error(t("class.unavailable"), str(error), advice(error))
        return
    if not len(drawings):
        st.caption(t("class.none_yet"))
        return
    newest_first = list(range(len(drawings)))[::-1]
    zone = timezone()
    table = pd.DataFrame(
        {
            t("class.col.student"): [drawings.students[index] for index in newest_first],
            t("class.col.meant"): drawings.labels[newest_first],
            t("class.col.read"): drawings.readings[newest_first],
            t("class.col.when"): [_when(drawings.created[index], zone) for index in newest_first],
        }
    )
    st.caption(t("class.teacher.drawings"))
    event = st.dataframe(table, key=DRAWINGS_KEY, on_select="rerun", selection_mode="single-row", hide_index=True)
    if event.selection.rows:
        index = newest_first[event.selection.rows[0]]
        alt = drawing_alt(int(drawings.labels[index]), int(drawings.readings[index]), student=drawings.students[index])
        pictures([drawings.images[index]], 112, [drawings.students[index]], alts=[alt], key="chosen-drawing")
        drawing_id = int(drawings.ids[index])
        st.button(
            t("class.teacher.delete_drawing"), key="class-delete-drawing", icon=":material/delete:",
            on_click=_delete_drawing, args=(drawing_id,),
        )  # fmt: skip
    _delete_students_drawings(students)


def _when(created: float, zone: str | None) -> str:
    return when(datetime.fromtimestamp(created, UTC).isoformat(), zone)


def _delete_drawing(drawing_id: int) -> None:
    try:
        class_store().delete(drawing_id)
    except ClassSetError as error:
        st.session_state[NOTICE_KEY] = str(error)
        return
    st.session_state[NOTICE_KEY] = t("class.teacher.drawing_deleted")
    st.session_state.pop(DRAWINGS_KEY, None)  # the chosen row is gone


def _delete_students_drawings(students: list[tuple[str, int]]) -> None:
    counts = dict(students)
    doomed = st.session_state.get(DOOMED_STUDENT_KEY)
    if doomed in counts:
        st.warning(t("class.teacher.confirm_student", count=counts[doomed], student=doomed), icon=":material/delete:")
        yes, no = st.columns(2)
        yes.button(
            t("class.teacher.yes_delete"), key="class-delete-student-confirm", type="primary",
            on_click=_delete_student, args=(doomed,),
        )  # fmt: skip
        no.button(t("class.teacher.keep"), key="class-delete-student-cancel", on_click=_forget_doomed)
        return
    choice = st.selectbox(t("class.teacher.student"), list(counts), key="class-student-choice")
    if st.button(t("class.teacher.delete_student"), key="class-delete-student", icon=":material/delete:"):
        st.session_state[DOOMED_STUDENT_KEY] = choice
        st.rerun()


def _delete_student(student: str) -> None:
    _forget_doomed()
    try:
        count = class_store().delete_student(student)
    except ClassSetError as error:
        st.session_state[NOTICE_KEY] = str(error)
        return
    st.session_state[NOTICE_KEY] = t("class.teacher.deleted", count=count, student=student)


def _forget_doomed() -> None:
    st.session_state.pop(DOOMED_STUDENT_KEY, None)


def export_button() -> None:
    """The class set as one zip; names go in only when the teacher ticks the box."""
    with_names = st.checkbox(t("class.export.names"), key="class-export-names")
    st.download_button(
        t("class.export.button"),
        data=lambda: class_export.export_zip(class_store().drawings(), with_names=with_names),
        file_name=f"class-drawings-{datetime.now(UTC):%Y%m%d-%H%M}.zip",
        mime="application/zip",
        help=t("class.export.help"),
        key="class-export",
        on_click="ignore",  # a download changes nothing on the page
        icon=":material/download:",
    )


# Retraining on the class


def retrain_panel() -> None:
    """Start a fine-tuning of the class model on the class's drawings, follow it, and show the newest result."""
    st.markdown(f"**{t('class.retrain.title')}**")
    st.caption(t("class.retrain.help"))
    notice()
    record = class_model()
    try:
        latest, count = class_store().version()
        students = class_store().student_keys(latest)  # one per drawing: the split's sizes without the pictures
        counts = class_store().counts()
    except ClassSetError:  # the class set's own view says what is wrong, in full
        st.caption(t("class.unavailable"))
        return
    if record is None or not count:
        st.caption(t("class.retrain.no_drawings"))
    else:
        st.caption(t("class.retrain.split", **dataclasses.asdict(split_sizes(students, SPLIT_SEED))))
        _start(record, latest, confirmed=_balance(counts))
    job_id = training_views.current_job_id()
    job = training_line().snapshot(job_id) if job_id is not None else None
    if job is not None and job.settings.class_drawings_up_to is not None:
        training_views.show_job(job.id, job.active)
    newest = newest_fine_tuned(run_store().list())
    if newest is not None:
        result_view(newest)


def _balance(counts: np.ndarray) -> bool:
    """The count per digit, and a warning naming the scarce digits; whether fine-tuning may start (balanced, or the
    teacher confirms it anyway)."""
    st.caption(counts_text(counts))
    warning = balance_warning(counts)
    if warning is None:
        return True
    st.warning(warning, icon=":material/balance:")
    return st.checkbox(t("class.retrain.anyway"), key="class-retrain-anyway")


def _start(record: RunRecord, latest: int, confirmed: bool = True) -> None:
    more, start = st.columns([1, 2], vertical_alignment="bottom")
    epochs = more.number_input(
        t("class.retrain.epochs"), min_value=limits.EPOCHS.low, max_value=limits.PAGE_EPOCHS_HIGH,
        value=FINE_TUNING_EPOCHS, key="class-retrain-epochs",
    )  # fmt: skip
    settings = fine_tuning_settings(record, latest, int(epochs))
    named = people.owner().identity is not None
    start.button(
        t("class.retrain.start"), key="class-retrain", type="primary", icon=":material/model_training:",
        on_click=training_views.submit, args=(settings,), disabled=not named or not confirmed,
    )  # fmt: skip
    if not named:
        st.caption(t("train.name_first"))
    training_views.refusal_box()


def result_view(record: RunRecord) -> None:
    """A run fine-tuned on the class, before -> after: held-out class drawings, MNIST's test set, and the lesson."""
    st.markdown(f"**{t('class.result.title')}**")
    st.caption(run_label(record, timezone()))
    try:
        with st.spinner(t("class.result.computing")):
            result = _before_after(record.id)
    except (RunError, ClassSetError) as error:
        st.caption(t("class.result.parent_gone") if isinstance(error, RunError) else str(error))
        return
    with st.container(horizontal=True, gap="large", key="class-before-after"):
        if result.held_before is not None and result.held_after is not None:
            st.metric(t("class.result.held_metric"), percent(result.held_after, 1),
                      delta=_points(result.held_after - result.held_before), width="content")  # fmt: skip
        st.metric(t("class.result.mnist_metric"), percent(result.mnist_after, 2),
                  delta=_points(result.mnist_after - result.mnist_before), width="content")  # fmt: skip
    st.markdown("\n".join(f"- {line}" for line in before_after_lines(result)))
    if people.teacher_unlocked() and class_settings().pinned_run != record.id:
        st.button(t("class.result.pin"), key="class-pin", icon=":material/push_pin:", on_click=_pin, args=(record.id,))


def _points(change: float) -> str:
    return t("class.result.points", points=f"{change * 100:+.1f}")


def _pin(run_id: str) -> None:
    save_class_settings(dataclasses.replace(class_settings(), pinned_run=run_id))
    st.session_state[NOTICE_KEY] = t("class.result.pinned")


def _before_after(run_id: str) -> BeforeAfter:
    return _cached_before_after(str(run_store().root), str(class_store().path), run_id)


@st.cache_resource(show_spinner=False, max_entries=MODELS_KEPT)
def _cached_before_after(root: str, path: str, run_id: str) -> BeforeAfter:
    """The parent's and the run's accuracy on the run's held-out class drawings (computed once per run)."""
    record = run_store().get(run_id)
    parent = run_store().get(record.parent_run or "")
    settings = TrainingSettings.from_dict(record.settings)
    split = class_store().training_split(settings.class_drawings_up_to, settings.class_split_seed)
    return before_after(
        split, predictor(parent.id).network, predictor(run_id).network, parent.test_accuracy, record.test_accuracy
    )
