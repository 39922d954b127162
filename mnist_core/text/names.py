"""The names of what a person chooses, in the session's language: data sets, their ten classes, models, optimizers."""

from __future__ import annotations

from mnist_core.i18n import t


def dataset_title(dataset: str) -> str:
    """The data set's name, e.g. Digits (MNIST)."""
    return t(f"dataset.{dataset}")


def dataset_short(dataset: str) -> str:
    """A short name (Digits, Fashion) for tables and labels."""
    return t(f"dataset.{dataset}.short")


def class_names(dataset: str) -> list[str]:
    """The ten class names: the digits themselves, or the clothing names (translated)."""
    if dataset == "mnist":
        return [str(digit) for digit in range(10)]
    return [t(f"classes.{dataset}.{index}") for index in range(10)]


def model_title(kind: str) -> str:
    """A model kind's full name, e.g. Dense (the tutorial's)."""
    return t(f"model.{kind}")


def optimizer_title(name: str) -> str:
    """An optimizer's full name, for the Train page's choice."""
    return t(f"optimizer.{name}")
