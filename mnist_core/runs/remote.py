"""Runs shared between machines (MNIST_APP_RUNS_URL): a folder, an NFS mount or an S3 bucket, reached through fsspec.

The shared store holds the same layout as a runs folder, `<url>/<run id>/model.keras, run.json, embedding.npz`.
The local runs folder becomes this machine's cache of it, because Keras and the numpy reader need files on disk and
the pages must keep working for a moment when the store does not answer. Why each rule:

- Object storage has no rename, so `run.json` is the "saved" marker: a run's model is uploaded first and its
  `run.json` last, and only folders with a `run.json` are ever listed. A run is immutable once its `run.json`
  exists, except the map (embedding.npz), which may arrive later: so a record is fetched once per run and cached.
- One listing of the store (`sync`) brings every new run's `run.json` into the cache and drops the cached runs that
  were deleted elsewhere; the list the pages see is then the cache's, as with a plain runs folder. When the store
  does not answer, the cache is listed as it is and a warning is logged, rather than an empty list.
- A model or a map is downloaded into the cache on first use: to a temporary name beside it, then renamed, so a
  reader in another process never opens half a file.
- A run saved here carries a marker file (PENDING_FILE) until its `run.json` is uploaded. An upload that fails keeps
  the run here, listed and readable on this machine, and a later listing uploads it: nothing is lost.
- Deleting removes `run.json` first (the run is unlisted everywhere at once), then the rest.
- Only a run the cache knows to be in the store (SHARED_FILE: fetched from it, or uploaded to it) is ever dropped
  when the store no longer lists it. A runs folder that had runs of its own before the school set the URL keeps
  them: each is marked for upload instead, so turning sharing on shares a class's earlier runs and loses none.

fsspec and s3fs come from requirements-cluster.txt and are imported only when a URL is set.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from mnist_core.durable import write_atomically
from mnist_core.errors import RunError, RunsUnreachable

log = logging.getLogger(__name__)

PENDING_FILE = ".not-shared-yet"  # in a local run folder whose run.json is not in the shared store yet
SHARED_FILE = ".from-shared-store"  # in a local run folder known to be in the shared store: fetched or uploaded
FETCH_PREFIX = ".fetching-"  # a download under way, beside its final name
DOWN_SECONDS = 10.0  # after a failed listing, the cache is used without asking the store again for this long
SYNC_SECONDS = 1.0  # one listing serves the list() calls of this long (a page run makes several)
MAP_RECHECK_SECONDS = 5.0  # how often the store is asked whether a missing map has arrived there
PENDING_RETRY_SECONDS = 60.0  # a run still marked this long after its save lost its upload: a listing retries it
# s3fs's client: give up on a store that does not answer within seconds, not minutes (botocore's defaults).
S3_OPTIONS: dict[str, Any] = {
    "config_kwargs": {"connect_timeout": 3, "read_timeout": 30, "retries": {"max_attempts": 2, "mode": "standard"}},
}
INSTALL_HINT = "pip install -r requirements-cluster.txt"

T = TypeVar("T")


def shown_url(url: str) -> str:
    """The URL for messages and logs: without a user name, password or query (where secrets may sit)."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


