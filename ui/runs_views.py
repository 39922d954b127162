"""The Train page's saved runs: my runs first (the class's on request), compared side by side, continued.

Ticking rows compares them: their validation accuracy per epoch beside the tutorial's figures, and for two runs
the test images one gets right and the other wrong, both ways. With one of my runs ticked (any run, for the
teacher), it can train on for more epochs, and be taken home.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pandas as pd
import streamlit as st

from mnist_core import limits
from mnist_core.classroom import defaults
from mnist_core.data.datasets import DatasetError
from mnist_core.i18n import t
from mnist_core.runs.store import RunError, RunRecord
from mnist_core.text import figures
from mnist_core.text.comparison import SHOWN, disagreement_alt, disagreement_caption, disagreement_title
from mnist_core.text.names import class_names
from mnist_core.text.runs import comparison_rows, run_label, runs_table
from mnist_core.training.evaluation import Evaluation, disagreements
from mnist_core.training.settings import TrainingSettings
from ui import charts, people
from ui.downloads import run_downloads
from ui.pictures import image_grid
from ui.session import timezone
from ui.shared import dataset, evaluation
from ui.training_views import submit

WHOLE_CLASS_KEY = "runs-whole-class"
CONTINUE_EPOCHS_KEY = "continue-epochs"
DISAGREEMENT_SIZE = 56  # px: a test image twice its size, ten to a row


def shown_runs(records: Sequence[RunRecord]) -> list[RunRecord]:
    """My runs; the whole class's (mine first) when asked, or when I have no name yet. The teacher sees all."""
    student = people.student_name()
    if people.teacher_unlocked() or student is None:
        return list(records)
    mine = [record for record in records if defaults.is_mine(record, student)]
    if not st.toggle(t("train.runs.whole_class"), key=WHOLE_CLASS_KEY):
        return mine
    return mine + [record for record in records if not defaults.is_mine(record, student)]


def saved_runs(records: Sequence[RunRecord]) -> None:
    """The runs table, and for the ticked runs: the comparison, and for one of mine: continue it."""
    st.subheader(t("train.runs.title"))
    records = shown_runs(records)
    if not records:
        st.info(t("train.runs.none"))
        return
    zone = timezone()
    table = pd.DataFrame(runs_table(records, zone))
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
            "who": t("runs.col.who"),
            "dataset": t("runs.col.dataset"),
            "model": t("runs.col.model"),
            "epochs": t("runs.col.epochs"),
            "batch": st.column_config.NumberColumn(t("runs.col.batch")),
            "learning": t("runs.col.learning"),
            "accuracy": st.column_config.NumberColumn(t("runs.col.accuracy"), format="%.2f%%"),
            "fit": st.column_config.NumberColumn(t("runs.col.fit"), format="%.1f s"),
            "when": t("runs.col.when"),
            "status": t("runs.col.status"),
        },
    )
    ticked = [records[row] for row in event.selection.rows if row < len(records)]
    if not ticked:
        st.caption(t("train.runs.tick"))
        return
    compare(ticked)
    if len(ticked) == 1:
        continue_run(ticked[0])
        run_downloads(ticked[0])


def compare(ticked: Sequence[RunRecord]) -> None:
    zone = timezone()
    chart, numbers = st.columns([1, 1], gap="medium")
    with chart:
        st.markdown(f"**{t('train.runs.overlay')}**")
        charts.pyplot(figures.overlay(ticked, zone), alt=t("chart.overlay_alt"))
    with numbers:
        st.markdown(f"**{t('train.runs.compare')}**")
        st.dataframe(
            pd.DataFrame(comparison_rows(ticked, zone)),
            hide_index=True,
            column_config={
                "source": t("runs.col.source"),
                "dataset": t("runs.col.dataset"),
                "model": t("runs.col.model"),
                "epochs": st.column_config.NumberColumn(t("runs.col.epochs")),
                "learning": t("runs.col.learning"),
                "accuracy": st.column_config.NumberColumn(t("runs.col.accuracy"), format="%.2f%%"),
            },
        )
        st.caption(t("train.runs.compare_note"))
    if len(ticked) == 2:
        disagreement_grids(*ticked)


def disagreement_grids(first: RunRecord, second: RunRecord) -> None:
    """The test images one run gets right and the other wrong, both ways: what one setting changed, image by image.
    Each run's answers on the test set are worked out once per run for everybody (ui.shared.evaluation)."""
    st.markdown(f"**{t('compare.disagree.title')}**")
    if first.dataset != second.dataset:
        st.caption(t("compare.disagree.other_datasets"))
        return
    try:
        with st.spinner(t("compare.disagree.computing")):
            answers = evaluation(first.id), evaluation(second.id)
            images = dataset(first.dataset).x_test
    except (RunError, DatasetError) as error:
        st.caption(t("compare.disagree.unreadable", reason=str(error)))
        return
    zone = timezone()
    st.caption(t("compare.disagree.runs", a=run_label(first, zone), b=run_label(second, zone)))
    names = class_names(first.dataset)
    first_only, second_only = disagreements(*answers)
    with st.container(key="compare-disagreements"):
        _disagreement_grid("a", first_only, (answers[0], "A"), (answers[1], "B"), images, names)
        _disagreement_grid("b", second_only, (answers[1], "B"), (answers[0], "A"), images, names)


def _disagreement_grid(
    key: str,
    indices: Sequence[int],
    right: tuple[Evaluation, str],
    wrong: tuple[Evaluation, str],
    images: np.ndarray,
    names: Sequence[str],
) -> None:
    """The first SHOWN test images `right` gets right and `wrong` gets wrong, captioned with what `wrong` read."""
    (right_answers, right_name), (wrong_answers, wrong_name) = right, wrong
    st.markdown(disagreement_title(right_name, wrong_name, len(indices)))
    shown = [int(index) for index in indices[:SHOWN]]
    if not shown:
        st.caption(t("compare.disagree.none"))
        return
    image_grid(
        [images[index] for index in shown],
        [disagreement_caption(index, right_answers, wrong_answers, names, wrong_name) for index in shown],
        DISAGREEMENT_SIZE,
        alts=[disagreement_alt(index, right_answers, wrong_answers, names, right_name, wrong_name) for index in shown],
        key=f"disagree-{key}",
    )


def continue_run(record: RunRecord) -> None:
    """Train a finished or stopped run for more epochs: a new run whose curves go on from this one's."""
    if not defaults.may_continue(record, people.student_name(), people.teacher_unlocked()):
        return
    st.markdown(f"**{t('train.continue.title')}**")
    more, start = st.columns([1, 2], vertical_alignment="bottom")
    epochs = more.number_input(
        t("train.continue.epochs"),
        min_value=limits.EPOCHS.low,
        max_value=limits.PAGE_EPOCHS_HIGH,
        value=5,
        key=CONTINUE_EPOCHS_KEY,
    )
    settings = TrainingSettings.from_dict(record.settings).continued(record.id, int(epochs))
    start.button(
        t("train.continue.start", epochs=int(epochs), done=record.epochs_done),
        key="continue-run",
        icon=":material/fast_forward:",
        on_click=submit,
        args=(settings,),
        help=t("train.continue.help"),
    )
