"""The layer spec a student writes: reading it, writing it back, refusing what cannot be built with a message that
names the bad part (English and Korean), and the shapes and parameter counts Keras's model.summary() shows."""

import pickle
import re

import pytest

from mnist_core.errors import Refusal
from mnist_core.i18n import in_language, t
from mnist_core.locales import en, ko
from mnist_core.model import summary
from mnist_core.model.layers import (
    MESSAGE_KEYS,
    PRESETS,
    BatchNorm,
    Conv,
    Dense,
    Dropout,
    LayerSpec,
    LayerSpecError,
    Pool,
    parse_layers,
    preset,
)

HANGUL = re.compile("[\uac00-\ud7a3]")


def test_the_issues_examples():
    spec = parse_layers("dense 256 relu; dropout 0.2; dense 128 tanh")
    assert spec.layers == (Dense(256, "relu"), Dropout(0.2), Dense(128, "tanh"))
    spec = parse_layers("conv 16 3 relu; pool 2; batchnorm; dense 64 relu")
    assert spec.layers == (Conv(16, 3, "relu"), Pool(2), BatchNorm(), Dense(64, "relu"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "dense 256 relu; dropout 0.2; dense 128 tanh",
        "conv 16 3 relu; pool 2; batchnorm; dense 64 relu",
        "batchnorm; dropout 0; conv 1 28 linear",
        "dense 10000 sigmoid; dropout 0.123456789",
        *PRESETS.values(),
    ],
)
def test_the_text_reads_back_as_the_same_spec(text):
    spec = parse_layers(text)
    assert spec.text() == text
    assert parse_layers(spec.text()) == spec


def test_case_spaces_and_a_trailing_semicolon_do_not_matter():
    spec = parse_layers("  Dense   256 ReLU ;DROPOUT .5;  ")
    assert spec.text() == "dense 256 relu; dropout 0.5"


def test_the_short_form():
    assert parse_layers("dense 256 relu; dropout 0.2; dense 128 tanh").display() == (
        "dense 256 relu → dropout 0.2 → dense 128 tanh"
    )
    assert parse_layers("conv 16 3 relu; pool 2; batchnorm").display() == "conv 16 3×3 relu → pool 2×2 → batchnorm"
    assert preset("deep_sigmoid").display() == "dense 32 sigmoid ×6"
    assert preset("wide_dropout").display() == "dense 1000 relu → dropout 0.5 → dense 1000 relu → dropout 0.5"
    assert parse_layers("").display() == "no hidden layers"
    with in_language("ko"):
        assert parse_layers("").display() == "은닉층 없음"


def test_shapes_and_parameters_with_what_the_network_adds():
    spec = parse_layers("conv 16 3 relu; pool 2; batchnorm; dense 64 relu")
    assert [(row.name, row.kind, row.output_shape, row.parameters) for row in spec.plan] == [
        ("add_channel", "Reshape", (28, 28, 1), 0),
        ("conv1", "Conv2D", (26, 26, 16), (3 * 3 * 1 + 1) * 16),
        ("pool1", "MaxPooling2D", (13, 13, 16), 0),
        ("batchnorm1", "BatchNormalization", (13, 13, 16), 4 * 16),
        ("flatten", "Flatten", (13 * 13 * 16,), 0),
        ("dense1", "Dense", (64,), (2704 + 1) * 64),
        ("output", "Dense", (10,), (64 + 1) * 10),
    ]
    assert spec.parameters == 160 + 64 + 173_120 + 650
    assert spec.layer_count == 5  # the four written and the output layer
    assert spec.plan[-1].layer == Dense(10, "softmax")
    # Only dense layers: flattened at once, as the tutorial does.
    assert [row.kind for row in parse_layers("dense 8 relu").plan] == ["Flatten", "Dense", "Dense"]
    # No hidden layer at all: the pixels straight into the softmax.
    assert [(row.kind, row.parameters) for row in parse_layers("").plan] == [("Flatten", 0), ("Dense", 7850)]
    # A leftover edge is dropped by pooling: 28 -> 9 (3 x 9 = 27).
    assert parse_layers("pool 3").plan[1].output_shape == (9, 9, 1)


BAD_SPECS = [
    # text, key, what the English message must name
    ("dense 0 relu", "layers.error.units", ['Layer 1 ("dense 0 relu")', "not 0"]),
    ("dense 10001 relu", "layers.error.units", ["10,000", "not 10001"]),
    ("conv 0 3 relu", "layers.error.filters", ['"conv 0 3 relu"', "not 0"]),
    ("conv 8 30 relu", "layers.error.kernel_too_big", ["30 × 30 kernel", "28 × 28 image"]),
    ("conv 8 3 relu; pool 2; conv 8 14 relu", "layers.error.kernel_too_big", ["Layer 3", "13 × 13 image"]),
    ("conv 8 0 relu", "layers.error.kernel_size", ['"conv 8 0 relu"', "not 0"]),
    ("dense 64 relu; dropout 1.5", "layers.error.rate", ['Layer 2 ("dropout 1.5")', "not 1.5"]),
    ("dropout -0.1", "layers.error.rate", ['"dropout -0.1"']),
    ("dropout half", "layers.error.rate", ['"dropout half"', "not half"]),
    ("dense 64 relu; maxpool 2", "layers.error.unknown_kind", ['Layer 2 ("maxpool 2")', '"maxpool"']),
    ("dense 64", "layers.error.arguments.dense", ['"dense 64"', "dense 128 relu"]),
    ("conv 8 3", "layers.error.arguments.conv", ['"conv 8 3"', "conv 16 3 relu"]),
    ("pool", "layers.error.arguments.pool", ['"pool"', "pool 2"]),
    ("dropout", "layers.error.arguments.dropout", ['"dropout"']),
    ("batchnorm 4", "layers.error.arguments.batchnorm", ['"batchnorm 4"']),
    ("dense 2.5 relu", "layers.error.whole_number", ['"2.5"']),
    ("dense 64 softmax", "layers.error.activation", ['"softmax"', "relu, tanh, sigmoid or linear"]),
    ("conv 8 3 gelu", "layers.error.activation", ['"gelu"']),
    (
        "dense 64 relu; conv 8 3 relu",
        "layers.error.conv_after_dense",
        ['Layer 2 ("conv 8 3 relu")', 'layer 1 ("dense 64 relu")', "list of numbers"],
    ),
    (
        "conv 8 3 relu; dense 64 relu; batchnorm; pool 2",
        "layers.error.pool_after_dense",
        ['Layer 4 ("pool 2")', 'layer 2 ("dense 64 relu")', "list of numbers"],
    ),
    ("pool 7; pool 5", "layers.error.pool_too_big", ['Layer 2 ("pool 5")', "4 × 4 image", "below 1 pixel"]),
    ("pool 0", "layers.error.pool_size", ['"pool 0"', "not 0"]),
]