class RemoteFolder:
    """The shared store's files, by run id and file name. Every failure but "not there" raises RunsUnreachable."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.shown = shown_url(self.url)
        self._fs: Any = None
        self._root = ""
        self._pid = 0

    def _filesystem(self) -> Any:
        if self._fs is None or self._pid != os.getpid():  # a forked child makes its own client
            try:
                import fsspec
                from fsspec.utils import get_protocol
            except ImportError as error:
                raise RunError(
                    f"MNIST_APP_RUNS_URL is set ({self.shown}), but fsspec is not installed: {INSTALL_HINT}"
                ) from error
            options = S3_OPTIONS if get_protocol(self.url) in ("s3", "s3a") else {}
            try:
                # Its own client: fsspec's shared instances would keep an endpoint the environment no longer names.
                self._fs, self._root = fsspec.core.url_to_fs(self.url, skip_instance_cache=True, **options)
            except ImportError as error:  # s3fs for s3://, and so on
                raise RunError(
                    f"The runs store {self.shown} needs a package that is missing: {INSTALL_HINT}"
                ) from error
            except Exception as error:
                raise RunsUnreachable(f"The runs store {self.shown} cannot be used: {_reason(error)}") from error
            self._pid = os.getpid()
        return self._fs

    def path(self, run_id: str, name: str = "") -> str:
        """A run's file as the store names it (its root comes from the URL, once the client is made)."""
        self._filesystem()
        return "/".join(part for part in (self._root.rstrip("/"), run_id, name) if part)

    def _call(self, doing: str, action: Callable[[Any], T]) -> T:
        fs = self._filesystem()
        try:
            return action(fs)
        except FileNotFoundError:
            raise
        except Exception as error:  # botocore, aiohttp and OSError kinds alike: the store did not do it
            raise RunsUnreachable(
                f"The runs store {self.shown} could not be reached to {doing} ({_reason(error)}). "
                "Check the network, the store and its credentials (AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL)."
            ) from error

    def run_ids_with(self, marker: str, pattern: re.Pattern[str]) -> set[str]:
        """The ids of the folders holding `marker` (run.json): one listing of the whole store."""

        def listing(fs: Any) -> list[str]:
            fs.invalidate_cache()  # s3fs keeps listings; this one must be fresh
            try:
                return fs.find(self._root)  # no maxdepth: S3 lists every key in one paged request
            except FileNotFoundError:  # a folder not made yet (file://)
                return []

        ids = set()
        keys = self._call("list the runs", listing)
        root = self._root.rstrip("/")
        for key in keys:
            run_id, _, name = key[len(root) :].strip("/").partition("/")
            if name == marker and pattern.fullmatch(run_id):
                ids.add(run_id)
        return ids

    def read(self, paths: list[str]) -> dict[str, bytes]:
        """Several small files at once (concurrently on S3); those not there are left out."""
        if not paths:
            return {}
        found = self._call("read the run records", lambda fs: fs.cat(paths, on_error="return"))
        failed = [error for error in found.values() if isinstance(error, Exception)]
        if unreachable := [error for error in failed if not isinstance(error, FileNotFoundError)]:
            self._call("read the run records", lambda fs: _raise(unreachable[0]))
        return {path: data for path, data in found.items() if isinstance(data, bytes)}

    def exists(self, run_id: str, name: str) -> bool:
        return self._call(f"look for run {run_id}", lambda fs: fs.exists(self.path(run_id, name)))

    def download(self, run_id: str, name: str, target: Path) -> bool:
        """Copy a file into `target`: to a temporary name beside it, then renamed. False when it is not there."""
        temp = target.parent / f"{FETCH_PREFIX}{secrets.token_hex(4)}-{name}"
        try:
            self._call(f"fetch run {run_id}", lambda fs: fs.get_file(self.path(run_id, name), str(temp)))
            os.replace(temp, target)
        except FileNotFoundError:
            return False
        finally:
            temp.unlink(missing_ok=True)
        return True

    def upload(self, source: Path, run_id: str, name: str) -> None:
        def put(fs: Any) -> None:
            fs.makedirs(self.path(run_id), exist_ok=True)  # a folder for file://; nothing on S3
            fs.put_file(str(source), self.path(run_id, name))

        self._call(f"upload run {run_id}", put)

    def delete(self, run_id: str, record_file: str) -> bool:
        """Remove `record_file` first (unlisted everywhere at once), then the rest; False when it had no record."""

        def remove(fs: Any) -> bool:
            had = fs.exists(self.path(run_id, record_file))
            if had:
                fs.rm_file(self.path(run_id, record_file))
            with contextlib.suppress(FileNotFoundError):
                fs.rm(self.path(run_id), recursive=True)
            return had

        return self._call(f"delete run {run_id}", remove)


