"""Review first, on the Teacher page: the teacher's switch, and the drawings waiting for review.

While the switch is on, a given drawing waits here, unseen by the class, until the teacher approves it (then it
counts on the Class page, its board, fine-tuning and the download) or rejects it (then it is deleted, and nothing
about it reaches the projector). The rules and the storage: mnist_core.classset.drawings (approve, reject, pending).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import streamlit as st

from mnist_core.classset.class_set import ClassSet
from mnist_core.classset.database import ClassSetError
from mnist_core.errors import advice
from mnist_core.i18n import t
from mnist_core.text.alt_text import drawing_alt
from ui.class_views import REFRESH_SECONDS, class_store
from ui.pictures import pictures
from ui.shared import class_settings, save_class_settings
from ui.widgets import show_error

SWITCH_KEY = "review-first"
QUEUE_KEY = "review-queue"
NOTICE_KEY = "review-notice"  # what the teacher's last approval or rejection did, shown once
PER_ROW = 4
PICTURE_SIZE = 84  # px (28 x 3), as on the Class page


def review_section() -> None:
    """The switch, then the drawings waiting (refreshed by itself: students keep giving while the teacher looks)."""
    review_switch()
    st.fragment(_queue, run_every=REFRESH_SECONDS)()


def review_switch() -> None:
    """The teacher's switch for reviewing drawings first; saved with the class settings, off by default."""
    settings = class_settings()
    on = st.toggle(
        t("class.review.switch"), value=settings.review_first, key=SWITCH_KEY, help=t("class.review.switch_help")
    )
    if on != settings.review_first:
        try:
            save_class_settings(dataclasses.replace(settings, review_first=on))
        except (OSError, ClassSetError) as error:
            show_error(t("teacher.not_saved"), str(error), t("errors.not_saved"))


def _queue() -> None:
    store = class_store()
    try:
        waiting = store.pending()
        count = store.pending_count()
    except ClassSetError as error:
        show_error(t("class.unavailable"), str(error), advice(error))
        return
    if not count and not class_settings().review_first:
        return  # nothing waits, and nothing will: no list to show
    with st.container(key=QUEUE_KEY):
        st.markdown(f"**{t('class.review.title')}**")
        notice = st.session_state.pop(NOTICE_KEY, None)
        if notice:
            st.success(notice, icon=":material/check_circle:")
        if not count:
            st.caption(t("class.review.none"))
            return
        st.caption(t("class.review.count", count=count))
        if count > len(waiting):
            st.caption(t("class.review.more", shown=len(waiting)))
        ids = [int(drawing_id) for drawing_id in waiting.ids]
        st.button(
            t("class.review.approve_all", count=len(ids)), key="review-approve-all", type="primary",
            icon=":material/done_all:", on_click=_approve, args=(ids,),
        )  # fmt: skip
        for start in range(0, len(ids), PER_ROW):
            row = range(start, min(start + PER_ROW, len(ids)))
            for column, position in zip(st.columns(PER_ROW), row, strict=False):  # the last row may be short
                with column:
                    _one(waiting, position)


def _one(waiting: ClassSet, position: int) -> None:
    """One drawing waiting: as the model saw it, who gave it as what, and its two buttons."""
    drawing_id = int(waiting.ids[position])
    meant, read = int(waiting.labels[position]), int(waiting.readings[position])
    student = waiting.students[position]
    caption = t("class.review.caption", student=student, meant=meant, read=read)
    alt = drawing_alt(meant, read, student=student)
    pictures([waiting.images[position]], PICTURE_SIZE, [caption], alts=[alt], key=f"review-{drawing_id}")
    with st.container(horizontal=True, gap="small"):
        st.button(
            t("class.review.approve"), key=f"review-approve-{drawing_id}", icon=":material/check:",
            on_click=_approve, args=([drawing_id],),
        )  # fmt: skip
        st.button(
            t("class.review.reject"), key=f"review-reject-{drawing_id}", icon=":material/close:",
            on_click=_reject, args=([drawing_id],),
        )  # fmt: skip


def _approve(ids: Sequence[int]) -> None:
    try:
        count = class_store().approve(ids)
    except ClassSetError as error:
        st.session_state[NOTICE_KEY] = str(error)
        return
    st.session_state[NOTICE_KEY] = t("class.review.approved", count=count)


def _reject(ids: Sequence[int]) -> None:
    try:
        count = class_store().reject(ids)
    except ClassSetError as error:
        st.session_state[NOTICE_KEY] = str(error)
        return
    st.session_state[NOTICE_KEY] = t("class.review.rejected", count=count)
