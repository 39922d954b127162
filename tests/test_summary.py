"""The Home page's layer table, worked out without Keras, matches the real models."""

import pytest

from mnist_core.i18n import in_language
from mnist_core.model import summary
from mnist_core.model.keras_model import LayerRow
from mnist_core.text.summary import layer_name, summary_columns, summary_rows


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


def test_the_table_is_headed_and_named_in_the_readers_language():
    rows = summary_rows(summary.layer_rows("mlp", 1000))
    assert rows == [
        {"Layer": "flatten", "Type": "Flatten", "Output shape": "(batch, 784)", "Parameters": 0},
        {"Layer": "hidden", "Type": "Dense", "Output shape": "(batch, 1000)", "Parameters": 785_000},
        {"Layer": "output", "Type": "Dense", "Output shape": "(batch, 10)", "Parameters": 10_010},
    ]
    assert summary_columns()["parameters"] == "Parameters"
    with in_language("ko"):
        korean = summary_rows(summary.layer_rows("mlp", 1000))
        assert list(korean[0]) == list(summary_columns().values()) != list(rows[0])
        assert korean[1][summary_columns()["name"]] == layer_name("hidden") != "hidden"


def test_layers_the_app_does_not_name_keep_their_keras_names():
    assert layer_name("conv1") == "conv1"
    shown = [row["Layer"] for row in summary_rows(summary.layer_rows("cnn", 128))]
    assert shown == ["add_channel", "conv1", "pool1", "conv2", "pool2", "flatten", "dropout", "hidden", "output"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["mlp", "cnn"])
@pytest.mark.parametrize("hidden", [1000, 64])
def test_matches_keras(kind, hidden):
    from mnist_core.model.keras_model import build_model, layer_table

    assert summary.layer_rows(kind, hidden) == layer_table(build_model(kind, hidden))