class SharedRuns:
    """The local runs folder as a cache of the shared store; RunStore calls it when MNIST_APP_RUNS_URL is set."""

    def __init__(self, url: str, cache: Path, record_file: str, id_pattern: re.Pattern[str]) -> None:
        self.remote = RemoteFolder(url)
        self.cache = Path(cache)
        self.record_file = record_file
        self.id_pattern = id_pattern
        self._lock = threading.Lock()
        self._synced_at = -1e9
        self._down_until = 0.0
        self._map_checked: dict[str, float] = {}

    @property
    def shown_url(self) -> str:
        return self.remote.shown

    # Listing

    def sync(self) -> None:
        """Bring the cache up to the store's list of runs; when it does not answer, log it and keep the cache."""
        with self._lock:
            now = time.monotonic()
            if now - self._synced_at < SYNC_SECONDS or now < self._down_until:
                return
            try:
                listed = self.remote.run_ids_with(self.record_file, self.id_pattern)
                self._fetch_records(listed)
                self._share_pending()
            except RunError as error:
                self._down_until = time.monotonic() + DOWN_SECONDS
                log.warning("%s Listing the runs this machine has for %.0f s.", error, DOWN_SECONDS)
                return
            self._prune(listed)
            self._synced_at = time.monotonic()

    def _fetch_records(self, listed: set[str]) -> None:
        new = [run_id for run_id in listed if not (self.cache / run_id / self.record_file).is_file()]
        paths = {self.remote.path(run_id, self.record_file): run_id for run_id in new}
        for path, data in self.remote.read(list(paths)).items():
            self._keep_record(paths[path], data)

    def _keep_record(self, run_id: str, data: bytes) -> None:
        folder = self.cache / run_id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SHARED_FILE).touch()  # before the record: a listed run in the cache is always marked
        write_atomically(folder / self.record_file, lambda file: file.write(data))

    def _prune(self, listed: set[str]) -> None:
        """Drop the cached runs the store no longer lists (deleted on another machine). Never a run of ours that
        waits for its upload, and each one asked about once more: a save here may have finished since the listing."""
        try:
            folders = list(self.cache.iterdir())
        except OSError:
            return
        for folder in folders:
            if folder.name in listed or not self.id_pattern.fullmatch(folder.name):
                continue
            try:
                if (folder / PENDING_FILE).exists() or self.remote.exists(folder.name, self.record_file):
                    continue
                if not (folder / SHARED_FILE).exists():  # this folder's own run from before sharing: upload it
                    if (folder / self.record_file).is_file():
                        self.mark_pending(folder)
                        os.utime(folder / PENDING_FILE, (0, 0))  # due at the next listing, not in a minute
                    continue
                doomed = folder.with_name(f".saving-deleted-{folder.name}")
                os.rename(folder, doomed)
            except (OSError, RunError):
                continue
            shutil.rmtree(doomed, ignore_errors=True)

    # Reading

    def fetch_record(self, run_id: str) -> bool:
        """A run's record into the cache when it is not there (a run saved elsewhere a moment ago); False when
        the store has no such run. Raises RunsUnreachable."""
        if (self.cache / run_id / self.record_file).is_file():
            return True
        data = self.remote.read([self.remote.path(run_id, self.record_file)])
        if not data:
            return False
        self._keep_record(run_id, next(iter(data.values())))
        return True

    def fetch_file(self, run_id: str, name: str) -> bool:
        """A run's file into the cache, once; False when the store does not have it. Raises RunsUnreachable."""
        target = self.cache / run_id / name
        if target.is_file() and target.stat().st_size > 0:
            return True
        target.parent.mkdir(parents=True, exist_ok=True)
        return self.remote.download(run_id, name, target)

    def fetch_map(self, run_id: str, name: str) -> None:
        """A map made on another machine, if it has arrived; asked at most every MAP_RECHECK_SECONDS per run, not
        while the store is down, and never raising (a page asks on every rerun; no map is a normal state)."""
        now = time.monotonic()
        if now < self._down_until or now - self._map_checked.get(run_id, -1e9) < MAP_RECHECK_SECONDS:
            return
        self._map_checked[run_id] = now
        if not (self.cache / run_id).is_dir():
            return
        try:
            self.fetch_file(run_id, name)
        except RunError as error:
            log.warning("%s", error)

    # Writing

    def mark_pending(self, folder: Path) -> None:
        """Mark a run being saved (still in its temporary folder) as not shared yet."""
        (folder / PENDING_FILE).touch()

    def waiting(self, run_id: str) -> bool:
        """Whether the run saved here still waits for its upload."""
        return (self.cache / run_id / PENDING_FILE).exists()

    def share(self, run_id: str, data_files: tuple[str, ...]) -> bool:
        """Upload a run saved here: its data files, then its record last; then it is no longer marked. On failure
        the run stays here, marked, and a warning says so (a later listing retries); returns whether it is shared."""
        folder = self.cache / run_id
        try:
            for name in data_files:
                if (folder / name).is_file():
                    self.remote.upload(folder / name, run_id, name)
            self.remote.upload(folder / self.record_file, run_id, self.record_file)
        except RunError as error:
            log.warning("Run %s is saved on this machine but not shared yet: %s It is uploaded later.", run_id, error)
            return False
        (folder / SHARED_FILE).touch()
        (folder / PENDING_FILE).unlink(missing_ok=True)
        return True

    def share_file(self, run_id: str, name: str) -> bool:
        """Upload one file added to a shared run later (its map); a failure is logged: the file stays here."""
        folder = self.cache / run_id
        if (folder / PENDING_FILE).exists():
            return False  # uploaded with the rest of the run
        try:
            self.remote.upload(folder / name, run_id, name)
        except RunError as error:
            log.warning("Run %s's %s is kept on this machine only: %s", run_id, name, error)
            return False
        return True

    def _share_pending(self) -> None:
        cutoff = time.time() - PENDING_RETRY_SECONDS
        for marker in self.cache.glob(f"*/{PENDING_FILE}"):
            run_id = marker.parent.name
            if self.id_pattern.fullmatch(run_id) and _mtime(marker) < cutoff:
                data_files = tuple(
                    path.name
                    for path in marker.parent.iterdir()
                    if path.name != self.record_file and not path.name.startswith(".")
                )
                if self.share(run_id, data_files):
                    log.info("Run %s is now shared in %s.", run_id, self.shown_url)

    def delete(self, run_id: str) -> bool:
        """Remove a run from the store (record first); False when the store had no record of it."""
        self._map_checked.pop(run_id, None)
        return self.remote.delete(run_id, self.record_file)


def _raise(error: Exception) -> None:
    raise error


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return time.time()


def _reason(error: BaseException) -> str:
    """An error's kind and first line, without the URL's secrets (botocore's messages name the endpoint only)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
