"""What a model read, in words and rows: probabilities, the Mistakes page's headline, captions and tables."""

import numpy as np

from mnist_core.text.names import class_names
from mnist_core.text.readings import confusion_rows, filter_summary, headline, mistake_caption, probability_rows
from mnist_core.training.evaluation import evaluation_from_probabilities

FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def evaluation(n_wrong=196, total=10_000):
    """A made-up set of answers: the first n_wrong images are read as the next class."""
    labels = np.arange(total) % 10
    predicted = labels.copy()
    predicted[:n_wrong] = (labels[:n_wrong] + 1) % 10
    probabilities = np.full((total, 10), 0.01, dtype=np.float32)
    probabilities[np.arange(total), predicted] = 0.91
    return evaluation_from_probabilities(probabilities, labels)


def test_headline():
    assert headline(evaluation(196)) == "196 of 10,000 test images wrong (98.04% right)"


def test_mistake_caption_is_the_tutorials_title_with_confidence():
    answers = evaluation(196)
    assert mistake_caption(answers, 0, class_names("mnist")) == "✗ Label: 0 · Predict: 1 · 91%"
    assert mistake_caption(answers, 4, FASHION) == "✗ Label: Coat · Predict: Sandal · 91%"
    assert mistake_caption(answers, 500, class_names("mnist")).startswith("✓")


def test_filter_summary():
    names = class_names("mnist")
    assert filter_summary(20, 1234, None, None, names) == "Showing 20 of 1,234 mistakes."
    assert filter_summary(3, 3, 4, 9, names) == "Showing 3 of 3 mistakes with label 4, read as 9."
    assert "read as any" in filter_summary(3, 3, 4, None, names)


def test_confusion_rows_mark_right_answers():
    rows = confusion_rows(evaluation(196).confusion, FASHION)
    assert rows[0]["T-shirt/top"] == "✓ 980" and rows[0]["Trouser"] == "20"
    assert list(rows[0]) == FASHION


def test_probability_rows():
    rows = probability_rows(np.eye(10, dtype=np.float32)[7], class_names("mnist"))
    assert rows[7] == {"class": "7", "probability": 1.0} and len(rows) == 10
