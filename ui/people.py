"""Who is using this session: a student by the name they gave, and whether the teacher has unlocked it.

A student gives a name once, in the sidebar; it is kept for the session and in the link (?student=...), so a
refresh or a bookmark keeps it. The teacher unlocks the Teacher page with the password; from then on this
session's trainings are the teacher's (not capped, marked as the teacher's).
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from mnist_core.classroom import teacher
from mnist_core.classroom.students import TEACHER, Owner, clean_name
from mnist_core.errors import Refusal
from mnist_core.i18n import t

NAME_KEY = "student-name"  # the sidebar's name box (a stable hook)
NAME_PARAM = "student"  # ?student=... in the link
UNLOCKED_KEY = "teacher-unlocked"
GUARD_KEY = "teacher-guard"


def name_box() -> None:
    """The sidebar's name box. The first run of a session takes the name from the link."""
    if NAME_KEY not in st.session_state:
        st.session_state[NAME_KEY] = st.query_params.get(NAME_PARAM, "")
    st.sidebar.text_input(
        t("sidebar.name"), key=NAME_KEY, placeholder=t("sidebar.name_placeholder"), help=t("sidebar.name_help")
    )
    typed = st.session_state[NAME_KEY]
    try:
        name = clean_name(typed)
    except Refusal as refusal:
        if typed.strip():
            st.sidebar.warning(refusal.text(), icon=":material/badge:")
        st.query_params.pop(NAME_PARAM, None)
        return
    st.query_params[NAME_PARAM] = name  # a refresh or a bookmark keeps it
    st.sidebar.caption(t("sidebar.name_same_student"))


def student_name() -> str | None:
    """The session's student name as shown, or None when none (or no valid one) was given."""
    try:
        return clean_name(st.session_state.get(NAME_KEY))
    except Refusal:
        return None


def owner() -> Owner:
    """Who this session trains as: the teacher once unlocked, else the named student (or nobody)."""
    return TEACHER if teacher_unlocked() else Owner(student_name())


def teacher_unlocked() -> bool:
    return bool(st.session_state.get(UNLOCKED_KEY))


def expected_password() -> str | None:
    """The password the teacher set (environment, else .streamlit/secrets.toml), or None."""

    def secret(name: str) -> str | None:
        try:
            return st.secrets.get(name)
        except StreamlitSecretNotFoundError:  # no secrets file at all: the usual case
            return None

    return teacher.teacher_password(secret)


def try_password(given: str, expected: str) -> bool:
    """Check a password with this session's guard (five wrong tries: a minute's wait); unlock when right."""
    guard = st.session_state.setdefault(GUARD_KEY, teacher.PasswordGuard())
    if guard.check(given, expected):
        st.session_state[UNLOCKED_KEY] = True
        return True
    return False


def seconds_to_wait() -> float:
    guard = st.session_state.get(GUARD_KEY)
    return guard.seconds_to_wait() if guard is not None else 0.0


def lock() -> None:
    st.session_state[UNLOCKED_KEY] = False
