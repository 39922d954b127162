"""Mistakes: which test images a run got wrong, as pictures, filtered by class or by a confusion-matrix cell.

The run's answers for the whole test set are computed once per run (shared by every session); shuffling
and filtering only pick other images from them.
"""

import streamlit as st

import ui
from mnist_core.classroom import defaults
from mnist_core.data.datasets import DatasetError
from mnist_core.errors import advice
from mnist_core.i18n import t
from mnist_core.runs.store import RunError
from mnist_core.text.alt_text import mistake_alt
from mnist_core.text.names import class_names, dataset_title
from mnist_core.text.readings import filter_summary, headline, mistake_caption
from mnist_core.training.evaluation import cell_filters, gallery_indices
from ui import map_views

RUN_KEY = "mistakes-run"
TRUE_KEY = "mistakes-true"
PREDICTED_KEY = "mistakes-predicted"
MATRIX_KEY = "mistakes-matrix"
SEED_KEY = "mistakes-seed"
# Digits: ten small ones a row. Clothes need bigger pictures and room for longer captions.
LAYOUT = {"mnist": (84, 10), "fashion_mnist": (112, 5)}  # image px (a multiple of 28), images per row at most
ANY = None  # the filters' "any class" option
FILTER_WIDTH = 220  # px: two filters and the button side by side on a laptop, wrapping on a tablet or phone

dataset_name = ui.chosen_dataset()
names = class_names(dataset_name)


def class_option(option: int | None) -> str:
    return t("mistakes.any") if option is None else names[option]


def cell_chosen() -> None:
    """A confusion-matrix cell was chosen (or unchosen): the class filters follow it."""
    cells = st.session_state[MATRIX_KEY]["selection"]["cells"]
    chosen = ui.cell_classes(cells[0], names) if cells else None
    if chosen is None:
        st.session_state[TRUE_KEY] = st.session_state[PREDICTED_KEY] = ANY
    else:
        st.session_state[TRUE_KEY], st.session_state[PREDICTED_KEY] = cell_filters(*chosen)


def filter_changed() -> None:
    """A class filter changed: the matrix marks the matching cell, or none."""
    true_class, predicted = st.session_state.get(TRUE_KEY), st.session_state.get(PREDICTED_KEY)
    cells = [[true_class, names[predicted]]] if true_class is not None and predicted is not None else []
    st.session_state[MATRIX_KEY] = {"selection": {"rows": [], "columns": [], "cells": cells}}


def class_filter(label: str, key: str) -> int | None:
    """One of the two class filters: any class, or one of them."""
    options = [ANY, *range(len(names))]
    return st.selectbox(
        label, options, format_func=ui.localized(class_option), key=key, on_change=filter_changed, width=FILTER_WIDTH
    )


st.title(t("mistakes.title"))
st.markdown(t("mistakes.intro"))
ui.lesson(t("learn.argmax.title"), t("learn.argmax.body"))

records = ui.readable_runs(dataset_name)  # the class model, mine, the teacher's and earlier runs
if not records:
    st.info(t("mistakes.no_runs", dataset=dataset_title(dataset_name)), icon=":material/info:")
    st.page_link("app_pages/train.py", label=t("mistakes.go_train"), icon=":material/model_training:")
    st.stop()

default = defaults.default_run(records, dataset_name, ui.class_settings().pinned_run)
record = ui.run_choice(t("mistakes.run"), records, default, RUN_KEY)
data = ui.dataset_or_stop(dataset_name)
try:
    with st.spinner(t("mistakes.computing")):
        evaluation = ui.evaluation(record.id)
except (RunError, DatasetError) as error:
    ui.show_error(t("mistakes.cannot_read"), str(error), advice(error))
    st.stop()

st.subheader(headline(evaluation))

with st.container(horizontal=True, wrap=True, vertical_alignment="bottom", key="mistake-filters"):
    true_class = class_filter(t("mistakes.filter.true"), TRUE_KEY)
    predicted_class = class_filter(t("mistakes.filter.predicted"), PREDICTED_KEY)
    st.button(
        t("mistakes.shuffle"),
        key="shuffle",
        icon=":material/shuffle:",
        on_click=ui.new_seed,
        args=(SEED_KEY,),
        width="content",
    )

st.markdown(f"**{t('mistakes.matrix.title')}**")
st.caption(t("mistakes.matrix.help"))
ui.lesson(t("learn.matrix.title"), t("learn.matrix.body"))
st.dataframe(
    ui.confusion_table(evaluation.confusion, names),
    key=MATRIX_KEY,
    on_select=cell_chosen,
    selection_mode="single-cell",
)

picks, matching = gallery_indices(evaluation, true_class, predicted_class, seed=ui.seed(SEED_KEY))
st.markdown(f"**{filter_summary(len(picks), matching, true_class, predicted_class, names)}**")
ui.lesson(t("learn.ambiguous.title"), t("learn.ambiguous.body"))
with st.container(key="gallery"):
    if len(picks):
        ui.image_grid(
            [data.x_test[index] for index in picks],
            [mistake_caption(evaluation, int(index), names) for index in picks],
            *LAYOUT[dataset_name],
            alts=[mistake_alt(evaluation, int(index), names) for index in picks],
            key="gallery",
        )
    else:
        st.info(t("mistakes.none_match"), icon=":material/check_circle:")

map_views.learned_map_fragment(record)  # the map of what it learned: a click reruns only the map
