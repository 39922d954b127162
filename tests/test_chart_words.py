"""Each chart's sentence for screen readers says what the chart shows, in English and Korean."""

from __future__ import annotations

import numpy as np

from mnist_core import i18n
from mnist_core.text.chart_words import batch_words, curve_words, probability_words
from mnist_core.text.readings import probability_rows

HISTORY = {"loss": [0.45, 0.2, 0.08], "val_loss": [0.3, 0.15, 0.1], "accuracy": [0.9, 0.95, 0.98]}


def test_a_curve_is_told_by_its_first_and_last_epoch_for_training_and_validation():
    with i18n.in_language("en"):
        words = curve_words(HISTORY, "loss")
        assert "0.4500 after epoch 1" in words and "0.0800 after epoch 3" in words
        assert "Validation: 0.3000 after epoch 1, 0.1000 after the last" in words
        assert "Validation" not in curve_words(HISTORY, "accuracy")  # no val_accuracy yet
        assert "no epoch" in curve_words({}, "loss")
    with i18n.in_language("ko"):
        assert "3 에포크 후 0.0800" in curve_words(HISTORY, "loss")


def test_the_running_loss_is_told_from_start_to_now():
    with i18n.in_language("en"):
        assert batch_words([(0.1, 2.3), (1.5, 0.41)]) == (
            "The running loss was 2.3000 at the start and is 0.4100 now, at epoch 1.5."
        )
        assert batch_words([]) == "No batch has ended yet."


def test_the_probabilities_are_told_most_likely_first():
    probabilities = np.zeros(10)
    probabilities[[7, 1, 2]] = [0.95, 0.04, 0.01]
    rows = probability_rows(probabilities, [str(digit) for digit in range(10)])
    with i18n.in_language("en"):
        assert probability_words(rows) == "Most likely 7 (95.0%), then 1 (4.0%), 2 (1.0%)."
        assert probability_words(probability_rows(np.zeros(10), list("0123456789"))) == "Nothing is read yet."
    with i18n.in_language("ko"):
        assert "7 (95.0%)" in probability_words(rows)
