"""A network a student writes, trained as a run (issue #31): its settings and their checks, the same starting weights
for a fair comparison, pixel noise and a validation split in the training, the teacher's caps on its size, and
the test images two runs read differently."""

from __future__ import annotations

import keras
import numpy as np
import pytest

from mnist_core import i18n
from mnist_core.classroom.caps import Caps
from mnist_core.data import datasets
from mnist_core.data.pixels import scale_images
from mnist_core.errors import Refusal
from mnist_core.model import keras_model
from mnist_core.model.layers import LayerSpec, LayerSpecError, named_network_text, parse_layers
from mnist_core.training import fit
from mnist_core.training.evaluation import disagreements, evaluate, evaluation_from_probabilities
from mnist_core.training.settings import TrainingListener, TrainingSettings

NETWORK = "conv 4 3 relu; batchnorm; pool 2; dense 32 tanh; dropout 0.2; dense 16 sigmoid"
QUICK = {"epochs": 1, "train_limit": 1000, "seed": 1}


@pytest.fixture(scope="module")
def mnist() -> datasets.Dataset:
    return datasets.load("mnist")


# The settings


def test_written_layers_make_a_custom_network_and_read_back_as_a_spec():
    settings = TrainingSettings(layers="dense 256 relu; dropout 0.2; dense 128 tanh")
    assert settings.model_kind == keras_model.ModelKind.CUSTOM == "custom"
    assert settings.spec() == parse_layers("dense 256 relu; dropout 0.2; dense 128 tanh")
    assert isinstance(settings.spec(), LayerSpec)
    assert TrainingSettings(model_kind="cnn", layers="dense 8 relu").model_kind == "custom"  # the layers decide
    assert TrainingSettings().spec() is None and TrainingSettings().model_kind == "mlp"
    settings.validate()


def test_the_defaults_are_the_tutorial_s():
    settings = TrainingSettings()
    assert (settings.layers, settings.l2, settings.init_seed, settings.noise, settings.validation_split) == (
        None,
        0.0,
        None,
        0.0,
        0.0,
    )


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"layers": "dense 0 relu"}, "a dense layer has from 1 to 10,000 units, not 0"),
        ({"layers": "dense 64 relu; conv 8 3 relu"}, "a convolution needs an image"),
        ({"model_kind": "custom"}, "A custom network needs its layers"),
        ({"model_kind": "resnet"}, "Unknown model 'resnet'"),
        ({"l2": -0.01}, "Weight decay (L2) must be between 0 and 1, not -0.01"),
        ({"l2": float("nan")}, "Weight decay (L2) must be between 0 and 1"),
        ({"noise": 1.5}, "Pixel noise must be between 0 and 1, not 1.5"),
        ({"validation_split": 0.95}, "Validation split must be between 0 and 0.9, not 0.95"),
        ({"init_seed": -1}, "Initial weights seed must be between 0 and"),
        ({"init_seed": 1.5}, "Initial weights seed must be a whole number"),
        ({"validation_split": 0.5, "train_limit": 1}, "holds out 0 of 1 training images"),
        ({"validation_split": 0.0001, "train_limit": 1000}, "holds out 0 of 1000 training images"),
    ],
)
def test_a_setting_out_of_range_is_refused_with_a_message(changes, says):
    with pytest.raises(ValueError) as refused:
        TrainingSettings(**changes).validate()
    assert says in str(refused.value)


def test_a_bad_spec_is_refused_as_a_refusal_naming_the_part():
    with pytest.raises(LayerSpecError) as refused:
        TrainingSettings(layers="dense 64 relu; wobble 3").validate()
    assert refused.value.key == "layers.error.unknown_kind" and refused.value.values["position"] == 2


def test_settings_saved_before_these_existed_are_read_with_the_tutorial_s():
    saved_then = {"dataset": "mnist", "epochs": 3, "model_kind": "cnn", "hidden_units": 128, "seed": 2}
    settings = TrainingSettings.from_dict(saved_then)
    assert settings.model_kind == "cnn" and settings.layers is None and settings.l2 == 0.0 and settings.noise == 0.0
    chosen = TrainingSettings(layers=NETWORK, l2=0.001, init_seed=7, noise=0.25, validation_split=0.1)
    assert TrainingSettings.from_dict(chosen.to_dict()) == chosen


# Training


class Recorder(TrainingListener):
    def __init__(self) -> None:
        self.batches_per_epoch = 0
        self.epochs: list[dict[str, float]] = []

    def on_start(self, settings, batches_per_epoch, earlier) -> None:
        self.batches_per_epoch = batches_per_epoch

    def on_epoch(self, epoch, metrics, seconds) -> None:
        self.epochs.append(metrics)


def test_a_trained_custom_run_reads_in_numpy_as_keras_reads_it(store, mnist):
    settings = TrainingSettings(layers=NETWORK, l2=0.001, init_seed=3, noise=0.1, **QUICK)
    result = fit.train(settings)
    record = store.save(result)
    assert store.get(record.id).settings["layers"] == NETWORK and record.model_kind == "custom"

    images = mnist.x_test[:100]
    expected = keras.ops.convert_to_numpy(store.load_model(record.id)(scale_images(images), training=False))
    np.testing.assert_allclose(store.load_network(record.id).probabilities(images), expected, atol=1e-4)
    assert [layer.name for layer in store.load_model(record.id).layers] == [
        planned.name for planned in parse_layers(NETWORK).plan
    ]


