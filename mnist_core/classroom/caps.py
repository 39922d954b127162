"""The teacher's caps on students' trainings: most epochs, which models, augmentation, how many images.

A student's request over a cap is refused with the cap in the message (the line checks it when the job
joins; a job already in line keeps its settings when the caps change). The teacher's own trainings are not
capped.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mnist_core import limits
from mnist_core.errors import Refusal
from mnist_core.model.keras_model import MODEL_KINDS
from mnist_core.training.settings import TrainingSettings


@dataclass(frozen=True)
class Caps:
    """What a student may ask for. The defaults keep one student from holding the line for long."""

    epochs: int = limits.STUDENT_EPOCHS_CAP
    models: tuple[str, ...] = field(default=MODEL_KINDS)
    augment: bool = True
    train_images: int | None = None  # None: the whole training set

    def check(self, settings: TrainingSettings) -> None:
        """Refusal naming the first cap these settings go over."""
        if settings.epochs > self.epochs:
            raise Refusal("caps.epochs", cap=self.epochs, asked=settings.epochs)
        if settings.model_kind not in self.models:
            raise Refusal("caps.model", model=settings.model_kind)
        if settings.augment and not self.augment:
            raise Refusal("caps.augment")
        if self.train_images is not None and (settings.train_limit or limits.TRAIN_IMAGES.high) > self.train_images:
            raise Refusal("caps.images", cap=self.train_images)

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
