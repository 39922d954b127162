"""The class's runs on one chart (the Class page's runs dashboard): which runs are the class's, how each point is
drawn, the best run of each model, and who beat the tutorial. Plain data: the words are in text/dashboard.py.

- class_runs: the digits runs someone in the class trained (a student or the teacher) that have a test score.
  Earlier runs of nobody (the setup's) and Fashion-MNIST runs stay off: the chart sets digits runs against the
  tutorial's 98.04% on digits. A diverged run has no score to place.
- A point's category is its model (dense, CNN, or a network written as layers) and its optimizer. Colour AND shape
  both show the category, so a reader who cannot tell the colours apart still tells the points apart.
- best_per_model and beat_tutorial: what the page says in words beside the chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from mnist_core.classroom.students import TEACHER_IDENTITY, identity
from mnist_core.data.datasets import DatasetName
from mnist_core.errors import Refusal
from mnist_core.model.keras_model import OPTIMIZERS, ModelKind
from mnist_core.model.layers import LayerSpecError, parse_layers
from mnist_core.runs.store import RunRecord
from mnist_core.text.runs import closest_reference

TUTORIAL_ACCURACY = closest_reference(DatasetName.MNIST, 10).accuracy  # 98.04%: the tutorial's 10 epochs
CUSTOM = "custom"  # a network written as layers (the Train page's builder): settings["layers"]
KINDS: tuple[str, ...] = (ModelKind.MLP, ModelKind.CNN, CUSTOM)
# Paul Tol's "muted" scheme: nine colours told apart with every common kind of colour blindness.
COLOURS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99",  # dense: adam, sgd, momentum
    "#882255", "#CC6677", "#DDCC77",  # CNN
    "#117733", "#999933", "#AA4499",  # custom
)  # fmt: skip
SHAPES: tuple[str, ...] = (  # Vega-Lite's point shapes, nine that read apart at a glance
    "circle", "square", "diamond",
    "triangle-up", "triangle-down", "cross",
    "triangle-right", "triangle-left", "wedge",
)  # fmt: skip


@dataclass(frozen=True)
class Category:
    """What a point's colour and shape show: the model's kind and the optimizer."""

    kind: str  # one of KINDS
    optimizer: str  # one of OPTIMIZERS

    @property
    def index(self) -> int:
        """Its place among the nine categories: the same colour and shape on every refresh, whoever else trained."""
        return KINDS.index(self.kind) * len(OPTIMIZERS) + OPTIMIZERS.index(self.optimizer)

    @property
    def colour(self) -> str:
        return COLOURS[self.index]

    @property
    def shape(self) -> str:
        return SHAPES[self.index]


def model_kind(record: RunRecord) -> str:
    """ "mlp", "cnn" or "custom": a run whose settings carry written layers is custom, whatever else they say."""
    if record.settings.get("layers") is not None or record.model_kind == CUSTOM:
        return CUSTOM
    return record.model_kind if record.model_kind in KINDS else ModelKind.MLP


def optimizer_of(record: RunRecord) -> str:
    """The run's optimizer; runs from before the choice trained with the tutorial's Adam."""
    optimizer = str(record.settings.get("optimizer", "adam"))
    return optimizer if optimizer in OPTIMIZERS else "adam"


def category(record: RunRecord) -> Category:
    return Category(model_kind(record), optimizer_of(record))


def layers_shown(record: RunRecord) -> str | None:
    """A custom run's layers in their short form ("conv 16 3×3 relu → pool 2×2 → dense 64 relu"); None for the
    named models. A spec this version cannot read is shown as written."""
    text = record.settings.get("layers")
    if text is None:
        return None
    try:
        return parse_layers(str(text)).display()
    except LayerSpecError:
        return str(text)


def is_class_run(record: RunRecord) -> bool:
    """A digits run trained by a student or the teacher, with a test score to place on the chart."""
    return (
        record.dataset == DatasetName.MNIST
        and (record.teacher or record.owner is not None)
        and record.status.can_read
        and math.isfinite(record.test_accuracy)
    )


def class_runs(records: Iterable[RunRecord]) -> list[RunRecord]:
    """The class's runs, in the order given (RunStore.list: newest first)."""
    return [record for record in records if is_class_run(record)]


def best_per_model(records: Iterable[RunRecord]) -> list[RunRecord]:
    """The best run of each model kind (highest test accuracy; the older on a tie), in the order of KINDS."""
    records = list(records)
    best = []
    for kind in KINDS:
        of_kind = [record for record in records if model_kind(record) == kind]
        if of_kind:
            best.append(min(of_kind, key=_best_first))
    return best


def beat_tutorial(records: Iterable[RunRecord], tutorial: float = TUTORIAL_ACCURACY) -> list[RunRecord]:
    """The runs whose test accuracy is above the tutorial's, best first."""
    return sorted((record for record in records if record.test_accuracy > tutorial), key=_best_first)


def _best_first(record: RunRecord) -> tuple[float, str, str]:
    """Sorts the highest test accuracy first; on a tie, the run that got there first."""
    return (-record.test_accuracy, record.created, record.id)


def trainer_key(record: RunRecord) -> str:
    """Who trained a run, the same person however their name was spelt: students.identity, or the teacher's."""
    if record.teacher:
        return TEACHER_IDENTITY
    try:
        return identity(record.owner or "")
    except Refusal:  # a name saved before today's rules: compared as written
        return (record.owner or "").casefold()


def best_per_trainer(records: Iterable[RunRecord]) -> list[RunRecord]:
    """Each trainer's best run among these, best first (who beat the tutorial, each person once)."""
    best: dict[str, RunRecord] = {}
    for record in sorted(records, key=_best_first):
        best.setdefault(trainer_key(record), record)
    return list(best.values())
