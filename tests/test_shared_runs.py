"""Runs shared between machines (MNIST_APP_RUNS_URL, runs/remote.py): two RunStores with caches of their own share
one store, an S3 bucket (moto's server, harness/s3.py) or a folder as an NFS mount would be (file://).

Each store here stands for one machine: what one saves, the other lists and reads from its own cache.
"""

from __future__ import annotations

import logging
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("fsspec", reason="requirements-cluster.txt")
pytest.importorskip("moto", reason="requirements-cluster.txt")

from harness.s3 import S3Server, s3_server, start_s3  # noqa: E402
from mnist_core import config  # noqa: E402
from mnist_core.errors import RunError, RunsUnreachable  # noqa: E402
from mnist_core.reading.embedding import load_map  # noqa: E402
from mnist_core.runs import remote  # noqa: E402
from mnist_core.runs.store import RunStore  # noqa: E402
from mnist_core.serving.maps import make_map  # noqa: E402

IMAGES = np.random.default_rng(0).random((8, 28, 28), dtype=np.float32)


@pytest.fixture(scope="module")
def s3() -> S3Server:
    with s3_server(bucket="school") as server:
        yield server


@pytest.fixture(autouse=True)
def at_once(monkeypatch):
    """Every listing asks the store, and a missing map is looked for every time: the tests check each step."""
    monkeypatch.setattr(remote, "SYNC_SECONDS", 0.0)
    monkeypatch.setattr(remote, "MAP_RECHECK_SECONDS", 0.0)


@pytest.fixture(params=["s3", "file"])
def shared_url(request, tmp_path, monkeypatch) -> str:
    """The shared store: a prefix of its own in the moto bucket, or a folder reached as file:// (the NFS case)."""
    if request.param == "file":
        return f"file://{tmp_path / 'nfs' / 'runs'}"
    server = request.getfixturevalue("s3")
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    return server.url(f"class-{tmp_path.name}")


def machines(tmp_path, url: str) -> tuple[RunStore, RunStore]:
    return RunStore(tmp_path / "one", url), RunStore(tmp_path / "two", url)


def test_a_run_saved_on_one_machine_is_listed_and_read_on_the_other(quick_result, tmp_path, shared_url):
    one, two = machines(tmp_path, shared_url)
    record = one.save(quick_result)
    assert [run.id for run in two.list()] == [record.id]
    assert two.get(record.id) == record and two.exists(record.id)
    assert two.latest("mnist") == record
    assert not (two.root / record.id / "model.keras").exists()  # fetched on first use, not at listing

    expected = quick_result.model.predict_on_batch(IMAGES)
    np.testing.assert_allclose(two.load_network(record.id).probabilities(IMAGES), expected, atol=1e-5)
    assert (two.root / record.id / "model.keras").read_bytes() == (one.root / record.id / "model.keras").read_bytes()
    loaded = two.load_model(record.id)
    np.testing.assert_allclose(loaded.predict_on_batch(IMAGES), expected, atol=1e-6)
    assert not list(two.root.glob(f"*/{remote.FETCH_PREFIX}*"))  # no download left half-way
    assert not one.waiting_to_share(record.id)  # shared: no longer marked


def test_a_runs_folder_that_had_runs_before_sharing_keeps_them_and_shares_them(quick_result, tmp_path, shared_url):
    earlier = RunStore(tmp_path / "one", remote_url=None).save(quick_result)  # before the school set the URL
    one, two = machines(tmp_path, shared_url)
    assert [run.id for run in one.list()] == [earlier.id]  # the store does not list it: kept, never dropped
    assert one.waiting_to_share(earlier.id)
    assert [run.id for run in one.list()] == [earlier.id]  # the next listing uploads it ...
    assert [run.id for run in two.list()] == [earlier.id]  # ... and the other machine has it
    assert not one.waiting_to_share(earlier.id)


def test_a_run_is_found_by_id_before_any_listing(quick_result, tmp_path, shared_url):
    """A training finished elsewhere reports its run id; the page asks for that run before it lists."""
    one, two = machines(tmp_path, shared_url)
    record = one.save(quick_result)
    assert two.get(record.id) == record
    with pytest.raises(RunError, match="There is no run"):
        two.get("20200101-000000-mnist-abcdef")


def test_a_model_uploaded_without_its_run_json_is_never_listed(quick_result, tmp_path, shared_url):
    one, two = machines(tmp_path, shared_url)
    record = one.save(quick_result)
    half = "20200101-000000-mnist-abcdef"  # a save cut off between its model and its record
    one.shared.remote.upload(one.root / record.id / "model.keras", half, "model.keras")
    assert [run.id for run in two.list()] == [record.id]
    assert not two.exists(half)
    for read in (two.get, two.load_network):
        with pytest.raises(RunError, match="There is no run"):
            read(half)


