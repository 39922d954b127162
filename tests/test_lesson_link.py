"""A link that sets the lesson: good links fill the Train page's settings, bad values are left out with a notice."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from harness.language import HANGUL
from mnist_core import i18n, limits
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.lesson_link import PARAMETERS, link_for, read_link
from mnist_core.model.layers import PRESETS
from mnist_core.training.settings import TrainingSettings


def query_of(link: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))


@pytest.mark.parametrize(
    "settings",
    [
        TrainingSettings(),
        TrainingSettings(dataset="fashion_mnist", epochs=200, batch_size=60_000, model_kind="cnn", augment=True),
        TrainingSettings(optimizer="sgd", learning_rate=1e-05),
        TrainingSettings(optimizer="momentum", learning_rate=0.0123456789, batch_size=1, epochs=1),
    ],
    ids=["tutorial", "fashion-cnn-augmented", "sgd-tiny-rate", "momentum-odd-rate"],
)
def test_a_link_for_some_settings_reads_back_as_those_settings(settings):
    link = link_for(settings, "http://teacher.local:8501/train")
    assert link.startswith("http://teacher.local:8501/train?dataset=")
    read = read_link(query_of(link))
    assert read.notices == []
    assert read.values == {setting: getattr(settings, setting) for setting in PARAMETERS.values()}


def test_the_link_uses_the_short_names_and_drops_the_pages_own_query():
    link = link_for(TrainingSettings(augment=True), "http://host:8501/train?dataset=mnist&old=1#top")
    assert link == (
        "http://host:8501/train?dataset=mnist&epochs=10&batch=100&model=mlp&augment=1&lr=0.001&optimizer=adam"
    )
    assert link_for(TrainingSettings(), None).startswith("?dataset=mnist&")  # no address known: a relative link


def test_a_partial_link_sets_only_what_it_names_and_other_parameters_are_not_ours():
    read = read_link({"epochs": " 5 ", "model": "CNN", "augment": "yes", "page": "train", "utm_source": "mail"})
    assert read.values == {"epochs": 5, "model_kind": "cnn", "augment": True}
    assert read.notices == []
    assert read_link({}).values == {}


@pytest.mark.parametrize(("text", "value"), [("1", True), ("true", True), ("on", True), ("0", False), ("No", False)])
def test_augment_reads_the_usual_yes_and_no(text, value):
    assert read_link({"augment": text}).values == {"augment": value}


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("epochs", "0", f"between 1 and {limits.PAGE_EPOCHS_HIGH}"),
        ("epochs", str(limits.PAGE_EPOCHS_HIGH + 1), f"between 1 and {limits.PAGE_EPOCHS_HIGH}"),
        ("epochs", "-3", "between 1 and"),
        ("epochs", "10.5", "between 1 and"),
        ("epochs", "1e3", "between 1 and"),
        ("epochs", "ten", "between 1 and"),
        ("epochs", "", "between 1 and"),
        ("epochs", "\u0663", "between 1 and"),  # an Arabic-Indic 3: a digit, but not one a link should carry
        ("epochs", "9" * 5000, "between 1 and"),  # too long for int() in Python 3.11
        ("batch", "0", "between 1 and 60,000"),
        ("batch", "60001", "between 1 and 60,000"),
        ("lr", "0", "between 1e-07 and 10"),
        ("lr", "11", "between 1e-07 and 10"),
        ("lr", "-0.001", "between 1e-07 and 10"),
        ("lr", "nan", "between 1e-07 and 10"),
        ("lr", "inf", "between 1e-07 and 10"),
        ("lr", "fast", "between 1e-07 and 10"),
        ("dataset", "cifar10", "one of mnist, fashion_mnist"),
        ("model", "resnet", "one of mlp, cnn"),
        ("optimizer", "rmsprop", "one of adam, sgd, momentum"),
        ("augment", "maybe", "one of 1, 0"),
    ],
)
def test_a_bad_value_is_left_out_with_a_short_notice_and_the_rest_still_applies(name, value, says):
    read = read_link({name: value, "batch" if name != "batch" else "epochs": "20"})
    assert PARAMETERS[name] not in read.values
    assert len(read.values) == 1
    assert len(read.notices) == 1
    assert f"{name}=" in read.notices[0] and says in read.notices[0]
    assert len(read.notices[0]) < 160


def test_a_notice_repeats_a_crafted_value_harmlessly():
    (notice,) = read_link({"dataset": "[click me](http://evil.example/x)<script>"}).notices
    shown = notice.split("dataset=", 1)[1].split(" ", 1)[0]
    assert shown == "clickmehttpevil.exam…"  # plain characters only, cut short


def test_notices_speak_the_sessions_language():
    with i18n.in_language("ko"):
        (notice,) = read_link({"model": "resnet"}).notices
    assert HANGUL.search(notice) and "model=resnet" in notice


def test_the_teachers_caps_still_apply():
    caps = Caps(epochs=20, models=("mlp",), augment=False)
    read = read_link({"epochs": "50", "model": "cnn", "augment": "1", "batch": "32"}, caps)
    assert read.values == {"epochs": 20, "batch_size": 32}
    assert len(read.notices) == 3
    assert "50" in read.notices[0] and "20" in read.notices[0]
    assert "model=cnn" in read.notices[1] and "augment=1" in read.notices[2]


def test_within_the_caps_nothing_changes():
    caps = Caps(epochs=20, models=("mlp",), augment=False)
    read = read_link({"epochs": "20", "model": "mlp", "augment": "0"}, caps)
    assert read.values == {"epochs": 20, "model_kind": "mlp", "augment": False}
    assert read.notices == []


# A network a student would build, and the lesson's data settings (issue #31)

NETWORK_SETTINGS = TrainingSettings(
    layers="conv 16 3 relu; pool 2; batchnorm; dense 64 relu", l2=0.001, init_seed=7, noise=0.25, validation_split=0.1
)


def test_a_link_carries_a_network_and_reads_back_as_it():
    link = link_for(NETWORK_SETTINGS, "http://teacher.local:8501/train")
    query = query_of(link)
    assert query["layers"] == "conv 16 3 relu; pool 2; batchnorm; dense 64 relu"
    assert (query["l2"], query["init"], query["noise"], query["val"]) == ("0.001", "7", "0.25", "0.1")
    read = read_link(query)
    assert read.notices == []
    assert TrainingSettings(**read.values) == NETWORK_SETTINGS
    assert "layers" not in query_of(link_for(TrainingSettings()))  # the tutorial's link stays as it was


def test_a_link_s_layers_are_read_in_the_canonical_form():
    read = read_link({"layers": " Dense 32 RELU;dropout .5 ;"})
    assert read.values == {"layers": "dense 32 relu; dropout 0.5"}
    assert read_link({"layers": ""}).values == {"layers": ""}  # no hidden layer: the output layer alone


@pytest.mark.parametrize(
    ("layers", "says"),
    [
        ("dense 0 relu", "a dense layer has from 1 to 10,000 units, not 0"),
        ("dense 64 relu; conv 8 3 relu", "a convolution needs an image"),
        ("dropout 1.5", "a dropout rate is a number from 0"),
        ("wobble 3", 'there is no layer called "wobble"'),
        ("conv 8 30 relu", "larger than the 28 × 28 image"),
    ],
)
def test_a_bad_spec_in_a_link_is_left_out_with_a_notice_naming_the_part(layers, says):
    read = read_link({"layers": layers, "epochs": "3"})
    assert read.values == {"epochs": 3}
    (notice,) = read.notices
    assert notice.startswith("The link's layers were left out:") and says in notice


def test_a_spec_with_characters_no_spec_has_is_left_out_without_repeating_them():
    (notice,) = read_link({"layers": "dense 8 relu; [click](http://evil.example)"}).notices
    assert "layers=dense8relucl" in notice and "[" not in notice and "(" not in notice.split(":", 1)[0]


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("l2", "2", "between 0 and 1"),
        ("noise", "-0.1", "between 0 and 1"),
        ("val", "0.95", "between 0 and 0.9"),
        ("init", "-1", "between 0 and 4,294,967,295"),
        ("init", "seven", "between 0 and"),
    ],
)
def test_bad_data_settings_in_a_link_are_left_out(name, value, says):
    read = read_link({name: value})
    assert read.values == {} and f"{name}=" in read.notices[0] and says in read.notices[0]


def test_the_teachers_network_caps_apply_to_a_link():
    big = "dense 3000 relu"  # 2,385,010 parameters
    read = read_link({"layers": big, "epochs": "5"}, Caps())
    assert read.values == {"epochs": 5}
    (notice,) = read.notices
    assert "at most 2,000,000 parameters" in notice and "2,385,010" in notice

    deep = "; ".join(["dense 8 relu"] * 4)  # 5 layers with the output layer, and far too big for no cap
    (notice,) = read_link({"layers": deep}, Caps(layers=3, parameters=10)).notices  # over both caps: one notice
    assert "parameters" in notice

    (notice,) = read_link({"layers": "dense 8 relu"}, Caps(models=("mlp", "cnn"))).notices
    assert "Your own network" in notice
    assert read_link({"layers": "dense 8 relu"}, Caps()).values == {"layers": "dense 8 relu"}


@pytest.mark.parametrize(
    ("query", "layers"),
    [
        ({"l2": "0.001"}, "dense 1000 relu"),  # the tutorial's network
        ({"l2": "0.001", "model": "cnn"}, PRESETS["cnn"]),
        ({"l2": "0.001", "model": "mlp", "epochs": "3"}, "dense 1000 relu"),
    ],
)
def test_weight_decay_without_layers_opens_the_builder_on_the_named_network(query, layers):
    read = read_link(query)
    assert read.notices == [] and read.values["layers"] == layers and read.values["l2"] == 0.001
    assert "model_kind" not in read.values  # the layers are the network
    settings = TrainingSettings(**read.values)
    assert settings.model_kind == "custom" and settings.l2 == 0.001
    assert "layers" not in read_link({"l2": "0", "model": "cnn"}).values  # no decay: the named network stays


def test_weight_decay_is_left_out_with_the_layers_a_teacher_does_not_allow():
    read = read_link({"l2": "0.001", "epochs": "3"}, Caps(models=("mlp", "cnn")))
    assert read.values == {"epochs": 3}
    (notice,) = read.notices
    assert "Your own network" in notice
