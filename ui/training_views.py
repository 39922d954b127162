"""The Train page's view of one training: waiting in line, running live, or how it ended.

The job lives in the shared TrainingQueue; this view keeps nothing but its id, and redraws it every second
in a fragment while it is active (a click or a page switch stops a script run, never a job).
"""

from __future__ import annotations

import streamlit as st

from mnist_core.errors import Refusal
from mnist_core.i18n import t
from mnist_core.serving.jobs import JobSnapshot, JobState
from mnist_core.text import figures
from mnist_core.text.runs import closest_reference
from mnist_core.text.training import progress_line
from mnist_core.training.settings import TrainingSettings
from ui import charts, people
from ui.inside import weights_live
from ui.shared import class_settings, training_line
from ui.widgets import show_error

POLL_SECONDS = 1.0


def job_panel(job_id: int, was_active: bool) -> None:
    """The job's live view while it is active, its result once it has ended (then the whole page reruns)."""
    snapshot = training_line().snapshot(job_id)
    if snapshot is None:
        return
    if was_active and not snapshot.active:
        st.rerun()  # the whole page: final chart, the new run in the table, and no more polling
    if snapshot.active:
        live_view(snapshot)
    else:
        result_view(snapshot)


def show_job(job_id: int, active: bool) -> None:
    """The job's panel, polled every second while it is active."""
    st.fragment(job_panel, run_every=POLL_SECONDS if active else None)(job_id, active)


def live_view(snapshot: JobSnapshot) -> None:
    line = training_line()
    if snapshot.state == JobState.QUEUED:
        st.info(progress_line(snapshot), icon=":material/hourglass_top:")
        st.button(t("train.leave_queue"), key="train-stop", on_click=line.stop, args=(snapshot.id,))
        return
    stopping = snapshot.stopping
    st.progress(snapshot.progress, text=progress_line(snapshot))
    st.button(
        t("train.stopping") if stopping else t("train.stop"),
        key="train-stop",
        icon=":material/stop_circle:",
        on_click=line.stop,
        args=(snapshot.id,),
        disabled=stopping,
        help=t("train.stop_help"),
    )
    if snapshot.history.get("loss"):
        charts.live_charts(snapshot.history)
    else:
        st.caption(t("train.first_epoch"))
    if snapshot.batch_losses:
        charts.batch_trace(snapshot.batch_losses)
    weights_live(snapshot.weights, key=f"weights-epoch-{snapshot.id}", live=True)


def result_view(snapshot: JobSnapshot) -> None:
    if snapshot.state == JobState.FAILED:
        show_error(t("train.failed_title"), snapshot.error or "", t("errors.training_failed"))
        return
    if snapshot.state == JobState.CANCELLED:
        st.info(progress_line(snapshot), icon=":material/logout:")
        return
    if snapshot.state == JobState.INTERRUPTED:  # a cluster's line restarted: nothing saved
        st.warning(progress_line(snapshot), icon=":material/restart_alt:")
        return
    if snapshot.state == JobState.DIVERGED:
        st.error(progress_line(snapshot), icon=":material/trending_up:")
        st.markdown(t("train.diverged_why", rate=f"{snapshot.settings.learning_rate:g}"))
    elif snapshot.stopped_by_teacher and snapshot.state == JobState.STOPPED:
        st.warning(progress_line(snapshot), icon=":material/front_hand:")
    else:
        st.success(progress_line(snapshot), icon=":material/check_circle:")
    if snapshot.optimizer_state_carried is False:
        st.caption(t("train.optimizer_restarted"))
    if snapshot.error:  # trained, but the run could not be saved
        show_error(t("train.not_saved"), snapshot.error, t("errors.not_saved"))
    chart, numbers = st.columns([3, 1], gap="large")
    with numbers:
        st.metric(t("train.result.test_loss"), f"{snapshot.test_loss:.4f}")
        st.metric(t("train.result.test_accuracy"), f"{snapshot.test_accuracy:.4f}")
        st.metric(t("train.result.fit_time"), t("units.seconds", seconds=snapshot.fit_seconds))
        reference = closest_reference(snapshot.settings.dataset, len(snapshot.history.get("loss", [])))
        if reference is not None:
            st.metric(t("train.result.tutorial", epochs=reference.epochs), f"{reference.accuracy:.4f}")
    if snapshot.history.get("loss"):
        with chart:
            charts.pyplot(figures.four_curves(snapshot.history), alt=t("chart.four_curves_alt"))
    weights_live(snapshot.weights, key=f"weights-epoch-{snapshot.id}")


# Asking for a training

JOB_KEY = "train-job"  # this session's latest job id (survives page switches)
ERROR_KEY = "train-error"  # why the last request was refused


def submit(settings: TrainingSettings) -> None:
    """A button's callback: put the training in line as this session's person, within the class's caps."""
    try:
        job_id = training_line().submit(settings, owner=people.owner(), caps=class_settings().caps)
    except ValueError as error:  # a refusal (caps, one each, a full line) or a setting out of range
        st.session_state[ERROR_KEY] = error
        return
    st.session_state[JOB_KEY] = job_id
    st.session_state.pop(ERROR_KEY, None)


def refusal_box() -> None:
    """Why the last request was refused, in the session's language."""
    error = st.session_state.get(ERROR_KEY)
    if isinstance(error, Refusal):
        st.warning(error.text(), icon=":material/block:")
    elif error is not None:
        show_error(t("train.bad_settings"), str(error), t("errors.bad_settings"))


def current_job_id() -> int | None:
    """The job this person has in line (from any tab or device), else this session's last one.

    A job found in line becomes this session's too, so its result stays shown once it ends: in another tab, or after
    the student's app server died and their page reconnected to another one mid-training."""
    owner = people.owner()
    active = training_line().active_job_id(owner) if owner.identity is not None else None
    if active is not None:
        st.session_state[JOB_KEY] = active
    return st.session_state.get(JOB_KEY)
