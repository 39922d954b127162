"""Class: the drawings this class gave, as the class model reads them. Made for the projector, open to everyone.

It refreshes by itself. Names show only when the teacher turns them on (Teacher page).
"""

import streamlit as st

import ui
from mnist_core.i18n import t
from ui import class_teacher, class_views

st.title(t("class.title"))
st.markdown(t("class.intro"))
class_views.class_board(show_names=ui.class_settings().show_names)
ui.lesson(t("learn.class_data.title"), t("learn.class_data.body"))
st.divider()
class_teacher.retrain_panel()
