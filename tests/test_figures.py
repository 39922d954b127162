"""The tutorial's matplotlib charts: Hangul labels with a Korean font, English labels (never boxes) without one."""

import io
import warnings

from mnist_core import i18n
from mnist_core.text import figures


def test_charts_use_a_korean_font_or_english_labels(monkeypatch):
    history = {"loss": [0.5, 0.3], "val_loss": [0.4, 0.35], "accuracy": [0.9, 0.95], "val_accuracy": [0.91, 0.93]}
    with i18n.in_language("ko"):
        figure = figures.four_curves(history)
        if figures.korean_font() is not None:
            assert figure.axes[0].get_xlabel() == "에포크"
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail here
                figure.savefig(io.BytesIO(), format="png")
        monkeypatch.setattr(figures, "korean_font", lambda: None)
        figure = figures.four_curves(history)
    assert figure.axes[0].get_xlabel() == "Epoch"  # no Korean font: English labels, never empty boxes
    assert figure.axes[0].get_legend().get_texts()[1].get_text() == "val_loss"
