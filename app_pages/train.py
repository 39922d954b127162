"""Train: choose the settings, start a training that runs outside the page, watch it learn, compare runs.

The training itself lives in the shared TrainingQueue (a click or a page switch stops a script run, not
a job); this page keeps only the job's id and redraws its progress every second in a fragment.
"""

import hashlib

import pandas as pd
import streamlit as st

import ui
from mnist_core import config, figures, limits
from mnist_core import presentation as view
from mnist_core.i18n import t
from mnist_core.jobs import JobState, TrainingJob
from mnist_core.model import MODEL_KINDS
from mnist_core.training import TrainingSettings

JOB_KEY = "train-job"  # this session's latest job id (survives page switches)
ERROR_KEY = "train-error"
POLL_SECONDS = 1.0

dataset_name = ui.chosen_dataset()
queue = ui.training_queue()
store = ui.run_store()


def current_job() -> TrainingJob | None:
    job_id = st.session_state.get(JOB_KEY)
    return queue.get(job_id) if job_id is not None else None


def start_training() -> None:
    settings = TrainingSettings(
        dataset=ui.chosen_dataset(),
        epochs=int(st.session_state["train-epochs"]),
        batch_size=int(st.session_state["train-batch"]),
        model_kind=st.session_state["train-model"],
        hidden_units=int(st.session_state["train-hidden"]),
        augment=bool(st.session_state["train-augment"]),
        train_limit=config.train_limit(),
    )
    try:
        job = queue.submit(settings)
    except ValueError as error:  # settings out of range: say which one
        st.session_state[ERROR_KEY] = str(error)
        return
    st.session_state[JOB_KEY] = job.id
    st.session_state.pop(ERROR_KEY, None)


def live_view(job: TrainingJob) -> None:
    snapshot = job.snapshot()
    stopping = job.stop_event.is_set()
    if snapshot.state == JobState.QUEUED:
        st.info(view.progress_line(snapshot), icon=":material/hourglass_top:")
        st.button(t("train.leave_queue"), key="train-stop", on_click=queue.stop, args=(job.id,))
        return
    st.progress(snapshot.progress, text=view.progress_line(snapshot))
    st.button(
        t("train.stopping") if stopping else t("train.stop"),
        key="train-stop",
        icon=":material/stop_circle:",
        on_click=queue.stop,
        args=(job.id,),
        disabled=stopping,
        help=t("train.stop_help"),
    )
    if snapshot.history.get("loss"):
        ui.live_charts(snapshot.history)
    else:
        st.caption(t("train.first_epoch"))
    if snapshot.batch_losses:
        ui.batch_trace(snapshot.batch_losses)


def result_view(job: TrainingJob) -> None:
    snapshot = job.snapshot()
    if snapshot.state == JobState.FAILED:
        ui.show_error(t("train.failed_title"), snapshot.error or "", t("errors.training_failed"))
        return
    if snapshot.state == JobState.CANCELLED:
        st.info(t("train.cancelled"))
        return
    st.success(view.progress_line(snapshot), icon=":material/check_circle:")
    if snapshot.error:  # trained, but the run could not be saved
        ui.show_error(t("train.not_saved"), snapshot.error, t("errors.not_saved"))
    chart, numbers = st.columns([3, 1], gap="large")
    with numbers:
        st.metric(t("train.result.test_loss"), f"{snapshot.test_loss:.4f}")
        st.metric(t("train.result.test_accuracy"), f"{snapshot.test_accuracy:.4f}")
        st.metric(t("train.result.fit_time"), t("units.seconds", seconds=snapshot.fit_seconds))
        reference = view.closest_reference(snapshot.settings.dataset, len(snapshot.history.get("loss", [])))
        if reference is not None:
            st.metric(t("train.result.tutorial", epochs=reference.epochs), f"{reference.accuracy:.4f}")
    if snapshot.history.get("loss"):
        with chart:
            ui.pyplot(figures.four_curves(snapshot.history), alt=t("chart.four_curves_alt"))


def job_panel(job_id: int, was_active: bool) -> None:
    job = queue.get(job_id)
    if job is None:
        return
    if was_active and not job.snapshot().active:
        st.rerun()  # the whole page: final chart, the new run in the table, and no more polling
    if was_active:
        live_view(job)
    else:
        result_view(job)


st.title(t("train.title"))
st.markdown(t("train.intro"))
ui.dataset_or_stop(dataset_name)

job = current_job()
busy = job is not None and job.snapshot().active

