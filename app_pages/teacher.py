"""Teacher: locked by the teacher's password. Caps on students' trainings, the live line, the class model, runs.

The teacher's own trainings (from the Train page, once unlocked here) are not capped and are marked as the
teacher's. Without a password set on the server the page stays locked and says how to set one.
"""

import streamlit as st

from mnist_core.i18n import t
from ui import class_teacher, people, teacher_views

st.title(t("teacher.title"))
expected = people.expected_password()
if expected is None:
    st.info(t("teacher.no_password"), icon=":material/key:")
    st.stop()
if not people.teacher_unlocked():
    st.markdown(t("teacher.intro"))
    teacher_views.unlock_form(expected)
    st.stop()

st.button(t("teacher.lock"), key="teacher-lock", icon=":material/lock:", on_click=people.lock)
teacher_views.notice()
st.caption(t("teacher.unlocked"))
teacher_views.class_model()
teacher_views.caps_form()
teacher_views.line()
st.divider()
teacher_views.runs()
st.divider()
class_teacher.teacher_section()
