"""What a student takes home from the Train page: a run's files, and a link that opens the page set the same way."""

from __future__ import annotations

from functools import partial

import streamlit as st

from mnist_core import i18n
from mnist_core.classroom.lesson_link import link_for
from mnist_core.i18n import t
from mnist_core.runs.store import RunRecord
from mnist_core.text import exports
from mnist_core.text.notebook import notebook_bytes
from mnist_core.training.settings import TrainingSettings
from ui.shared import run_store


def run_downloads(record: RunRecord) -> None:
    """Buttons for the run's notebook, model, record and chart. Each file is made only when its button is clicked."""
    # Streamlit makes a clicked file on a thread of its own, outside this session: the language goes along.
    language = i18n.current_language()
    buttons = [
        ("notebook", t("downloads.notebook"), t("downloads.notebook_help"), partial(notebook_bytes, record, language)),
        ("model", t("downloads.model"), t("downloads.model_help"), partial(exports.model_file, run_store(), record.id)),
        ("record", t("downloads.record"), t("downloads.record_help"), partial(exports.record_json, record)),
        ("curves", t("downloads.curves"), t("downloads.curves_help"), partial(exports.curves_png, record, language)),
    ]
    st.markdown(f"**{t('downloads.title')}**")
    for column, (kind, label, help_text, make_file) in zip(st.columns(len(buttons)), buttons, strict=True):
        column.download_button(
            label,
            data=make_file,
            file_name=exports.file_name(record, kind),
            mime=exports.MIME_TYPES[kind],
            help=help_text,
            key=f"download-{kind}-{record.id}",
            on_click="ignore",  # a download changes nothing on the page: no rerun
            icon=":material/download:",
        )


def lesson_link_control(settings: TrainingSettings) -> None:
    """The Train page's "copy a link to these settings": the link in a code box, whose own button copies it."""
    with st.popover(t("link.title"), icon=":material/link:"):
        # st.context.url: this page's address as the browser sees it (None under AppTest: a relative link).
        st.code(link_for(settings, st.context.url), language=None, wrap_lines=True)
        st.caption(t("link.help"))
