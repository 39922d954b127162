"""Fool it (issue #32), on the Draw page, outside the per-stroke fragment like the give buttons.

Fooling takes up to 1.5 s (mnist_core/reading/fooling.py), so it runs on the server's one fooling thread, never on
the script thread, and a fragment polls it: a click, a page switch or a busy server never holds up another student's
strokes.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor

import streamlit as st

from mnist_core import limits
from mnist_core.classset.database import ClassSetError
from mnist_core.errors import Refusal, RunError
from mnist_core.i18n import t
from mnist_core.reading.explain import drawing_image
from mnist_core.reading.fooling import FOOL_MAX_CHANGE, FOOL_SECONDS, Fooled, fool
from mnist_core.text import explain_words as words
from mnist_core.text.pictures import diverging
from ui import people
from ui.class_views import LAST_DRAWING_KEY, class_store
from ui.explain_views import SIZE
from ui.pictures import pictures
from ui.shared import class_settings, predictor
from ui.widgets import lesson, show_error

FOOL_KEY = "fool-state"  # this session's fooling: refused, under way (a Future) or done
FOOL_GIVEN_KEY = "fool-given"  # how giving the fooled drawing went
FOOL_POLL_SECONDS = 0.25
DIGITS = list(range(10))


@st.cache_resource(show_spinner=False)
def _fooling() -> ThreadPoolExecutor:
    """The server process's one fooling thread: a fooling at a time, each bounded (FOOL_SECONDS), off every script
    thread; the others wait their turn rather than take the cores from the strokes."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="fool-it")


def fool_it() -> None:
    """The target digit, the button, and what came of it (a container keyed `fooled`)."""
    with st.container(key="fool-section"):
        st.subheader(t("why.fool.title"))
        st.caption(t("why.fool.help", most=round(255 * FOOL_MAX_CHANGE)))
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            st.selectbox(t("why.fool.target"), DIGITS, index=8, key="fool-target", width=160)
            st.button(t("why.fool.button"), key="fool-it", icon=":material/theater_comedy:", on_click=_start_fooling)
        state = st.session_state.get(FOOL_KEY)
        future = state.get("future") if state else None
        if future is not None and not future.done():
            st.fragment(_fooling_under_way, run_every=FOOL_POLL_SECONDS)()
        else:
            with st.container(key="fooled"):
                _fooled(state)
        lesson(t("learn.fool.title"), t("learn.fool.body"))


def _start_fooling() -> None:
    """The button's callback: fool the latest drawing toward the chosen digit, on the fooling thread."""
    state = st.session_state.get(FOOL_KEY)
    if state and state.get("future") is not None and not state["future"].done():
        return  # one at a time for each student: the first is still under way
    reading, strokes, run_id = st.session_state.get(LAST_DRAWING_KEY, (None, None, None))
    target = int(st.session_state.get("fool-target", 8))
    st.session_state.pop(FOOL_GIVEN_KEY, None)
    try:
        if reading is None or run_id is None:
            raise Refusal("draw.blank")
        image = drawing_image(reading)  # Refusal for a blank, too small or too full drawing, at once
        network = predictor(run_id).network
    except Refusal as refusal:
        st.session_state[FOOL_KEY] = {"refused": (refusal.key, refusal.values)}
        return
    except RunError as error:
        st.session_state[FOOL_KEY] = {"error": str(error)}
        return
    future: Future[Fooled] = _fooling().submit(fool, network, image, target)
    st.session_state[FOOL_KEY] = {
        "future": future,
        "run_id": run_id,
        "target": target,
        "original": int(reading.predicted_label),
        "confidence": float(reading.confidence),
        "strokes": strokes,
    }


def _fooling_under_way() -> None:
    """Polls the fooling; once it has ended, the page shows its result."""
    state = st.session_state.get(FOOL_KEY) or {}
    future = state.get("future")
    if future is None or future.done():
        st.rerun(scope="app")
    with st.container(key="fooled"):
        st.info(
            t("why.fool.under_way", target=state.get("target"), seconds=FOOL_SECONDS), icon=":material/hourglass_top:"
        )


def _fooled(state: dict | None) -> None:
    if not state:
        st.caption(t("why.fool.none"))
        return
    if "refused" in state:
        key, values = state["refused"]
        st.warning(t(key, **values), icon=":material/draw:")
        return
    if "error" in state:
        show_error(t("draw.model_unreadable"), state["error"], "")
        return
    try:
        fooled: Fooled = state["future"].result()
    except (RunError, ValueError) as error:  # a network the backward pass does not know
        show_error(t("why.fool.failed"), str(error), "")
        return
    original, confidence = state["original"], state["confidence"]
    pictures(
        [fooled.original, fooled.image, diverging(fooled.change, SIZE)],
        SIZE,
        words.fooled_captions(fooled, original, confidence),
        alts=words.fooled_alts(fooled, original, confidence),
        key="fooled-pictures",
    )
    if fooled.succeeded:
        st.success(fooled.message.text(), icon=":material/theater_comedy:")
    else:
        st.warning(fooled.message.text(), icon=":material/shield:")
    lesson_words = words.fooled_lesson(fooled, original)
    if lesson_words:
        st.markdown(lesson_words)
    if fooled.succeeded and fooled.steps > 0:
        _give_fooled(original)


def _give_fooled(original: int) -> None:
    """A named student gives the fooled drawing to the class's "fooled the model" board, as the digit they drew."""
    student = people.student_name()
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
        st.selectbox(t("why.fool.meant"), DIGITS, index=original, key="fool-meant", width=160)
        st.button(t("why.fool.give"), key="fool-give", disabled=student is None, on_click=_give)
    outcome = st.session_state.get(FOOL_GIVEN_KEY)
    if student is None:
        st.caption(t("class.give.name_first"))
    elif outcome is not None:
        if outcome["given"]:
            st.success(outcome["text"], icon=":material/volunteer_activism:")
        else:
            st.warning(outcome["text"], icon=":material/block:")


def _give() -> None:
    """The give button's callback: once per fooled drawing, marked in its strokes as made by this tool."""
    state = st.session_state.get(FOOL_KEY) or {}
    student = people.student_name()
    if st.session_state.get(FOOL_GIVEN_KEY, {}).get("given") or student is None or state.get("future") is None:
        return
    fooled: Fooled = state["future"].result()
    meant = int(st.session_state.get("fool-meant", state["original"]))
    marker = json.dumps(words.fool_marker(fooled.target, state["strokes"]))
    if len(marker) > limits.GIFT_STROKES_MAX_CHARACTERS:  # a long drawing: the mark without its strokes
        marker = json.dumps(words.fool_marker(fooled.target, None))
    approved = not class_settings().review_first  # while the teacher reviews first, it waits unseen
    try:
        class_store().give(student, meant, fooled.reading, marker, state["run_id"], approved=approved)
        if approved:
            text = t("why.fool.given", meant=meant, read=fooled.predicted_label)
        else:
            text = t("class.give.waiting", digit=meant)
        given = True
    except Refusal as refusal:
        text, given = refusal.text(), False
    except ClassSetError:
        text, given = t("class.give.unavailable"), False
    st.session_state[FOOL_GIVEN_KEY] = {"given": given, "text": text}
