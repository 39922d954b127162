"""A link that sets the lesson: good links fill the Train page's settings, bad values are left out with a notice."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from harness.language import HANGUL
from mnist_core import i18n, limits
from mnist_core.classroom.caps import Caps
from mnist_core.classroom.lesson_link import PARAMETERS, link_for, read_link
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
