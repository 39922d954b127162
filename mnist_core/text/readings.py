"""What a model read, in words and table rows: the Draw page's ten probabilities, and the Mistakes page's
headline, picture captions, filter summary and confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mnist_core.i18n import t
from mnist_core.text.formats import percent
from mnist_core.training.evaluation import Evaluation


def probability_rows(probabilities: np.ndarray, names: Sequence[str]) -> list[dict[str, object]]:
    """The ten class probabilities, in class order, for a bar chart."""
    return [{"class": names[index], "probability": float(p)} for index, p in enumerate(probabilities)]


def headline(evaluation: Evaluation) -> str:
    """E.g. 196 of 10,000 test images wrong (98.04% right)."""
    return t(
        "mistakes.headline",
        wrong=evaluation.wrong_count,
        total=evaluation.total,
        right=percent(evaluation.accuracy),
    )


def mistake_caption(evaluation: Evaluation, index: int, names: Sequence[str]) -> str:
    """E.g. ✗ Label: 5 · Predict: 3 · 87%: the tutorial's title, with how sure the model was."""
    true_label, predicted = int(evaluation.true_labels[index]), int(evaluation.predicted_labels[index])
    mark = t("common.right_mark") if true_label == predicted else t("common.wrong_mark")
    return t(
        "mistakes.caption",
        mark=mark,
        label=names[true_label],
        predict=names[predicted],
        confidence=percent(evaluation.confidence(index), 0),
    )


def filter_summary(
    shown: int, matching: int, true_class: int | None, predicted_class: int | None, names: Sequence[str]
) -> str:
    """What the gallery shows, e.g. "20 of 196 mistakes" or "3 of 3 mistakes: label 4 read as 9"."""
    if true_class is None and predicted_class is None:
        return t("mistakes.showing", shown=shown, matching=matching)
    label = names[true_class] if true_class is not None else t("mistakes.any")
    predict = names[predicted_class] if predicted_class is not None else t("mistakes.any")
    return t("mistakes.showing_filtered", shown=shown, matching=matching, label=label, predict=predict)


def confusion_rows(confusion: np.ndarray, names: Sequence[str]) -> list[dict[str, str]]:
    """The confusion matrix as table rows: one row per true class, one column per predicted class.

    Right answers (the diagonal) carry a ✓ so they read apart from mistakes without colour.
    """
    rows = []
    for true_class, counts in enumerate(confusion):
        row = {}
        for predicted, count in enumerate(counts):
            row[names[predicted]] = f"✓ {count}" if predicted == true_class else str(int(count))
        rows.append(row)
    return rows
