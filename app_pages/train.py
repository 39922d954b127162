"""Train: choose the settings, start a training that runs outside the page, watch it learn, compare runs.

A student trains under their name and within the teacher's caps; the teacher's trainings are not capped.
The training itself lives in the server's shared line (a click or a page switch stops a script run, not a
job); this page keeps only the job's id and redraws its progress every second in a fragment.
"""

import streamlit as st

import ui
from mnist_core import config
from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.text.names import dataset_short, dataset_title
from mnist_core.text.training import caps_text
from mnist_core.training.settings import TrainingSettings
from ui import network_builder, people, runs_views, train_settings, training_views
from ui.downloads import lesson_link_control

LESSON_RATES = (1.0, 0.001, 0.000001)  # with SGD: learns at once, crawls, does not move


def start_training() -> None:
    training_views.submit(train_settings.chosen_settings())


def start_learning_rate_lesson() -> None:
    """The teacher queues three SGD runs that differ only in their learning rate."""
    for rate in LESSON_RATES:
        settings = TrainingSettings(
            dataset=DatasetName.MNIST, epochs=2, optimizer="sgd", learning_rate=rate, train_limit=config.train_limit()
        )
        training_views.submit(settings)


dataset_name = ui.chosen_dataset()
st.title(t("train.title"))
st.markdown(t("train.intro"))
ui.dataset_or_stop(dataset_name)

owner = people.owner()
job_id = training_views.current_job_id()
job = ui.training_line().snapshot(job_id) if job_id is not None else None
busy = job is not None and job.active

st.subheader(t("train.settings.title"))
st.caption(t("train.settings.dataset", dataset=dataset_title(dataset_name)))
train_settings.settings_widgets()

# Issue #31: the network the builder makes, when it is the one chosen, with the network beside it.
buildable = True
if train_settings.custom_network():
    with st.container(key="network-builder", border=True):
        st.subheader(t("builder.title"))
        network_builder.network_builder(
            train_settings.chosen_settings(), ui.training_line().estimate_epoch_seconds, train_settings.student_caps()
        )
    buildable = network_builder.checked().ready

if not people.teacher_unlocked():
    st.caption(caps_text(ui.class_settings().caps))
named = owner.identity is not None
st.button(
    t("train.start"),
    key="train-start",
    type="primary",
    icon=":material/play_arrow:",
    on_click=start_training,
    disabled=busy or not named or not buildable,
    help=t("train.start_busy") if busy else None,
)
if not named:
    st.info(t("train.name_first"), icon=":material/badge:")
if not buildable:
    st.caption(t("builder.fix_first"))
training_views.refusal_box()
lesson_link_control(train_settings.chosen_settings())

# What happens when it trains, next to the settings that change it.
ui.lesson(t("learn.layers.title"), t("learn.layers.body"))
ui.lesson(t("learn.loss.title"), t("learn.loss.body"))
ui.lesson(t("learn.optimizer.title"), t("learn.optimizer.body"))
with st.expander(t("learn.learning_rate.title"), icon=":material/school:"):
    st.markdown(t("learn.learning_rate.body"))
    if people.teacher_unlocked():
        st.button(t("learn.learning_rate.start"), key="lesson-learning-rates", on_click=start_learning_rate_lesson)
ui.lesson(t("learn.batches.title"), t("learn.batches.body"))

if job is not None:
    st.subheader(t("train.progress.title", dataset=dataset_short(job.settings.dataset)))
    training_views.show_job(job.id, busy)

# How to read what training draws: under the live charts, above the saved runs.
ui.lesson(t("learn.curves.title"), t("learn.curves.body"))
ui.lesson(t("learn.overfitting.title"), t("learn.overfitting.body"))

st.divider()
runs_views.saved_runs(ui.run_store().list())
