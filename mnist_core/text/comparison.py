"""Two runs compared image by image: the test images one gets right and the other wrong, in words.

The runs are called A and B on the page (their full names in one line above the pictures), so each caption stays
short enough to sit under a small picture.
"""

from __future__ import annotations

from collections.abc import Sequence

from mnist_core.i18n import t
from mnist_core.training.evaluation import Evaluation

SHOWN = 20  # pictures per direction: two rows of ten, like the Mistakes page's gallery


def disagreement_title(right: str, wrong: str, count: int) -> str:
    """E.g. "A right, B wrong: 37 test images"."""
    return t("compare.disagree.direction", right=right, wrong=wrong, count=count)


def disagreement_caption(
    index: int, right: Evaluation, wrong: Evaluation, names: Sequence[str], wrong_name: str
) -> str:
    """A picture's caption: its label, and what the run that got it wrong read, e.g. "7 · B: 1"."""
    label, read = int(right.true_labels[index]), int(wrong.predicted_labels[index])
    return t("compare.disagree.caption", label=names[label], run=wrong_name, read=names[read])


def disagreement_alt(
    index: int,
    right: Evaluation,
    wrong: Evaluation,
    names: Sequence[str],
    right_name: str,
    wrong_name: str,
) -> str:
    """A picture's text alternative: its label and both runs' answers, for a screen reader."""
    return t(
        "compare.disagree.alt",
        label=names[int(right.true_labels[index])],
        right=right_name,
        wrong=wrong_name,
        read=names[int(wrong.predicted_labels[index])],
    )
