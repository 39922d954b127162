"""The classroom app: `streamlit run app.py`.

st.navigation (rather than automatic pages/ discovery) so page titles can be translated and the
sidebar's data set choice and language switch, drawn here, are shared by every page. The language is
worked out first (the switch if someone used it, else the browser's locale), before any text is written.
"""

import streamlit as st

import ui
from mnist_core.errors import MnistAppError, advice
from mnist_core.i18n import t
from mnist_core.tuning import limit_memory_arenas, quiet_tensorflow
from ui import people

quiet_tensorflow()  # before any page imports TensorFlow: keeps the server log readable
limit_memory_arenas()  # memory stays flat over a day of trainings
ui.install()  # t() follows each session's language; Streamlit no longer resets Keras after every run
ui.set_session_language()

st.set_page_config(page_title=t("app.title"), page_icon="🔢", layout="wide")
ui.app_style()

page = st.navigation(
    [
        st.Page("app_pages/home.py", title=t("nav.home"), icon=":material/home:", default=True),
        st.Page("app_pages/train.py", title=t("nav.train"), icon=":material/model_training:"),
        st.Page("app_pages/draw.py", title=t("nav.draw"), icon=":material/draw:"),
        st.Page("app_pages/mistakes.py", title=t("nav.mistakes"), icon=":material/search:"),
        st.Page("app_pages/class_page.py", title=t("nav.class"), icon=":material/groups:"),
        st.Page("app_pages/teacher.py", title=t("nav.teacher"), icon=":material/admin_panel_settings:"),
    ]
)
people.name_box()
ui.dataset_choice()
ui.language_switch()
try:
    page.run()
except MnistAppError as error:  # a shared part down for a moment (the class database, the shared runs): said, and
    # what to do, never a traceback; the page comes back by itself at the next click once the part answers again
    ui.show_error(t("errors.page_unavailable"), str(error), advice(error))
