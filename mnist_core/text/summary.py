"""The model's layer table as the Home page shows it: `model.summary()`'s columns and the layers' names in the
session's language. The layers themselves are worked out in mnist_core.model.summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from mnist_core.i18n import t
from mnist_core.model.keras_model import LayerRow


def summary_columns() -> dict[str, str]:
    """Each LayerRow field's column heading."""
    return {
        "name": t("home.model.layer"),
        "kind": t("home.model.kind"),
        "output_shape": t("home.model.output_shape"),
        "parameters": t("home.model.parameters"),
    }


def layer_name(name: str) -> str:
    """A layer's name in the table: the tutorial's three layers (flatten, hidden, output) translated, any other
    layer (conv1, pool2...) as Keras names it."""
    names = {
        "flatten": t("home.model.layer.flatten"),
        "hidden": t("home.model.layer.hidden"),
        "output": t("home.model.layer.output"),
    }
    return names.get(name, name)


def summary_rows(rows: Sequence[LayerRow]) -> list[dict[str, object]]:
    """One row per layer, keyed by the translated column headings, in model.summary()'s column order."""
    columns = summary_columns()
    return [
        {columns[field]: value for field, value in (asdict(row) | {"name": layer_name(row.name)}).items()}
        for row in rows
    ]
