"""A database of an earlier version brought up to SCHEMA_VERSION, and a new one made, on SQLite and PostgreSQL.

Why a version table and not Alembic: the app migrates by itself, in process, the first time it opens a database
(a teacher never runs a migration command), on both engines, and only after its own checks have found an SQLite file
whole and ours (damaged, foreign and newer files are reported and never written: sqlite_file.py). Alembic would bring
a migration environment, an `alembic_version` table beside our `schema_version` row (which already says whose a file
is), and a script folder to ship, for two small migrations. The version table does the same in one transaction:
every step of every version and the new version number, all of it or nothing, so a migration killed half-way leaves
the earlier version, whole, for the next try. Should migrations grow (renames, data moves, many versions), Alembic's
`op` functions and batch mode for SQLite are the way to go, starting from version 3 as its base.

Each version's steps are plain SQL that both engines run; tables new in a version come from schema.py (created when
missing, after the steps).
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, select, update

from mnist_core.config import DEFAULT_CLASS_NAME
from mnist_core.database.schema import APPLICATION, SCHEMA_VERSION, metadata, schema_version

# How a database of each earlier version becomes the next one: statements run in one transaction, with the version.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # Version 2 (issue #33): drawings given before review existed were seen by the class already: they count as
    # approved (the default).
    1: ("ALTER TABLE drawings ADD COLUMN approved INTEGER NOT NULL DEFAULT 1 CHECK (approved IN (0, 1))",),
    # Version 3 (issue #30): several classes in one database. The drawings there were the one class's, which is now
    # called the default class name; the student index leads with the class. New tables: class_settings, line_jobs.
    2: (
        f"ALTER TABLE drawings ADD COLUMN class_name TEXT NOT NULL DEFAULT '{DEFAULT_CLASS_NAME}'",
        "DROP INDEX drawings_by_student",
        "CREATE INDEX drawings_by_class_student ON drawings (class_name, student_key, created)",
    ),
}


class NewerVersion(Exception):
    """The database is of a version this code does not know (a later app's): it must not be touched."""

    def __init__(self, version: int) -> None:
        super().__init__(f"it is version {version}; this app reads version {SCHEMA_VERSION}")
        self.version = version


def create(connection: Connection) -> None:
    """Every table of this version, and the version row, in the caller's transaction."""
    metadata.create_all(connection)
    connection.execute(schema_version.insert().values(application=APPLICATION, version=SCHEMA_VERSION))


def is_empty(connection: Connection) -> bool:
    """No schema_version table yet: a new database, for create()."""
    return not inspect(connection).has_table(schema_version.name)


def read_version(connection: Connection) -> int | None:
    """The database's version, or None when its version row is missing or not ours."""
    rows = connection.execute(select(schema_version.c.application, schema_version.c.version)).all()
    if len(rows) != 1 or rows[0][0] != APPLICATION:
        return None
    return int(rows[0][1])


def known(version: int) -> bool:
    """This code reads or migrates a database of `version`."""
    return version == SCHEMA_VERSION or version in MIGRATIONS


def migrate(connection: Connection) -> int:
    """Bring the database up to SCHEMA_VERSION inside the caller's write transaction; the version it was.

    The version is read inside the transaction: another process may have migrated the database meanwhile.
    NewerVersion when it is of a version this code does not know.
    """
    (was,) = connection.execute(select(schema_version.c.version)).one()
    version = int(was)
    while version != SCHEMA_VERSION:
        if version not in MIGRATIONS:  # a newer app's database after all: leave it be
            raise NewerVersion(version)
        for statement in MIGRATIONS[version]:
            connection.exec_driver_sql(statement)
        version += 1
        connection.execute(update(schema_version).values(version=version))
    if int(was) != SCHEMA_VERSION:
        metadata.create_all(connection, checkfirst=True)  # the tables new in these versions
    return int(was)
