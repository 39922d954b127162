"""One SQLAlchemy Engine per database URL and process, set up for the class's shared state, and its errors in words.

SQLite (the default, one file beside the runs) keeps every guarantee the class set had with plain sqlite3:
- The DBAPI connection is opened with `isolation_level=None`, so pysqlite emits no BEGIN or COMMIT of its own, and
  the engine's "begin" event emits ours: `BEGIN IMMEDIATE` for a write, which takes the write lock first, so a second
  writer waits in SQLite's busy handler (up to BUSY_TIMEOUT_SECONDS) instead of failing with "database is locked"
  (SQLAlchemy's pysqlite notes, "Serializable isolation / Savepoints / Transactional DDL"); a plain `BEGIN` to read.
- Every connection sets synchronous=FULL (a drawing reported as given is on disk) and foreign_keys=ON (a drawing
  deleted takes its picture along).
- It opens the file with `mode=rw`: a file that vanished is an error, never a new empty file.
- NullPool: a connection per transaction, as before. Nothing stays open once the last user of the file lets go, so
  SQLite folds its WAL back into the file; the one idle connection that keeps the WAL open while the app runs is
  kept by classset's ClassDatabase (see mnist_core/database/sqlite_file.py).

PostgreSQL (`postgresql+psycopg://…`): a small pool (POOL_SIZE, plus POOL_OVERFLOW at a peak), and `pool_pre_ping`,
so a connection left over from before a server restart is noticed and replaced: after an outage the first call
fails with a clear error, the next works.

An Engine is cached by (process id, URL): a forked child never reuses its parent's connections.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from mnist_core.errors import ClassSetError, DamagedClassSet

BUSY_TIMEOUT_SECONDS = 30.0  # a write waits its turn this long at most; thirty gives take well under a second
POOL_SIZE = 4  # connections a process keeps to PostgreSQL: a Streamlit process's writes take a millisecond or two
POOL_OVERFLOW = 8  # more at a peak, closed again after
CONNECT_TIMEOUT_SECONDS = 10  # a PostgreSQL server that does not answer: say so rather than hang a page
WRITE = "mnist_write"  # the execution option that makes a transaction start with BEGIN IMMEDIATE on SQLite

_engines: dict[tuple[int, str], Engine] = {}
_engines_lock = threading.Lock()


def parse_url(url: str) -> URL:
    """The URL parsed; ClassSetError (the URL shown without its password) when it is not a database URL."""
    try:
        return make_url(url)
    except ArgumentError:
        raise ClassSetError(
            "The class database URL (MNIST_APP_DATABASE_URL) is not a database URL; it looks like "
            "postgresql+psycopg://user:password@host:5432/database or sqlite:////path/to/file.sqlite3."
        ) from None


def shown_url(url: str | URL) -> str:
    """The URL as it may be shown or logged: its password, if any, as ***."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return parsed.render_as_string(hide_password=True)


def is_sqlite(url: str | URL) -> bool:
    parsed = parse_url(url) if isinstance(url, str) else url
    return parsed.get_backend_name() == "sqlite"


def sqlite_path(url: str | URL) -> Path:
    """The file an sqlite:/// URL names (ClassSetError for an in-memory database: the class set must be a file)."""
    parsed = parse_url(url) if isinstance(url, str) else url
    if not parsed.database or parsed.database == ":memory:":
        raise ClassSetError("The class database must be a file (sqlite:////path/to/file.sqlite3), not in memory.")
    return Path(parsed.database)


def url_of(database: Path | str) -> str:
    """A database given as a Path (an SQLite file, as before) or a URL, as a URL."""
    if isinstance(database, Path) or "://" not in str(database):
        return f"sqlite:///{Path(database).absolute()}"
    return str(database)


def engine_for(url: str) -> Engine:
    """This process's one Engine for `url` (made on first use; making it connects to nothing)."""
    key = (os.getpid(), url)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = sqlite_engine(sqlite_path(url)) if is_sqlite(url) else _server_engine(url)
            _engines[key] = engine
        return engine


def sqlite_engine(path: Path, mode: str = "rw") -> Engine:
    """An Engine of its own for one SQLite file (engine_for caches these): `mode` "rw", "ro" or "rwc" (may create)."""
    uri = sqlite_uri(path, mode)

    def connect() -> sqlite3.Connection:
        # check_same_thread=False: SQLAlchemy may close a connection on another thread than the one that opened it.
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _set_up(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous = FULL")
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _server_engine(url: str) -> Engine:
    connect_args = (
        {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if parse_url(url).get_backend_name() == "postgresql" else {}
    )
    try:
        return create_engine(
            url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, connect_args=connect_args
        )
    except (ArgumentError, ImportError) as error:  # an unknown dialect or a driver that is not installed
        raise ClassSetError(f"The class database {shown_url(url)} cannot be used ({error}).") from None


def sqlite_uri(path: Path, mode: str) -> str:
    return f"file:{pathname2url(str(path.absolute()))}?mode={mode}"


@contextmanager
def transaction(engine: Engine, write: bool = False) -> Iterator[Connection]:
    """One transaction, committed at the end of the block, rolled back on any exception (which passes through)."""
    with engine.connect() as connection:
        if write:
            connection.execution_options(**{WRITE: True})
        with connection.begin():
            yield connection


def lock_for_writing(connection: Connection, name: str) -> None:
    """Make the writers of `name` (a class) take turns until their transactions end, as SQLite's BEGIN IMMEDIATE
    already makes every writer do; on PostgreSQL a transaction-scoped advisory lock on the name's hash."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})


def database_error(url: str, error: SQLAlchemyError) -> ClassSetError:
    """A database failure as a message a teacher can act on; never the URL's password."""
    original = getattr(error, "orig", None)
    if is_sqlite(url):
        if isinstance(original, sqlite3.Error):
            return sqlite_error(sqlite_path(url), original)
        return ClassSetError(f"The class drawings file {sqlite_path(url)} cannot be used ({_first_line(error)}).")
    where = shown_url(url)
    said = _first_line(original if original is not None else error)
    if "authentication failed" in said or "no pg_hba.conf entry" in said:
        return ClassSetError(
            f"The class database at {where} refuses this app's login: check the user name and password in "
            f"MNIST_APP_DATABASE_URL. ({said})"
        )
    if isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    ):
        return ClassSetError(
            f"The class database at {where} cannot be reached; is it running? Nothing was changed by this request; "
            f"try again once it is back. ({said})"
        )
    return ClassSetError(f"The class database at {where} cannot be used ({said}).")


def sqlite_error(path: Path, error: sqlite3.Error) -> ClassSetError:
    if isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error)):
        return ClassSetError(f"The class drawings file {path} stayed busy for {BUSY_TIMEOUT_SECONDS:.0f} s.")
    if type(error) is sqlite3.DatabaseError:  # SQLite's "database disk image is malformed", "file is not a database"
        return DamagedClassSet(path, f"SQLite says: {error}")
    return ClassSetError(f"The class drawings file {path} cannot be used (SQLite says: {error}).")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