@pytest.mark.parametrize("text, key, named", BAD_SPECS, ids=[case[0] for case in BAD_SPECS])
def test_a_bad_spec_is_refused_naming_the_bad_part(text, key, named):
    with pytest.raises(LayerSpecError) as caught:
        parse_layers(text)
    error = caught.value
    assert isinstance(error, Refusal) and isinstance(error, ValueError)
    assert error.key == key
    for part in named:
        assert part in str(error)
    korean = t(error.key, "ko", **error.values)
    assert HANGUL.search(korean) and korean != str(error)
    assert f'("{error.values["part"]}")' in korean  # the bad part, named in Korean too
    with in_language("ko"):
        assert error.text() == korean


def test_a_spec_made_of_layers_is_checked_as_a_written_one():
    with pytest.raises(LayerSpecError, match=r'Layer 1 \("dense 0 relu"\)'):
        LayerSpec((Dense(0, "relu"),))
    with pytest.raises(LayerSpecError, match="list of numbers"):
        LayerSpec((Dense(64, "relu"), Conv(4, 3, "relu")))
    with pytest.raises(LayerSpecError, match='"3.0" should be a whole number'):
        LayerSpec((Conv(4, 3.0, "relu"),))
    with pytest.raises(LayerSpecError, match="not 1"):
        LayerSpec((Dropout(1),))
    with pytest.raises(TypeError):
        LayerSpec(("dense 64 relu",))
    assert LayerSpec([Dense(64, "relu")]) == parse_layers("dense 64 relu")  # a list is kept as a tuple


def test_the_error_crosses_to_another_process_as_itself():
    with pytest.raises(LayerSpecError) as caught:
        parse_layers("dense 0 relu")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is LayerSpecError and copy.key == caught.value.key and str(copy) == str(caught.value)


def test_every_message_is_in_both_languages():
    for key in MESSAGE_KEYS:
        assert key in en.MESSAGES and key in ko.MESSAGES, key
    assert {key for key in en.MESSAGES if key.startswith("layers.")} == set(MESSAGE_KEYS)


def test_the_presets():
    for name, text in PRESETS.items():
        assert preset(name).text() == text
        assert preset(name).parameters <= 2_000_000, name  # the default cap on students' networks
    # The pairs differ in one thing only.
    assert preset("deep_sigmoid").text().replace("sigmoid", "relu") == preset("deep_relu").text()
    assert preset("wide_dropout").parameters == preset("wide").parameters == 1_796_010
    assert preset("tutorial").parameters == summary.total_parameters(summary.layer_rows("mlp", 1000)) == 795_010


def test_the_cnn_preset_is_the_cnn():
    """The same layers, shapes and parameters as build_model("cnn"): only Dropout comes before the Flatten
    instead of after it, which changes nothing (it drops single values either way)."""
    ours = preset("cnn").rows()
    theirs = summary.layer_rows("cnn", 1000)
    assert [row.kind for row in ours] == [
        "Reshape", "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Dropout", "Flatten", "Dense", "Dense"
    ]  # fmt: skip
    assert [row.kind for row in theirs] == [
        "Reshape", "Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense", "Dense"
    ]  # fmt: skip

    def weighed(rows: list) -> list[tuple]:
        return [(row.kind, row.output_shape, row.parameters) for row in rows if row.kind not in ("Dropout", "Flatten")]

    assert weighed(ours) == weighed(theirs)
    assert ours[5].output_shape == "(batch, 5, 5, 64)" and theirs[6].output_shape == "(batch, 1600)"
    assert preset("cnn").parameters == summary.total_parameters(theirs) == 225_034


@pytest.mark.parametrize(
    "text",
    [
        "",
        "batchnorm; dropout 0.2; dense 32 relu",
        "conv 16 3 relu; pool 2; batchnorm; dense 64 relu",
        "pool 3; conv 4 5 tanh; batchnorm; dropout 0.5; conv 6 2 sigmoid; dense 16 linear; batchnorm",
        *PRESETS.values(),
    ],
)
def test_shapes_and_parameters_are_keras_s(text):
    from mnist_core.model.keras_model import build_spec_model, layer_table

    spec = parse_layers(text)
    model = build_spec_model(spec, l2=0.001)
    assert spec.rows() == layer_table(model)
    assert spec.parameters == model.count_params()
