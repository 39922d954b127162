"""mnist_core: the data sets, the models, training, reading drawings, saved runs, the class and serving it.

Plain Python with no Streamlit import, so the command line, the tests and the app share one implementation.
TensorFlow is imported lazily (it takes seconds), only by the modules that train: a trained network reads
images in numpy (Network, from RunStore.load_network or network_of a Keras model).

The names below are the ones to use from a notebook or a script:

    from mnist_core import Predictor, TrainingSettings, load_dataset, train

    result = train(TrainingSettings(dataset="mnist", epochs=3))
    digits = load_dataset("mnist")
    print(Predictor(result.model).probabilities(digits.x_test[0] / 255).argmax(), digits.y_test[0])
"""

from mnist_core.data import Dataset, load_dataset
from mnist_core.model import Network, network_of
from mnist_core.reading import Predictor, Reading, canvas_to_mnist
from mnist_core.runs import RunRecord, RunStore
from mnist_core.text.figures import four_curves
from mnist_core.training import Evaluation, TrainingResult, TrainingSettings, evaluate, train

__all__ = [
    "Dataset",
    "Evaluation",
    "Network",
    "Predictor",
    "Reading",
    "RunRecord",
    "RunStore",
    "TrainingResult",
    "TrainingSettings",
    "canvas_to_mnist",
    "evaluate",
    "four_curves",
    "load_dataset",
    "network_of",
    "train",
]
