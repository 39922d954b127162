"""The teacher's caps and class settings: refusals that name the cap, and settings that survive a restart."""

import json
import os
import threading

import pytest
from stand_ins import stand_in_result

from mnist_core.classroom.caps import Caps
from mnist_core.classroom.settings import SETTINGS_FILE, ClassSettings, ClassSettingsStore, delete_run
from mnist_core.errors import Refusal
from mnist_core.runs.store import RunError, RunStore
from mnist_core.training.settings import TrainingSettings


def test_a_student_is_held_to_the_default_caps():
    Caps().check(TrainingSettings(epochs=20, model_kind="cnn", augment=True))  # allowed
    with pytest.raises(Refusal, match="at most 20 epochs") as refused:
        Caps().check(TrainingSettings(epochs=200))
    assert refused.value.values == {"cap": 20, "asked": 200}


@pytest.mark.parametrize(
    ("caps", "settings", "key"),
    [
        (Caps(epochs=3), TrainingSettings(epochs=10), "caps.epochs"),
        (Caps(models=("mlp",)), TrainingSettings(model_kind="cnn"), "caps.model"),
        (Caps(augment=False), TrainingSettings(augment=True), "caps.augment"),
        (Caps(train_images=6000), TrainingSettings(), "caps.images"),
        (Caps(train_images=6000), TrainingSettings(train_limit=6001), "caps.images"),
    ],
)
def test_each_cap_refuses_what_goes_over_it(caps, settings, key):
    with pytest.raises(Refusal) as refused:
        caps.check(settings)
    assert refused.value.key == key


def test_the_refusal_reads_in_korean_too():
    from mnist_core import i18n

    with pytest.raises(Refusal) as refused:
        Caps(epochs=3).check(TrainingSettings(epochs=10))
    with i18n.in_language("ko"):
        assert "3 에포크" in refused.value.text()
    assert "at most 3 epochs" in str(refused.value)


def test_students_train_on_at_most_the_capped_number_of_images():
    assert Caps(train_images=6000).images_for_students(None) == 6000
    assert Caps(train_images=6000).images_for_students(3000) == 3000
    assert Caps().images_for_students(3000) == 3000


def test_settings_survive_a_restart_and_start_from_defaults(tmp_path):
    store = ClassSettingsStore(tmp_path)
    assert store.load() == ClassSettings()
    chosen = ClassSettings(Caps(epochs=3, models=("mlp",), augment=False, train_images=5000),
                           pinned_run="20261201-090000-mnist-abcdef", show_names=True)  # fmt: skip
    store.save(chosen)
    assert ClassSettingsStore(tmp_path).load() == chosen  # a new store, as after a restart
    assert [path.name for path in tmp_path.iterdir()] == [SETTINGS_FILE]  # no temporary file left


def test_review_first_is_off_by_default_even_in_an_older_file_and_survives_a_restart(tmp_path):
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"caps": {}, "pinned_run": None, "show_names": True}))
    store = ClassSettingsStore(tmp_path)
    assert store.load() == ClassSettings(show_names=True)  # a file from before the switch: off
    store.save(ClassSettings(review_first=True))
    assert ClassSettingsStore(tmp_path).load().review_first


def test_a_damaged_or_forged_settings_file_reads_as_the_defaults(tmp_path):
    path = tmp_path / SETTINGS_FILE
    for content in ("{not json", json.dumps({"caps": {"epochs": 10**9}}), json.dumps({"pinned_run": "../../etc"})):
        path.write_text(content)
        assert ClassSettingsStore(tmp_path).load() == ClassSettings()


def test_a_write_that_fails_leaves_the_old_settings(tmp_path, monkeypatch):
    store = ClassSettingsStore(tmp_path)
    store.save(ClassSettings(Caps(epochs=5)))

    def power_cut(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        store.save(ClassSettings(Caps(epochs=7)))
    assert store.load().caps.epochs == 5
    assert [path.name for path in tmp_path.iterdir()] == [SETTINGS_FILE]


def test_readers_never_see_half_a_file_while_the_teacher_saves(tmp_path):
    store = ClassSettingsStore(tmp_path)
    store.save(ClassSettings(Caps(epochs=100)))
    seen, done = set(), threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(store.load().caps.epochs)

    reader = threading.Thread(target=read)
    reader.start()
    for epochs in range(101, 160):
        store.save(ClassSettings(Caps(epochs=epochs)))
    done.set()
    reader.join()
    # A torn read would fall back to the defaults (20 epochs): every read saw one whole saved file instead.
    assert seen and seen <= set(range(100, 160))
    assert store.load().caps.epochs == 159


def test_deleting_the_pinned_run_unpins_it_and_keeps_the_other_settings(tmp_path):
    runs, settings = RunStore(tmp_path / "runs"), ClassSettingsStore(tmp_path)
    pinned, other = runs.save(stand_in_result(TrainingSettings())), runs.save(stand_in_result(TrainingSettings()))
    chosen = ClassSettings(Caps(epochs=3), pinned_run=pinned.id, show_names=True)
    settings.save(chosen)

    delete_run(runs, settings, other.id)  # another run: the class model stays pinned
    assert not runs.exists(other.id) and settings.load() == chosen

    delete_run(runs, settings, pinned.id)
    assert not runs.exists(pinned.id)
    assert settings.load() == ClassSettings(Caps(epochs=3), pinned_run=None, show_names=True)


def test_a_run_that_cannot_be_deleted_leaves_the_pin(tmp_path):
    runs, settings = RunStore(tmp_path / "runs"), ClassSettingsStore(tmp_path)
    pinned = runs.save(stand_in_result(TrainingSettings()))
    settings.save(ClassSettings(pinned_run=pinned.id))
    with pytest.raises(RunError):
        delete_run(runs, settings, "20261201-090000-mnist-abcdef")  # no such run
    assert settings.load().pinned_run == pinned.id and runs.exists(pinned.id)
