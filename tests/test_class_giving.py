"""The give buttons' rule: the same drawing is not given twice in a row, and a refusal keeps the drawing given."""

import numpy as np
from class_writer import numbered_reading

from mnist_core.classset.giving import LastGive, fingerprint
from mnist_core.reading.predict import Reading
from mnist_core.reading.preprocess import DrawingStatus, Prepared


def test_a_drawing_is_told_apart_by_the_image_the_model_read():
    assert fingerprint(numbered_reading(3)) == fingerprint(numbered_reading(3))
    assert fingerprint(numbered_reading(3)) != fingerprint(numbered_reading(4))
    # Same image, other probabilities (another model read it): still the same drawing.
    other_model = Reading(numbered_reading(3).prepared, np.full(10, 0.1, dtype=np.float32))
    assert fingerprint(other_model) == fingerprint(numbered_reading(3))


def test_nothing_readable_has_no_fingerprint():
    assert fingerprint(None) is None
    assert fingerprint(Reading(Prepared(DrawingStatus.BLANK, None), None)) is None
    assert fingerprint(Reading(Prepared(DrawingStatus.TOO_SMALL, None), None)) is None
    unread = Reading(Prepared(DrawingStatus.OK, numbered_reading(3).prepared.image), None)
    assert fingerprint(unread) is None


def test_the_drawing_just_given_would_count_twice():
    first, second = fingerprint(numbered_reading(1)), fingerprint(numbered_reading(2))
    assert not LastGive().would_repeat(first)  # nothing given yet
    after_first = LastGive().after(first, given=True)
    assert after_first == LastGive(first, True)
    assert after_first.would_repeat(first)
    assert not after_first.would_repeat(second)  # a new drawing
    assert not after_first.would_repeat(None)  # nothing readable: the class set refuses it itself


def test_pressing_again_and_again_never_gives_the_same_drawing_twice():
    drawing = fingerprint(numbered_reading(1))
    last = LastGive().after(drawing, given=True)
    for _ in range(3):  # the second press is refused, and so are the third and the fourth
        assert last.would_repeat(drawing)
        last = last.after(drawing, given=False)
    assert last == LastGive(drawing, False)
    assert not last.would_repeat(fingerprint(numbered_reading(2)))  # the next drawing is given


def test_a_refused_press_keeps_the_drawing_given_before():
    given = fingerprint(numbered_reading(1))
    refused = LastGive(given, True).after(fingerprint(numbered_reading(2)), given=False)
    assert refused == LastGive(given, False)
    assert LastGive().after(given, given=False) == LastGive(None, False)  # refused before any give
