"""Each chart's content in one sentence, shown under the chart for anyone who cannot see it (screen readers too).

A chart is drawn on a canvas that a screen reader cannot read; these sentences say what a sighted person takes from
it at a glance: where a curve started and where it is now, which answers are most likely.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mnist_core.i18n import t
from mnist_core.text.formats import percent

MOST_LIKELY_SHOWN = 3  # the answer and two runners-up: the rest are usually near 0%


def curve_words(history: Mapping[str, Sequence[float]], metric: str) -> str:
    """E.g. "Loss: training 0.4523 after epoch 1 and 0.0812 after epoch 10; validation 0.2011, then 0.0903."."""
    training, validation = history.get(metric, []), history.get(f"val_{metric}", [])
    if not training:
        return t("chart.words.curve_empty", metric=t(f"chart.{metric}"))
    words = t(
        "chart.words.curve",
        metric=t(f"chart.{metric}"),
        first=f"{training[0]:.4f}",
        last=f"{training[-1]:.4f}",
        epochs=len(training),
    )
    if validation:
        words += " " + t("chart.words.validation", first=f"{validation[0]:.4f}", last=f"{validation[-1]:.4f}")
    return words


def batch_words(points: Sequence[tuple[float, float]]) -> str:
    """E.g. "The running loss was 2.3012 at the start and is 0.4123 now, at epoch 1.5."."""
    if not points:
        return t("chart.words.batch_empty")
    (_, first), (epochs, last) = points[0], points[-1]
    return t("chart.words.batch", first=f"{first:.4f}", last=f"{last:.4f}", epochs=f"{epochs:.1f}")


def probability_words(rows: Sequence[Mapping[str, object]]) -> str:
    """E.g. "Most likely 7 (98.2%), then 1 (1.0%) and 2 (0.3%)." from probability_rows' rows."""
    ranked = sorted(rows, key=lambda row: -float(row["probability"]))[:MOST_LIKELY_SHOWN]
    if not ranked or float(ranked[0]["probability"]) <= 0:  # the empty panel before anything is drawn
        return t("chart.words.probabilities_empty")
    shown = [f"{row['class']} ({percent(float(row['probability']), 1)})" for row in ranked]
    return t("chart.words.probabilities", first=shown[0], others=", ".join(shown[1:]))