st.subheader(t("train.settings.title"))
st.caption(t("train.settings.dataset", dataset=view.dataset_title(dataset_name)))
columns = st.columns(4)
# persist_state="session": the settings are still there after a visit to another page.
columns[0].number_input(
    t("train.settings.epochs"),
    min_value=limits.EPOCHS.low,
    max_value=limits.PAGE_EPOCHS_HIGH,
    value=limits.EPOCHS.default,
    key="train-epochs",
    help=t("train.settings.epochs_help"),
    persist_state="session",
)
columns[1].number_input(
    t("train.settings.batch"),
    min_value=limits.BATCH_SIZE.low,
    max_value=limits.BATCH_SIZE.high,
    value=limits.BATCH_SIZE.default,
    key="train-batch",
    help=t("train.settings.batch_help"),
    persist_state="session",
)
columns[2].number_input(
    t("train.settings.hidden"),
    min_value=limits.HIDDEN_UNITS.low,
    max_value=limits.HIDDEN_UNITS.high,
    value=limits.HIDDEN_UNITS.default,
    step=100,
    key="train-hidden",
    help=t("train.settings.hidden_help"),
    persist_state="session",
)
columns[3].radio(
    t("train.settings.model"),
    MODEL_KINDS,
    format_func=ui.localized(view.model_title),
    key="train-model",
    help=t("train.settings.model_help"),
    persist_state="session",
)
columns[3].checkbox(
    t("train.settings.augment"),
    value=False,
    key="train-augment",
    help=t("train.settings.augment_help"),
    persist_state="session",
)
st.button(
    t("train.start"),
    key="train-start",
    type="primary",
    icon=":material/play_arrow:",
    on_click=start_training,
    disabled=busy,
    help=t("train.start_busy") if busy else None,
)
if ERROR_KEY in st.session_state:
    ui.show_error(t("train.bad_settings"), st.session_state[ERROR_KEY], t("errors.bad_settings"))

# What happens when it trains, next to the settings that change it.
ui.lesson(t("learn.layers.title"), t("learn.layers.body"))
ui.lesson(t("learn.loss.title"), t("learn.loss.body"))
ui.lesson(t("learn.optimizer.title"), t("learn.optimizer.body"))
ui.lesson(t("learn.batches.title"), t("learn.batches.body"))

if job is not None:
    st.subheader(t("train.progress.title", dataset=view.dataset_short(job.settings.dataset)))
    st.fragment(job_panel, run_every=POLL_SECONDS if busy else None)(job.id, busy)

# How to read what training draws: under the live charts, above the saved runs.
ui.lesson(t("learn.curves.title"), t("learn.curves.body"))
ui.lesson(t("learn.overfitting.title"), t("learn.overfitting.body"))

st.divider()
st.subheader(t("train.runs.title"))
records = store.list()
if not records:
    st.info(t("train.runs.none"))
    st.stop()

zone = ui.timezone()
table = pd.DataFrame(view.runs_table(records, zone))
# A new key whenever the list changes: row positions move when a run is added, so start again
# with the newest run ticked rather than keep a selection that now points at other rows.
fingerprint = hashlib.sha1("|".join(record.id for record in records).encode()).hexdigest()[:10]
event = st.dataframe(
    table,
    key=f"runs-table-{fingerprint}",
    on_select="rerun",
    selection_mode="multi-row",
    selection_default={"selection": {"rows": [0]}},
    hide_index=True,
    column_config={
        "dataset": t("runs.col.dataset"),
        "model": t("runs.col.model"),
        "epochs": t("runs.col.epochs"),
        "batch": st.column_config.NumberColumn(t("runs.col.batch")),
        "accuracy": st.column_config.NumberColumn(t("runs.col.accuracy"), format="%.2f%%"),
        "fit": st.column_config.NumberColumn(t("runs.col.fit"), format="%.1f s"),
        "when": t("runs.col.when"),
        "status": t("runs.col.status"),
    },
)
ticked = [records[row] for row in event.selection.rows if row < len(records)]
if not ticked:
    st.caption(t("train.runs.tick"))
else:
    chart, numbers = st.columns([1, 1], gap="medium")
    with chart:
        st.markdown(f"**{t('train.runs.overlay')}**")
        ui.pyplot(figures.overlay(ticked, zone), alt=t("chart.overlay_alt"))
    with numbers:
        st.markdown(f"**{t('train.runs.compare')}**")
        st.dataframe(
            pd.DataFrame(view.comparison_rows(ticked, zone)),
            hide_index=True,
            column_config={
                "source": t("runs.col.source"),
                "dataset": t("runs.col.dataset"),
                "epochs": st.column_config.NumberColumn(t("runs.col.epochs")),
                "accuracy": st.column_config.NumberColumn(t("runs.col.accuracy"), format="%.2f%%"),
            },
        )
        st.caption(t("train.runs.compare_note"))
