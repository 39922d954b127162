"""The tutorial's matplotlib charts: the four curves of one training, and several runs' validation accuracy.

Plain matplotlib through its object API (no pyplot: no global state shared between the server's threads) and
no Streamlit, so the Train page shows these and a run's download carries the same picture as a PNG.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mnist_core import i18n
from mnist_core.i18n import t
from mnist_core.text.runs import reference_label, references_for, run_short_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mnist_core.runs.store import RunRecord


# Fonts matplotlib can draw Hangul with, by family name, and where Debian's fonts-nanum puts its file
# (matplotlib's font list, cached when it was first imported, may predate the font's installation).
KOREAN_FONTS = ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "AppleGothic")
KOREAN_FONT_FILES = ("/usr/share/fonts/truetype/nanum/NanumGothic.ttf",)


@functools.cache
def korean_font() -> str | None:
    """A font family with Hangul for matplotlib, set up once as the fallback after DejaVu Sans (None: no such font)."""
    from matplotlib import font_manager, rcParams

    known = {font.name for font in font_manager.fontManager.ttflist}
    family = next((name for name in KOREAN_FONTS if name in known), None)
    if family is None:
        path = next((path for path in KOREAN_FONT_FILES if Path(path).is_file()), None)
        if path is None:
            return None
        font_manager.fontManager.addfont(path)
        family = font_manager.FontProperties(fname=path).get_name()
    # Latin letters and digits keep DejaVu Sans (as before); characters it lacks come from the Korean font.
    rcParams["font.family"] = ["DejaVu Sans", family]
    return family


def chart_language() -> str:
    """The language for matplotlib's labels: the session's, except Korean without a Korean font (English, not boxes)."""
    language = i18n.current_language()
    if language == "ko" and korean_font() is None:
        return i18n.DEFAULT_LANGUAGE
    return language


def _figure(width: float = 7.0, height: float = 3.6) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=120, layout="constrained")


def four_curves(history: dict[str, list[float]]) -> Figure:
    """The tutorial's chart: loss, val_loss, accuracy and val_accuracy per epoch on one set of axes.

    Each curve has its own marker and line style, so the legend reads without colour.
    """
    with i18n.in_language(chart_language()):
        return _four_curves(history)


def _four_curves(history: dict[str, list[float]]) -> Figure:
    figure = _figure()
    axes = figure.add_subplot()
    styles = {
        "loss": ("-", "o"),
        "val_loss": ("--", "s"),
        "accuracy": ("-", "^"),
        "val_accuracy": ("--", "D"),
    }
    for name, (line, marker) in styles.items():
        values = history.get(name, [])
        if values:
            epochs = range(1, len(values) + 1)
            axes.plot(epochs, values, linestyle=line, marker=marker, markersize=4, label=t(f"chart.curve.{name}"))
    axes.set_xlabel(t("chart.epoch"))
    axes.set_ylabel(t("chart.value"))
    axes.grid(True, alpha=0.3)
    axes.legend(loc="center right", fontsize="small")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def overlay(records: Sequence[RunRecord], timezone: str | None = None) -> Figure:
    """val_accuracy per epoch for several runs, with the tutorial's test accuracies as dotted lines."""
    with i18n.in_language(chart_language()):
        return _overlay(records, [run_short_label(record, timezone) for record in records])


def _overlay(records: Sequence[RunRecord], labels: Sequence[str]) -> Figure:
    figure = _figure(width=6.0, height=3.6)
    axes = figure.add_subplot()
    line_styles = ["-", "--", "-.", ":"]
    markers = ["o", "s", "^", "D", "v", "P", "X", "*"]
    for number, (record, label) in enumerate(zip(records, labels, strict=True)):
        values = record.history.get("val_accuracy", [])
        axes.plot(
            range(1, len(values) + 1),
            values,
            linestyle=line_styles[number % len(line_styles)],
            marker=markers[number % len(markers)],
            markevery=max(1, len(values) // 20),
            markersize=5,
            label=label,
        )
    references = references_for(record.dataset for record in records)
    values = [value for record in records for value in record.history.get("val_accuracy", [])]
    values += [reference.accuracy for reference in references]
    if values:  # room above the highest line for the reference labels
        low, high = min(values), max(values)
        margin = max(high - low, 0.01) * 0.12
        axes.set_ylim(low - margin, min(high + 2 * margin, 1.0 + margin))
    for reference in references:
        axes.axhline(reference.accuracy, color="0.35", linestyle=":", linewidth=1)
        axes.annotate(
            reference_label(reference),
            xy=(0, reference.accuracy),
            xycoords=("axes fraction", "data"),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize="small",
            color="0.25",
        )
    axes.set_xlabel(t("chart.epoch"))
    axes.set_ylabel(t("chart.curve.val_accuracy"))
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize="small", loc="lower right")
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure
