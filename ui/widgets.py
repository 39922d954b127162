"""Small widgets every page uses: an error box, a choice of runs, a folded lesson, a big answer."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from mnist_core.classroom import defaults
from mnist_core.data import datasets
from mnist_core.errors import advice
from mnist_core.i18n import t
from mnist_core.runs.store import RunRecord
from mnist_core.text.names import dataset_title
from mnist_core.text.runs import run_label
from ui import people
from ui.session import localized, timezone
from ui.shared import class_settings, dataset, run_store


def show_error(headline: str, details: str = "", advice: str = "") -> None:
    """An error box: what went wrong and what to do, in the session's language, then the technical details.

    The details are the error's own message (English, with folders and commands), kept as it is in a code
    block for whoever runs the server.
    """
    body = headline
    if advice:
        body += f"\n\n{advice}"
    if details:
        body += f"\n\n{t('errors.details')}\n\n```text\n{details.strip()}\n```"
    st.error(body, icon=":material/error:")


def readable_runs(dataset: str) -> list[RunRecord]:
    """The runs of a data set this session may read with: the class model, mine, the teacher's, earlier runs
    (the teacher: every run that can read)."""
    teacher = people.teacher_unlocked()
    student = None if teacher else people.student_name()
    return defaults.readable_runs(run_store().list(), dataset, student, class_settings().pinned_run, teacher)


def run_choice(
    label: str, records: Sequence[RunRecord], default: RunRecord | None, key: str, help: str | None = None
) -> RunRecord | None:
    """A choice of runs, starting on `default` (the class model is starred).

    A choice that is gone (the teacher deleted the run) is said so, and the default takes its place.
    """
    if not records:
        return None
    by_id = {record.id: record for record in records}
    if st.session_state.get(key) not in by_id:
        if st.session_state.get(key) is not None:
            st.info(t("runs.gone", run=run_label((default or records[0]), timezone())), icon=":material/info:")
        st.session_state[key] = (default or records[0]).id
    zone = timezone()
    pinned = class_settings().pinned_run
    chosen = st.selectbox(
        label,
        list(by_id),
        format_func=localized(lambda run_id: run_label(by_id[run_id], zone, pinned=run_id == pinned)),
        key=key,
        width=720,
        help=help,
    )
    return by_id[chosen]


def lesson(title: str, body: str) -> None:
    """A short explanation a teacher can read aloud, folded away until someone opens it."""
    with st.expander(title, icon=":material/school:"):
        st.markdown(body)


def dataset_or_stop(name: str) -> datasets.Dataset:
    """The data set, or its friendly error on the page and nothing more (never a traceback)."""
    try:
        return dataset(name)
    except datasets.DatasetError as error:
        show_error(t("common.data_missing", dataset=dataset_title(name)), str(error), advice(error))
        st.stop()
