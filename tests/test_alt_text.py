"""Text alternatives of the pictures (mnist_core.text.alt_text): what each shows, right or wrong in a word, both
languages."""

from __future__ import annotations

import numpy as np
import pytest

from mnist_core.i18n import in_language
from mnist_core.locales import en, ko
from mnist_core.text import alt_text
from mnist_core.training.evaluation import evaluation_from_probabilities

STEPS = ("ink", "cropped", "scaled", "padded", "centred")


def probabilities(read: list[int], sure: float) -> np.ndarray:
    """One row per image: `sure` on the class read, the rest spread over the other nine."""
    rows = np.full((len(read), 10), (1 - sure) / 9, dtype=np.float32)
    rows[np.arange(len(read)), read] = sure
    return rows


def test_a_training_image_says_its_digit_or_its_class():
    assert alt_text.sample_alt("5", "mnist") == "Training image: a handwritten 5, 28 × 28 grey pixels."
    assert "Sneaker" in alt_text.sample_alt("Sneaker", "fashion_mnist")
    assert "clothing" in alt_text.sample_alt("Sneaker", "fashion_mnist")


def test_the_networks_input_says_what_it_reads_and_how_sure():
    assert alt_text.input_alt("7", 0.981).endswith("The network reads 7, 98% sure.")
    assert "nothing is drawn yet" in alt_text.input_alt(None, None)


def test_every_step_says_which_it_is_and_its_size():
    texts = [alt_text.step_alt(step, 40, 35) for step in STEPS]
    assert [text.split(":")[0] for text in texts] == [f"Step {number} of 5" for number in range(1, 6)]
    assert all("40 × 35" in text for text in texts)
    with pytest.raises(KeyError):
        alt_text.step_alt("blurred", 28, 28)


def test_a_test_image_says_label_answer_and_right_or_wrong_in_words():
    evaluation = evaluation_from_probabilities(probabilities([3, 4], 0.87), np.array([5, 4]))
    names = [str(digit) for digit in range(10)]
    assert alt_text.mistake_alt(evaluation, 0, names) == "Test image labelled 5: the network read 3, 87% sure. Wrong."
    assert alt_text.mistake_alt(evaluation, 1, names).endswith("read 4, 87% sure. Right.")


def test_a_class_drawing_names_its_student_only_when_asked():
    assert alt_text.drawing_alt(1, 0, 0.995) == "A drawing meant as 1: the class model reads 0, 100% sure. Wrong."
    assert alt_text.drawing_alt(7, 7, 0.9, "Min-jun").endswith("Right. Drawn by Min-jun.")
    assert alt_text.drawing_alt(2, 3, student="Ji-woo") == (
        "A drawing meant as 2, read as 3 when it was given. Wrong. Drawn by Ji-woo."
    )


def test_korean_says_the_same_in_korean():
    evaluation = evaluation_from_probabilities(probabilities([3], 0.5), np.array([5]))
    with in_language("ko"):
        texts = [
            alt_text.sample_alt("5", "mnist"),
            alt_text.input_alt("7", 0.98),
            alt_text.input_alt(None, None),
            *(alt_text.step_alt(step, 20, 14) for step in STEPS),
            alt_text.mistake_alt(evaluation, 0, [str(digit) for digit in range(10)]),
            alt_text.drawing_alt(1, 0, 0.9, "하은"),
            alt_text.drawing_alt(4, 4),
        ]
    assert all(any("\uac00" <= letter <= "\ud7a3" for letter in text) for text in texts), texts
    assert texts[-3].endswith(ko.MESSAGES["alt.wrong"])
    assert texts[-2].startswith("우리 반에 준 그림") and texts[-2].endswith("그린 학생: 하은.")
    assert ko.MESSAGES["alt.right"] in texts[-1]


def test_every_alt_key_is_in_both_catalogs():
    keys = {key for key in en.MESSAGES if key.startswith("alt.")}
    assert keys and keys == {key for key in ko.MESSAGES if key.startswith("alt.")}
