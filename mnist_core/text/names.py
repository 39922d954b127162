"""The names of what a person chooses, in the session's language: data sets, their ten classes, models, optimizers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mnist_core.data.datasets import DatasetName
from mnist_core.i18n import t
from mnist_core.model.keras_model import ModelKind
from mnist_core.model.layers import LayerSpecError, parse_layers


def dataset_title(dataset: str) -> str:
    """The data set's name, e.g. Digits (MNIST)."""
    return t(f"dataset.{dataset}")


def dataset_short(dataset: str) -> str:
    """A short name (Digits, Fashion) for tables and labels."""
    return t(f"dataset.{dataset}.short")


def class_names(dataset: str) -> list[str]:
    """The ten class names: the digits themselves, or the clothing names (translated)."""
    if dataset == DatasetName.MNIST:
        return [str(digit) for digit in range(10)]
    return [t(f"classes.{dataset}.{index}") for index in range(10)]


def model_title(kind: str) -> str:
    """A model kind's full name, e.g. Dense (the tutorial's)."""
    return t(f"model.{kind}")


def network_name(settings: Mapping[str, Any], short: bool = False) -> str:
    """The network a run's settings (TrainingSettings fields) build, for tables: a named model's title (`short`: its
    short name), or a written network's short form, e.g. "dense 256 relu → dropout 0.2"; with its weight decay."""
    layers = settings.get("layers")
    if layers is not None:
        try:
            name = parse_layers(str(layers)).display()
        except LayerSpecError:  # a record edited by hand: its layers are still not a table's business
            name = t("model.custom.short") if short else model_title(ModelKind.CUSTOM)
    else:
        kind = str(settings.get("model_kind", ModelKind.MLP))  # runs from before the choice: the tutorial's
        name = t(f"model.{kind}.short") if short else model_title(kind)
    l2 = settings.get("l2") or 0.0
    return t("model.weight_decay", model=name, rate=f"{float(l2):g}") if l2 else name


def optimizer_title(name: str) -> str:
    """An optimizer's full name, for the Train page's choice."""
    return t(f"optimizer.{name}")
