"""The network builder's rules (mnist_core/model/builder.py), without Streamlit: edits of a spec text, an impossible
order explained and fixed, the presets."""

from __future__ import annotations

import pytest

from mnist_core.i18n import in_language
from mnist_core.model import builder
from mnist_core.model.layers import PRESETS, LayerSpecError, read_layers


def test_read_layers_reads_each_part_without_fitting_them_together():
    assert [layer.text() for layer in read_layers("Dense 64 RELU;  conv 8 3 relu ;")] == [
        "dense 64 relu",
        "conv 8 3 relu",
    ]
    assert read_layers("") == ()
    with pytest.raises(LayerSpecError) as error:
        read_layers("dense 64 relu; wobble 3")
    assert error.value.key == "layers.error.unknown_kind" and error.value.values["position"] == 2


def test_check_never_raises_and_says_what_is_wrong():
    good = builder.check("dense 64 relu; dropout 0.2; dense 32 tanh")
    assert good.ready and good.error is None and good.spec.layer_count == 4
    late_conv = builder.check("dense 64 relu; conv 8 3 relu")
    assert not late_conv.ready and late_conv.layers is not None
    assert late_conv.error.key == "layers.error.conv_after_dense"
    assert "Traceback" not in late_conv.error.text() and "conv 8 3 relu" in late_conv.error.text()
    unreadable = builder.check("dense sixty relu")
    assert unreadable.layers is None and unreadable.error.key == "layers.error.whole_number"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("dense 0 relu", "layers.error.units"),
        ("conv 8 29 relu", "layers.error.kernel_too_big"),
        ("dropout 1.5", "layers.error.rate"),
        ("flatten", "layers.error.unknown_kind"),
        ("dense 32 relu; conv 8 3 relu", "layers.error.conv_after_dense"),
        ("dense 32 relu; pool 2", "layers.error.pool_after_dense"),
        ("dense 32 swish", "layers.error.activation"),
    ],
)
def test_every_bad_spec_gets_a_message_in_both_languages(text, why):
    state = builder.check(text)
    assert state.error is not None and state.error.key == why
    for language in ("en", "ko"):
        with in_language(language):
            message = state.error.text()
        assert message and why not in message and "{" not in message


def test_a_new_layer_goes_where_it_can_be_built():
    text = "conv 8 3 relu; dense 32 relu"
    assert builder.added(text, "dense") == "conv 8 3 relu; dense 32 relu; dense 64 relu"
    assert builder.added(text, "dropout") == "conv 8 3 relu; dense 32 relu; dropout 0.2"
    assert builder.added(text, "conv") == "conv 8 3 relu; conv 16 3 relu; dense 32 relu"  # still an image there
    assert builder.added(text, "pool") == "conv 8 3 relu; pool 2; dense 32 relu"
    assert builder.added("", "batchnorm") == "batchnorm"
    for kind in builder.NEW_LAYERS:
        assert builder.check(builder.added(PRESETS["tutorial"], kind)).ready, kind


def test_layers_are_removed_moved_and_changed_by_position():
    text = "dense 64 relu; dropout 0.2; dense 32 tanh"
    assert builder.removed(text, 1) == "dense 64 relu; dense 32 tanh"
    assert builder.moved(text, 2, -1) == "dense 64 relu; dense 32 tanh; dropout 0.2"
    assert builder.moved(text, 0, 1) == "dropout 0.2; dense 64 relu; dense 32 tanh"
    assert builder.moved(text, 0, -1) == text  # already first
    assert builder.moved(text, 2, 1) == text  # already last, above the output layer that never moves
    assert builder.changed(text, 0, units=128, activation="sigmoid") == "dense 128 sigmoid; dropout 0.2; dense 32 tanh"
    assert builder.changed(text, 1, rate=0.5) == "dense 64 relu; dropout 0.5; dense 32 tanh"
    assert builder.changed("conv 8 3 relu", 0, kernel=5) == "conv 8 5 relu"
    with pytest.raises(ValueError, match="no units"):
        builder.changed(text, 1, units=3)


def test_an_impossible_order_is_fixed_by_moving_the_image_layers_in_front():
    fixed = builder.fixed_order("dense 64 relu; conv 8 3 relu; dropout 0.2; pool 2; dense 32 relu")
    assert fixed == "conv 8 3 relu; pool 2; dense 64 relu; dropout 0.2; dense 32 relu"
    assert builder.check(fixed).ready
    assert builder.fixed_order("conv 8 3 relu; dense 64 relu") is None  # nothing to fix
    assert builder.fixed_order("dense 0 relu") is None  # moving layers is not the fix
    assert builder.fixed_order("dense x relu") is None


def test_the_presets_are_listed_and_recognised_in_any_spelling():
    assert set(builder.PRESET_ORDER) == set(PRESETS)
    assert builder.preset_named("DENSE 1000 RELU ;") == "tutorial"
    assert builder.preset_named(PRESETS["cnn"]) == "cnn"
    assert builder.preset_named("dense 999 relu") is None
    assert builder.preset_named("nonsense") is None