def test_a_map_made_later_reaches_the_other_machine(quick_result, tmp_path, shared_url):
    one, two = machines(tmp_path, shared_url)
    record = one.save(quick_result)
    assert [run.id for run in two.list()] == [record.id]
    assert not two.map_path(record.id).is_file()  # not made yet

    make_map(one, record.id, count=100)
    path = two.map_path(record.id)
    assert path.is_file() and path.read_bytes() == one.map_path(record.id).read_bytes()
    assert load_map(path.parent).points.shape == (100, 2)


def test_a_run_deleted_on_one_machine_leaves_the_other(quick_result, tmp_path, shared_url):
    one, two = machines(tmp_path, shared_url)
    kept, doomed = one.save(quick_result), one.save(quick_result)
    assert {run.id for run in two.list()} == {kept.id, doomed.id}
    two.load_network(doomed.id)  # in two's cache now

    one.delete(doomed.id)
    assert not (one.root / doomed.id).exists()
    assert [run.id for run in two.list()] == [kept.id]
    assert not (two.root / doomed.id).exists()  # dropped from the cache at the listing
    assert not one.shared.remote.exists(doomed.id, "model.keras")  # nothing left in the store
    with pytest.raises(RunError, match="There is no run"):
        two.delete(doomed.id)


def test_the_store_stopped_a_clear_error_the_cache_still_listed_and_nothing_lost(
    quick_result, tmp_path, monkeypatch, caplog
):
    server = start_s3(bucket="school")
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "a-secret-never-shown")
    monkeypatch.setattr(remote, "PENDING_RETRY_SECONDS", 0.0)
    url = server.url("class")
    try:
        one, two = machines(tmp_path, url)
        record = one.save(quick_result)
        two.load_network(record.id)
    finally:
        server.stop()

    with caplog.at_level(logging.WARNING, logger=remote.__name__):
        assert [run.id for run in two.list()] == [record.id]  # the cache, not an empty list
    assert "could not be reached to list the runs" in caplog.text and url in caplog.text
    assert two.load_network(record.id)  # read from the cache

    with pytest.raises(RunsUnreachable, match="could not be reached to delete") as refused:
        one.delete(record.id)
    assert url in str(refused.value) and "a-secret-never-shown" not in str(refused.value)
    assert one.exists(record.id)  # not deleted anywhere
    with pytest.raises(RunError, match=f"{url} could not be reached"):
        two.get("20200101-000000-mnist-abcdef")  # not in the cache: only the store could say

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=remote.__name__):
        unshared = one.save(quick_result)  # saved here, not shared yet: said in the log, nothing lost
    assert f"Run {unshared.id} is saved on this machine but not shared yet" in caplog.text
    assert one.waiting_to_share(unshared.id) and not one.waiting_to_share(record.id)
    assert unshared.id in [run.id for run in one.list()]

    back = start_s3(port=server.port, bucket="school")  # the store answers again (empty: moto keeps nothing)
    try:
        monkeypatch.setattr(one.shared, "_down_until", 0.0)
        monkeypatch.setattr(two.shared, "_down_until", 0.0)
        one.list()  # uploads what waited
        assert not one.waiting_to_share(unshared.id)
        assert unshared.id in [run.id for run in two.list()]
        assert two.get(unshared.id) == unshared
    finally:
        back.stop()


def test_the_url_is_shown_without_secrets():
    assert remote.shown_url("s3://key:secret@bucket/class?token=x") == "s3://bucket/class"
    assert remote.shown_url("file:///mnt/nfs/runs") == "file:///mnt/nfs/runs"


def test_the_setting_and_its_default():
    assert config.runs_url({}) is None
    assert config.runs_url({"MNIST_APP_RUNS_URL": "  "}) is None
    assert config.runs_url({"MNIST_APP_RUNS_URL": "s3://school/class-7b/"}) == "s3://school/class-7b"


def test_without_the_setting_nothing_of_fsspec_is_imported(tmp_path):
    check = (
        "import sys; from pathlib import Path; from mnist_core.runs.store import RunStore; "
        f"store = RunStore(Path({str(tmp_path)!r})); store.list(); "
        "assert store.shared is None; "
        "print(sorted(name for name in ('fsspec', 's3fs', 'botocore') if name in sys.modules))"
    )
    env = {key: value for key, value in __import__("os").environ.items() if key != "MNIST_APP_RUNS_URL"}
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
