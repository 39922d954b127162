"""Is the class set lopsided? Which digits the class gave too few of, and what that does to the lesson.

A fine-tuning on 40 drawings of 1 and 4 of 7 teaches the wrong lesson silently: the model sees too few 7s to learn
how this class writes them and leans toward the digits it sees most, and the class's accuracy on 7 rests on a
handful of drawings. The Class page and the fine-tuning panel show the count per digit and name the scarce ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mnist_core.i18n import t

SCARCE_SHARE = 3  # a digit is scarce below a third of the mean count per digit


def scarce_digits(counts: Sequence[int] | np.ndarray) -> list[int]:
    """The digits with fewer than a third of the mean count (over all ten), in order; none in an empty class set.

    Worked in whole numbers: count < (total / 10) / 3 exactly when 30 x count < total.
    """
    counts = [int(count) for count in counts]
    if len(counts) != 10:
        raise ValueError(f"One count per digit: 10, not {len(counts)}.")
    total = sum(counts)
    return [digit for digit, count in enumerate(counts) if SCARCE_SHARE * len(counts) * count < total]


def counts_text(counts: Sequence[int] | np.ndarray) -> str:
    """The count per digit in words, e.g. "Drawings of each digit: 0: 4 · 1: 40 · … · 9: 3." (beside a chart)."""
    each = " · ".join(f"{digit}: {int(count):,}" for digit, count in enumerate(counts))
    return t("class.balance.counts", counts=each)


def balance_warning(counts: Sequence[int] | np.ndarray) -> str | None:
    """A warning naming the scarce digits with their counts and what they do to the lesson; None when none is."""
    scarce = scarce_digits(counts)
    if not scarce:
        return None
    named = ", ".join(f"{digit} ({int(counts[digit]):,})" for digit in scarce)
    return t("class.balance.scarce", digits=named, mean=f"{sum(int(count) for count in counts) / 10:.1f}")
