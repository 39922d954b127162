"""mnist_core used directly, as the README's notebook example does: only the names mnist_core exports."""

import subprocess
import sys

import numpy as np
from PIL import Image

import mnist_core
from mnist_core import config
from mnist_core.data.pen_digits import load_pen_digits, render_strokes


def test_every_public_name_is_there():
    assert all(getattr(mnist_core, name, None) is not None for name in mnist_core.__all__)
    assert {"TrainingSettings", "train", "RunStore", "Predictor", "load_dataset", "four_curves"} <= set(
        mnist_core.__all__
    )


def test_importing_mnist_core_starts_neither_tensorflow_nor_streamlit():
    check = "import sys, mnist_core; print(sorted({'tensorflow', 'keras', 'streamlit'} & set(sys.modules)))"
    shown = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60, check=True)
    assert shown.stdout.strip() == "[]"


def test_the_readme_example_trains_then_reads_a_digit_and_a_drawing(tmp_path):
    # The README's steps, on 2,000 images for one epoch.
    from mnist_core import Predictor, RunStore, TrainingSettings, four_curves, load_dataset, train

    result = train(TrainingSettings(dataset="mnist", epochs=1, seed=1, train_limit=2000))
    assert result.test_accuracy > 0.8
    assert four_curves(result.history).axes
    saved = RunStore(tmp_path / "runs").save(result)
    assert RunStore(tmp_path / "runs").get(saved.id).test_accuracy == result.test_accuracy

    reader = Predictor(result.model)
    digits = load_dataset("mnist")
    assert reader.probabilities(digits.x_test[0] / 255).argmax() == digits.y_test[0] == 7

    # A drawing saved as a picture: a real pen-written digit, white on black as on the Draw page.
    pen_digit = load_pen_digits(config.pen_digits_path())[0]
    Image.fromarray(render_strokes(pen_digit.strokes)).save(tmp_path / "my_digit.png")
    reading = reader.read_canvas(np.asarray(Image.open(tmp_path / "my_digit.png")))
    assert reading.predicted_label in range(10) and 0.1 <= reading.confidence <= 1.0