def starting_weights(monkeypatch, settings: TrainingSettings) -> list[np.ndarray]:
    """The weights a real training starts from: read as train() builds its model, before the first step."""
    seen: list[list[np.ndarray]] = []

    def reading(build):
        def build_and_read(*args, **kwargs):
            model = build(*args, **kwargs)
            seen.append(model.get_weights())
            return model

        return build_and_read

    monkeypatch.setattr(fit, "build_spec_model", reading(keras_model.build_spec_model))
    monkeypatch.setattr(fit, "build_model", reading(keras_model.build_model))
    fit.train(settings)
    monkeypatch.undo()
    (weights,) = seen
    return weights


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ({"layers": "dense 64 relu; dense 32 relu", "l2": 0.0}, {"layers": "dense 64 relu; dense 32 relu", "l2": 0.01}),
        (
            {"layers": "dense 64 relu; dropout 0.2; dense 32 relu"},
            {"layers": "dense 64 relu; dropout 0.5; dense 32 relu"},
        ),
        ({"model_kind": "mlp", "hidden_units": 64, "seed": 1}, {"model_kind": "mlp", "hidden_units": 64, "seed": 2}),
        ({"model_kind": "cnn", "l2": 0.0}, {"model_kind": "cnn", "l2": 0.001}),
    ],
    ids=["weight decay", "dropout rate", "batch order seed", "cnn weight decay"],
)
def test_two_runs_from_the_same_initial_weights_seed_start_from_the_same_weights(monkeypatch, one, other):
    quick = {"epochs": 1, "train_limit": 200, "init_seed": 11}
    first = starting_weights(monkeypatch, TrainingSettings(**{**quick, **one}))
    second = starting_weights(monkeypatch, TrainingSettings(**{**quick, **other}))
    assert len(first) == len(second) >= 4
    for mine, theirs in zip(first, second, strict=True):
        np.testing.assert_array_equal(mine, theirs)
    another = starting_weights(monkeypatch, TrainingSettings(**{**quick, **one, "init_seed": 12}))
    assert not np.array_equal(first[0], another[0])


def test_the_named_dense_network_starts_where_its_spec_does():
    """A seeded "mlp" and the spec "dense H relu" are the same network with the same first weights."""
    named = keras_model.build_model("mlp", hidden_units=32, seed=5)
    written = keras_model.build_spec_model(parse_layers("dense 32 relu"), seed=5)
    for mine, theirs in zip(named.get_weights(), written.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)


@pytest.mark.parametrize(("kind", "hidden_units"), [("mlp", 32), ("mlp", 1000), ("cnn", 64), ("cnn", 1000)])
def test_a_named_network_s_layers_as_a_spec_build_the_same_shapes(kind, hidden_units):
    """named_network_text: what the builder starts from for a named network, and what its epoch is priced as."""
    named = keras_model.build_model(kind, hidden_units=hidden_units, seed=5)
    written = keras_model.build_spec_model(parse_layers(named_network_text(kind, hidden_units)), seed=5)
    assert [w.shape for w in named.get_weights()] == [w.shape for w in written.get_weights()]
    assert named.count_params() == written.count_params()
    with pytest.raises(ValueError, match="not a named network"):
        named_network_text("custom", hidden_units)


def test_a_validation_split_validates_on_the_held_out_images_and_scores_the_test_set(mnist):
    listener = Recorder()
    settings = TrainingSettings(layers="dense 32 relu", validation_split=0.2, **QUICK)
    result = fit.train(settings, listener=listener)
    assert listener.batches_per_epoch == 8  # 800 of the 1,000 images train

    held_out = evaluate(result.model, mnist.x_train[800:1000], mnist.y_train[800:1000])
    assert result.history["val_accuracy"][-1] == pytest.approx(held_out.accuracy, abs=1e-6)
    test = evaluate(result.model, mnist.x_test, mnist.y_test)
    assert result.test_accuracy == pytest.approx(test.accuracy, abs=1e-6)
    assert result.test_accuracy != pytest.approx(result.history["val_accuracy"][-1], abs=1e-6)


def test_noise_is_gaussian_clipped_fresh_every_epoch_and_repeatable_with_a_seed(mnist):
    images, labels = mnist.x_train[:200], mnist.y_train[:200]
    clean = next(iter(fit._batches(images, labels, 200)))[0].numpy()
    noisy = fit._batches(images, labels, 200, noise=fit._noise_adder(0.3, seed=4))
    first, second = (next(iter(noisy))[0].numpy() for _ in range(2))  # two epochs of the same pipeline
    assert first.min() >= 0.0 and first.max() <= 1.0
    assert not np.array_equal(first, second)  # fresh noise each epoch
    changed = first - clean
    middle = (clean > 0.4) & (clean < 0.6)  # far from both clips: the noise as drawn
    assert changed[middle].std() == pytest.approx(0.3, rel=0.1)
    again = fit._batches(images, labels, 200, noise=fit._noise_adder(0.3, seed=4))
    np.testing.assert_array_equal(next(iter(again))[0].numpy(), first)


