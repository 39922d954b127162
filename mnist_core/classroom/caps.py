"""The teacher's caps on students' trainings: most epochs, which models, augmentation, how many images, and how
big a network: its parameters (any network) and its layers (a network a student wrote).

The rules live here once. A student's request over a cap is refused with the cap in the message (the line calls
check() when the job joins; a job already in line keeps its settings when the caps change); a lesson link's value
over a cap is lowered or left out with a notice (lesson_link.py reads over()). The teacher's own trainings are not
capped: caps_for() says so for every caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from mnist_core import limits
from mnist_core.errors import Refusal
from mnist_core.model.keras_model import ALL_MODEL_KINDS, MODEL_KINDS, ModelKind
from mnist_core.model.layers import LayerSpecError, parse_layers
from mnist_core.model.summary import layer_rows, total_parameters
from mnist_core.training.settings import TrainingSettings


@dataclass(frozen=True)
class OverCap:
    """One setting over one cap: the refusal's catalog key, the setting, the refusal's values, and the nearest value
    within the cap (None when the setting can only be left out)."""

    key: str
    setting: str
    values: dict[str, Any]
    within: Any = None


@dataclass(frozen=True)
class Caps:
    """What a student may ask for. The defaults keep one student from holding the line for long."""

    epochs: int = limits.STUDENT_EPOCHS_CAP
    models: tuple[str, ...] = field(default=ALL_MODEL_KINDS)  # "custom": a network the student writes
    augment: bool = True
    train_images: int | None = None  # None: the whole training set
    parameters: int = limits.STUDENT_PARAMETERS_CAP  # any network's parameters, as model.count_params() counts
    layers: int = limits.STUDENT_LAYERS_CAP  # a written network's layers, its output layer counted (not mlp/cnn)

    def over(self, values: Mapping[str, Any]) -> list[OverCap]:
        """Every cap these values go over, in a fixed order; `values` holds TrainingSettings fields, all or some."""
        found = []
        if "epochs" in values and values["epochs"] > self.epochs:
            found.append(OverCap("caps.epochs", "epochs", {"cap": self.epochs, "asked": values["epochs"]}, self.epochs))
        # Written layers make a custom network whatever model_kind says (a lesson link's values may hold only them).
        written = values.get("layers") is not None
        kind = ModelKind.CUSTOM.value if written else values.get("model_kind")
        if kind is not None and kind not in self.models:
            found.append(OverCap("caps.model", "layers" if written else "model_kind", {"model": kind}))
        found += self._network_over(values, written)
        if values.get("augment") and not self.augment:
            found.append(OverCap("caps.augment", "augment", {}))
        images = values.get("train_limit") or limits.TRAIN_IMAGES.high
        if "train_limit" in values and self.train_images is not None and images > self.train_images:
            found.append(OverCap("caps.images", "train_limit", {"cap": self.train_images}, self.train_images))
        return found

    def _network_over(self, values: Mapping[str, Any], written: bool) -> list[OverCap]:
        """The network's size against the parameters and layers caps. A named network's size needs its hidden
        units (a lesson link has none: the page's own widget then stands, and check() meets it at Start)."""
        if written:
            try:
                spec = parse_layers(values["layers"])
            except LayerSpecError:
                return []  # not a network at all: validate() and read_link say why
            parameters, layers, setting = spec.parameters, spec.layer_count, "layers"
        elif values.get("model_kind") in MODEL_KINDS and "hidden_units" in values:
            parameters = total_parameters(layer_rows(values["model_kind"], values["hidden_units"]))
            layers, setting = None, "hidden_units"
        else:
            return []
        found = []
        if parameters > self.parameters:
            found.append(OverCap("caps.parameters", setting, {"cap": self.parameters, "asked": parameters}))
        if layers is not None and layers > self.layers:
            found.append(OverCap("caps.layers", setting, {"cap": self.layers, "asked": layers}))
        return found

    def check(self, settings: TrainingSettings) -> None:
        """Refusal naming the first cap these settings go over."""
        for over in self.over(settings.to_dict()):
            raise Refusal(over.key, **over.values)

    def images_for_students(self, configured: int | None) -> int | None:
        """How many training images a student's training uses: the server's setting, within the cap."""
        if self.train_images is None:
            return configured
        return min(self.train_images, configured or self.train_images)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "models": list(self.models)}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Caps:
        """Caps as saved; each value checked, so a hand-edited file cannot lift a cap past the limits.

        A file saved before students could write networks (no "parameters" in it) allowed every model there was
        when it listed both named ones; it then allows a written network too, as new caps do by default.
        """
        images = values.get("train_images")
        models = tuple(kind for kind in values.get("models", ALL_MODEL_KINDS) if kind in ALL_MODEL_KINDS)
        if "parameters" not in values and set(MODEL_KINDS) <= set(models):
            models = (*models, ModelKind.CUSTOM.value)
        return cls(
            epochs=limits.EPOCHS.check(values.get("epochs", limits.STUDENT_EPOCHS_CAP)),
            models=tuple(dict.fromkeys(models)),  # a hand-edited file's repeats once
            augment=bool(values.get("augment", True)),
            train_images=None if images is None else limits.TRAIN_IMAGES.check(images),
            parameters=limits.PARAMETERS_CAP.check(values.get("parameters", limits.STUDENT_PARAMETERS_CAP)),
            layers=limits.LAYERS_CAP.check(values.get("layers", limits.STUDENT_LAYERS_CAP)),
        )


def caps_for(caps: Caps | None, teacher: bool) -> Caps | None:
    """The caps on a person's trainings: the class's for a student, none at all for the teacher's own."""
    return None if teacher else caps
