"""Training a model as the tutorial does, following it live, and scoring it on the test set.

settings.py    TrainingSettings (what a person chooses), TrainingListener (progress), TrainingInputs, TrainingResult
fit.py         train(): data, model, fit with progress and a stop signal, the test score
progress.py    the Keras callback that reports to a listener
evaluation.py  evaluate(): test accuracy, the misclassified images, the confusion matrix; disagreements() of two runs
epoch_cost.py  epoch_cost_seconds(): what an epoch of any network costs on a reference machine, before training it
"""

from __future__ import annotations

from mnist_core.training.evaluation import Evaluation, evaluate
from mnist_core.training.fit import train
from mnist_core.training.settings import TrainingInputs, TrainingListener, TrainingResult, TrainingSettings

__all__ = [
    "Evaluation",
    "TrainingInputs",
    "TrainingListener",
    "TrainingResult",
    "TrainingSettings",
    "evaluate",
    "train",
]
