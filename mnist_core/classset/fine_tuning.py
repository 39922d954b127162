"""Fine-tuning the class model on the class's own drawings: the recipe, kept apart from where the drawings are stored.

The training itself reads the drawings through the worker (serving/worker.py's read_inputs), split by student
(split.py) so the held-out students' drawings measure what the class model learned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from mnist_core import limits
from mnist_core.runs.store import RunRecord
from mnist_core.training.settings import TrainingSettings

SPLIT_SEED = 0  # the same seed keeps the same students held out, retraining after retraining
FINE_TUNING_EPOCHS = 2  # a couple of minutes of the server's line for the default CNN
# Fine-tuning goes on at a tenth of the class model's learning rate: the model adjusts to the class rather than
# relearning. Measured here (bench/class_fine_tune.py, 500 UNIPEN drawings, default CNN, 2 epochs): at the full
# rate the held-out drawings went 120/120 -> 118/120 and MNIST 99.38% -> 99.19%; at a tenth, 120/120 -> 120/120
# and 99.38% -> 99.46%.
FINE_TUNING_RATE = 0.1


def fine_tuning_settings(parent: RunRecord, up_to: int, epochs: int = FINE_TUNING_EPOCHS) -> TrainingSettings:
    """The training that fine-tunes a run on MNIST plus the class set's drawings up to id `up_to`."""
    settings = TrainingSettings.from_dict(parent.settings).continued(parent.id, epochs)
    rate = max(limits.LEARNING_RATE.low, settings.learning_rate * FINE_TUNING_RATE)
    return dataclasses.replace(settings, learning_rate=rate, class_drawings_up_to=up_to, class_split_seed=SPLIT_SEED)


def is_fine_tuned(record: RunRecord) -> bool:
    """Whether a run was fine-tuned on the class set (its settings name the class drawings it trained on)."""
    return bool(record.settings.get("class_drawings_up_to"))


def newest_fine_tuned(records: Iterable[RunRecord]) -> RunRecord | None:
    """The newest run fine-tuned on the class set, or None: the result the class page shows as before -> after.

    Newest as RunStore.list orders runs: by creation time, then id.
    """
    return max(
        (record for record in records if is_fine_tuned(record)),
        key=lambda record: (record.created, record.id),
        default=None,
    )
