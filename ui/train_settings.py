"""The Train page's settings: the widgets, a lesson link that fills them, and the settings they make.

A teacher's link (?epochs=5&model=cnn&lr=0.01...) fills the widgets once per session; a value out of range,
unknown, or over the class's caps is left out with a short notice, never an error.
"""

from __future__ import annotations

import streamlit as st

from mnist_core import config, limits
from mnist_core.classroom.caps import Caps, caps_for
from mnist_core.classroom.lesson_link import read_link
from mnist_core.i18n import t
from mnist_core.model.keras_model import MODEL_KINDS, OPTIMIZERS, ModelKind
from mnist_core.text.names import model_title, optimizer_title
from mnist_core.text.training import images_title, learning_rate_note
from mnist_core.training.settings import TrainingSettings, fewest_images
from ui import people
from ui.network_builder import L2_KEY, LAYERS_KEY, STARTING_LAYERS, TRAIN_IMAGES_KEY
from ui.session import chosen_dataset, localized
from ui.shared import class_settings
from ui.widgets import lesson

# TrainingSettings field -> the widget that sets it (the widgets' keys are stable hooks), with its default.
WIDGETS = {
    "epochs": ("train-epochs", limits.EPOCHS.default),
    "batch_size": ("train-batch", limits.BATCH_SIZE.default),
    "hidden_units": ("train-hidden", limits.HIDDEN_UNITS.default),
    "model_kind": ("train-model", MODEL_KINDS[0]),
    "augment": ("train-augment", False),
    "optimizer": ("train-optimizer", OPTIMIZERS[0]),
    "learning_rate": ("train-learning-rate", limits.LEARNING_RATE.default),
    # Issue #31: the network builder's layers (its spec text) and weight decay, and the data settings.
    "layers": (LAYERS_KEY, STARTING_LAYERS),
    "l2": (L2_KEY, limits.L2.default),
    "init_seed": ("train-init-seed", None),
    "noise": ("train-noise", limits.NOISE.default),
    "validation_split": ("train-validation-split", limits.VALIDATION_SPLIT.default),
    "train_limit": (TRAIN_IMAGES_KEY, None),
}
# The model choice: the named networks, and the one the builder makes.
MODEL_CHOICES: tuple[str, ...] = (*MODEL_KINDS, ModelKind.CUSTOM.value)
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
        if link.values.get("layers") is not None:  # written layers make a custom network (TrainingSettings too)
            st.session_state[WIDGETS["model_kind"][0]] = ModelKind.CUSTOM.value
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
        disabled=custom_network(),  # a network built below sets its own layers
    )
    first[3].radio(
        t("train.settings.model"),
        MODEL_CHOICES,
        format_func=localized(model_choice_title),
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
    data_widgets()


def data_widgets() -> None:
    """What the training images are like (noise), which of them check the training (the validation split), and
    where the weights start (a seed: the same number, the same starting weights)."""
    third = st.columns(4)
    third[0].number_input(
        t("train.settings.noise"),
        min_value=limits.NOISE.low,
        max_value=limits.NOISE.high,
        step=0.05,
        format="%g",
        key="train-noise",
        help=t("train.settings.noise_help"),
        persist_state="session",
    )
    third[1].number_input(
        t("train.settings.validation"),
        min_value=limits.VALIDATION_SPLIT.low,
        max_value=limits.VALIDATION_SPLIT.high,
        step=0.05,
        format="%g",
        key="train-validation-split",
        help=t("train.settings.validation_help"),
        persist_state="session",
    )
    third[2].number_input(
        t("train.settings.init_seed"),
        min_value=limits.INIT_SEED.low,
        max_value=limits.INIT_SEED.high,
        step=1,
        key="train-init-seed",
        placeholder=t("train.settings.init_seed_placeholder"),
        help=t("train.settings.init_seed_help"),
        persist_state="session",
    )
    third[3].selectbox(
        t("train.settings.images"),
        limits.TRAIN_IMAGE_CHOICES,
        format_func=images_title,
        key=TRAIN_IMAGES_KEY,
        help=t("train.settings.images_help"),
    )
    lesson(t("learn.validation.title"), t("learn.validation.body"))


def model_choice_title(kind: str) -> str:
    """A choice of network: a named one's title, or the builder's."""
    return t("builder.model_option") if kind == ModelKind.CUSTOM else model_title(kind)


def custom_network() -> bool:
    """Is the network the one the builder makes?"""
    return st.session_state.get(WIDGETS["model_kind"][0]) == ModelKind.CUSTOM


def student_caps() -> Caps | None:
    """The caps on this person's trainings: the class's for a student, None for the teacher."""
    return caps_for(class_settings().caps, people.teacher_unlocked())


def chosen_settings() -> TrainingSettings:
    """The settings the widgets hold now, on the server's training images (a student's within the caps)."""
    values = {field: st.session_state[key] for field, (key, _) in WIDGETS.items()}
    images = fewest_images(values["train_limit"], config.train_limit())
    applying = caps_for(class_settings().caps, people.teacher_unlocked())
    if applying is not None:
        images = applying.images_for_students(images)
    custom = values["model_kind"] == ModelKind.CUSTOM
    seed = values["init_seed"]
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
        layers=values["layers"] if custom else None,  # a bad spec is refused at Start with its message
        l2=float(values["l2"]) if custom else limits.L2.default,
        init_seed=None if seed is None else int(seed),
        noise=float(values["noise"]),
        validation_split=float(values["validation_split"]),
    )
