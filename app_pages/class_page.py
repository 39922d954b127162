"""Class: the drawings this class gave, as the class model reads them, and every run of the class on one chart.
Made for the projector, open to everyone.

It refreshes by itself. Names show only when the teacher turns them on (Teacher page).
"""

import streamlit as st

import ui
from mnist_core.i18n import t
from ui import class_teacher, class_views, runs_dashboard

st.title(t("class.title"))
st.markdown(t("class.intro"))
class_views.class_board(show_names=ui.class_settings().show_names)
ui.lesson(t("learn.class_data.title"), t("learn.class_data.body"))
st.divider()
runs_dashboard.runs_dashboard()
st.divider()
class_teacher.retrain_panel()
