"""What one session has chosen: its language, its data set, its random picks; and the viewer's time zone.

Kept in st.session_state, which is per browser tab. The language is worked out at the start of every script
run, before any text is written.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from mnist_core import i18n
from mnist_core.data import datasets
from mnist_core.i18n import t
from mnist_core.text.names import dataset_title

DATASET_KEY = "dataset"  # the sidebar choice every page follows
LANGUAGE_KEY = "language"  # the session's language, worked out at the start of every run
LANGUAGE_SWITCH_KEY = "language-switch"  # the sidebar switch; once used, it wins over the browser's locale


def session_language() -> str | None:
    """The language of the session whose script run this thread is doing (None outside a script run)."""
    # Outside a script run (tests reading results, training threads) there is no session.
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return st.session_state.get(LANGUAGE_KEY)


def _browser_language() -> str:
    return i18n.language_for_locale(st.context.locale)


def set_session_language() -> None:
    """Work out the session's language before anything is written: the switch if used, else the browser's."""
    chosen = st.session_state.get(LANGUAGE_SWITCH_KEY)
    st.session_state[LANGUAGE_KEY] = chosen if chosen in i18n.LANGUAGES else _browser_language()


def language_switch() -> None:
    """The sidebar's English / 한국어 switch. It starts on the browser's language and then wins for the session."""
    st.sidebar.segmented_control(
        t("sidebar.language"),
        i18n.LANGUAGES,
        format_func=i18n.LANGUAGE_NAMES.get,
        default=_browser_language(),
        required=True,
        key=LANGUAGE_SWITCH_KEY,
    )


def localized(format_func: Callable[[Any], str]) -> Callable[[Any], str]:
    """A widget's format_func that always speaks this run's language.

    Streamlit calls it while drawing the widget, but AppTest calls it again later, outside the script run,
    where there is no session and t() would answer in English.
    """
    language = i18n.current_language()

    def formatted(option: Any) -> str:
        with i18n.in_language(language):
            return format_func(option)

    return formatted


def chosen_dataset() -> str:
    name = st.session_state.get(DATASET_KEY)
    return name if name in datasets.DATASET_NAMES else datasets.DATASET_NAMES[0]


def choose_dataset(name: str) -> None:
    """Change the sidebar choice (from a button callback, before the sidebar is drawn again)."""
    st.session_state[DATASET_KEY] = name


def dataset_choice() -> None:
    """The sidebar's data set choice, shared by every page."""
    if DATASET_KEY not in st.session_state and st.query_params.get(DATASET_KEY) in datasets.DATASET_NAMES:
        # A teacher can share a link that opens on Fashion: ...?dataset=fashion_mnist
        st.session_state[DATASET_KEY] = st.query_params[DATASET_KEY]
    st.sidebar.radio(
        t("sidebar.dataset"), datasets.DATASET_NAMES, format_func=localized(dataset_title), key=DATASET_KEY
    )
    st.sidebar.caption(t("sidebar.dataset_help"))


def timezone() -> str | None:
    return st.context.timezone


def seed(key: str) -> int:
    """A random seed kept in the session, so reruns show the same random picks until asked for new ones."""
    if key not in st.session_state:
        new_seed(key)
    return st.session_state[key]


def new_seed(key: str) -> None:
    """Fresh random picks ("new samples", "shuffle") from the next run on."""
    st.session_state[key] = secrets.randbelow(2**31)
