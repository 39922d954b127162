"""Tables on a page: the confusion matrix, and what a click in one means."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from mnist_core.i18n import t
from mnist_core.text.readings import confusion_rows


def confusion_table(confusion: np.ndarray, names: Sequence[str]) -> Any:
    """The confusion matrix as a table: counts as text (✓ on the diagonal), mistakes shaded by how many.

    The shading only helps the eye; every cell says its number, so it reads without colour.
    """
    frame = pd.DataFrame(confusion_rows(confusion, names), index=pd.Index(names, name=t("mistakes.matrix.axes")))
    mistakes = confusion.astype(float).copy()
    np.fill_diagonal(mistakes, 0)
    most = max(mistakes.max(), 1.0)

    def shade(_: pd.DataFrame) -> pd.DataFrame:
        styles = [
            [
                "font-weight: bold" if row == column
                else f"background-color: rgba(214, 39, 40, {0.08 + 0.6 * mistakes[row, column] / most:.2f})"
                if mistakes[row, column] else ""
                for column in range(len(names))
            ]
            for row in range(len(names))
        ]  # fmt: skip
        return pd.DataFrame(styles, index=frame.index, columns=frame.columns)

    return frame.style.apply(shade, axis=None)


def cell_classes(cell: tuple[int, str] | list, names: Sequence[str]) -> tuple[int, int] | None:
    """A chosen confusion-matrix cell (row position, column name) as (true class, predicted class)."""
    try:
        row, column = int(cell[0]), str(cell[1])
        return (row, list(names).index(column)) if 0 <= row < len(names) else None
    except (ValueError, TypeError, IndexError):
        return None
