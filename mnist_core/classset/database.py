"""The class drawings file: an SQLite database made whole, checked before use, and written one transaction at a time.

Why SQLite through the standard library's sqlite3, and not SQLAlchemy: one file, two small tables and a handful
of plain queries. sqlite3 reaches every SQLite setting this needs (WAL, the busy timeout, BEGIN IMMEDIATE) with
no new dependency; an ORM would only stand between the code and those settings.

How the file stays whole with thirty students giving at once, and a server that may be killed at any moment:
- WAL journal: readers never wait for the writer, and a write killed half-way is simply not there at the next open.
- Every write is one `BEGIN IMMEDIATE` transaction: it takes the write lock first, so a second writer waits in
  SQLite's busy handler (up to BUSY_TIMEOUT_SECONDS) instead of failing with "database is locked". A deferred
  transaction that reads and then writes could not wait: SQLite refuses its upgrade at once.
- synchronous=FULL: a drawing reported as given is on disk (about 2 ms a drawing here).
- A connection per transaction: threads and processes share nothing but the file. One more connection stays open,
  idle, for as long as the object lives: without it each transaction's close would be the file's last and would
  fold the whole WAL back into the file every time (a give took 15 ms here instead of 6).
- The file is made whole in a temporary file and linked into place, so this code never creates tables in a file
  that is already there. A file that is not ours, of a later version, or damaged is reported (DamagedClassSet)
  and never written to: it is checked through a read-only connection before any write.
- A file of an earlier version is brought up to this one in place, in one `BEGIN IMMEDIATE` transaction (MIGRATIONS),
  after the same read-only checks: a migration killed half-way leaves the earlier version, whole, for the next try.
  Version 2 (issue #33) added `approved`: drawings given while the teacher reviews first wait, unseen, until approved.
- Move the file only while the server is stopped. Moved while in use, its latest changes stay behind in its WAL
  (SQLite does not fold a WAL into a file that was moved); a new file is not made beside that WAL, which SQLite would
  read as the new file's own: a clear error says to move the WAL along.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.request import pathname2url

from mnist_core.durable import fsync_path
from mnist_core.errors import ClassSetError, DamagedClassSet

SCHEMA_VERSION = 2
APPLICATION = "mnist-classroom class drawings"  # the schema_version row that says a file is ours
BUSY_TIMEOUT_SECONDS = 30.0  # a write waits its turn this long at most; thirty gives take well under a second
SQLITE_HEADER = b"SQLite format 3\x00"
IMAGE_BYTES = 28 * 28 * 4  # float32
PROBABILITY_BYTES = 10 * 4

SCHEMA = f"""
CREATE TABLE schema_version (
    application TEXT NOT NULL,
    version INTEGER NOT NULL
);
INSERT INTO schema_version VALUES ('{APPLICATION}', {SCHEMA_VERSION});
CREATE TABLE drawings (
    -- AUTOINCREMENT: an id is never used twice, even after deletions, so "the drawings up to id N" always means
    -- the same drawings (less any deleted): a training in another process re-reads its class set by that id.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    student TEXT NOT NULL,  -- the name as shown
    student_key TEXT NOT NULL,  -- students.identity(name): the same student on every device
    label INTEGER NOT NULL CHECK (label BETWEEN 0 AND 9),  -- the digit the student meant
    reading INTEGER NOT NULL CHECK (reading BETWEEN 0 AND 9),  -- what the model read
    probabilities BLOB NOT NULL CHECK (length(probabilities) = {PROBABILITY_BYTES}),  -- its ten, float32
    run_id TEXT NOT NULL,  -- the run that read it
    created REAL NOT NULL,  -- when it was given: seconds since 1970 (UTC)
    -- 1: counts everywhere; 0: waits for the teacher's review (a rejected drawing is deleted). Last, as version 2
    -- added it to version-1 files: a new file and a migrated one have the same table.
    approved INTEGER NOT NULL DEFAULT 1 CHECK (approved IN (0, 1))
);
CREATE INDEX drawings_by_student ON drawings (student_key, created);
-- The pictures in a table of their own: the drawings' rows stay small (a hundred bytes, not three kilobytes), so
-- counting, listing and splitting the class set read a few pages rather than every picture.
CREATE TABLE pictures (
    id INTEGER PRIMARY KEY REFERENCES drawings (id) ON DELETE CASCADE,
    image BLOB NOT NULL CHECK (length(image) = {IMAGE_BYTES}),  -- 28 x 28 float32 (little-endian) in 0..1
    strokes TEXT NOT NULL  -- the canvas's JSON
);
"""

# How a file of each earlier version becomes the next one: statements run in one transaction, with the version row.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # Drawings given before review existed were seen by the class already: they count as approved (the default).
    1: ("ALTER TABLE drawings ADD COLUMN approved INTEGER NOT NULL DEFAULT 1 CHECK (approved IN (0, 1))",),
}


class ClassDatabase:
    """One class drawings file. Safe to share between threads; other processes may use the same file at once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._whole_file: tuple[int, int] | None = None  # (device, inode) of the file last found whole
        self._check_lock = threading.Lock()
        self._keep_open: sqlite3.Connection | None = None  # the idle connection that keeps the WAL (see above)

    def check(self) -> None:
        """Make the file if there is none, else make sure it is a whole class drawings database of this version
        (one of an earlier version is migrated first).

        Raises DamagedClassSet (never touching the file) or ClassSetError. Cheap after the first time:
        a file is checked again only when another file has taken its place, or after an SQLite error.
        """
        with self._check_lock:
            try:
                status = os.stat(self.path)
            except FileNotFoundError:
                self._close_kept()  # moved away or deleted: let go of it
                _create(self.path)
                status = os.stat(self.path)
            except OSError as error:
                raise ClassSetError(f"The class drawings file {self.path} cannot be read ({error}).") from None
            file = (status.st_dev, status.st_ino)
            if self._whole_file != file:
                self._close_kept()
                if _check_whole(self.path) != SCHEMA_VERSION:
                    _migrate(self.path)
                self._whole_file = file
                self._keep_open = _kept_connection(self.path)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction on a connection of its own, committed at the end of the block (rolled back on an error).

        SQLite's errors become ClassSetError; any other exception (a Refusal) passes through after the rollback.
        """
        self.check()
        try:
            # mode=rw: a file that vanished is an error here, never a new empty file. `timeout` is SQLite's busy
            # timeout: how long a statement waits for another connection's lock before giving up.
            connection = sqlite3.connect(
                _uri(self.path, "rw"), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
            )
        except sqlite3.Error as error:
            raise ClassSetError(f"The class drawings file {self.path} cannot be opened ({error}).") from None
        try:
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")  # a drawing deleted takes its picture along
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            with self._check_lock:
                self._whole_file = None  # look at the whole file again before the next use
            raise _sqlite_error(self.path, error) from None
        finally:
            connection.close()  # a transaction still open is rolled back

    def _close_kept(self) -> None:
        if self._keep_open is not None:
            self._keep_open.close()
            self._keep_open = None


def _kept_connection(path: Path) -> sqlite3.Connection | None:
    """An idle connection that has read the file once, so it holds the WAL open; None when it cannot be made."""
    # check_same_thread=False: made by whichever thread checks first, closed by whichever finds another file.
    connection = sqlite3.connect(_uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM schema_version").fetchone()
    except sqlite3.Error:
        connection.close()
        return None  # only slower without it; the next transaction reports what is wrong
    return connection


def _uri(path: Path, mode: str) -> str:
    return f"file:{pathname2url(str(path.absolute()))}?mode={mode}"


def _create(path: Path) -> None:
    """A new, empty class drawings file, made whole beside `path` and then linked into place.

    os.link never replaces a file: when another thread or process made one first, theirs stays and this one goes.
    """
    leftover = Path(f"{path}-wal")
    if leftover.exists():  # SQLite would read it as the new file's latest changes
        raise ClassSetError(
            f"{leftover} is there, but not the class drawings file it belongs to ({path}): it was moved or deleted "
            f"while in use. Move {leftover.name} and {path.name}-shm to where the file went (or delete them)."
        )
    temp = path.with_name(f".{path.name}.new-{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(temp, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")  # kept in the file: every later connection uses WAL
            connection.executescript(f"BEGIN; {SCHEMA} COMMIT;")
        finally:
            connection.close()  # writes everything into the file itself and removes its WAL
        fsync_path(temp)
        with suppress(FileExistsError):
            os.link(temp, path)
        fsync_path(path.parent)
    except (OSError, sqlite3.Error) as error:
        raise ClassSetError(f"The class drawings file {path} could not be made ({error}).") from None
    finally:
        temp.unlink(missing_ok=True)


def _check_whole(path: Path) -> int:
    """The file's version; DamagedClassSet unless it is a whole class drawings database of this version or one this
    code migrates. Only reads it."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        raise ClassSetError(f"The class drawings file {path} cannot be read ({error}).") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DamagedClassSet(path, "it is not an SQLite database (damaged, cut short, or another kind of file)")
    try:
        connection = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            ours = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").fetchone()
            rows = connection.execute("SELECT application, version FROM schema_version").fetchall() if ours[0] else []
            if len(rows) != 1 or rows[0][0] != APPLICATION:
                raise DamagedClassSet(path, "it is an SQLite database, but not one of class drawings")
            version = rows[0][1]
            if version != SCHEMA_VERSION and version not in MIGRATIONS:
                raise DamagedClassSet(path, f"it is version {version}; this app reads version {SCHEMA_VERSION}")
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DamagedClassSet(path, f"SQLite finds it damaged ({'; '.join(problems[:3])})")
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise _sqlite_error(path, error) from None
    return int(version)