def test_noise_changes_what_trains():
    quick = {"layers": "dense 32 relu", "init_seed": 2, **QUICK}
    clean, noisy = fit.train(TrainingSettings(**quick)), fit.train(TrainingSettings(noise=0.5, **quick))
    assert clean.history["loss"][0] != pytest.approx(noisy.history["loss"][0], rel=1e-3)


def test_the_first_layer_s_weights_are_shown_for_a_written_network():
    from mnist_core.reading.inside import first_layer_weights

    assert first_layer_weights(keras_model.build_spec_model(parse_layers("dense 20 relu"), seed=1)).shape == (
        16,
        28,
        28,
    )
    convolutional = keras_model.build_spec_model(parse_layers("pool 2; conv 6 5 relu"), seed=1)
    assert first_layer_weights(convolutional).shape == (6, 5, 5)
    after_pooling = keras_model.build_spec_model(parse_layers("pool 2; dense 8 relu"), seed=1)
    assert first_layer_weights(after_pooling).shape == (8, 14, 14)


# The teacher's caps


def test_a_network_over_the_parameter_cap_is_refused_with_the_cap_s_number():
    big = TrainingSettings(layers="dense 3000 relu")  # 784 x 3,000 weights alone: 2.35 million
    with pytest.raises(Refusal) as refused:
        Caps().check(big)
    assert refused.value.key == "caps.parameters"
    assert refused.value.values == {"cap": 2_000_000, "asked": parse_layers("dense 3000 relu").parameters}
    assert "at most 2,000,000 parameters" in str(refused.value) and "2,385,010" in str(refused.value)
    with i18n.in_language("ko"):
        assert "2,000,000" in refused.value.text() and "파라미터" in refused.value.text()
    Caps(parameters=3_000_000).check(big)  # a higher cap allows it


def test_the_parameter_cap_binds_the_named_networks_too():
    with pytest.raises(Refusal) as refused:
        Caps(parameters=500_000).check(TrainingSettings(model_kind="mlp", hidden_units=1000))
    assert refused.value.values == {"cap": 500_000, "asked": 795_010}
    Caps(parameters=500_000).check(TrainingSettings(model_kind="cnn"))  # 225,034 parameters


def test_a_network_over_the_layers_cap_is_refused_with_the_cap_s_number():
    deep = TrainingSettings(layers="; ".join(["dense 16 relu"] * 12))  # 12 written and the output layer
    with pytest.raises(Refusal) as refused:
        Caps().check(deep)
    assert (refused.value.key, refused.value.values) == ("caps.layers", {"cap": 12, "asked": 13})
    assert "at most 12 layers" in str(refused.value)
    Caps(layers=13).check(deep)


def test_a_teacher_may_not_allow_written_networks():
    with pytest.raises(Refusal) as refused:
        Caps(models=("mlp", "cnn")).check(TrainingSettings(layers="dense 16 relu"))
    assert refused.value.key == "caps.model" and refused.value.values == {"model": "custom"}


def test_caps_saved_before_network_caps_are_read_with_the_defaults():
    everything_then = Caps.from_dict({"epochs": 5, "models": ["mlp", "cnn"], "augment": True, "train_images": None})
    assert everything_then.models == ("mlp", "cnn", "custom")
    assert (everything_then.parameters, everything_then.layers) == (2_000_000, 12)
    assert Caps.from_dict({"epochs": 5, "models": ["mlp"]}).models == ("mlp",)  # a choice made then stands
    chosen = Caps(epochs=3, models=("cnn",), parameters=50_000, layers=4)
    assert Caps.from_dict(chosen.to_dict()) == chosen
    with pytest.raises(ValueError, match="Most parameters"):
        Caps.from_dict({**chosen.to_dict(), "parameters": 0})


# Two runs compared


def test_disagreements_are_the_images_one_run_gets_right_and_the_other_wrong():
    labels = np.array([0, 1, 2, 3, 4])
    one_hot = np.eye(10, dtype=np.float32)
    a = evaluation_from_probabilities(one_hot[[0, 1, 9, 9, 4]], labels)
    b = evaluation_from_probabilities(one_hot[[0, 9, 2, 9, 4]], labels)
    a_only, b_only = disagreements(a, b)
    assert a_only.tolist() == [1] and b_only.tolist() == [2]
    assert [part.tolist() for part in disagreements(b, a)] == [[2], [1]]
    with pytest.raises(ValueError, match="different images"):
        disagreements(a, evaluation_from_probabilities(one_hot[[0, 1]], labels[:2]))


def test_the_fewest_training_images_asked_for_win_and_none_means_all():
    from mnist_core.training.settings import fewest_images

    assert fewest_images(None, None) is None
    assert fewest_images(1_000, None) == 1_000
    assert fewest_images(None, 5_000) == 5_000
    assert fewest_images(10_000, 5_000) == 5_000
