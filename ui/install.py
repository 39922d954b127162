"""What the app changes in Streamlit and in mnist_core when it starts: one explicit call, `install()`.

Importing the ui package changes nothing; app.py calls `install()` once per script run, before any page.
"""

from __future__ import annotations

import sys

from streamlit.runtime.scriptrunner import script_runner

from mnist_core import i18n
from ui.server_tuning import tune_server
from ui.session import session_language


def install() -> None:
    """Make t() speak each session's language, stop Streamlit resetting Keras after every script run, and (once
    per process) tune the server: answers sent at once, no spinning BLAS threads, no long collections
    (ui/server_tuning.py)."""
    i18n.set_language_source(session_language)
    script_runner._clean_problem_modules = close_pyplot_figures_only
    tune_server()


# After every script run of every session, Streamlit resets Keras if it is loaded (keras.backend.clear_session():
# new global state for all threads, cleared kernel cache, a full garbage collection). The pages read drawings
# without Keras, but a server that trains in its own threads (MNIST_APP_TRAINING_IN=thread, and the tests) loads
# it: a reset in the middle of a training breaks it ("too many values to unpack"), and the collection costs every
# student's stroke about a second on a busy server. So we keep only the other half of Streamlit's clean-up. The
# hook is private (streamlit 1.67, script_runner._clean_problem_modules); tests/test_ui_install.py fails if
# Streamlit ever resets Keras again.
def close_pyplot_figures_only() -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