def _migrate(path: Path) -> None:
    """Bring a whole file of an earlier version up to SCHEMA_VERSION in one transaction: all of it, or nothing.

    The version is read again inside the transaction: another process may have migrated the file meanwhile.
    """
    try:
        connection = sqlite3.connect(_uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise ClassSetError(f"The class drawings file {path} cannot be opened ({error}).") from None
    try:
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("BEGIN IMMEDIATE")
        (version,) = connection.execute("SELECT version FROM schema_version").fetchone()
        while version != SCHEMA_VERSION:
            if version not in MIGRATIONS:  # a newer app's file after all: leave it be
                raise DamagedClassSet(path, f"it is version {version}; this app reads version {SCHEMA_VERSION}")
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            version += 1
            connection.execute("UPDATE schema_version SET version = ?", (version,))
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        raise _sqlite_error(path, error) from None
    finally:
        connection.close()  # a transaction still open is rolled back


def _sqlite_error(path: Path, error: sqlite3.Error) -> ClassSetError:
    if isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error)):
        return ClassSetError(f"The class drawings file {path} stayed busy for {BUSY_TIMEOUT_SECONDS:.0f} s.")
    if type(error) is sqlite3.DatabaseError:  # SQLite's "database disk image is malformed", "file is not a database"
        return DamagedClassSet(path, f"SQLite says: {error}")
    return ClassSetError(f"The class drawings file {path} cannot be used (SQLite says: {error}).")
