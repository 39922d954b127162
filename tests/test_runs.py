import json
import os
import subprocess
import sys
import zipfile

import keras
import numpy as np
import pytest

from mnist_core.runs.store import RunError, RunStore, check_run_id
from mnist_core.tuning import quiet_tensorflow_env


def test_a_saved_run_loads_back_with_identical_predictions(quick_result, store):
    record = store.save(quick_result)
    assert record.status == "finished" and record.dataset == "mnist"
    assert record.settings["epochs"] == 2 and record.settings["batch_size"] == 100
    assert record.history == quick_result.history
    assert record.test_accuracy == quick_result.test_accuracy
    assert store.get(record.id) == record

    images = np.random.default_rng(0).random((8, 28, 28), dtype=np.float32)
    loaded = store.load_model(record.id)
    np.testing.assert_allclose(loaded.predict_on_batch(images), quick_result.model.predict_on_batch(images), atol=1e-6)
    assert type(loaded.optimizer) is keras.optimizers.Adam  # saved as the tutorial's plain "adam", with its state
    assert int(loaded.optimizer.iterations) == int(quick_result.model.optimizer.iterations) > 0


def test_a_saved_model_opens_in_plain_keras_without_mnist_core(quick_result, store, tmp_path):
    record = store.save(quick_result)
    opener = (
        "import sys, keras, numpy; "
        "assert 'mnist_core' not in sys.modules; "
        "model = keras.saving.load_model(sys.argv[1]); "
        "print(type(model.optimizer).__name__, model.predict_on_batch(numpy.zeros((1, 28, 28), 'float32')).shape)"
    )
    opened = subprocess.run(
        [sys.executable, "-W", "error::UserWarning", "-c", opener, str(store.root / record.id / "model.keras")],
        cwd=tmp_path,  # where mnist_core cannot be imported from
        env=quiet_tensorflow_env({**os.environ, "PYTHONPATH": ""}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert opened.returncode == 0, opened.stderr[-2000:]
    assert opened.stdout.strip().splitlines()[-1] == "Adam (1, 10)"


def test_listing_is_newest_first_and_latest_picks_by_data_set(quick_result, store):
    first = store.save(quick_result)
    second = store.save(quick_result)
    ids = [record.id for record in store.list()]
    assert set(ids) == {first.id, second.id}
    assert ids[0] == max(ids, key=lambda run_id: (store.get(run_id).created, run_id))
    assert store.latest("mnist").id == ids[0]
    assert store.latest("fashion_mnist") is None
    assert store.latest("mnist", status="stopped") is None


def test_an_empty_runs_folder_lists_nothing(tmp_path):
    assert RunStore(tmp_path / "never-made").list() == []


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda path: path.write_bytes(b""), "no model file"),
        (lambda path: path.write_bytes(b"\x00garbage" * 100), "damaged or not a Keras model"),
        (lambda path: zipfile.ZipFile(path, "w").writestr("hello.txt", "not a model"), "damaged or not a Keras model"),
        (lambda path: path.write_bytes(path.read_bytes()[:2000]), "damaged or not a Keras model"),
        (lambda path: path.unlink(), "no model file"),
    ],
    ids=["empty", "garbage", "foreign-zip", "truncated", "missing"],
)
@pytest.mark.parametrize("loader", ["load_model", "load_network"])
def test_a_broken_model_file_gives_a_clear_error_and_spares_the_others(quick_result, store, damage, message, loader):
    broken, healthy = store.save(quick_result), store.save(quick_result)
    damage(store.root / broken.id / "model.keras")
    with pytest.raises(RunError, match=message):
        getattr(store, loader)(broken.id)
    assert {record.id for record in store.list()} == {broken.id, healthy.id}
    assert getattr(store, loader)(healthy.id) is not None


def test_broken_records_and_half_written_runs_are_left_out(quick_result, store):
    good = store.save(quick_result)
    (store.root / "20260101-000000-mnist-abcdef").mkdir()  # no record at all
    bad_json = store.root / "20260101-000001-mnist-abcdef"
    bad_json.mkdir()
    (bad_json / "run.json").write_text("{not json")
    (store.root / ".saving-20260101-000002-mnist-abcdef").mkdir()  # a save that never finished
    assert [record.id for record in store.list()] == [good.id]
    with pytest.raises(RunError, match="no readable record"):
        store.get("20260101-000001-mnist-abcdef")


@pytest.mark.parametrize("run_id", ["../etc/passwd", "/tmp/x", "", "20260101-000000-mnist-abcdef/../../x", 42])
def test_run_ids_never_become_paths(run_id, store):
    with pytest.raises(RunError, match="not a run id"):
        check_run_id(run_id)
    with pytest.raises(RunError):
        store.load_model(run_id)
    with pytest.raises(RunError):
        store.load_network(run_id)


def test_a_runs_folder_that_cannot_be_made_is_reported(quick_result, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("runs cannot live under a file, not even for root")
    with pytest.raises(RunError, match="could not be saved.*Earlier runs are untouched"):
        RunStore(blocker / "runs").save(quick_result)


def test_a_refused_rename_is_reported_and_earlier_runs_stay(quick_result, store, monkeypatch):
    earlier = store.save(quick_result)

    def permission_denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("mnist_core.runs.store.os.rename", permission_denied)
    with pytest.raises(RunError, match="Permission denied"):
        store.save(quick_result)
    assert sorted(path.name for path in store.root.iterdir()) == [earlier.id]


def test_a_failed_save_leaves_nothing_behind(quick_result, store, monkeypatch):
    earlier = store.save(quick_result)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mnist_core.runs.store.write_json_synced", disk_full)
    with pytest.raises(RunError, match="No space left on device"):
        store.save(quick_result)
    assert sorted(path.name for path in store.root.iterdir()) == [earlier.id]
    assert json.loads((store.root / earlier.id / "run.json").read_text())["id"] == earlier.id
