"""The Train page's settings: the widgets, a lesson link that fills them, and the settings they make.

A teacher's link (?epochs=5&model=cnn&lr=0.01...) fills the widgets once per session; a value out of range,
unknown, or over the class's caps is left out with a short notice, never an error.
"""

from __future__ import annotations

import streamlit as st

from mnist_core import config, limits
from mnist_core.classroom.caps import caps_for
from mnist_core.classroom.lesson_link import read_link
from mnist_core.i18n import t
from mnist_core.model.keras_model import MODEL_KINDS, OPTIMIZERS
from mnist_core.text.names import model_title, optimizer_title
from mnist_core.text.training import learning_rate_note
from mnist_core.training.settings import TrainingSettings
from ui import people
from ui.session import chosen_dataset, localized
from ui.shared import class_settings

# TrainingSettings field -> the widget that sets it (the widgets' keys are stable hooks), with its default.
WIDGETS = {
    "epochs": ("train-epochs", limits.EPOCHS.default),
    "batch_size": ("train-batch", limits.BATCH_SIZE.default),
    "hidden_units": ("train-hidden", limits.HIDDEN_UNITS.default),
    "model_kind": ("train-model", MODEL_KINDS[0]),
    "augment": ("train-augment", False),
    "optimizer": ("train-optimizer", OPTIMIZERS[0]),
    "learning_rate": ("train-learning-rate", limits.LEARNING_RATE.default),
}
LINK_READ_KEY = "train-link-read"  # a link fills the widgets once per session, not on every rerun
LINK_NOTICES_KEY = "train-link-notices"


def fill_from_link() -> None:
    """The widgets' starting values: the tutorial's, or what the lesson link sets (once per session)."""
    if not st.session_state.get(LINK_READ_KEY):
        st.session_state[LINK_READ_KEY] = True
        link = read_link(st.query_params.to_dict(), caps_for(class_settings().caps, people.teacher_unlocked()))
        for field, value in link.values.items():
            if field in WIDGETS:
                st.session_state[WIDGETS[field][0]] = value
        st.session_state[LINK_NOTICES_KEY] = link.notices
    for key, default in WIDGETS.values():
        st.session_state.setdefault(key, default)
    for notice in st.session_state.get(LINK_NOTICES_KEY, []):
        st.info(notice, icon=":material/link_off:")


def settings_widgets() -> None:
    """The settings, in two rows: the tutorial's four, then how it learns. They stay set across pages."""
    fill_from_link()
    # persist_state="session": the settings are still there after a visit to another page.
    first = st.columns(4)
    first[0].number_input(
        t("train.settings.epochs"),
        min_value=limits.EPOCHS.low,
        max_value=limits.PAGE_EPOCHS_HIGH,
        key="train-epochs",
        help=t("train.settings.epochs_help"),
        persist_state="session",
    )
    first[1].number_input(
        t("train.settings.batch"),
        min_value=limits.BATCH_SIZE.low,
        max_value=limits.BATCH_SIZE.high,
        key="train-batch",
        help=t("train.settings.batch_help"),
        persist_state="session",
    )
    first[2].number_input(
        t("train.settings.hidden"),
        min_value=limits.HIDDEN_UNITS.low,
        max_value=limits.HIDDEN_UNITS.high,
        step=100,
        key="train-hidden",
        help=t("train.settings.hidden_help"),
        persist_state="session",
    )
    first[3].radio(
        t("train.settings.model"),
        MODEL_KINDS,
        format_func=localized(model_title),
        key="train-model",
        help=t("train.settings.model_help"),
        persist_state="session",
    )
    first[3].checkbox(
        t("train.settings.augment"), key="train-augment", help=t("train.settings.augment_help"), persist_state="session"
    )
    second = st.columns(4)
    second[0].selectbox(
        t("train.settings.optimizer"),
        OPTIMIZERS,
        format_func=localized(optimizer_title),
        key="train-optimizer",
        help=t("train.settings.optimizer_help"),
        persist_state="session",
    )
    rate = second[1].number_input(
        t("train.settings.learning_rate"),
        min_value=limits.LEARNING_RATE.low,
        max_value=limits.LEARNING_RATE.high,
        format="%g",
        key="train-learning-rate",
        help=t("train.settings.learning_rate_help"),
        persist_state="session",
    )
    note = learning_rate_note(rate, st.session_state["train-optimizer"])
    if note:
        second[2].caption(note)


def chosen_settings() -> TrainingSettings:
    """The settings the widgets hold now, on the server's training images (a student's within the caps)."""
    images = config.train_limit()
    applying = caps_for(class_settings().caps, people.teacher_unlocked())
    if applying is not None:
        images = applying.images_for_students(images)
    values = {field: st.session_state[key] for field, (key, _) in WIDGETS.items()}
    return TrainingSettings(
        dataset=chosen_dataset(),
        epochs=int(values["epochs"]),
        batch_size=int(values["batch_size"]),
        hidden_units=int(values["hidden_units"]),
        model_kind=values["model_kind"],
        augment=bool(values["augment"]),
        optimizer=values["optimizer"],
        learning_rate=float(values["learning_rate"]),
        train_limit=images,
    )
