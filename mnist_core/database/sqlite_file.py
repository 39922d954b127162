"""An SQLite class database file kept whole: made whole before it is there, checked before it is written.

- The file is made whole in a temporary file and linked into place, so this code never creates tables in a file
  that is already there. os.link never replaces a file: when another thread or process made one first, theirs
  stays and this one goes.
- A file that is not ours, of a later version, or damaged is reported (DamagedClassSet) and never written to: it is
  checked through a read-only connection (plain sqlite3, outside any Engine) before any write.
- Move the file only while the server is stopped. Moved while in use, its latest changes stay behind in its WAL
  (SQLite does not fold a WAL into a file that was moved); a new file is not made beside that WAL, which SQLite would
  read as the new file's own: a clear error says to move the WAL along.
- One idle connection stays open while the app uses the file (kept_connection): without it each transaction's close
  would be the file's last and would fold the whole WAL back into the file every time (a give took 15 ms here
  instead of 6).
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from contextlib import suppress
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from mnist_core.database import migrations
from mnist_core.database.engine import BUSY_TIMEOUT_SECONDS, sqlite_engine, sqlite_error, sqlite_uri, transaction
from mnist_core.database.schema import APPLICATION
from mnist_core.durable import fsync_path
from mnist_core.errors import ClassSetError, DamagedClassSet

SQLITE_HEADER = b"SQLite format 3\x00"


def create(path: Path) -> None:
    """A new, empty class database file of this version, made whole beside `path` and then linked into place."""
    leftover = Path(f"{path}-wal")
    if leftover.exists():  # SQLite would read it as the new file's latest changes
        raise ClassSetError(
            f"{leftover} is there, but not the class drawings file it belongs to ({path}): it was moved or deleted "
            f"while in use. Move {leftover.name} and {path.name}-shm to where the file went (or delete them)."
        )
    temp = path.with_name(f".{path.name}.new-{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        first = sqlite3.connect(temp, isolation_level=None)
        try:
            first.execute("PRAGMA journal_mode = WAL")  # kept in the file: every later connection uses WAL
        finally:
            first.close()
        engine = sqlite_engine(temp, "rw")
        try:
            with transaction(engine, write=True) as connection:
                migrations.create(connection)
        finally:
            engine.dispose()  # its last connection closed: everything is in the file itself, and its WAL is gone
        fsync_path(temp)
        with suppress(FileExistsError):
            os.link(temp, path)
        fsync_path(path.parent)
    except (OSError, sqlite3.Error, SQLAlchemyError) as error:
        raise ClassSetError(f"The class drawings file {path} could not be made ({error}).") from None
    finally:
        temp.unlink(missing_ok=True)


def check_whole(path: Path) -> int:
    """The file's version; DamagedClassSet unless it is a whole class database of this version or one this code
    migrates. Only reads it."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        raise ClassSetError(f"The class drawings file {path} cannot be read ({error}).") from None
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DamagedClassSet(path, "it is not an SQLite database (damaged, cut short, or another kind of file)")
    try:
        connection = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            ours = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'").fetchone()
            rows = connection.execute("SELECT application, version FROM schema_version").fetchall() if ours[0] else []
            if len(rows) != 1 or rows[0][0] != APPLICATION:
                raise DamagedClassSet(path, "it is an SQLite database, but not one of class drawings")
            version = int(rows[0][1])
            if not migrations.known(version):
                raise DamagedClassSet(path, str(migrations.NewerVersion(version)))
            problems = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise DamagedClassSet(path, f"SQLite finds it damaged ({'; '.join(problems[:3])})")
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise sqlite_error(path, error) from None
    return version


def kept_connection(path: Path) -> sqlite3.Connection | None:
    """An idle connection that has read the file once, so it holds the WAL open; None when it cannot be made."""
    # check_same_thread=False: made by whichever thread checks first, closed by whichever finds another file.
    connection = sqlite3.connect(
        sqlite_uri(path, "rw"), uri=True, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    try:
        connection.execute("SELECT count(*) FROM schema_version").fetchone()
    except sqlite3.Error:
        connection.close()
        return None  # only slower without it; the next transaction reports what is wrong
    return connection
