"""The teacher's caps on students' trainings: most epochs, which models, augmentation, how many images.

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
from mnist_core.model.keras_model import MODEL_KINDS
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
    models: tuple[str, ...] = field(default=MODEL_KINDS)
    augment: bool = True
    train_images: int | None = None  # None: the whole training set

    def over(self, values: Mapping[str, Any]) -> list[OverCap]:
        """Every cap these values go over, in a fixed order; `values` holds TrainingSettings fields, all or some."""
        found = []
        if "epochs" in values and values["epochs"] > self.epochs:
            found.append(OverCap("caps.epochs", "epochs", {"cap": self.epochs, "asked": values["epochs"]}, self.epochs))
        if "model_kind" in values and values["model_kind"] not in self.models:
            found.append(OverCap("caps.model", "model_kind", {"model": values["model_kind"]}))
        if values.get("augment") and not self.augment:
            found.append(OverCap("caps.augment", "augment", {}))
        images = values.get("train_limit") or limits.TRAIN_IMAGES.high
        if "train_limit" in values and self.train_images is not None and images > self.train_images:
            found.append(OverCap("caps.images", "train_limit", {"cap": self.train_images}, self.train_images))
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
        """Caps as saved; each value checked, so a hand-edited file cannot lift a cap past the limits."""
        images = values.get("train_images")
        return cls(
            epochs=limits.EPOCHS.check(values.get("epochs", limits.STUDENT_EPOCHS_CAP)),
            models=tuple(kind for kind in values.get("models", MODEL_KINDS) if kind in MODEL_KINDS),
            augment=bool(values.get("augment", True)),
            train_images=None if images is None else limits.TRAIN_IMAGES.check(images),
        )


def caps_for(caps: Caps | None, teacher: bool) -> Caps | None:
    """The caps on a person's trainings: the class's for a student, none at all for the teacher's own."""
    return None if teacher else caps
