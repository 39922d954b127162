"""The Draw page's "pick a test image" (issue #33, key `pick-test-image`): a student who cannot draw reads an MNIST
test image instead, by its number or a random one of a digit, with the keyboard alone.

The picked image takes the drawing's place: `read` gives the page the same Reading a drawing gets, so every view of
the page shows it, and `strokes` gives the give buttons its marker, so it can be given to the class set like a
drawing. The rules (which image, its reading) are in mnist_core/reading/picked.py.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import streamlit as st

from mnist_core.data.datasets import Dataset, DatasetName
from mnist_core.errors import DatasetError, advice
from mnist_core.i18n import t
from mnist_core.reading import picked
from mnist_core.reading.predict import Predictor, Reading
from ui.pictures import pictures
from ui.session import localized
from ui.shared import dataset
from ui.widgets import show_error

PICK_KEY = "pick-test-image"  # the container, named in issue #33
HOW_KEY = "pick-test-image-how"
NUMBER_KEY = "pick-test-image-number"
READ_KEY = "pick-test-image-read"
PICKED_KEY = "pick-test-image-picked"  # the test image read while the canvas stays empty
PROBLEM_KEY = "pick-test-image-problem"  # why the last press found no test images
BY_NUMBER = -1  # the choice's first option; the others are the digits, a random test image of each
CHOICES = [BY_NUMBER, *range(10)]
PICTURE_SIZE = 84  # px (28 x 3), as the class set's pictures


def picker(on_pick: Callable[[], None]) -> None:
    """The choice, the number (when reading by number) and the button, then the test image being read.

    `on_pick` runs before a picked image is read: the Draw page empties its canvas there, since ink wins.
    The data set loads at the first press, not with the page: most students draw.
    """
    with st.container(key=PICK_KEY):
        st.markdown(f"**{t('pick.title')}**")
        st.caption(t("pick.help", count=picked.TEST_IMAGE_COUNT))
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            how = st.selectbox(
                t("pick.how"), CHOICES, format_func=localized(_choice_label), key=HOW_KEY, help=t("pick.how_help")
            )
            if how == BY_NUMBER:
                st.number_input(
                    t("pick.number", last=picked.TEST_IMAGE_COUNT - 1),
                    min_value=0,
                    max_value=picked.TEST_IMAGE_COUNT - 1,
                    step=1,
                    key=NUMBER_KEY,
                    help=t("pick.number_help"),
                )
            st.button(t("pick.read"), key=READ_KEY, icon=":material/image_search:", on_click=_pick, args=(on_pick,))
        problem = st.session_state.get(PROBLEM_KEY)
        if problem is not None:
            show_error(t("pick.unavailable"), *problem)
        index = st.session_state.get(PICKED_KEY)
        if index is not None:
            _shown(index)


def read(predictor: Predictor, rgba: np.ndarray | None, inside: bool) -> Reading | None:
    """The reading the page shows: the canvas's, or while nothing is drawn the picked test image's. A stroke on the
    canvas forgets the picked image."""
    drawn = predictor.read_canvas(rgba, inside=inside) if rgba is not None else None
    index = st.session_state.get(PICKED_KEY)
    if index is None:
        return drawn
    if picked.drew_something(drawn):
        forget()
        return drawn
    return picked.read_test_image(predictor, _test_set().x_test, index, inside=inside)


def showing_test_image() -> bool:
    """Whether the page reads a picked test image (not a drawing) in this run."""
    return st.session_state.get(PICKED_KEY) is not None


def strokes(drawn: dict | None) -> dict | None:
    """What the give buttons keep as strokes: the picked test image's marker while it is read, else the canvas's."""
    index = st.session_state.get(PICKED_KEY)
    return drawn if index is None else picked.strokes_marker(index)


def forget() -> None:
    """No test image picked any more (a stroke, or Clear)."""
    st.session_state.pop(PICKED_KEY, None)


def _choice_label(choice: int) -> str:
    return t("pick.by_number") if choice == BY_NUMBER else t("pick.random", digit=choice)


def _pick(on_pick: Callable[[], None]) -> None:
    """The button's callback: which test image, chosen before the page reruns so this run already reads it."""
    st.session_state.pop(PROBLEM_KEY, None)
    try:
        labels = _test_set().y_test
    except DatasetError as error:  # drawing goes on; the message says how to get the data set
        st.session_state[PROBLEM_KEY] = (str(error), advice(error))
        return
    how = st.session_state.get(HOW_KEY, BY_NUMBER)
    if how == BY_NUMBER:
        index = picked.pick_index(labels, number=int(st.session_state.get(NUMBER_KEY) or 0))
    else:
        index = picked.pick_index(labels, digit=int(how))
    on_pick()
    st.session_state[PICKED_KEY] = index


def _shown(index: int) -> None:
    """The test image being read, named by its number and label, in words for a screen reader too."""
    data = _test_set()
    label = int(data.y_test[index])
    pictures(
        [picked.prepared_test_image(data.x_test[index]).image],
        PICTURE_SIZE,
        [t("pick.caption", index=index, label=label)],
        alts=[t("pick.alt", index=index, label=label)],
        key="pick-test-image-shown",
    )
    st.caption(t("pick.reading", index=index, label=label))


def _test_set() -> Dataset:
    return dataset(DatasetName.MNIST)
