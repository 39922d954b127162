"""One class database, SQLite file or PostgreSQL server: made or migrated on first use, then one transaction at a
time. Everything that runs SQL on the class's shared state goes through ClassDatabase.transaction.

SQLite (sqlite_file.py): the file is made whole in a temporary file and linked into place; before any write it is
checked read-only, and a damaged, foreign or newer file is reported (DamagedClassSet) and never written; a file of an
earlier version is migrated in one `BEGIN IMMEDIATE` transaction (migrations.py). The check is cheap after the first
time: it runs again only when another file has taken the path's place, or after an SQLite error.

PostgreSQL: the tables are made, or migrated, in one transaction under an advisory lock, so two app servers starting
together make them once. A database whose version row is not ours, or is of a later version, is reported and
never written.

Any database failure becomes a ClassSetError that says what to do (engine.database_error), without the password.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from mnist_core.database import migrations, sqlite_file
from mnist_core.database.engine import (
    database_error,
    engine_for,
    is_sqlite,
    shown_url,
    sqlite_path,
    transaction,
    url_of,
)
from mnist_core.errors import ClassSetError, DamagedClassSet

SCHEMA_LOCK = 7_301_930  # the advisory lock PostgreSQL's schema check takes: any fixed number of ours

# The server databases this process found of this version: a store made per request (the settings) checks once.
# Not for SQLite files: a file may be damaged in place between two stores, and each store checks it first.
_servers_checked: set[str] = set()


class ClassDatabase:
    """One class database. Safe to share between threads; other processes may use the same database at once."""

    def __init__(self, database: Path | str) -> None:
        self.url = url_of(database)
        self.path: Path | None = sqlite_path(self.url) if is_sqlite(self.url) else None
        self._whole_file: tuple[int, int] | None = None  # (device, inode) of the SQLite file last found whole
        self._check_lock = threading.Lock()
        self._keep_open = None  # SQLite: the idle connection that keeps the WAL open (sqlite_file.py)

    def where(self) -> str:
        """The database as a person may read it: the SQLite file's path, or the URL without its password."""
        return str(self.path) if self.path is not None else shown_url(self.url)

    def check(self) -> None:
        """Make the database if there is none, else make sure it is a whole class database of this version (one of
        an earlier version is migrated first).

        Raises DamagedClassSet (never touching the file) or ClassSetError.
        """
        with self._check_lock:
            if self.path is None:
                if self.url not in _servers_checked:
                    self._check_server()
                    _servers_checked.add(self.url)
                return
            try:
                status = os.stat(self.path)
            except FileNotFoundError:
                self._close_kept()  # moved away or deleted: let go of it
                sqlite_file.create(self.path)
                status = os.stat(self.path)
            except OSError as error:
                raise ClassSetError(f"The class drawings file {self.path} cannot be read ({error}).") from None
            file = (status.st_dev, status.st_ino)
            if self._whole_file != file:
                self._close_kept()
                if sqlite_file.check_whole(self.path) != migrations.SCHEMA_VERSION:
                    self._migrate_file()
                self._whole_file = file
                self._keep_open = sqlite_file.kept_connection(self.path)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Connection]:
        """One transaction, committed at the end of the block (rolled back on an error). A write on SQLite starts
        with BEGIN IMMEDIATE (engine.py).

        Database errors become ClassSetError; any other exception (a Refusal) passes through after the rollback.
        """
        self.check()
        try:
            with transaction(engine_for(self.url), write) as connection:
                yield connection
        except SQLAlchemyError as error:
            with self._check_lock:
                self._whole_file = None  # look at the whole file again before the next use
                _servers_checked.discard(self.url)
            raise database_error(self.url, error) from None

    def _migrate_file(self) -> None:
        assert self.path is not None
        try:
            with transaction(engine_for(self.url), write=True) as connection:
                migrations.migrate(connection)
        except migrations.NewerVersion as newer:  # a newer app's file after all: leave it be
            raise DamagedClassSet(self.path, str(newer)) from None
        except SQLAlchemyError as error:
            raise database_error(self.url, error) from None

    def _check_server(self) -> None:
        try:
            with transaction(engine_for(self.url), write=True) as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
                if migrations.is_empty(connection):
                    migrations.create(connection)
                    return
                version = migrations.read_version(connection)
                if version is None:
                    raise ClassSetError(
                        f"The class database at {self.where()} holds tables of something else (its schema_version "
                        "is not ours). It is left as it is: name another database in MNIST_APP_DATABASE_URL."
                    )
                migrations.migrate(connection)
        except migrations.NewerVersion as newer:
            raise ClassSetError(
                f"The class database at {self.where()} cannot be used: {newer}. It is left as it is; update this app."
            ) from None
        except SQLAlchemyError as error:
            raise database_error(self.url, error) from None

    def _close_kept(self) -> None:
        if self._keep_open is not None:
            self._keep_open.close()
            self._keep_open = None
