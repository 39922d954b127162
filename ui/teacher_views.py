"""The Teacher page's parts: the lock, the caps, the live line, the runs (pin, delete) and the class model."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from mnist_core import limits
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.settings import delete_run
from mnist_core.errors import ClassSetError
from mnist_core.i18n import t
from mnist_core.model.keras_model import ALL_MODEL_KINDS
from mnist_core.runs.store import RunError
from mnist_core.serving.jobs import JobState
from mnist_core.text.names import model_title
from mnist_core.text.runs import run_label, runs_table
from mnist_core.text.training import line_row
from ui import people
from ui.session import localized, timezone
from ui.shared import class_settings, class_settings_store, run_store, save_class_settings, training_line
from ui.widgets import show_error

LINE_POLL_SECONDS = 2.0
DELETE_KEY = "teacher-delete"  # the run chosen for deletion, awaiting confirmation
NOTICE_KEY = "teacher-notice"


def unlock_form(expected: str) -> None:
    """The password box. A wrong password is only ever "wrong"; five in a row make this session wait."""
    wait = people.seconds_to_wait()
    if wait > 0:
        st.warning(t("teacher.wait", seconds=round(wait)), icon=":material/timer:")
    with st.form("teacher-unlock", border=False):
        given = st.text_input(t("teacher.password"), type="password", key="teacher-password")
        if st.form_submit_button(t("teacher.unlock"), icon=":material/lock_open:") and wait <= 0:
            if people.try_password(given, expected):
                st.rerun()
            st.error(t("teacher.wrong"), icon=":material/lock:")


def caps_form() -> None:
    """The caps on students' trainings; saved atomically, so they survive a restart."""
    settings = class_settings()
    caps = settings.caps
    with st.container(key="teacher-caps", border=True):
        st.markdown(f"**{t('teacher.caps.title')}**")
        st.caption(t("teacher.caps.help"))
        columns = st.columns(3)
        epochs = columns[0].number_input(
            t("teacher.caps.epochs"),
            min_value=limits.EPOCHS.low,
            max_value=limits.PAGE_EPOCHS_HIGH,
            value=caps.epochs,
            key="cap-epochs",
        )
        images = columns[1].number_input(
            t("teacher.caps.images"),
            min_value=0,
            max_value=limits.TRAIN_IMAGES.high,
            value=caps.train_images or 0,
            step=1000,
            key="cap-images",
            help=t("teacher.caps.images_help"),
        )
        models = columns[2].multiselect(
            t("teacher.caps.models"),
            ALL_MODEL_KINDS,  # "custom": the networks students build
            default=list(caps.models),
            format_func=localized(model_title),
            key="cap-models",
        )
        augment = columns[2].checkbox(t("teacher.caps.augment"), value=caps.augment, key="cap-augment")
        parameters = columns[0].number_input(
            t("teacher.caps.parameters"),
            min_value=limits.PARAMETERS_CAP.low,
            max_value=limits.PARAMETERS_CAP.high,
            value=caps.parameters,
            step=100_000,
            key="cap-parameters",
            help=t("teacher.caps.parameters_help"),
        )
        layers = columns[1].number_input(
            t("teacher.caps.layers"),
            min_value=limits.LAYERS_CAP.low,
            max_value=limits.LAYERS_CAP.high,
            value=caps.layers,
            key="cap-layers",
            help=t("teacher.caps.layers_help"),
        )
        if st.button(t("teacher.caps.save"), key="cap-save", icon=":material/save:"):
            new = Caps(
                epochs=int(epochs),
                models=tuple(models),
                augment=augment,
                train_images=int(images) or None,
                parameters=int(parameters),
                layers=int(layers),
            )
            save(dataclasses.replace(settings, caps=new), t("teacher.caps.saved"))


def save(settings, notice: str) -> None:
    try:
        save_class_settings(settings)
    except (OSError, ClassSetError) as error:
        show_error(t("teacher.not_saved"), str(error), t("errors.not_saved"))
        return
    st.session_state[NOTICE_KEY] = notice
    st.rerun()


def notice() -> None:
    """What the last change did, shown once."""
    text = st.session_state.pop(NOTICE_KEY, None)
    if text:
        st.success(text, icon=":material/check_circle:")


