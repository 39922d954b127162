"""Home: what the app teaches, the data set at a glance, the model's layers, and whether a model is ready.

Nothing here imports TensorFlow: the page must appear at once on a cold server.
"""

import numpy as np
import pandas as pd
import streamlit as st

import ui
from mnist_core import limits
from mnist_core.classroom import defaults
from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.model import summary
from mnist_core.model.keras_model import ModelKind
from mnist_core.text.alt_text import sample_alt
from mnist_core.text.formats import percent, when
from mnist_core.text.names import class_names, dataset_short, dataset_title
from mnist_core.text.runs import model_description
from mnist_core.text.summary import summary_columns, summary_rows
from mnist_core.training.evaluation import sample_indices

SAMPLES = 20
SAMPLE_SIZE = 84  # px: 28 x 3, so every pixel is a clean 3x3 square
SEED_KEY = "home-seed"

dataset_name = ui.chosen_dataset()

st.title(t("home.title"))
st.markdown(t("home.intro"))

data = ui.dataset_or_stop(dataset_name)
names = class_names(dataset_name)

st.subheader(t("home.data.title", dataset=dataset_title(dataset_name)))
columns = st.columns(4)
columns[0].metric(t("home.data.train"), f"{len(data.x_train):,}")
columns[1].metric(t("home.data.test"), f"{len(data.x_test):,}")
columns[2].metric(t("home.data.size"), t("home.data.size_value", height=28, width=28))
columns[3].metric(t("home.data.classes"), len(names))
st.caption(t("home.data.scaling"))
ui.lesson(t("learn.data.title"), t("learn.data.body"))
ui.lesson(t("learn.scaling.title"), t("learn.scaling.body"))

st.subheader(t("home.samples.title"))
st.button(t("home.samples.new"), key="new-samples", icon=":material/shuffle:", on_click=ui.new_seed, args=(SEED_KEY,))
picks = sample_indices(np.arange(len(data.x_train)), SAMPLES, seed=ui.seed(SEED_KEY))
sample_names = [names[data.y_train[i]] for i in picks]
ui.image_grid(
    [data.x_train[i] for i in picks],
    sample_names,
    SAMPLE_SIZE,
    alts=[sample_alt(name, dataset_name) for name in sample_names],
    key="samples",
)
if dataset_name == DatasetName.FASHION_MNIST:
    st.caption(t("home.samples.fashion_classes", names=", ".join(f"{i} {name}" for i, name in enumerate(names))))

st.subheader(t("home.model.title"))
st.markdown(t("home.model.intro", hidden=limits.HIDDEN_UNITS.default))
rows = summary.layer_rows(ModelKind.MLP, limits.HIDDEN_UNITS.default)
st.dataframe(
    pd.DataFrame(summary_rows(rows)),
    hide_index=True,
    width="content",
    column_config={summary_columns()["parameters"]: st.column_config.NumberColumn(format="localized")},
)
st.markdown(t("home.model.total", total=f"{summary.total_parameters(rows):,}"))

st.subheader(t("home.ready.title"))
store = ui.run_store()
records = store.list()
ready = defaults.ready_drawing_run(records)  # the setup's check too: both agree on what counts
drawable = defaults.drawing_run(records)
if ready is not None:
    st.success(
        t(
            "home.ready.yes",
            epochs=ready.epochs_done,
            accuracy=percent(ready.test_accuracy),
            when=when(ready.created, ui.timezone()),
        ),
        icon=":material/check_circle:",
    )
    st.page_link("app_pages/draw.py", label=t("home.ready.go_draw"), icon=":material/draw:")
elif drawable is not None:
    st.info(
        t("home.ready.other_model", model=model_description(drawable), epochs=drawable.epochs_done),
        icon=":material/info:",
    )
    st.page_link("app_pages/draw.py", label=t("home.ready.go_draw"), icon=":material/draw:")
else:
    st.info(t("home.ready.no"), icon=":material/info:")
    st.page_link("app_pages/train.py", label=t("home.ready.go_train"), icon=":material/model_training:")
if dataset_name != DatasetName.MNIST:
    other = defaults.default_run(records, dataset_name)
    if other is not None:
        st.caption(
            t(
                "home.ready.other",
                dataset=dataset_short(dataset_name),
                accuracy=percent(other.test_accuracy),
                epochs=other.epochs_done,
            )
        )
