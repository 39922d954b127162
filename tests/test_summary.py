"""The Home page's layer table, worked out without Keras, matches the real models."""

import pytest

from mnist_core.model import summary
from mnist_core.model.keras_model import LayerRow


def test_the_tutorials_model():
    rows = summary.layer_rows("mlp", 1000)
    assert rows == [
        LayerRow("flatten", "Flatten", "(batch, 784)", 0),
        LayerRow("hidden", "Dense", "(batch, 1000)", 785_000),
        LayerRow("output", "Dense", "(batch, 10)", 10_010),
    ]
    assert summary.total_parameters(rows) == 795_010  # the tutorial's model.summary()


def test_the_convolutional_model_caps_its_hidden_layer():
    assert summary.total_parameters(summary.layer_rows("cnn", 1000)) == 225_034
    assert summary.layer_rows("cnn", 64)[-2].output_shape == "(batch, 64)"


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        summary.layer_rows("rnn")
    with pytest.raises(ValueError):
        summary.layer_rows("mlp", 0)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["mlp", "cnn"])
@pytest.mark.parametrize("hidden", [1000, 64])
def test_matches_keras(kind, hidden):
    from mnist_core.model.keras_model import build_model, layer_table

    assert summary.layer_rows(kind, hidden) == layer_table(build_model(kind, hidden))