def line() -> None:
    """Every training running or waiting, refreshed every few seconds, with stop and remove buttons."""
    st.markdown(f"**{t('teacher.line.title')}**")
    st.fragment(_line_rows, run_every=LINE_POLL_SECONDS)()


def _line_rows() -> None:
    line = training_line()
    with st.container(key="teacher-queue"):
        jobs = line.line()
        if not jobs:
            st.caption(t("teacher.line.empty"))
        for snapshot in jobs:
            with st.container(key=f"line-job-{snapshot.id}", horizontal=True, vertical_alignment="center"):
                st.text(line_row(snapshot))  # as text: names are never Markdown
                label = t("teacher.line.stop") if snapshot.state == JobState.RUNNING else t("teacher.line.remove")
                st.button(
                    label,
                    key=f"line-stop-{snapshot.id}",
                    on_click=line.stop,
                    args=(snapshot.id,),
                    kwargs={"by_teacher": True},
                    disabled=snapshot.stopping,
                )


def class_model() -> None:
    """The pinned class model, and a choice to pin another: Draw and Mistakes start on it for everyone."""
    settings = class_settings()
    records = [record for record in run_store().list() if record.status.can_read]
    by_id = {record.id: record for record in records}
    zone = timezone()
    with st.container(key="class-model", border=True):
        st.markdown(f"**{t('teacher.class_model.title')}**")
        pinned = by_id.get(settings.pinned_run)
        st.text(run_label(pinned, zone) if pinned else t("teacher.class_model.none"))
        if not records:
            return
        choice = st.selectbox(
            t("teacher.class_model.choose"),
            list(by_id),
            format_func=localized(lambda run_id: run_label(by_id[run_id], zone)),
            key="pin-choice",
        )
        pin, unpin = st.columns(2)
        if pin.button(t("teacher.class_model.pin"), key="pin-run", icon=":material/push_pin:"):
            save(dataclasses.replace(settings, pinned_run=choice), t("teacher.class_model.pinned"))
        if pinned and unpin.button(t("teacher.class_model.unpin"), key="unpin-run"):
            save(dataclasses.replace(settings, pinned_run=None), t("teacher.class_model.unpinned"))


def runs() -> None:
    """Every saved run, whose and how good; delete one after a confirmation."""
    store = run_store()
    records = store.list()
    st.markdown(f"**{t('teacher.runs.title')}**")
    if not records:
        st.caption(t("train.runs.none"))
        return
    zone = timezone()
    st.dataframe(
        pd.DataFrame(runs_table(records, zone)),
        hide_index=True,
        column_config={"who": t("runs.col.who"), "dataset": t("runs.col.dataset"), "model": t("runs.col.model"),
                       "epochs": t("runs.col.epochs"), "batch": t("runs.col.batch"),
                       "learning": t("runs.col.learning"), "when": t("runs.col.when"), "status": t("runs.col.status"),
                       "accuracy": st.column_config.NumberColumn(t("runs.col.accuracy"), format="%.2f%%"),
                       "fit": st.column_config.NumberColumn(t("runs.col.fit"), format="%.1f s")},
    )  # fmt: skip
    by_id = {record.id: record for record in records}
    doomed = st.session_state.get(DELETE_KEY)
    if doomed in by_id:
        st.warning(t("teacher.runs.confirm", run=run_label(by_id[doomed], zone)), icon=":material/delete:")
        yes, no = st.columns(2)
        if yes.button(t("teacher.runs.delete_for_good"), key="delete-confirm", type="primary"):
            st.session_state.pop(DELETE_KEY)
            try:
                delete_run(store, class_settings_store(), doomed)  # unpinned too, when it was the class model
            except RunError as error:
                show_error(t("teacher.runs.not_deleted"), str(error))
                return
            st.session_state[NOTICE_KEY] = t("teacher.runs.deleted")
            st.rerun()
        if no.button(t("teacher.runs.keep"), key="delete-cancel"):
            st.session_state.pop(DELETE_KEY)
            st.rerun()
        return
    choice = st.selectbox(
        t("teacher.runs.choose"),
        list(by_id),
        format_func=localized(lambda run_id: run_label(by_id[run_id], zone)),
        key="delete-choice",
    )
    if st.button(t("teacher.runs.delete"), key="delete-run", icon=":material/delete:"):
        st.session_state[DELETE_KEY] = choice
        st.rerun()
